// Genogram: generations (rows). Children below their parents, partners (and twins) on one
// row, and descent lines as short as the family allows: a line of descent over several
// rows is drawn through every generation it passes, crossing their lines.
#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <set>

namespace kring::genogram_detail {

namespace {

// Shortens lines of descent that span several rows. This happens when someone from a
// family with few known generations marries into one with many: their parents would
// stay near the top and hang their child from a line through the whole drawing. Such a
// family is moved down as a group: the parents of the child, everyone they hang from
// and everyone level with them (partners, twins) - a group closed upwards, so moving it
// down shortens every line leaving it and lengthens none. When one of its members has a
// child just one row below (a tight line), that child joins the group and the group
// grows until it can move; if it would have to take the child at the far end with it,
// nothing moves. Every move shortens the total length of the lines of descent, so this
// ends. Persons without partner or children (leaves) take no part: they simply stay one
// row below their parents, so a new child never changes the rows of the others.
void shorten_descent(const Family& f, PerPerson<int>& gen_of) {
    // On the persons' places (f.persons order): lists as ranges of flat arrays, no lookups.
    const std::size_t n = f.persons.size();
    std::vector<int>& gen = gen_of.values();
    const auto place = [&](PersonId p) { return dense(f, p); };
    std::vector<std::pair<int, int>> pairs;
    const auto lists = [&](const PersonMap<std::vector<PersonId>>& of) {  // parents, children
        pairs.clear();
        for (const auto& [p, qs] : of)
            for (PersonId q : qs) pairs.push_back({place(p), place(q)});
        return FlatLists(n, pairs);
    };
    const FlatLists parents = lists(f.parents), children = lists(f.children);
    // Partners levelled, twins: each with the other, in the order the unions and the twins come.
    pairs.clear();
    for (const auto& [key, u] : f.unions)
        if (u.b && u.partner && gen_of.at(u.a) == gen_of.at(u.b)) pairs.push_back({place(u.a), place(u.b)}), pairs.push_back({place(u.b), place(u.a)});
    for (const Relation* t : f.twins)
        if (gen_of.at(t->a) == gen_of.at(t->b)) pairs.push_back({place(t->a), place(t->b)}), pairs.push_back({place(t->b), place(t->a)});
    const FlatLists level(n, pairs);
    std::vector<char> leaf(n);
    for (std::size_t i = 0; i < n; ++i) leaf[i] = !f.unions_of.count(f.persons[i]);
    auto parents_row = [&](std::size_t ch) {
        int row = INT_MIN;
        for (int par : parents.of(ch)) row = std::max(row, gen[static_cast<std::size_t>(par)]);
        return row;
    };
    std::vector<int> group(n, 0);  // == walk: in the group of this walk
    int walk = 0;
    std::vector<int> members, todo;
    std::vector<std::pair<int, std::size_t>> long_lines;  // (span, child)
    for (int round = 0; round < 8; ++round) {
        long_lines.clear();
        for (std::size_t ch = 0; ch < n; ++ch)
            if (!parents.of(ch).empty() && !leaf[ch] && gen[ch] - parents_row(ch) >= 2) long_lines.push_back({gen[ch] - parents_row(ch), ch});
        if (long_lines.empty()) return;
        std::sort(long_lines.begin(), long_lines.end(), [&](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : f.persons[x.second] < f.persons[y.second];
        });
        bool moved = false;
        for (const auto& [span, child] : long_lines) {
            if (gen[child] - parents_row(child) < 2) continue;  // shortened by an earlier move
            ++walk;
            members.clear();
            todo.assign(parents.of(child).begin(), parents.of(child).end());
            bool blocked = false;
            while (!blocked) {
                // Close the group upwards: parents, and everyone level with a member.
                while (!todo.empty()) {
                    const auto p = static_cast<std::size_t>(todo.back());
                    todo.pop_back();
                    if (p == child) {
                        blocked = true;
                        break;
                    }
                    if (group[p] == walk) continue;
                    group[p] = walk;
                    members.push_back(static_cast<int>(p));
                    todo.insert(todo.end(), parents.of(p).begin(), parents.of(p).end());
                    todo.insert(todo.end(), level.of(p).begin(), level.of(p).end());
                }
                if (blocked) break;
                // How far it can move: one row above its nearest child outside the group.
                int room = INT_MAX;
                for (int m : members)
                    for (int ch : children.of(static_cast<std::size_t>(m)))
                        if (!leaf[static_cast<std::size_t>(ch)] && group[static_cast<std::size_t>(ch)] != walk)
                            room = std::min(room, gen[static_cast<std::size_t>(ch)] - gen[static_cast<std::size_t>(m)] - 1);
                if (room >= 1 && room != INT_MAX) {
                    for (int m : members) gen[static_cast<std::size_t>(m)] += room;
                    moved = true;
                    break;
                }
                // Tight children join the group.
                for (int m : members)
                    for (int ch : children.of(static_cast<std::size_t>(m)))
                        if (!leaf[static_cast<std::size_t>(ch)] && group[static_cast<std::size_t>(ch)] != walk &&
                            gen[static_cast<std::size_t>(ch)] - gen[static_cast<std::size_t>(m)] - 1 <= 0)
                            todo.push_back(ch);
                if (todo.empty()) break;
            }
        }
        if (!moved) break;
    }
}

// Ties that ask for one row but cannot have it: partners and twins stand level and a
// child below its parents, so a cycle of such ties that holds a line of descent asks a
// person to stand below themselves. A partner who is also the other's descendant (a parent
// recorded as partner of their child) is one; a man who married his wife's daughter by an
// earlier partner another (he level with his wife, she level with her daughter's husband,
// the daughter a row below her). Levelling them pushed rows down without end.
// In the graph of lines of descent (down) and of partners and twins (both ways) such cycles
// lie within a strongly connected part that holds a line of descent; consistent families
// have none (their strongly connected parts are couples and twins). Within those parts the
// ties are kept one by one, twins first, then partners closest in age, each only if it
// closes no such cycle with those kept before. The rest keep their rows: they are drawn
// between rows.
struct Unlevelled {
    std::set<UnionKey> partners;
    std::set<const Relation*> twins;
};

Unlevelled contradictions(const Family& f) {
    const std::size_t n = f.persons.size();
    auto at = [&](PersonId p) { return static_cast<std::size_t>(dense(f, p)); };
    // The graph in one flat array: person i's neighbours are edge[first[i] .. first[i + 1]).
    std::vector<std::size_t> first(n + 1, 0);
    auto each_edge = [&](auto&& add) {
        for (const auto& [par, chs] : f.children)
            for (PersonId ch : chs) add(par, ch);
        for (const auto& [key, u] : f.unions)
            if (u.b && u.partner) add(u.a, u.b), add(u.b, u.a);
        for (const Relation* t : f.twins) add(t->a, t->b), add(t->b, t->a);
    };
    each_edge([&](PersonId a, PersonId) { ++first[at(a) + 1]; });
    for (std::size_t i = 0; i < n; ++i) first[i + 1] += first[i];
    std::vector<int> edge(first[n]);
    {
        std::vector<std::size_t> fill(first.begin(), first.end() - 1);
        each_edge([&](PersonId a, PersonId b) { edge[fill[at(a)]++] = dense(f, b); });
    }

    // Tarjan's strongly connected parts, without recursion.
    std::vector<int> index(n, -1), low(n, 0), comp(n, -1), stack;
    std::vector<std::pair<int, std::size_t>> call;  // (person, next edge)
    int counter = 0, comps = 0;
    for (std::size_t s = 0; s < n; ++s) {
        if (index[s] >= 0) continue;
        call.push_back({static_cast<int>(s), 0});
        while (!call.empty()) {
            auto& [v, e] = call.back();
            const auto vi = static_cast<std::size_t>(v);
            if (e == 0 && index[vi] < 0) {
                index[vi] = low[vi] = counter++;
                stack.push_back(v);
            }
            if (first[vi] + e < first[vi + 1]) {
                const int w = edge[first[vi] + e++];
                const auto wi = static_cast<std::size_t>(w);
                if (index[wi] < 0) call.push_back({w, 0});  // invalidates v and e: loop again
                else if (comp[wi] < 0) low[vi] = std::min(low[vi], index[wi]);
                continue;
            }
            if (low[vi] == index[vi]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    comp[static_cast<std::size_t>(w)] = comps;
                } while (w != v);
                ++comps;
            }
            const int done = v;
            call.pop_back();
            if (!call.empty()) {
                const auto pi = static_cast<std::size_t>(call.back().first);
                low[pi] = std::min(low[pi], low[static_cast<std::size_t>(done)]);
            }
        }
    }
    Unlevelled result;
    std::vector<char> bad(static_cast<std::size_t>(comps), 0);
    for (const auto& [par, chs] : f.children)
        for (PersonId ch : chs)
            if (comp[at(par)] == comp[at(ch)]) bad[static_cast<std::size_t>(comp[at(par)])] = 1;
    auto tangled = [&](PersonId p) { return bad[static_cast<std::size_t>(comp[at(p)])] != 0; };

    // Within the tangled parts: lines of descent inside a part (a path leaving a part does
    // not come back), and the level ties kept so far.
    std::vector<std::vector<int>> down(n), level(n);
    for (const auto& [par, chs] : f.children)
        for (PersonId ch : chs)
            if (tangled(par) && comp[at(par)] == comp[at(ch)]) down[at(par)].push_back(dense(f, ch));
    // Whether `to` is reached from `from` over a path holding a line of descent: then `to`
    // stands below `from`. A search over (person, descended yet).
    std::vector<int> seen(2 * n, 0);
    int walk = 0;
    std::vector<std::pair<int, int>> todo;
    auto below = [&](int from, int to) {
        ++walk;
        todo.assign(1, {from, 0});
        seen[2 * static_cast<std::size_t>(from)] = walk;
        while (!todo.empty()) {
            const auto [v, d] = todo.back();
            todo.pop_back();
            if (v == to && d) return true;
            auto visit = [&](int w, int dw) {
                int& mark = seen[2 * static_cast<std::size_t>(w) + static_cast<std::size_t>(dw)];
                if (mark != walk) mark = walk, todo.push_back({w, dw});
            };
            for (int w : down[static_cast<std::size_t>(v)]) visit(w, 1);
            for (int w : level[static_cast<std::size_t>(v)]) visit(w, d);
        }
        return false;
    };
    auto keep = [&](PersonId a, PersonId b) {
        const int x = dense(f, a), y = dense(f, b);
        if (below(x, y) || below(y, x)) return false;
        level[at(a)].push_back(y);
        level[at(b)].push_back(x);
        return true;
    };
    for (const Relation* t : f.twins)
        if (tangled(t->a) && !keep(t->a, t->b)) result.twins.insert(t);
    // Partners closest in age first: a man who married a woman and later her daughter stands
    // with the one of his own generation. Unknown birth years last.
    std::vector<std::pair<int, UnionKey>> couples;
    for (const auto& [key, u] : f.unions)
        if (u.b && u.partner && tangled(u.a)) {
            const int ya = f.person(u.a)->birth.year, yb = f.person(u.b)->birth.year;
            couples.push_back({ya && yb ? std::abs(ya - yb) : INT_MAX, key});
        }
    std::sort(couples.begin(), couples.end());
    for (const auto& [gap, key] : couples)
        if (const Union& u = f.unions.at(key); !keep(u.a, u.b)) result.partners.insert(key);
    return result;
}

// Each connected family starts on the top row, and no row stays empty. On sound data the
// steps above see to that. On data validate() rejects they may not - an ancestry loop (a
// person their own ancestor) pushes its family down a row per round - and a family beside
// it would start rows lower, under a blank band across the drawing. Shifting a whole
// family keeps its rows relative to each other; removing a row nobody stands on keeps
// every row's order, so children stay below their parents and partners level.
void top_align(const Family& f, PerPerson<int>& gen) {
    const std::size_t n = f.persons.size();
    if (n == 0) return;
    std::vector<int>& row = gen.values();
    PlaceUnionFind families(n);
    for (const auto& [par, chs] : f.children)
        for (PersonId ch : chs) families.join(dense(f, par), dense(f, ch));
    for (const auto& [key, u] : f.unions)
        if (u.b) families.join(dense(f, u.a), dense(f, u.b));
    for (const Relation* t : f.twins) families.join(dense(f, t->a), dense(f, t->b));
    std::vector<int> top(n, INT_MAX);
    for (std::size_t i = 0; i < n; ++i) {
        int& t = top[static_cast<std::size_t>(families.find(static_cast<int>(i)))];
        t = std::min(t, row[i]);
    }
    int rows = 0;
    for (std::size_t i = 0; i < n; ++i) {
        row[i] -= top[static_cast<std::size_t>(families.find(static_cast<int>(i)))];
        rows = std::max(rows, row[i] + 1);
    }
    std::vector<int> renumber(static_cast<std::size_t>(rows), 0);
    for (int r : row) renumber[static_cast<std::size_t>(r)] = 1;
    for (int r = 0, next = 0; r < rows; ++r) renumber[static_cast<std::size_t>(r)] = renumber[static_cast<std::size_t>(r)] ? next++ : -1;
    for (int& r : row) r = renumber[static_cast<std::size_t>(r)];
}

}  // namespace

PerPerson<int> assign_generations(const Family& f) {
    // Longest path from the oldest ancestors over parent -> child (topological order, so
    // linear time), then partners levelled to the lower of their two rows and children
    // pushed down again; a few rounds at most. A partner who is also a descendant (or an
    // ancestry loop, which validation reports) cannot be levelled: such partners keep
    // their own rows and get a partner line between rows instead of an endless descent.
    PerPerson<int> gen(f, 0);
    std::vector<PersonId> topo;
    {
        PerPerson<int> indeg(f, 0);
        for (const auto& [child, ps] : f.parents) indeg[child] = static_cast<int>(ps.size());
        std::vector<PersonId> ready;
        for (PersonId p : f.persons)
            if (!indeg[p]) ready.push_back(p);
        while (!ready.empty()) {
            PersonId p = ready.back();
            ready.pop_back();
            topo.push_back(p);
            if (auto it = f.children.find(p); it != f.children.end())
                for (PersonId ch : it->second)
                    if (--indeg[ch] == 0) ready.push_back(ch);
        }
        if (topo.size() < f.persons.size())  // a loop in the ancestry: append the rest
            for (PersonId p : f.persons)
                if (indeg[p] > 0) topo.push_back(p);
    }
    auto push_down = [&] {
        for (PersonId p : topo)
            if (auto it = f.children.find(p); it != f.children.end())
                for (PersonId ch : it->second) gen[ch] = std::max(gen[ch], gen[p] + 1);
    };
    push_down();
    const int cap = static_cast<int>(f.persons.size());
    // Partners and twins who cannot stand on one row keep their rows (contradictions()).
    const Unlevelled apart = contradictions(f);
    auto level = [&] {
        bool changed = false;
        for (const auto& [key, u] : f.unions) {
            if (!u.b || !u.partner || apart.partners.count(key)) continue;
            int m = std::max(gen[u.a], gen[u.b]);
            if (m > cap) continue;
            if (gen[u.a] != m || gen[u.b] != m) gen[u.a] = gen[u.b] = m, changed = true;
        }
        for (const Relation* t : f.twins) {
            if (apart.twins.count(t)) continue;
            int m = std::max(gen[t->a], gen[t->b]);
            if (gen[t->a] != m || gen[t->b] != m) gen[t->a] = gen[t->b] = m, changed = true;
        }
        return changed;
    };
    for (int round = 0; round < 6 && level(); ++round) push_down();
    // Pull persons without parents down to just above their highest child, so that a
    // married-in partner's parents sit one row above them, not at the top. Partners stay
    // level, so a person moves with all their partners (and theirs): only when none of them
    // has parents, and no further than just above the highest child of any of them - a
    // father's son by an earlier partner holds him (and his wife) where they are.
    std::vector<PersonId> cluster;
    for (int round = 0; round < 3; ++round) {
        bool moved = false;
        for (PersonId p : f.persons) {
            if (f.parents.count(p) || !f.children.count(p)) continue;
            cluster.assign(1, p);
            bool free = true;
            for (std::size_t i = 0; i < cluster.size() && free; ++i) {
                auto uit = f.unions_of.find(cluster[i]);
                if (uit == f.unions_of.end()) continue;
                for (const auto& key : uit->second) {
                    const Union& u = f.unions.at(key);
                    PersonId q = u.a == cluster[i] ? u.b : u.a;
                    if (!q || !u.partner || apart.partners.count(key)) continue;
                    if (f.parents.count(q) || gen[q] != gen[p]) free = false;
                    else if (std::find(cluster.begin(), cluster.end(), q) == cluster.end()) cluster.push_back(q);
                }
            }
            if (!free) continue;
            int lowest = INT32_MAX;
            for (PersonId m : cluster)
                if (auto it = f.children.find(m); it != f.children.end())
                    for (PersonId ch : it->second) lowest = std::min(lowest, gen[ch]);
            if (lowest - 1 <= gen[p]) continue;
            for (PersonId m : cluster) gen[m] = lowest - 1;
            moved = true;
        }
        if (!moved) break;
        push_down();
        level();
        push_down();
    }
    shorten_descent(f, gen);
    push_down();  // leaves follow their parents
    top_align(f, gen);
    return gen;
}


}  // namespace kring::genogram_detail
