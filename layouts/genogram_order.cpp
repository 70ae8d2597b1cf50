// Genogram: the order of persons within each generation row.
//
// Depth-first from the oldest generation, so each family's descendants stay together:
// a person is placed with their partners (one partner: the man left, the woman right;
// several: in time order, the earliest to the left of the person and the later ones to
// the right, so the partnerships read left to right as they happened), then the children
// of each of their unions in birth order. Siblings therefore stay in birth order and no
// one is ever drawn twice (a partner who is also a relative is placed once, where they
// are first reached). A partner's own family (parents, siblings) is placed right after
// the partner's block, beside it.
#include "layouts/genogram_internal.hpp"

#include <algorithm>

namespace kring::genogram_detail {

Rows order_rows(const Case& /*c*/, const Family& f, const PerPerson<int>& gen, std::uint32_t start) {
    int depth = 0;
    for (int g : gen.values()) depth = std::max(depth, g + 1);
    Rows rows(static_cast<std::size_t>(depth));
    PerPerson<char> placed(f, false);

    using Partners = std::vector<std::pair<PersonId, const Union*>>;
    // Into `out` (a buffer the caller keeps: no allocation per call).
    auto partners_in_time_order = [&](PersonId p, Partners& out) -> Partners& {
        out.clear();
        auto it = f.unions_of.find(p);
        if (it == f.unions_of.end()) return out;
        for (const auto& key : it->second) {
            const Union& u = f.unions.at(key);
            PersonId q = u.a == p ? u.b : u.a;
            if (q && gen.at(q) == gen.at(p)) out.push_back({q, &u});
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
            long xs = x.second->partner ? x.second->partner->start.earliest() : 0;
            long ys = y.second->partner ? y.second->partner->start.earliest() : 0;
            if (xs && ys && xs != ys) return xs < ys;
            return (x.second->partner ? x.second->partner->id.value() : 1u << 31) <
                   (y.second->partner ? y.second->partner->id.value() : 1u << 31);
        });
        return out;
    };

    constexpr int kMaxPull = 3;
    // Climbs from `a` through parents not yet placed (the first such parent at each step)
    // to the top; returns where it stopped and how many generations it climbed.
    auto climb = [&](PersonId a) {
        int n = 0;
        for (; n < 64; ++n) {
            auto pit = f.parents.find(a);
            if (pit == f.parents.end()) break;
            PersonId up;
            for (PersonId par : pit->second)
                if (!placed[par]) {
                    up = par;
                    break;
                }
            if (!up) break;
            a = up;
        }
        return std::pair{a, n};
    };
    // A longer line of ancestry is pulled in too when it is thin: at most two persons not
    // yet placed per generation below its top (the line itself and one more). Gramps'
    // example tree: 1,473 -> 1,372 crossings; three per generation gave 1,663.
    std::vector<PersonId> stack;
    PerPerson<int> seen(f, 0);  // == walk: seen in this walk
    int walk = 0;
    auto thin = [&](PersonId top, int generations) {
        const int limit = 2 * generations;
        int count = 0;
        stack.assign(1, top);
        ++walk;
        while (!stack.empty() && count <= limit) {
            PersonId x = stack.back();
            stack.pop_back();
            auto it = f.children.find(x);
            if (it == f.children.end()) continue;
            for (PersonId ch : it->second)
                if (!placed[ch] && seen[ch] != walk) seen[ch] = walk, ++count, stack.push_back(ch);
        }
        return count <= limit;
    };
    // Explicit stack instead of recursion: deep pedigrees must not overflow the stack.
    std::vector<PersonId> todo;
    Partners mine, theirs_buf, grow_buf;
    auto visit = [&](PersonId start) {
        todo.push_back(start);
        while (!todo.empty()) {
            PersonId p = todo.back();
            todo.pop_back();
            if (placed[p]) continue;
            placed[p] = true;
            const auto& partners = partners_in_time_order(p, mine);
            std::vector<PersonId> fresh;
            for (const auto& [q, u] : partners)
                if (!placed[q]) fresh.push_back(q), placed[q] = true;
            const Person& person = *f.person(p);
            std::vector<PersonId> block;
            if (fresh.size() == 1) {
                // A partner whose family is already drawn goes on that side (left), one
                // whose family is still to come on the other (right); otherwise the
                // convention: the man left, the woman right.
                bool left = person.sex == Sex::Female && f.person(fresh[0])->sex != Sex::Female;
                if (auto pit = f.parents.find(fresh[0]); pit != f.parents.end() && f.parents.count(p)) {
                    bool any_placed = false;
                    for (PersonId par : pit->second) any_placed = any_placed || placed[par];
                    left = any_placed;
                }
                block = left ? std::vector<PersonId>{fresh[0], p} : std::vector<PersonId>{p, fresh[0]};
            } else {
                // The first partner to the left, later ones to the right in time order.
                if (!fresh.empty()) block.push_back(fresh[0]);
                block.push_back(p);
                for (std::size_t i = 1; i < fresh.size(); ++i) block.push_back(fresh[i]);
            }
            // A partner's own other partners (a second husband of p's wife, say) join the
            // block: a person placed as someone's partner is not visited again, so they would
            // otherwise be drawn far from their partner. When p has only that one partner,
            // the partner stands in the middle with all their partners in time order around
            // them, the first to the left (as p's partners above); else the others join on
            // that partner's outer side.
            if (block.size() == 2) {
                const PersonId m = block[0] == p ? block[1] : block[0];
                std::vector<PersonId> theirs;
                for (const auto& [q, u] : partners_in_time_order(m, theirs_buf))
                    if (q == p || !placed[q]) theirs.push_back(q);
                if (theirs.size() > 1) {
                    block.assign(1, theirs[0]);
                    block.push_back(m);
                    block.insert(block.end(), theirs.begin() + 1, theirs.end());
                    for (PersonId q : theirs) placed[q] = true;
                }
            }
            for (bool grew = true; grew;) {
                grew = false;
                for (int end = 0; end < 2; ++end) {
                    const PersonId m = end == 0 ? block.front() : block.back();
                    if (m == p) continue;
                    for (const auto& [q, u] : partners_in_time_order(m, grow_buf)) {
                        if (placed[q]) continue;
                        placed[q] = true;
                        if (end == 0) block.insert(block.begin(), q);
                        else block.push_back(q);
                        grew = true;
                    }
                }
            }
            auto& row = rows[static_cast<std::size_t>(gen.at(p))];
            row.insert(row.end(), block.begin(), block.end());
            // Children of each union of the block members, left to right (pushed in
            // reverse so the stack pops them in order).
            std::vector<PersonId> kids;
            for (PersonId m : block) {
                auto it = f.unions_of.find(m);
                if (it == f.unions_of.end()) continue;
                for (const auto& key : it->second)
                    for (PersonId ch : f.unions.at(key).children)
                        if (!placed[ch]) kids.push_back(ch);
            }
            // A partner who married in with their own family: that family comes next
            // (after this block's descendants), so it sits beside this one instead of at
            // the far end of the rows. Start from their topmost ancestor not yet placed.
            for (auto q = fresh.rbegin(); q != fresh.rend(); ++q) {
                const auto [a, len] = climb(*q);
                // Only a family of its own (parents who are not part of a larger tree), of
                // up to kMaxPull generations or a thin line of ancestry: pulling in a whole
                // other branch would split this family apart.
                if (a == *q || f.parents.count(a)) continue;
                if (len <= kMaxPull || thin(a, len)) todo.push_back(a);
            }
            for (auto it = kids.rbegin(); it != kids.rend(); ++it) todo.push_back(*it);
        }
    };

    std::vector<PersonId> roots;
    for (PersonId p : f.persons)
        if (!f.parents.count(p)) roots.push_back(p);
    if (start > 0) {  // Fisher-Yates with splitmix64: the same shuffle for a start everywhere
        std::uint64_t state = start;
        auto next = [&state] {
            std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            return z ^ (z >> 31);
        };
        for (std::size_t i = roots.size(); i > 1; --i) std::swap(roots[i - 1], roots[next() % i]);
    }
    std::stable_sort(roots.begin(), roots.end(), [&](PersonId a, PersonId b) { return gen.at(a) < gen.at(b); });
    for (PersonId p : roots) visit(p);
    // Persons only reachable through a loop in the ancestry (invalid data): still drawn.
    for (PersonId p : f.persons) visit(p);
    return rows;
}

}  // namespace kring::genogram_detail
