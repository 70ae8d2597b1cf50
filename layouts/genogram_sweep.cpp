// Genogram: fewer crossings - the order of the skeleton (everyone with a partner or
// children), by layered sweeps over the depth-first order from order_rows.
//
// The depth-first order keeps each family's descendants together, but it cannot see
// that a married-in partner's family, or a branch reached late, would cross fewer lines
// elsewhere. The sweeps permute whole blocks within each row:
//   - a block is a run of partners (a couple; a person with several partners in time
//     order), which always stays contiguous and in its internal order; a plain couple may
//     be mirrored when each partner's own parents lie on that side;
//   - children of one union keep their birth order (their blocks may move apart, the
//     slots they occupy are refilled in birth order); a child whose birth date is not
//     known starts in the recorded order, but sifting may move it past its siblings;
//   - unconnected families keep their order and do not interleave;
//   - a block with a pinned person keeps its place in the row.
// Each union also has a phantom on the row below: one node standing for its children who
// are leaves (see genogram_leaves.cpp), so the sweeps leave room for them under their
// parents; its line weighs an eighth of a real one. Down sweeps order a row by the
// positions of the parents' unions above it, up sweeps by the positions of the children
// below; then, twice, families hanging from the rest by one line move as a whole where
// that line comes down straight (genogram_clusters.cpp), and sifting moves single blocks,
// then runs of siblings, to where they cross least. Crossings are counted on the order
// (union nodes between the partners, lines over several rows spread evenly), the best
// order seen is kept, so the result is never worse than the depth-first order by that
// count. Deterministic, and ties keep the depth-first order.
#include "layouts/genogram_sweep.hpp"

namespace kring::genogram_detail {

using sweep::Sweep;

long optimise(Rows& rows, const Case& /*c*/, const Family& f, const PerPerson<int>& family,
              std::map<UnionKey, PhantomPlace>* phantom_after, OptimisePass pass) {
    const bool polish = pass == OptimisePass::Polish;
    // A large skeleton (persons with a partner or children, and the phantoms): there the
    // layout has time to spare against dot's, and some searches run more often (the side
    // moves, sifting runs of siblings). 500 p is below it, 1,000 p above.
    constexpr std::size_t kLarge = 800;
    Sweep s;
    // Each person's sweep index, by their place in f.persons (-1: not in these rows).
    std::vector<int> ix(f.persons.size(), -1);
    std::size_t total = 0;
    for (const auto& row : rows) total += row.size();
    s.id.reserve(total + f.unions.size());  // the phantoms come after the persons
    s.row_of.reserve(total + f.unions.size());
    s.pos.reserve(total + f.unions.size());
    s.comp.reserve(total + f.unions.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            if (const int d = dense(f, rows[r][i]); d >= 0) ix[static_cast<std::size_t>(d)] = static_cast<int>(s.id.size());
            s.id.push_back(rows[r][i]);
            s.row_of.push_back(static_cast<int>(r));
            s.pos.push_back(static_cast<double>(i));
            const Person* p = f.person(rows[r][i]);
            s.pinned.push_back(p && p->genogram_pin);
            s.dated.push_back(p && !p->birth.empty());
            s.comp.push_back(family.at(rows[r][i]));
        }
    const std::size_t n = s.id.size();
    if (n < 3) return 0;
    auto at = [&](PersonId p) {
        const int d = dense(f, p);
        return d < 0 ? -1 : ix[static_cast<std::size_t>(d)];
    };
    auto row = [&](int i) { return s.row_of[static_cast<std::size_t>(i)]; };

    // Unions and their child edges to the next row.
    s.parent_union.assign(n, -1);
    // Each union's lines in line_flat: its kids, then its phantom (made below, in union
    // order, so its index is known here); each person's unions gathered as (person, union).
    struct LineRange {
        std::size_t at, kids;
        bool phantom;
    };
    std::vector<LineRange> line_range;
    std::vector<std::pair<int, int>> owners;
    std::vector<int> kids;
    int phantoms = 0;
    s.down.assign(rows.size(), {});
    s.band.assign(rows.size(), {});
    s.sibs.assign(rows.size(), {});
    for (const auto& r : rows) s.order_len.push_back(std::max<std::size_t>(1, r.size()));
    std::vector<int> partners(n, 0);  // how many partners each has on their row
    for (const auto& [key, u] : f.unions) {
        const int a = at(u.a), b = u.b ? at(u.b) : -1;
        if (a < 0 || (u.b && b < 0)) continue;
        if (b >= 0 && row(a) == row(b)) {
            ++partners[static_cast<std::size_t>(a)];
            ++partners[static_cast<std::size_t>(b)];
        }
        if (b >= 0 && row(a) != row(b)) continue;
        Sweep::U su{a, b, row(a), {}, -1, {}, key};
        int deepest = su.row;
        kids.clear();
        for (PersonId ch : u.children)
            if (const int k = at(ch); k >= 0 && row(k) > su.row) kids.push_back(k), deepest = std::max(deepest, row(k));
        // A couple has a phantom (below); a single parent only with children in the
        // skeleton, as a first leaf child must not make one.
        const bool phantom = !polish && static_cast<std::size_t>(su.row) + 1 < rows.size() && (b >= 0 || !kids.empty());
        if (phantom) deepest = std::max(deepest, su.row + 1);
        else if (kids.empty()) continue;
        line_range.push_back({s.line_flat.size(), kids.size(), phantom});
        s.line_flat.insert(s.line_flat.end(), kids.begin(), kids.end());
        if (phantom) s.line_flat.push_back(static_cast<int>(n) + phantoms++);
        for (int k : kids) {
            auto& sr = s.sibs[static_cast<std::size_t>(row(k))];
            if (sr.empty() || sr.back() != static_cast<int>(s.unions.size())) sr.push_back(static_cast<int>(s.unions.size()));
        }
        for (int r = su.row; r < deepest; ++r) s.band[static_cast<std::size_t>(r)].push_back(static_cast<int>(s.unions.size()));
        const int ui = static_cast<int>(s.unions.size());
        for (int k : kids) s.parent_union[static_cast<std::size_t>(k)] = ui;
        owners.push_back({a, ui});
        if (b >= 0) owners.push_back({b, ui});
        s.down[static_cast<std::size_t>(su.row)].push_back(ui);
        s.unions.push_back(std::move(su));
    }

    for (std::size_t ui = 0; ui < s.unions.size(); ++ui) {
        const LineRange& lr = line_range[ui];
        const std::span<const int> all{s.line_flat.data() + lr.at, lr.kids + (lr.phantom ? 1 : 0)};
        s.unions[ui].kids = all.first(lr.kids);
        s.unions[ui].lines = all;
    }

    s.edge_union = s.parent_union;
    // Phantoms: one per union, on the row below, for the children who are leaves.
    for (std::size_t ui = 0; ui < s.unions.size(); ++ui) {
        auto& u = s.unions[ui];
        if (!line_range[ui].phantom) continue;
        u.phantom = static_cast<int>(s.id.size());
        s.id.push_back(PersonId());
        s.row_of.push_back(u.row + 1);
        s.pos.push_back(0);
        s.pinned.push_back(false);
        s.dated.push_back(false);
        s.comp.push_back(s.comp[static_cast<std::size_t>(u.a)]);
        s.parent_union.push_back(-1);
        s.edge_union.push_back(static_cast<int>(ui));
    }
    s.set_own(owners);

    // Blocks: the runs of partners.
    s.order.assign(rows.size(), {});
    s.block_of.assign(n, -1);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const auto& [lo, hi] : partner_runs(f, rows[r])) {
            s.order[r].push_back(static_cast<int>(s.blocks.size()));
            Sweep::Block& b = s.blocks.emplace_back();
            b.row = static_cast<int>(r);
            b.comp = s.comp[static_cast<std::size_t>(at(rows[r][lo]))];
            for (std::size_t i = lo; i <= hi; ++i) {
                const int p = at(rows[r][i]);
                b.members.push_back(p);
                b.pinned = b.pinned || s.pinned[static_cast<std::size_t>(p)];
                s.block_of[static_cast<std::size_t>(p)] = static_cast<int>(s.blocks.size()) - 1;
            }
        }
    // Each phantom as a block of its own, where the depth-first order would put children
    // of its union: before the first block hanging from a union further right.
    s.block_of.resize(s.id.size(), -1);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        std::vector<std::pair<double, int>> ph;  // (anchor as a row index, phantom)
        for (int ui : s.down[r - 1])
            if (int ph_i = s.unions[static_cast<std::size_t>(ui)].phantom; ph_i >= 0)
                ph.push_back({s.anchor(s.unions[static_cast<std::size_t>(ui)]), ph_i});
        if (ph.empty()) continue;
        std::stable_sort(ph.begin(), ph.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::vector<int> seq;
        std::size_t k = 0;
        for (int b : s.order[r]) {
            double from = 1e300;
            for (int m : s.blocks[static_cast<std::size_t>(b)].members)
                if (int ui = s.parent_union[static_cast<std::size_t>(m)]; ui >= 0 && s.unions[static_cast<std::size_t>(ui)].row == static_cast<int>(r) - 1)
                    from = std::min(from, s.anchor(s.unions[static_cast<std::size_t>(ui)]));
            while (k < ph.size() && from < 1e300 && ph[k].first < from) {
                const int pi = ph[k++].second;
                seq.push_back(static_cast<int>(s.blocks.size()));
                s.block_of[static_cast<std::size_t>(pi)] = seq.back();
                s.blocks.push_back({{pi}, false, false, s.comp[static_cast<std::size_t>(pi)], static_cast<int>(r)});
            }
            seq.push_back(b);
        }
        for (; k < ph.size(); ++k) {
            const int pi = ph[k].second;
            seq.push_back(static_cast<int>(s.blocks.size()));
            s.block_of[static_cast<std::size_t>(pi)] = seq.back();
            s.blocks.push_back({{pi}, false, false, s.comp[static_cast<std::size_t>(pi)], static_cast<int>(r)});
        }
        s.order[r] = std::move(seq);
        std::size_t len = 0;
        for (int b : s.order[r]) len += s.blocks[static_cast<std::size_t>(b)].members.size();
        s.order_len[r] = std::max<std::size_t>(1, len);
    }

    // Unconnected families side by side, in order of first appearance, never interleaved.
    for (auto& seq : s.order)
        std::stable_sort(seq.begin(), seq.end(), [&](int x, int y) {
            return s.blocks[static_cast<std::size_t>(x)].comp < s.blocks[static_cast<std::size_t>(y)].comp;
        });
    // The depth-first order can already break birth order: a partner drawn in their
    // spouse's block while their siblings come later, at the far end of the row. Repaired
    // first, so that the sweeps start from (and compare against) a valid order.
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::vector<int> before = s.order[r];
        if (!s.birth_order(r) || !s.pins_kept(r, before)) s.order[r] = before;
        s.refresh(r);
    }
    // The couple of a twin born on another day than the other stays turned towards that
    // twin's side (gather_twins, genogram_leaves.cpp): it has a birth order to keep.
    // Twins side by side with their partners (partner_runs joins them) are mirrored as a
    // whole, when each has one partner at most and they were born the same day.
    auto twin = [&](int m) { return f.twin_born_apart(s.id[static_cast<std::size_t>(m)]); };
    for (auto& b : s.blocks) {
        if (b.members.size() < 2) continue;  // a phantom among them
        if (b.members.size() == 2) {
            b.flippable = partners[static_cast<std::size_t>(b.members[0])] == 1 && partners[static_cast<std::size_t>(b.members[1])] == 1 &&
                          !twin(b.members[0]) && !twin(b.members[1]);
            continue;
        }
        bool twins = false, plain = !b.pinned;
        for (std::size_t i = 0; i < b.members.size(); ++i) {
            const int m = b.members[i];
            plain = plain && partners[static_cast<std::size_t>(m)] <= 1 && !twin(m);
            twins = twins || (i && f.twin_siblings(s.id[static_cast<std::size_t>(b.members[i - 1])], s.id[static_cast<std::size_t>(m)]));
        }
        b.flippable = plain && twins;
    }

    // Sweeps, keeping the best order seen: first down and up sweeps (each row ordered by
    // the row above, then by the row below), then, from the best order they found, sweeps
    // that weigh both neighbouring rows at once; those find orders the one-sided sweeps
    // swing past. Measured on the bench families: 500 p 321 -> 269 crossings, 2,000 p
    // 6,541 -> 5,900, multi-seed total -5%; the one-sided phase was cut from 24 rounds to
    // 8 to pay for it (3% more instructions at 500 p than before). A large family gets
    // more two-sided rounds, one per kNodesPerRound nodes of the skeleton when that is more
    // than 4: an order needs more rounds to settle over longer rows, and there the layout
    // has time to spare against dot's (measured per 60, 80, 100, 120 and 250 nodes since
    // the two-sided sweeps weigh their lines: with 120, 2,000 p 5,382 -> 4,991 crossings in
    // 26% fewer instructions, as the rounds leave less to the sifting; 32 multi-seed
    // families -2%; 500 p unchanged).
    constexpr int kOneSidedRounds = 8, kStall = 4, kNodesPerRound = 120;
    const int both_sides_rounds = std::max(4, static_cast<int>(s.id.size()) / kNodesPerRound);
    long best = s.crossings();
    auto sift = [&] { return s.sift_settled(s.stamps, true); };
    // The polish: the leaves are back in their rows (real lines now, no phantoms), and
    // sifting moves any block, a leaf too, to where it crosses least. The skeleton's order
    // leaves the leaves' lines to a phantom that weighs an eighth; counted in full they
    // still find better places. Measured (a full sifting, not the sweeps: those undo more
    // than they find): 8 families of 500 p 3,145 -> 3,027 crossings (-4%), 1,000 p -5%,
    // bench 500 p 252 -> 242, 2,000 p 4,991 -> 4,873, Gramps 746 -> 708, for 11% more
    // instructions (500 p 37.6 -> 41.8 million). Cluster moves as well found 3% more at
    // 500 p for another 11% and less on the Gramps tree.
    // Runs of siblings are sifted as one as well (Sweep::sift_runs) in the polish, and in a
    // skeleton of kLarge nodes or more also in its sifting. Measured against sifting single
    // blocks only: the Gramps tree 409 -> 390 crossings, 2,000 p 4,791 -> 4,345, 20
    // families each of 300 p and 500 p -2%, 10 of 1,000 p -3%, 8 of 700 p -3%; for 1% more
    // instructions at 500 p and 13% fewer at 2,000 p (the moves after it find less to do).
    // In every skeleton, 2% more instructions at 500 p bought nothing more there.
    s.runs = polish || s.id.size() >= kLarge;
    if (polish) {
        long now = sift();
        // Siblings with known birth dates, where the sweeps kept a sibling without one in
        // its recorded place instead: two sibships sharing blocks (a brother and a sister
        // married to a sister and a brother) that disagree only through the undated one.
        // Their dated siblings are put back in birth order when that leaves fewer of them
        // out of order. The Gramps tree: 2 sibships out of order -> 0.
        s.dated_only = true;
        bool changed = false;
        for (std::size_t r = 0; r < s.order.size(); ++r) {
            const int bad = s.out_of_order(r);
            if (bad == 0) continue;
            const std::vector<int> before = s.order[r];
            if (s.birth_order(r, bad - 1) && s.pins_kept(r, before)) changed = true;
            else s.order[r] = before;
            s.refresh(r);
        }
        s.dated_only = false;
        if (changed) now = s.crossings();
        rows = s.rows();
        return now;
    }
    auto kept = s.state();
    for (int phase = 0; phase < 2; ++phase) {
        if (phase == 1) s.restore(kept);
        int stall = 0;
        for (int iter = 0; best > 0 && iter < (phase == 0 ? kOneSidedRounds : both_sides_rounds) && stall < kStall; ++iter) {
            bool better = false;
            for (int half = 0; half < 2; ++half) {
                if (phase == 1) s.both_sweep(half == 0);
                else half == 0 ? s.down_sweep() : s.up_sweep();
                long now = s.crossings();
                if (now < best) best = now, kept = s.state(), better = true;
            }
            stall = better ? 0 : stall + 1;
        }
    }
    s.restore(kept);
    // Cluster moves and sifting, twice: the sifting opens up moves that did not pay before
    // (measured: 32 multi-seed families -1.5%, 2,000 p 5,731 -> 5,613 crossings, for 13%
    // more instructions at 500 p; a third round gained under 0.5%). Side moves after the
    // cluster moves: the Gramps tree, a genealogy around one home person whose pedigree's
    // sides had interleaved, 743 -> 556 crossings for 23% more instructions (500 p +4%,
    // 8 families of 500 p -1.5%, others within 0.5%). In the polish as well they found
    // little more (Gramps 522, 2,000 p -1%) at 22% (500 p) to 62% (2,000 p) more. In the
    // second round only in a skeleton of kLarge nodes or more: since large sides
    // are judged after sifting in full (genogram_clusters.cpp), a move rejected in the
    // first round can pay in the second - the Gramps tree 428 -> 409 crossings, 20 families
    // of 1,000 p 29,869 -> 29,447, 8 more 12,634 -> 12,206, 2,000 p unchanged - for 38%
    // more instructions on the Gramps tree and 8% at 2,000 p. In smaller families 20 of
    // 300 p gained 2%, 8 of 700 p and 20 of 500 p nothing, for 6% more instructions at
    // 500 p, where the margin to 10x dot's speed is thin.
    for (int round = 0; round < 2 && best > 0; ++round) {
        sweep::cluster_moves(s);
        if (round == 0 || s.id.size() >= kLarge) sweep::side_moves(s);
        best = sift();
    }
    rows = s.rows();
    if (phantom_after)
        for (std::size_t r = 0; r < s.order.size(); ++r) {
            PersonId last;
            for (int b : s.order[r])
                for (int m : s.blocks[static_cast<std::size_t>(b)].members) {
                    if (s.id[static_cast<std::size_t>(m)]) last = s.id[static_cast<std::size_t>(m)];
                    else (*phantom_after)[s.unions[static_cast<std::size_t>(s.edge_union[static_cast<std::size_t>(m)])].key] = {r, last};
                }
        }
    return best;
}

}  // namespace kring::genogram_detail
