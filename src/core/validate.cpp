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

std::vector<Problem> validate(const Case& c, Lang lang) {
    std::vector<Problem> out;
    auto add = [&](Severity sev, const char* code, std::initializer_list<TrArg> args, PersonId p = {}, RelationId r = {}) {
        std::string key = std::string("problem.") + code;
        out.push_back({sev, code, trf(key, lang, args), p, r});
    };
    auto error = [&](const char* code, std::initializer_list<TrArg> args, PersonId p = {}, RelationId r = {}) {
        add(Severity::Error, code, args, p, r);
    };
    auto warn = [&](const char* code, std::initializer_list<TrArg> args, PersonId p = {}, RelationId r = {}) {
        add(Severity::Warning, code, args, p, r);
    };

    std::map<PersonId, int> bio_parents;
    std::map<std::pair<PersonId, PersonId>, int> seen_pairs;
    for (const auto& [id, r] : c.relations()) {
        const Person* a = c.person(r.a);
        const Person* b = c.person(r.b);
        if (!a || !b) {
            error("dangling-relation",
                  {{"relation", id.str()}, {"kind", std::string(tr(std::string("relation.") + std::string(to_string(r.kind)), lang))},
                   {"id", !a ? r.a.str() : r.b.str()}},
                  {}, id);
            continue;
        }
        const std::string an = name(c, r.a), bn = name(c, r.b);
        if (r.a == r.b) {
            if (r.kind == RelationKind::ParentChild)
                error("own-parent", {{"a", an}}, r.a, id);
            else
                error("self-relation", {{"relation", id.str()}, {"a", an}}, r.a, id);
            continue;
        }
        if (r.kind == RelationKind::ParentChild) {
            if (r.parent == ParentKind::Biological) ++bio_parents[r.b];
            if (certainly_before(b->birth, a->birth))
                error("child-before-parent", {{"a", an}, {"b", bn}, {"a_birth", a->birth.str()}, {"b_birth", b->birth.str()}},
                      r.b, id);
            else if (r.parent == ParentKind::Biological && !a->birth.empty() && !b->birth.empty() &&
                     b->birth.year - a->birth.year < 12)
                warn("young-parent", {{"a", an}, {"b", bn}}, r.a, id);
            if (r.parent == ParentKind::Biological && a->sex == Sex::Male && !a->death.empty() && !b->birth.empty() &&
                certainly_before(a->death, PartialDate{b->birth.year - 1, 0, 0, false}))
                out.push_back({Severity::Warning, "born-after-death",
                               trf("problem.born-after-death.father", lang, {{"a", an}, {"b", bn}}), r.b, id});
            else if (r.parent == ParentKind::Biological && a->sex != Sex::Male && certainly_before(a->death, b->birth))
                error("born-after-death", {{"a", an}, {"b", bn}}, r.b, id);
        }
        auto key = std::minmax(r.a, r.b);
        if (is_family_tie(r.kind) && ++seen_pairs[{key.first, key.second}] > 1 && r.kind != RelationKind::Partner)
            warn("duplicate-tie", {{"a", an}, {"b", bn}}, r.a, id);
        if (r.kind == RelationKind::Partner && !r.start.empty() && !r.end.empty() && certainly_before(r.end, r.start))
            error("ends-before-start", {{"a", an}, {"b", bn}, {"start", r.start.str()}, {"end", r.end.str()}}, r.a, id);
        if ((r.kind == RelationKind::Support || r.kind == RelationKind::Contact) && (r.strength < 1 || r.strength > 3))
            warn("strength-range", {{"relation", id.str()}, {"value", std::to_string(r.strength)}}, r.a, id);
    }
    for (const auto& [child, n] : bio_parents)
        if (n > 2) error("too-many-parents", {{"a", name(c, child)}, {"n", std::to_string(n)}}, child);

    for (PersonId p : own_ancestors(c)) error("own-ancestor", {{"a", name(c, p)}}, p);

    const PartialDate now = c.info.date.empty() ? today() : c.info.date;
    int index_count = 0;
    for (const auto& [id, p] : c.persons()) {
        const std::string pn = name(c, id);
        if (p.index_person) ++index_count;
        if (certainly_before(p.death, p.birth))
            error("death-before-birth", {{"a", pn}, {"death", p.death.str()}, {"birth", p.birth.str()}}, id);
        if (!p.death.empty() && !p.deceased) warn("death-not-deceased", {{"a", pn}}, id);
        if (certainly_before(now, p.birth) && p.kind == EntryKind::Person)
            warn("born-in-future", {{"a", pn}, {"birth", p.birth.str()}}, id);
        if (p.household && !c.household(p.household))
            error("unknown-household", {{"a", pn}, {"household", p.household.str()}}, id);
        if (p.coordinator && !p.is_professional()) warn("coordinator-not-professional", {{"a", pn}}, id);
        if (auto age = years_between(p.birth, p.death.empty() ? now : p.death); age && *age > kOldestPlausibleAge)
            warn("very-old", {{"a", pn}, {"n", std::to_string(*age)}}, id);
    }
    if (index_count > 1) warn("several-index", {{"n", std::to_string(index_count)}});
    return out;
}

bool has_errors(const std::vector<Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::Error; });
}

}  // namespace kring
