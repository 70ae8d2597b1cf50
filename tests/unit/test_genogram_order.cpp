// The genogram's recorded order (CaseInfo::genogram_order): with it, an edit places only
// what is new and everybody else stays where they were drawn.
#include "core/generate.hpp"
#include "core/import.hpp"
#include "layouts/genogram.hpp"
#include "layouts/genogram_internal.hpp"
#include "layouts/genogram_metrics.hpp"

#include "test_import_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>

using namespace kring;

namespace {

enum class Newcomer { Partner, Child, Parent };

// A new person related to `p` as `kind`; nullopt when p cannot get one (two parents already).
std::optional<PersonId> add_newcomer(Case& c, const Person& p, Newcomer kind) {
    if (kind == Newcomer::Parent && c.parents_of(p.id).size() >= 2) return std::nullopt;
    Person q;
    q.id = c.new_person_id();
    q.given = "Nieuw";
    q.sex = p.sex == Sex::Male ? Sex::Female : Sex::Male;
    q.birth = kind == Newcomer::Child ? PartialDate{2026, 1, 1, false} : p.birth;
    c.put(q);
    Relation r;
    r.id = c.new_relation_id();
    r.kind = kind == Newcomer::Partner ? RelationKind::Partner : RelationKind::ParentChild;
    r.a = kind == Newcomer::Parent ? q.id : p.id;
    r.b = kind == Newcomer::Parent ? p.id : q.id;
    c.put(r);
    return q.id;
}

genogram_detail::Rows rows_of(const Case& c) {
    genogram_detail::Plan plan;
    (void)genogram_detail::layout_genogram_detailed(c, {}, nullptr, &plan);
    return plan.rows;
}

// Where the persons of `before` moved to in `after`, as text ("" = nobody moved): each
// family (persons joined by partner and parent-child lines) keeps its rows - all of it may
// go one row down when a generation is added above it - and nobody passes anybody on a row.
std::string moves(const Case& c, const genogram_detail::Rows& before, const genogram_detail::Rows& after) {
    std::map<PersonId, PersonId> up;
    std::function<PersonId(PersonId)> root = [&](PersonId x) {
        auto it = up.find(x);
        return it == up.end() || it->second == x ? x : (it->second = root(it->second));
    };
    for (const auto& [id, r] : c.relations())
        if (r.kind == RelationKind::Partner || r.kind == RelationKind::ParentChild) up[root(r.a)] = root(r.b);
    std::map<PersonId, std::pair<int, int>> was, now;  // row, place
    for (int r = 0; r < static_cast<int>(before.size()); ++r)
        for (int i = 0; i < static_cast<int>(before[r].size()); ++i) was[before[r][i]] = {r, i};
    for (int r = 0; r < static_cast<int>(after.size()); ++r)
        for (int i = 0; i < static_cast<int>(after[r].size()); ++i) now[after[r][i]] = {r, i};
    std::map<PersonId, int> shift;  // per family
    for (const auto& [p, w] : was) {
        if (!now.count(p)) return p.str() + " is gone";
        const int d = now[p].first - w.first;
        auto [it, fresh] = shift.emplace(root(p), d);
        if (!fresh && it->second != d) return p.str() + " changed rows apart from its family";
    }
    for (const auto& row : before)
        for (std::size_t i = 0; i + 1 < row.size(); ++i)
            for (std::size_t j = i + 1; j < row.size(); ++j)
                if (now[row[i]].first == now[row[j]].first && now[row[i]].second > now[row[j]].second)
                    return row[j].str() + " passed " + row[i].str();
    return "";
}

}  // namespace

TEST_CASE("genogram order: the layout gives its order, rows top to bottom, pinned persons in their slot") {
    GenerateOptions go;
    go.persons = 60;
    go.seed = 2;
    Case c = generate_family(go);
    Person pinned = *c.person(c.persons().rbegin()->first);
    pinned.genogram_pin = Pin{-5000, -5000};  // far from its slot: the order still has it there
    c.put(pinned);
    const LayoutResult lay = layout_genogram(c);
    std::vector<PersonId> flat;
    for (const auto& row : rows_of(c)) flat.insert(flat.end(), row.begin(), row.end());
    CHECK(lay.order == flat);
    CHECK(lay.order.size() == lay.symbols.size());
    CHECK(genogram_drawn_order(c) == lay.order);
    CHECK(std::find(lay.order.begin(), lay.order.end(), pinned.id) != lay.order.end());
}

TEST_CASE("genogram order: an unchanged case lays out exactly as before with its own order") {
    for (int n : {30, 100, 300})
        for (std::uint32_t seed = 1; seed <= 3; ++seed) {
            CAPTURE(n);
            CAPTURE(seed);
            GenerateOptions go;
            go.persons = n;
            go.seed = seed;
            const Case free = generate_family(go);
            Case hinted = free;
            hinted.info.genogram_order = genogram_drawn_order(free);
            CHECK(genogram_drawn_order(hinted) == hinted.info.genogram_order);
            const LayoutResult a = layout_genogram(free), b = layout_genogram(hinted);
            REQUIRE(a.symbols.size() == b.symbols.size());
            for (const Symbol& s : a.symbols) {
                const Symbol* t = b.symbol_of(s.person);
                REQUIRE(t != nullptr);
                CHECK(t->center.x == s.center.x);
                CHECK(t->center.y == s.center.y);
            }
        }
}

TEST_CASE("genogram order: a new partner, child or parent moves nobody else") {
    // Without a recorded order, the crossing reduction may answer a new partner with a
    // different order of the others (it did in about half of these cases); with it, the
    // drawing keeps everybody and the rules still hold.
    int tried = 0, free_moved = 0;
    for (int n : {30, 100})
        for (std::uint32_t seed = 1; seed <= 3; ++seed) {
            GenerateOptions go;
            go.persons = n;
            go.seed = seed;
            const Case free = generate_family(go);
            const genogram_detail::Rows before_rows = rows_of(free);
            Case hinted = free;
            hinted.info.genogram_order = genogram_drawn_order(free);
            int k = 0;
            for (const auto& [id, p] : free.persons()) {
                if (k++ % 4) continue;
                for (Newcomer kind : {Newcomer::Partner, Newcomer::Child, Newcomer::Parent}) {
                    Case edited = hinted;
                    const auto q = add_newcomer(edited, p, kind);
                    if (!q) continue;
                    CAPTURE(n);
                    CAPTURE(seed);
                    CAPTURE(p.id.str());
                    CAPTURE(static_cast<int>(kind));
                    const std::vector<PersonId> after = genogram_drawn_order(edited);
                    CHECK(std::count(after.begin(), after.end(), *q) == 1);
                    CHECK(moves(edited, before_rows, rows_of(edited)) == "");
                    // The rules are kept as well as when laying out freely.
                    Case unhinted = edited;
                    unhinted.info.genogram_order.clear();
                    if (!moves(edited, before_rows, rows_of(unhinted)).empty()) ++free_moved;
                    const GenogramMetrics mh = measure_genogram(edited), mf = measure_genogram(unhinted);
                    CHECK(mh.symbol_overlaps == 0);
                    CHECK(mh.lines_through_symbols == 0);
                    CHECK(mh.off_row == mf.off_row);
                    CHECK(mh.partners_adjacent >= mf.partners_adjacent);
                    CHECK(mh.sibships_in_order >= mf.sibships_in_order);
                    ++tried;
                }
            }
        }
    CHECK(tried > 60);
    MESSAGE("without a recorded order " << free_moved << " of " << tried << " additions moved someone else");
}

TEST_CASE("genogram order: a partial or stale order still gives a clean drawing of everyone") {
    GenerateOptions go;
    go.persons = 60;
    go.seed = 2;
    Case c = generate_family(go);
    const std::vector<PersonId> full = genogram_drawn_order(c);
    // A few known ids, one of a person removed long ago, one that never existed.
    c.info.genogram_order = {full[5], *PersonId::parse("p9999"), full[1], full[3]};
    const std::vector<PersonId> drawn = genogram_drawn_order(c);
    std::vector<PersonId> a = drawn, b = full;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a == b);  // everybody once, nobody invented
    const GenogramMetrics m = measure_genogram(c);
    for (const auto& p : m.problems) MESSAGE(p);
    CHECK(m.symbol_overlaps == 0);
    CHECK(m.lines_through_symbols == 0);
    CHECK(m.off_row == 0);
    CHECK(m.partners_adjacent == m.partners);
    CHECK(m.sibships_in_order == m.sibships);
}

TEST_CASE("genogram order: tidying up (an empty order) gives the free layout again") {
    GenerateOptions go;
    go.persons = 100;
    go.seed = 4;
    Case c = generate_family(go);
    const std::vector<PersonId> free = genogram_drawn_order(c);
    // An order recorded in another shape: the same persons, each row mirrored.
    std::vector<PersonId> mirrored(free.rbegin(), free.rend());
    c.info.genogram_order = mirrored;
    CHECK(genogram_drawn_order(c) != free);
    c.info.genogram_order.clear();
    CHECK(genogram_drawn_order(c) == free);
}

TEST_CASE("genogram order: the Gramps example tree keeps the rules, few crossings, and its own order unchanged") {
    // 2,157 persons, half the children without birth dates: an imported tree must not change
    // at its first edit, so its free layout has to be one the keep pass leaves alone.
    if (!test::have_shared("example.ged")) return;
    auto r = import_file(test::shared_gramps_dir() / "example.ged");
    REQUIRE_MESSAGE(r.ok(), r.error);
    const GenogramMetrics m = measure_genogram(r.value);
    CHECK(m.symbol_overlaps == 0);
    CHECK(m.lines_through_symbols == 0);
    CHECK(m.sibships_in_order == m.sibships);
    CHECK(m.partners - m.partners_adjacent <= 4);  // three or more partners: not beside all of them
    // The two sides of the home person's pedigree, joined again by two marriages, apart:
    // 556 crossings when only sides nothing else joins were moved, 469 with them; the home
    // couple's own sides moved too once judged after sifting every row, 428; with side
    // moves in the second round as well, 407; with runs of siblings sifted as one, 390.
    CHECK(m.crossings < 410);
    Case hinted = r.value;
    hinted.info.genogram_order = genogram_drawn_order(r.value);
    CHECK(genogram_drawn_order(hinted) == hinted.info.genogram_order);
}
