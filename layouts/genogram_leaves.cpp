// Genogram: fewer crossings - the leaves (persons without partner or children: most of
// the youngest generation) and the whole step, reduce_crossings.
//
// Leaves take no part in the sweeps (genogram_sweep.cpp): there they would only slow the
// search down and pull it towards themselves (measured: more crossings). They are put
// back afterwards, each between its siblings in birth order, measured against the
// skeleton only; then one last sifting of the whole rows, leaves included, moves any
// block to where it crosses least (OptimisePass::Polish). Keeping the drawing still while
// a case is edited is not this file's work: the app records the drawn order with every
// edit and genogram_keep.cpp keeps it.
#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace kring::genogram_detail {

namespace {

// Persons without partner or children (the leaves: most of the youngest generation) take
// no part in the sweeps. They are put back
// afterwards, each sibship's leaves between their siblings in birth order, in the gap
// between blocks where their lines cross the fewest lines coming down to the blocks; of
// gaps as good, the one nearest their sibling. A leaf with no sibling on the row to keep
// an order with (all of them leaves, or birth dates not known) goes where the sweeps put
// its parents' phantom. Everything measured against the skeleton only, so one leaf never
// moves another.
void insert_leaves(Rows& rows, const Rows& skel, const Family& f, const PerPerson<int>& family,
                   const PerPerson<char>& leaf, const std::map<UnionKey, PhantomPlace>& phantom_after) {
    auto born = [&](PersonId p) { const Person* q = f.person(p); return q && !q->birth.empty(); };
    PerPerson<double> npos(f, -1);  // finished rows: fraction of the skeleton row (-1: none yet)
    PerPerson<int> row_of(f, -1);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (PersonId p : rows[r]) row_of[p] = static_cast<int>(r);
    auto anchor = [&](const UnionKey& key) {
        const Union& u = f.unions.at(key);
        const double a = npos.at(u.a);
        if (a < 0 || !u.b) return a;
        const double b = npos.at(u.b);
        return b < 0 ? a : (a + b) / 2;
    };
    PerPerson<int> block_of(f, -1);  // per person of the skeleton row: its block
    PerPerson<int> stick(f, 0);      // per leaf: -1 first in its gap, 1 last (beside its twin)
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& sk = skel[r];
        // Blocks of the skeleton row (partners stay together; leaves go between blocks).
        const std::vector<Run> blocks = partner_runs(f, sk);
        for (std::size_t b = 0; b < blocks.size(); ++b)
            for (std::size_t i = blocks[b].first; i <= blocks[b].second; ++i) block_of[sk[i]] = static_cast<int>(b);
        const std::size_t nb = blocks.size();
        // Lines coming down to each block: where they leave the row above.
        std::vector<std::vector<double>> tops(nb);
        for (std::size_t b = 0; b < nb; ++b)
            for (std::size_t i = blocks[b].first; i <= blocks[b].second; ++i)
                if (auto cu = f.child_of.find(sk[i]); cu != f.child_of.end()) {
                    double t = anchor(cu->second);
                    if (t >= 0) tops[b].push_back(t);
                }
        auto family_range = [&](int fam) {
            std::size_t lo = 0;
            while (lo < nb && family.at(sk[blocks[lo].first]) < fam) ++lo;
            std::size_t hi = lo;
            while (hi < nb && family.at(sk[blocks[hi].first]) == fam) ++hi;
            return std::pair{lo, hi};
        };
        // Gap g lies before block g (g == nb: after the last one).
        auto choose = [&](double a, std::size_t lo, std::size_t hi, int prefer /* -1 lo, 1 hi, 0 below a */) {
            std::vector<long> cost(hi - lo + 1, 0);
            long run = 0;
            for (std::size_t g = lo; g <= hi; ++g) {  // lines left of the gap from right of a
                cost[g - lo] = run;
                if (g < hi)
                    for (double t : tops[g]) run += t > a;
            }
            run = 0;
            for (std::size_t g = hi + 1; g-- > lo;) {  // lines right of the gap from left of a
                cost[g - lo] += run;
                if (g > lo)
                    for (double t : tops[g - 1]) run += t < a;
            }
            auto dist = [&](std::size_t g) {
                if (prefer < 0) return static_cast<double>(g - lo);
                if (prefer > 0) return static_cast<double>(hi - g);
                const double i = g < nb ? static_cast<double>(blocks[g].first) : static_cast<double>(sk.size());
                return std::abs(i / static_cast<double>(std::max<std::size_t>(1, sk.size())) - a);
            };
            std::size_t best = lo;
            for (std::size_t g = lo + 1; g <= hi; ++g)
                if (cost[g - lo] < cost[best - lo] || (cost[g - lo] == cost[best - lo] && dist(g) < dist(best))) best = g;
            return best;
        };
        std::vector<std::vector<PersonId>> in_gap(nb + 1);
        std::vector<PersonId> alone;  // no parents drawn: their own family, in family order
        for (PersonId p : rows[r]) {
            if (!leaf.at(p)) continue;
            auto cu = f.child_of.find(p);
            if (cu == f.child_of.end()) {
                alone.push_back(p);
                continue;
            }
            const auto& kids = f.unions.at(cu->second).children;
            const auto me = static_cast<std::size_t>(std::find(kids.begin(), kids.end(), p) - kids.begin());
            // Only siblings with known birth dates have an order to keep (on the Gramps
            // tree, where 425 of 1,129 children in sibships have none: 943 -> 787 crossings).
            auto skeleton_here = [&](PersonId k) { return row_of.at(k) == static_cast<int>(r) && !leaf.at(k) && born(k); };
            const bool dated = born(p);
            PersonId prev, next;
            for (std::size_t i = me; dated && i-- > 0;)
                if (skeleton_here(kids[i])) {
                    prev = kids[i];
                    break;
                }
            for (std::size_t i = me + 1; dated && i < kids.size(); ++i)
                if (skeleton_here(kids[i])) {
                    next = kids[i];
                    break;
                }
            auto [lo, hi] = family_range(family.at(p));
            int prefer = 0;
            if (prev) lo = static_cast<std::size_t>(block_of.at(prev)) + 1, prefer = -1;
            if (next) hi = static_cast<std::size_t>(block_of.at(next)), prefer = prev ? -1 : 1;
            std::size_t gap = choose(anchor(cu->second), lo, std::max(lo, hi), prefer);
            // Where the sweeps put its phantom - when that was on this row: a leaf drawn
            // further below its parents (a twin whose twin has other parents, a cycle of
            // parents) has no phantom here.
            if (auto ph = phantom_after.find(cu->second); !prev && !next && ph != phantom_after.end() && ph->second.row == r) {
                const PersonId after = ph->second.after;
                gap = after ? static_cast<std::size_t>(block_of.at(after)) + 1 : 0;
            }
            // Beside a twin of the skeleton, on the side it faces, first or last in that gap
            // so no other leaf comes between; twins born on different days on the side of
            // their birth order only (gather_twins turned the couple that way).
            if (auto tw = f.twin_sibs.find(p); tw != f.twin_sibs.end())
                for (PersonId t : tw->second)
                    if (row_of.at(t) == static_cast<int>(r) && !leaf.at(t)) {
                        const auto tb = static_cast<std::size_t>(block_of.at(t));
                        const bool after = std::find(kids.begin(), kids.end(), t) < kids.begin() + static_cast<long>(me);
                        const bool right = sk[blocks[tb].second] == t, left = sk[blocks[tb].first] == t;
                        const bool either = !f.born_apart(p, t);
                        if (right && (after || (either && !left))) gap = tb + 1, stick[p] = -1;
                        else if (left && (!after || either)) gap = tb, stick[p] = 1;
                        break;
                    }
            in_gap[gap].push_back(p);
        }
        for (auto& g : in_gap)
            std::stable_sort(g.begin(), g.end(), [&](PersonId x, PersonId y) {
                if (stick.at(x) != stick.at(y)) return stick.at(x) < stick.at(y);
                return anchor(f.child_of.at(x)) < anchor(f.child_of.at(y));
            });
        std::stable_sort(alone.begin(), alone.end(), [&](PersonId x, PersonId y) { return family.at(x) < family.at(y); });
        std::vector<PersonId> out;
        out.reserve(rows[r].size());
        std::size_t next_alone = 0;
        auto emit_alone = [&](long upto) {
            while (next_alone < alone.size() && family.at(alone[next_alone]) <= upto) out.push_back(alone[next_alone++]);
        };
        for (std::size_t b = 0; b <= nb; ++b) {
            if (b < nb) emit_alone(family.at(sk[blocks[b].first]) - 1);
            out.insert(out.end(), in_gap[b].begin(), in_gap[b].end());
            if (b < nb)
                for (std::size_t i = blocks[b].first; i <= blocks[b].second; ++i) out.push_back(sk[i]);
        }
        emit_alone(INT32_MAX);
        rows[r] = std::move(out);
        // Parents are never leaves: positions within the skeleton, which a new leaf leaves alone.
        const double len = static_cast<double>(std::max<std::size_t>(1, sk.size()));
        for (std::size_t i = 0; i < sk.size(); ++i) npos[sk[i]] = (static_cast<double>(i) + 0.5) / len;
    }
}

// Twins stand side by side under their fork point: with someone between them the fork's
// lines pass over that person, or reach down on both sides of them as if they were a
// third twin. Twins who both have partners or children are blocks of their own in the
// skeleton: the right one's block moves up against the left one's, each couple turned so
// that the twins face each other, and from then on they are one block (partner_runs),
// which the sweeps may mirror as a whole (Sweep::mirror_delta) - where the two blocks
// lie at most `reach` blocks apart (see reduce_crossings). A
// twin who is a leaf goes back beside the other (insert_leaves), on the side the other
// faces; twins born on different days have a birth order to keep, and there the other's
// couple is turned to face the side the leaf comes on. Only couples are turned (a
// person with several partners keeps them in time order round them), and nothing moves
// past or turns a pinned person.
void gather_twins(Rows& skel, const Family& f, const PerPerson<char>& leaf, std::size_t reach) {
    PerPerson<int> row_of(f, -1);
    for (std::size_t r = 0; r < skel.size(); ++r)
        for (PersonId p : skel[r]) row_of[p] = static_cast<int>(r);
    auto pinned = [&](PersonId p) {
        const Person* q = f.person(p);
        return q && q->genogram_pin;
    };
    // Whether `who`, in run `run` of `row`, is (or, turning a couple, can be) at its right
    // end (`right`) or left end; with `turn`, the couple is turned.
    auto faces = [&](std::vector<PersonId>& row, Run run, PersonId who, bool right, bool turn) {
        const PersonId end = right ? row[run.second] : row[run.first];
        if (end == who) return true;
        if (run.second - run.first != 1 || pinned(row[run.first]) || pinned(row[run.second])) return false;
        if (turn) std::swap(row[run.first], row[run.second]);
        return true;
    };
    auto run_of = [](const std::vector<Run>& runs, std::size_t i) {
        return static_cast<std::size_t>(std::find_if(runs.begin(), runs.end(), [&](const Run& x) { return x.first <= i && i <= x.second; }) - runs.begin());
    };
    for (const Relation* t : f.twins) {
        if (!f.twin_siblings(t->a, t->b) || (leaf.at(t->a) && leaf.at(t->b))) continue;
        const auto& kids = f.unions.at(f.child_of.at(t->a)).children;
        const bool a_first = std::find(kids.begin(), kids.end(), t->a) < std::find(kids.begin(), kids.end(), t->b);
        if (leaf.at(t->a) || leaf.at(t->b)) {
            const PersonId who = leaf.at(t->a) ? t->b : t->a;
            const int r = row_of.at(who);
            if (r < 0 || row_of.at(leaf.at(t->a) ? t->a : t->b) != -1) continue;  // the leaf: not in the skeleton
            auto& row = skel[static_cast<std::size_t>(r)];
            const auto runs = partner_runs(f, row);
            const std::size_t i = static_cast<std::size_t>(std::find(row.begin(), row.end(), who) - row.begin());
            if (f.born_apart(t->a, t->b)) faces(row, runs[run_of(runs, i)], who, (who == t->a) == a_first, true);
            continue;
        }
        const int r = row_of.at(t->a);
        if (r < 0 || r != row_of.at(t->b)) continue;
        auto& row = skel[static_cast<std::size_t>(r)];
        const auto runs = partner_runs(f, row);
        const std::size_t ia = static_cast<std::size_t>(std::find(row.begin(), row.end(), t->a) - row.begin());
        const std::size_t ib = static_cast<std::size_t>(std::find(row.begin(), row.end(), t->b) - row.begin());
        std::size_t lr = run_of(runs, ia), rr = run_of(runs, ib);
        if (lr == rr) continue;
        PersonId x = t->a, y = t->b;
        if (lr > rr) std::swap(lr, rr), std::swap(x, y);
        const Run left = runs[lr], right = runs[rr];
        bool fixed = false;
        for (std::size_t k = left.first; k <= right.second && !fixed; ++k) fixed = pinned(row[k]);
        if (right.first - left.second > reach) continue;
        const bool reversed = (x == t->a) != a_first;  // the later-born on the left
        if (fixed || (reversed && f.born_apart(x, y)) || !faces(row, left, x, true, false) || !faces(row, right, y, false, false)) continue;
        faces(row, left, x, true, true);
        faces(row, right, y, false, true);
        std::rotate(row.begin() + static_cast<long>(left.second + 1), row.begin() + static_cast<long>(right.first),
                    row.begin() + static_cast<long>(right.second + 1));
    }
}

}  // namespace

// Connected families, numbered by first appearance (top row first, left to right).
PerPerson<int> number_families(const Rows& rows, const Family& f) {
    std::vector<char> in_rows(f.persons.size(), 0);
    for (const auto& row : rows)
        for (PersonId p : row)
            if (const int d = dense(f, p); d >= 0) in_rows[static_cast<std::size_t>(d)] = 1;
    auto place = [&](PersonId p) {  // -1: not in the rows
        const int d = dense(f, p);
        return d >= 0 && in_rows[static_cast<std::size_t>(d)] ? d : -1;
    };
    PlaceUnionFind uf(f.persons.size());
    for (const auto& [key, u] : f.unions) {
        const int a = place(u.a);
        if (a < 0) continue;
        if (const int b = u.b ? place(u.b) : -1; b >= 0) uf.join(a, b);
        for (PersonId ch : u.children)
            if (const int k = place(ch); k >= 0) uf.join(a, k);
    }
    std::vector<int> num(f.persons.size(), -1);  // per root: its family's number
    int next = 0;
    PerPerson<int> out(f, -1);
    for (const auto& row : rows)
        for (PersonId p : row) {
            int& n = num[static_cast<std::size_t>(uf.find(dense(f, p)))];
            if (n < 0) n = next++;
            out[p] = n;
        }
    return out;
}

std::vector<Run> partner_runs(const Family& f, const std::vector<PersonId>& row, std::size_t until) {
    std::vector<Run> runs;
    for (std::size_t k = 0; k < row.size(); ++k) {
        bool joins = !runs.empty() && f.twin_siblings(row[k - 1], row[k]);
        if (!runs.empty() && !joins)
            if (auto it = f.unions_of.find(row[k]); it != f.unions_of.end())
                for (const auto& key : it->second) {
                    const PersonId q = key.first == row[k] ? key.second : key.first;
                    for (std::size_t m = runs.back().first; m < k && !joins; ++m) joins = row[m] == q;
                }
        if (joins) {
            runs.back().second = k;
        } else {
            if (k > until) break;
            runs.push_back({k, k});
        }
    }
    return runs;
}

long reduce_crossings(Rows& rows, const Case& c, const Family& f) {
    const auto family = number_families(rows, f);
    PerPerson<char> leaf(f, false);
    Rows skel(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (PersonId p : rows[r]) {
            const Person* person = f.person(p);
            leaf[p] = !f.unions_of.count(p) && !(person && person->genogram_pin);
            if (!leaf[p]) skel[r].push_back(p);
        }
    // One row more than drawn, so that the youngest couples have phantoms as well and a
    // first child in a new generation changes nothing above it.
    skel.emplace_back();
    // Twins side by side (gather_twins): first in the depth-first order, where their blocks
    // lie at most kFirstReach blocks apart, then again in the order the sweeps found, at most
    // kLateReach apart. Twins further apart married into other branches of the tree, and
    // moving one to the other would take them away from their partner's family: measured
    // with no limit, a family of 1,000 p went from 1,817 crossings to 6,920. With these
    // limits 1,289 of 1,490 pairs of twins in 210 generated families of 30-1,000 p stand
    // side by side (834 before), for no more crossings: 20 families of 300 p 2,059 ->
    // 2,019, 20 of 500 p 7,298 -> 7,075, 10 of 1,000 p 13,946 -> 14,003, the bench's 500 p
    // 244 -> 236 and 2,000 p 4,347 -> 4,520.
    constexpr std::size_t kFirstReach = 6, kLateReach = 12;
    gather_twins(skel, f, leaf, kFirstReach);
    std::map<UnionKey, PhantomPlace> phantom_after;
    optimise(skel, c, f, family, &phantom_after);
    gather_twins(skel, f, leaf, kLateReach);
    insert_leaves(rows, skel, f, family, leaf, phantom_after);
    return optimise(rows, c, f, family, nullptr, OptimisePass::Polish);
}

}  // namespace kring::genogram_detail
