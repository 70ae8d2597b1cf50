// The genogram's crossing reduction at the level of its sweep state: sifting hand-made
// rows, lines and blocks, to see what one move does where the whole layout has many.
#include "layouts/genogram_sweep.hpp"

#include <doctest/doctest.h>

using namespace kring;
using kring::genogram_detail::sweep::Sweep;

namespace {

// A sweep over rows of single persons (each its own block, one family, birth dates known)
// and single parents' unions: `rows` holds the persons of each row left to right (indices
// 0..n-1), `unions` each parent with their children in birth order.
Sweep make_sweep(const std::vector<std::vector<int>>& rows, const std::vector<std::pair<int, std::vector<int>>>& unions) {
    Sweep s;
    std::size_t n = 0;
    for (const auto& r : rows) n += r.size();
    s.id.resize(n);
    s.row_of.resize(n);
    s.pos.assign(n, 0);
    s.comp.assign(n, 0);
    s.pinned.assign(n, false);
    s.dated.assign(n, true);
    s.edge_union.assign(n, -1);
    s.parent_union.assign(n, -1);
    s.block_of.assign(n, -1);
    s.down.assign(rows.size(), {});
    s.band.assign(rows.size(), {});
    s.sibs.assign(rows.size(), {});
    s.order.assign(rows.size(), {});
    for (std::size_t r = 0; r < rows.size(); ++r) {
        s.order_len.push_back(rows[r].size());
        for (int p : rows[r]) {
            s.id[static_cast<std::size_t>(p)] = PersonId(static_cast<std::uint32_t>(p) + 1);
            s.row_of[static_cast<std::size_t>(p)] = static_cast<int>(r);
            s.block_of[static_cast<std::size_t>(p)] = static_cast<int>(s.blocks.size());
            s.order[r].push_back(static_cast<int>(s.blocks.size()));
            s.blocks.push_back({{p}, false, false, 0, static_cast<int>(r)});
        }
    }
    std::size_t lines = 0;
    for (const auto& u : unions) lines += u.second.size();
    s.line_flat.reserve(lines);  // the unions' spans point into it: no moving while it fills
    std::vector<std::pair<int, int>> owners;
    for (const auto& [parent, kids] : unions) {
        const int ui = static_cast<int>(s.unions.size());
        Sweep::U u;
        u.a = parent;
        u.row = s.row_of[static_cast<std::size_t>(parent)];
        s.line_flat.insert(s.line_flat.end(), kids.begin(), kids.end());
        u.kids = u.lines = std::span<const int>(s.line_flat).last(kids.size());
        for (int k : kids) s.parent_union[static_cast<std::size_t>(k)] = ui, s.edge_union[static_cast<std::size_t>(k)] = ui;
        owners.push_back({parent, ui});
        s.down[static_cast<std::size_t>(u.row)].push_back(ui);
        s.band[static_cast<std::size_t>(u.row)].push_back(ui);
        s.sibs[static_cast<std::size_t>(u.row) + 1].push_back(ui);
        s.unions.push_back(std::move(u));
    }
    s.set_own(owners);
    for (std::size_t r = 0; r < rows.size(); ++r) s.refresh(r);
    s.runs = true;
    return s;
}

std::vector<int> persons_of_row(const Sweep& s, std::size_t r) {
    std::vector<int> out;
    for (int b : s.order[r])
        for (int m : s.blocks[static_cast<std::size_t>(b)].members) out.push_back(m);
    return out;
}

}  // namespace

TEST_CASE("genogram sweep: siblings move past another family as a run where one at a time cannot") {
    // P's children P1, P2 and Q's children Q1, Q2 interleave on row 1 (Q1 P1 P2 Q2), with
    // their own children on row 2: 10 crossings. Sifting one block at a time gets to
    // P1 P2 Q1 Q2 (8): from there no single sibling gains by passing the other family on
    // its own, and none may pass its brother or sister. Moving a sibship as a run does:
    // Q1 Q2 P1 P2, 6 crossings, each sibship still in birth order.
    enum { P, Q, Q1, P1, P2, Q2, Q2a, Q2b, P2a, P1a, P1b };
    auto make = [] {
        return make_sweep({{P, Q}, {Q1, P1, P2, Q2}, {Q2a, Q2b, P2a, P1a, P1b}},
                          {{P, {P1, P2}}, {Q, {Q1, Q2}}, {P1, {P1a, P1b}}, {P2, {P2a}}, {Q2, {Q2a, Q2b}}});
    };
    constexpr long kLine = 8 * 8;  // a crossing of two real lines
    Sweep s = make();
    CHECK(s.crossings() == 10 * kLine);
    CHECK(s.sift(1) == 4 * kLine);
    CHECK(s.crossings() == 6 * kLine);
    CHECK(persons_of_row(s, 1) == std::vector<int>{Q1, Q2, P1, P2});

    SUBCASE("not without runs") {
        Sweep p = make();
        p.runs = false;
        CHECK(p.sift(1) == 2 * kLine);
        CHECK(persons_of_row(p, 1) == std::vector<int>{P1, P2, Q1, Q2});
    }
    SUBCASE("never past a pinned block") {
        Sweep p = make();
        p.blocks[static_cast<std::size_t>(p.block_of[Q2])].pinned = true;
        p.sift(1);
        const auto row = persons_of_row(p, 1);
        CHECK(row.back() == Q2);
        CHECK(std::find(row.begin(), row.end(), P1) < std::find(row.begin(), row.end(), P2));
    }
}
