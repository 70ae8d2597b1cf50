// Genogram: generations (rows). Children below their parents, partners (and twins) on one
// row, and descent lines as short as the family allows: a line of descent over several
// rows is drawn through every generation it passes, crossing their lines.
#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <climits>
#include <set>
#include <unordered_set>

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
void shorten_descent(const Family& f, PerPerson<int>& gen) {
    auto leaf = [&](PersonId p) { return !f.unions_of.count(p); };
    auto parents_row = [&](PersonId ch) {
        int row = INT_MIN;
        if (auto it = f.parents.find(ch); it != f.parents.end())
            for (PersonId par : it->second) row = std::max(row, gen.at(par));
        return row;
    };
    std::unordered_map<PersonId, std::vector<PersonId>> level_with;  // partners levelled, twins
    for (const auto& [key, u] : f.unions)
        if (u.b && u.partner && gen.at(u.a) == gen.at(u.b)) {
            level_with[u.a].push_back(u.b);
            level_with[u.b].push_back(u.a);
        }
    for (const Relation* t : f.twins)
        if (gen.at(t->a) == gen.at(t->b)) {
            level_with[t->a].push_back(t->b);
            level_with[t->b].push_back(t->a);
        }
    std::unordered_set<PersonId> group;
    std::vector<PersonId> members, todo;
    for (int round = 0; round < 8; ++round) {
        std::vector<std::pair<int, PersonId>> long_lines;  // (span, child)
        for (const auto& [ch, ps] : f.parents)
            if (!leaf(ch) && gen.at(ch) - parents_row(ch) >= 2) long_lines.push_back({gen.at(ch) - parents_row(ch), ch});
        if (long_lines.empty()) return;
        std::sort(long_lines.begin(), long_lines.end(), [](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
        bool moved = false;
        for (const auto& [span, child] : long_lines) {
            if (gen.at(child) - parents_row(child) < 2) continue;  // shortened by an earlier move
            group.clear();
            members.clear();
            todo = f.parents.at(child);
            bool blocked = false;
            while (!blocked) {
                // Close the group upwards: parents, and everyone level with a member.
                while (!todo.empty()) {
                    PersonId p = todo.back();
                    todo.pop_back();
                    if (p == child) {
                        blocked = true;
                        break;
                    }
                    if (!group.insert(p).second) continue;
                    members.push_back(p);
                    if (auto it = f.parents.find(p); it != f.parents.end())
                        todo.insert(todo.end(), it->second.begin(), it->second.end());
                    if (auto it = level_with.find(p); it != level_with.end())
                        todo.insert(todo.end(), it->second.begin(), it->second.end());
                }
                if (blocked) break;
                // How far it can move: one row above its nearest child outside the group.
                int room = INT_MAX;
                for (PersonId m : members)
                    if (auto it = f.children.find(m); it != f.children.end())
                        for (PersonId ch : it->second)
                            if (!leaf(ch) && !group.count(ch)) room = std::min(room, gen.at(ch) - gen.at(m) - 1);
                if (room >= 1 && room != INT_MAX) {
                    for (PersonId m : members) gen[m] += room;
                    moved = true;
                    break;
                }
                // Tight children join the group.
                for (PersonId m : members)
                    if (auto it = f.children.find(m); it != f.children.end())
                        for (PersonId ch : it->second)
                            if (!leaf(ch) && !group.count(ch) && gen.at(ch) - gen.at(m) - 1 <= 0) todo.push_back(ch);
                if (todo.empty()) break;
            }
        }
        if (!moved) break;
    }
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
    // A partner who is also the other's descendant (a parent recorded as partner of their
    // child: invalid, and reported by validation) cannot stand on the same row; levelling
    // them would pull the older one away from their own partner. They keep their rows.
    std::set<UnionKey> apart;
    {
        std::vector<PersonId> stack;
        PerPerson<int> seen(f, 0);  // == walk: seen in this walk
        int walk = 0;
        auto descends_from = [&](PersonId p, PersonId anc) {
            stack.assign(1, p);
            ++walk;
            while (!stack.empty()) {
                PersonId x = stack.back();
                stack.pop_back();
                auto it = f.parents.find(x);
                if (it == f.parents.end()) continue;
                for (PersonId par : it->second) {
                    if (par == anc) return true;
                    if (int& w = seen[par]; w != walk) w = walk, stack.push_back(par);
                }
            }
            return false;
        };
        for (const auto& [key, u] : f.unions)
            if (u.b && u.partner && (descends_from(u.a, u.b) || descends_from(u.b, u.a))) apart.insert(key);
    }
    auto level = [&] {
        bool changed = false;
        for (const auto& [key, u] : f.unions) {
            if (!u.b || !u.partner || apart.count(key)) continue;
            int m = std::max(gen[u.a], gen[u.b]);
            if (m > cap) continue;
            if (gen[u.a] != m || gen[u.b] != m) gen[u.a] = gen[u.b] = m, changed = true;
        }
        for (const Relation* t : f.twins) {
            int m = std::max(gen[t->a], gen[t->b]);
            if (gen[t->a] != m || gen[t->b] != m) gen[t->a] = gen[t->b] = m, changed = true;
        }
        return changed;
    };
    for (int round = 0; round < 6 && level(); ++round) push_down();
    // Pull persons without parents down to just above their highest child, so that a
    // married-in partner's parents sit one row above them, not at the top.
    for (int round = 0; round < 3; ++round) {
        bool moved = false;
        for (PersonId p : f.persons) {
            if (f.parents.count(p)) continue;
            auto it = f.children.find(p);
            if (it == f.children.end()) continue;
            int lowest = INT32_MAX;
            for (PersonId ch : it->second) lowest = std::min(lowest, gen[ch]);
            if (lowest - 1 <= gen[p]) continue;
            // Only when all partners can follow (partners stay level).
            bool partners_free = true;
            if (auto uit = f.unions_of.find(p); uit != f.unions_of.end())
                for (const auto& key : uit->second) {
                    const Union& u = f.unions.at(key);
                    PersonId q = u.a == p ? u.b : u.a;
                    if (q && u.partner && (f.parents.count(q) || gen[q] != gen[p])) partners_free = false;
                }
            if (!partners_free) continue;
            gen[p] = lowest - 1;
            if (auto uit = f.unions_of.find(p); uit != f.unions_of.end())
                for (const auto& key : uit->second) {
                    const Union& u = f.unions.at(key);
                    PersonId q = u.a == p ? u.b : u.a;
                    if (q && u.partner) gen[q] = gen[p];
                }
            moved = true;
        }
        if (!moved) break;
        push_down();
        level();
        push_down();
    }
    shorten_descent(f, gen);
    push_down();  // leaves follow their parents
    int lo = INT32_MAX;
    for (int g : gen.values()) lo = std::min(lo, g);
    for (int& g : gen.values()) g -= lo;
    return gen;
}


}  // namespace kring::genogram_detail
