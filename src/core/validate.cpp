#include "core/validate.hpp"

#include "core/enums.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace kring {

std::vector<PersonId> own_ancestors(const Case& c) {
    // Persons on a cycle of parent -> child edges (iterative Tarjan SCC; self-loops count).
    std::unordered_map<PersonId, std::vector<PersonId>> children;
    std::vector<PersonId> self_loops;
    for (const auto& [id, r] : c.relations()) {
        if (r.kind != RelationKind::ParentChild) continue;
        if (r.a == r.b) self_loops.push_back(r.a);
        children[r.a].push_back(r.b);
    }
    std::unordered_map<PersonId, int> index, low;
    std::unordered_map<PersonId, bool> on_stack;
    std::vector<PersonId> stack, result = self_loops;
    int counter = 0;
    struct Frame {
        PersonId v;
        std::size_t next = 0;
    };
    for (const auto& [start, unused] : children) {
        if (index.count(start)) continue;
        std::vector<Frame> call{{start}};
        index[start] = low[start] = counter++;
        stack.push_back(start);
        on_stack[start] = true;
        while (!call.empty()) {
            Frame& f = call.back();
            auto it = children.find(f.v);
            if (it != children.end() && f.next < it->second.size()) {
                PersonId w = it->second[f.next++];
                if (!index.count(w)) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    call.push_back({w});
                } else if (on_stack[w]) {
                    low[f.v] = std::min(low[f.v], index[w]);
                }
                continue;
            }
            PersonId v = f.v;
            call.pop_back();
            if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
            if (low[v] == index[v]) {
                std::vector<PersonId> comp;
                PersonId w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    comp.push_back(w);
                } while (w != v);
                if (comp.size() > 1) result.insert(result.end(), comp.begin(), comp.end());
            }
        }
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

namespace {

std::string name(const Case& c, PersonId id) {
    const Person* p = c.person(id);
    return p ? p->display_name() + " (" + id.str() + ")" : id.str();
}

}  // namespace

std::vector<Problem> validate(const Case& c) {
    std::vector<Problem> out;
    auto error = [&](std::string code, std::string msg, PersonId p = {}, RelationId r = {}) {
        out.push_back({Severity::Error, std::move(code), std::move(msg), p, r});
    };
    auto warn = [&](std::string code, std::string msg, PersonId p = {}, RelationId r = {}) {
        out.push_back({Severity::Warning, std::move(code), std::move(msg), p, r});
    };

    std::map<PersonId, int> bio_parents;
    std::map<std::pair<PersonId, PersonId>, int> seen_pairs;
    for (const auto& [id, r] : c.relations()) {
        const Person* a = c.person(r.a);
        const Person* b = c.person(r.b);
        if (!a || !b) {
            error("dangling-relation",
                  "relation " + id.str() + " (" + std::string(to_string(r.kind)) + ") refers to " +
                      (!a ? r.a.str() : r.b.str()) + ", who is not in this case",
                  {}, id);
            continue;
        }
        if (r.a == r.b) {
            error(r.kind == RelationKind::ParentChild ? "own-parent" : "self-relation",
                  r.kind == RelationKind::ParentChild ? name(c, r.a) + " is recorded as their own parent"
                                                      : "relation " + id.str() + " links " + name(c, r.a) + " to themselves",
                  r.a, id);
            continue;
        }
        if (r.kind == RelationKind::ParentChild) {
            if (r.parent == ParentKind::Biological) ++bio_parents[r.b];
            if (certainly_before(b->birth, a->birth))
                error("child-before-parent",
                      name(c, r.b) + " (born " + b->birth.str() + ") is born before their parent " + name(c, r.a) +
                          " (born " + a->birth.str() + ")",
                      r.b, id);
            else if (r.parent == ParentKind::Biological && !a->birth.empty() && !b->birth.empty() &&
                     b->birth.year - a->birth.year < 12)
                warn("young-parent",
                     name(c, r.a) + " would have been younger than 12 at the birth of " + name(c, r.b), r.a, id);
            if (r.parent == ParentKind::Biological && a->sex == Sex::Male && !a->death.empty() && !b->birth.empty() &&
                certainly_before(a->death, PartialDate{b->birth.year - 1, 0, 0, false}))
                warn("born-after-death", name(c, r.b) + " is born long after the death of " + name(c, r.a), r.b, id);
            else if (r.parent == ParentKind::Biological && a->sex != Sex::Male && certainly_before(a->death, b->birth))
                error("born-after-death",
                      name(c, r.b) + " is born after the death of their mother " + name(c, r.a), r.b, id);
        }
        auto key = std::minmax(r.a, r.b);
        if (is_family_tie(r.kind) && ++seen_pairs[{key.first, key.second}] > 1 && r.kind != RelationKind::Partner)
            warn("duplicate-tie", "more than one family tie between " + name(c, r.a) + " and " + name(c, r.b), r.a, id);
        if (r.kind == RelationKind::Partner && !r.start.empty() && !r.end.empty() && certainly_before(r.end, r.start))
            error("ends-before-start", "the partnership of " + name(c, r.a) + " and " + name(c, r.b) + " ends (" +
                                           r.end.str() + ") before it starts (" + r.start.str() + ")",
                  r.a, id);
        if ((r.kind == RelationKind::Support || r.kind == RelationKind::Contact) && (r.strength < 1 || r.strength > 3))
            warn("strength-range", "relation " + id.str() + " has strength " + std::to_string(r.strength) +
                                       " (expected 1 to 3)", r.a, id);
    }
    for (const auto& [child, n] : bio_parents)
        if (n > 2)
            error("too-many-parents", name(c, child) + " has " + std::to_string(n) + " biological parents (at most 2)",
                  child);

    for (PersonId p : own_ancestors(c))
        error("own-ancestor", name(c, p) + " is their own ancestor (the parent-child lines form a loop)", p);

    const PartialDate now = c.info.date.empty() ? today() : c.info.date;
    int index_count = 0;
    for (const auto& [id, p] : c.persons()) {
        if (p.index_person) ++index_count;
        if (certainly_before(p.death, p.birth))
            error("death-before-birth",
                  name(c, id) + " dies (" + p.death.str() + ") before being born (" + p.birth.str() + ")", id);
        if (!p.death.empty() && !p.deceased)
            warn("death-not-deceased", name(c, id) + " has a date of death but is not marked deceased", id);
        if (certainly_before(now, p.birth) && p.kind == EntryKind::Person)
            warn("born-in-future", name(c, id) + " has a birth date in the future (" + p.birth.str() + ")", id);
        if (p.household && !c.household(p.household))
            error("unknown-household", name(c, id) + " lives in household " + p.household.str() + ", which does not exist",
                  id);
        if (p.coordinator && !p.is_professional())
            warn("coordinator-not-professional", name(c, id) + " is marked coordinator but is not a professional", id);
        if (auto age = years_between(p.birth, p.death.empty() ? now : p.death); age && *age > 120)
            warn("very-old", name(c, id) + " would be " + std::to_string(*age) + " years old", id);
    }
    if (index_count > 1) warn("several-index", std::to_string(index_count) + " persons are marked as index person");
    return out;
}

bool has_errors(const std::vector<Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::Error; });
}

}  // namespace kring
