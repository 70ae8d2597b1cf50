// analyze(): from a case to the figures and findings of its network analysis. The
// structural measures are in analysis_structure.cpp, the texts in analysis_text.cpp.
#include "core/analysis.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>

namespace kring {

NetworkSector network_sector_of(Category c) {
    switch (c) {
        case Category::Household: return NetworkSector::Household;
        case Category::Family:
        case Category::Relative: return NetworkSector::Family;
        case Category::Friend: return NetworkSector::Friends;
        case Category::Neighbour: return NetworkSector::Neighbours;
        case Category::SchoolWork: return NetworkSector::SchoolWork;
        case Category::Leisure: return NetworkSector::Leisure;
        case Category::Professional: return NetworkSector::Professionals;
    }
    return NetworkSector::Family;
}

const PersonFigures* Analysis::figures(PersonId p) const {
    auto it = std::lower_bound(persons.begin(), persons.end(), p,
                               [](const PersonFigures& f, PersonId id) { return f.person < id; });
    return it != persons.end() && it->person == p ? &*it : nullptr;
}

int Analysis::count(Finding::Level level) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.level == level; }));
}

PersonId analysis_focus(const Case& c) {
    if (auto idx = c.index_person()) {
        const Person* p = c.person(*idx);
        if (p && in_network(*p)) return *idx;
    }
    for (const auto& [id, p] : c.persons())
        if (in_network(p) && p.category == Category::Household) return id;
    for (const auto& [id, p] : c.persons())
        if (in_network(p)) return id;
    return {};
}

namespace {

constexpr std::size_t kMaxKeyPersons = 5;  // "only link to ..." findings, biggest first

using Level = Finding::Level;

// Everything analyze() needs about the graph, indexed by vertex.
struct Work {
    const Case& c;
    NetworkGraph g;
    std::vector<std::vector<int>> adj;  // sorted neighbours
    std::vector<const Person*> person;
    int focus = -1;

    Work(const Case& cs) : c(cs), g(network_graph(cs)) {
        adj.resize(static_cast<std::size_t>(g.n));
        for (auto [a, b] : g.edges) {
            adj[static_cast<std::size_t>(a)].push_back(b);
            adj[static_cast<std::size_t>(b)].push_back(a);
        }
        for (auto& nb : adj) std::sort(nb.begin(), nb.end());
        for (PersonId id : g.persons) person.push_back(cs.person(id));
    }
    [[nodiscard]] int vertex(PersonId id) const {
        auto it = std::lower_bound(g.persons.begin(), g.persons.end(), id);
        return it != g.persons.end() && *it == id ? static_cast<int>(it - g.persons.begin()) : -1;
    }
    [[nodiscard]] bool tied(int a, int b) const {
        const auto& nb = adj[static_cast<std::size_t>(a)];
        return std::binary_search(nb.begin(), nb.end(), b);
    }
    [[nodiscard]] const Person& p(int v) const { return *person[static_cast<std::size_t>(v)]; }
    [[nodiscard]] PersonId id(int v) const { return g.persons[static_cast<std::size_t>(v)]; }
    // Vertices reachable from `from` without passing `blocked` (-1: none).
    [[nodiscard]] std::vector<char> reach(int from, int blocked) const {
        std::vector<char> seen(static_cast<std::size_t>(g.n), 0);
        if (from < 0) return seen;
        std::vector<int> queue{from};
        seen[static_cast<std::size_t>(from)] = 1;
        if (blocked >= 0) seen[static_cast<std::size_t>(blocked)] = 1;
        for (std::size_t h = 0; h < queue.size(); ++h)
            for (int w : adj[static_cast<std::size_t>(queue[h])])
                if (!seen[static_cast<std::size_t>(w)]) {
                    seen[static_cast<std::size_t>(w)] = 1;
                    queue.push_back(w);
                }
        if (blocked >= 0) seen[static_cast<std::size_t>(blocked)] = 0;
        return seen;
    }
};

bool is_child(const Person& p, const PartialDate& ref) {
    if (p.birth.empty()) return false;
    auto age = years_between(p.birth, ref);
    return age && *age < 18;
}

constexpr const char* kSupportSlug[kSupportTypeCount] = {"practical", "financial", "emotional", "informational", "childcare"};

void add(Analysis& a, std::string key, Level level, PersonId subject = {}, std::vector<PersonId> persons = {},
         std::vector<int> numbers = {}, std::string detail = {}) {
    Finding f;
    f.key = std::move(key);
    f.level = level;
    f.subject = subject;
    f.persons = std::move(persons);
    f.numbers = std::move(numbers);
    f.detail = std::move(detail);
    a.findings.push_back(std::move(f));
}

void support_figures(const Work& w, Analysis& a, std::vector<unsigned>& types, const std::vector<char>& in_unit) {
    for (const auto& [rid, r] : w.c.relations()) {
        if (r.kind != RelationKind::Support || r.a == r.b) continue;
        const int va = w.vertex(r.a), vb = w.vertex(r.b);
        if (va < 0 || vb < 0) continue;
        ++a.support_relations;
        const auto t = static_cast<std::size_t>(r.support);
        types[static_cast<std::size_t>(va)] |= 1u << t;
        types[static_cast<std::size_t>(vb)] |= 1u << t;
        auto flow = [&](int giver, int receiver) {
            ++a.persons[static_cast<std::size_t>(giver)].gives;
            ++a.persons[static_cast<std::size_t>(receiver)].receives;
            const bool gin = in_unit[static_cast<std::size_t>(giver)], rin = in_unit[static_cast<std::size_t>(receiver)];
            if (!gin && rin) {
                ++a.support_count[t];
                if (!w.p(giver).is_professional()) {
                    ++a.support_informal[t];
                    ++a.unit_receives;
                }
            } else if (gin && !rin && !w.p(receiver).is_professional()) {
                ++a.unit_gives;
            }
        };
        if (r.direction != Direction::Receives) flow(va, vb);
        if (r.direction != Direction::Gives) flow(vb, va);
    }
}

void structure_figures(const Work& w, Analysis& a, const AnalysisOptions& opt) {
    const auto& g = w.g;
    std::vector<double> bc;
    if (g.n <= opt.exact_betweenness_limit) {
        bc = betweenness(g);
    } else {
        const auto sources = sample_sources(g.n, std::max(1, opt.betweenness_samples), opt.seed);
        a.betweenness_sources = static_cast<int>(sources.size());
        bc = betweenness_from(g, sources);
    }
    const auto bic = biconnected(g);
    const auto dep = dependents(g, w.focus);
    const auto es = effective_size(g);
    const auto cs = constraint(g);
    for (int v = 0; v < g.n; ++v) {
        auto& f = a.persons[static_cast<std::size_t>(v)];
        f.betweenness = bc[static_cast<std::size_t>(v)];
        f.dependents = dep[static_cast<std::size_t>(v)];
        f.effective_size = es[static_cast<std::size_t>(v)];
        f.constraint = cs[static_cast<std::size_t>(v)];
    }
    for (int v : bic.articulation_points) {
        a.persons[static_cast<std::size_t>(v)].articulation = true;
        a.articulation_points.push_back(w.id(v));
    }
    for (auto [x, y] : bic.bridges) a.bridges.emplace_back(w.id(x), w.id(y));
    a.density = density(g, w.focus);
    a.focus_effective_size = es[static_cast<std::size_t>(w.focus)];
    a.focus_constraint = cs[static_cast<std::size_t>(w.focus)];
}

void professional_figures(const Work& w, Analysis& a) {
    std::vector<int> prof;
    for (int v = 0; v < w.g.n; ++v)
        if (v != w.focus && w.p(v).is_professional()) prof.push_back(v);
    for (int v : prof)
        if (w.p(v).coordinator) a.coordinators.push_back(w.id(v));
    a.has_coordinator = !a.coordinators.empty();
    const auto k = static_cast<long long>(prof.size());
    long long connected = 0;
    std::vector<char> is_prof(static_cast<std::size_t>(w.g.n), 0);
    for (int v : prof) is_prof[static_cast<std::size_t>(v)] = 1;
    for (auto [x, y] : w.g.edges)
        if (is_prof[static_cast<std::size_t>(x)] && is_prof[static_cast<std::size_t>(y)]) ++connected;
    a.unconnected_professional_pairs = k * (k - 1) / 2 - connected;
    for (std::size_t i = 0; i < prof.size() && a.unconnected_professionals.size() < Analysis::kMaxListedPairs; ++i)
        for (std::size_t j = i + 1; j < prof.size() && a.unconnected_professionals.size() < Analysis::kMaxListedPairs; ++j)
            if (!w.tied(prof[i], prof[j])) a.unconnected_professionals.emplace_back(w.id(prof[i]), w.id(prof[j]));
}

void risk_figures(const Work& w, Analysis& a) {
    for (const auto& [rid, r] : w.c.relations())
        if (r.kind == RelationKind::Emotional && (r.emotion == EmotionKind::Abuse || r.emotion == EmotionKind::Neglect)) {
            const int va = w.vertex(r.a);
            if (va >= 0 && w.vertex(r.b) >= 0 && r.a != r.b) a.persons[static_cast<std::size_t>(va)].risk = true;
        }
    for (int v = 0; v < w.g.n; ++v) {
        auto& f = a.persons[static_cast<std::size_t>(v)];
        if (w.p(v).risk) f.risk = true;
        if (!f.risk) continue;
        a.risk_persons.push_back(f.person);
        for (int u : w.adj[static_cast<std::size_t>(v)]) {
            const auto& fu = a.persons[static_cast<std::size_t>(u)];
            if (fu.child || fu.in_focus_unit) f.risk_reaches.push_back(fu.person);
        }
    }
}

// Ties among the alters, conflicts, "important but no contact" and critical persons.
void around_figures(const Work& w, Analysis& a) {
    for (auto [x, y] : w.g.edges)
        if (x != w.focus && y != w.focus) ++a.alter_ties;
    a.alter_pairs = static_cast<long long>(a.size) * (a.size - 1) / 2;
    auto push_unique = [](std::vector<PersonId>& v, PersonId p) {
        if (std::find(v.begin(), v.end(), p) == v.end()) v.push_back(p);
    };
    for (const auto& [rid, r] : w.c.relations()) {
        const int va = w.vertex(r.a), vb = w.vertex(r.b);
        if (r.a == r.b || va < 0 || vb < 0) continue;
        if (r.kind == RelationKind::Emotional && (r.emotion == EmotionKind::Conflict || r.emotion == EmotionKind::Hostile))
            a.conflicts.emplace_back(r.a, r.b);
        if (r.kind != RelationKind::Contact) continue;
        const bool ina = a.persons[static_cast<std::size_t>(va)].in_focus_unit;
        const bool inb = a.persons[static_cast<std::size_t>(vb)].in_focus_unit;
        if (!ina && !inb) continue;
        // The person outside the unit (or b, when both are inside) is the one that matters.
        const PersonId other = ina && !inb ? r.b : !ina && inb ? r.a : r.b;
        if (!makes_tie(r)) push_unique(a.important_no_contact, other);
        else if (r.critical) push_unique(a.critical, other);
    }
}

// The unit members a relation of kind Contact links `p` to, filtered by `pred`.
template <class Pred>
std::vector<PersonId> contact_partners(const Work& w, const Analysis& a, PersonId p, Pred pred) {
    std::vector<PersonId> out;
    for (const auto& [rid, r] : w.c.relations()) {
        if (r.kind != RelationKind::Contact || !r.involves(p) || r.a == r.b || !pred(r)) continue;
        const PersonId q = r.other(p);
        const int vq = w.vertex(q);
        if (vq >= 0 && a.persons[static_cast<std::size_t>(vq)].in_focus_unit &&
            std::find(out.begin(), out.end(), q) == out.end())
            out.push_back(q);
    }
    return out;
}

// ---- findings -------------------------------------------------------------------------

void network_findings(const Work& w, Analysis& a, int informal_outside) {
    const PersonId focus = a.focus;
    const int unit_size = static_cast<int>(a.focus_unit.size());
    if (a.persons[static_cast<std::size_t>(w.focus)].degree == 0)
        add(a, "focus-alone", Level::Attention, focus);
    if (informal_outside == 0)
        add(a, "no-informal-network", Level::Attention, focus, {}, {unit_size});
    else if (informal_outside <= 3)
        add(a, "small-network", Level::Attention, focus, {}, {informal_outside, unit_size});

    std::vector<PersonId> isolated_alters;
    for (PersonId p : a.isolated)
        if (p != focus && std::find(a.important_no_contact.begin(), a.important_no_contact.end(), p) == a.important_no_contact.end())
            isolated_alters.push_back(p);
    if (!isolated_alters.empty()) add(a, "isolated", Level::Attention, {}, isolated_alters);
    if (!a.unreachable.empty()) add(a, "unreachable", Level::Attention, focus, a.unreachable);
    if (a.size >= 3 && a.alter_ties == 0) add(a, "alters-unconnected", Level::Attention, focus, {}, {a.size});
    for (PersonId p : a.important_no_contact)
        add(a, "important-no-contact", Level::Attention, p,
            contact_partners(w, a, p, [](const Relation& r) { return !makes_tie(r); }));
    for (PersonId p : a.critical)
        add(a, "critical", Level::Attention, p, contact_partners(w, a, p, [](const Relation& r) { return r.critical && makes_tie(r); }));
    if (!a.children_without_network.empty())
        add(a, "children-without-network", Level::Attention, {}, a.children_without_network);

    // Who holds the network together: persons on whom others' only path to the focus hangs.
    std::vector<int> keys;
    for (int v = 0; v < w.g.n; ++v)
        if (a.persons[static_cast<std::size_t>(v)].dependents > 0) keys.push_back(v);
    std::stable_sort(keys.begin(), keys.end(), [&](int x, int y) {
        return a.persons[static_cast<std::size_t>(x)].dependents > a.persons[static_cast<std::size_t>(y)].dependents;
    });
    if (keys.size() > kMaxKeyPersons) keys.resize(kMaxKeyPersons);
    const auto with_all = w.reach(w.focus, -1);
    for (int v : keys) {
        const auto without = w.reach(w.focus, v);
        std::vector<PersonId> cut;
        for (int u = 0; u < w.g.n; ++u)
            if (u != v && with_all[static_cast<std::size_t>(u)] && !without[static_cast<std::size_t>(u)]) cut.push_back(w.id(u));
        add(a, "key-person", Level::Info, w.id(v), cut, {static_cast<int>(cut.size())});
    }

    std::vector<PersonId> abroad;
    for (int v = 0; v < w.g.n; ++v)
        if (v != w.focus && w.p(v).abroad) abroad.push_back(w.id(v));
    if (!abroad.empty()) add(a, "network-abroad", Level::Info, {}, abroad, {static_cast<int>(abroad.size())});
}

void support_findings(Analysis& a, bool unit_has_children) {
    const int unit_size = static_cast<int>(a.focus_unit.size());
    for (SupportType t : a.missing_support)
        add(a, std::string("no-") + kSupportSlug[static_cast<int>(t)] + "-support", Level::Attention, a.focus, {}, {unit_size});
    for (int t = 0; t < kSupportTypeCount; ++t) {
        if (a.support_count[static_cast<std::size_t>(t)] > 0 && a.support_informal[static_cast<std::size_t>(t)] == 0 &&
            (t != static_cast<int>(SupportType::Childcare) || unit_has_children))
            add(a, std::string("only-professional-") + kSupportSlug[t] + "-support", Level::Attention, a.focus, {}, {unit_size});
    }
    if (a.unit_receives >= 3 && a.unit_gives * 3 <= a.unit_receives)
        add(a, "low-reciprocity", Level::Attention, a.focus, {}, {a.unit_receives, a.unit_gives, unit_size});
}

void professional_findings(const Work& w, Analysis& a) {
    const int k = a.professionals;
    if (k >= 2 && !a.has_coordinator) add(a, "no-coordinator", Level::Attention, {}, {}, {k});
    if (a.coordinators.size() > 1) add(a, "several-coordinators", Level::Attention, {}, a.coordinators);
    for (PersonId cid : a.coordinators) {
        const int cv = w.vertex(cid);
        std::vector<PersonId> missing;
        for (int v = 0; v < w.g.n; ++v)
            if (v != cv && v != w.focus && w.p(v).is_professional() && !w.tied(cv, v)) missing.push_back(w.id(v));
        if (!missing.empty()) add(a, "coordinator-not-connected", Level::Attention, cid, missing);
    }
    const long long pairs = static_cast<long long>(k) * (k - 1) / 2;
    if (k >= 2 && a.unconnected_professional_pairs == pairs) {
        add(a, "professionals-not-connected", Level::Attention, {}, {}, {k});
    } else if (a.unconnected_professional_pairs == 1) {
        const auto [x, y] = a.unconnected_professionals.front();
        add(a, "professional-pair-not-connected", Level::Info, x, {y});
    } else if (a.unconnected_professional_pairs > 1) {
        add(a, "professional-pairs-not-connected", Level::Info, {}, {},
            {static_cast<int>(std::min<long long>(a.unconnected_professional_pairs, 1'000'000'000)),
             static_cast<int>(std::min<long long>(pairs, 1'000'000'000))});
    }
    if (k >= 3 && k > a.informal) add(a, "more-professionals", Level::Attention, {}, {}, {k, a.informal});
}

void risk_findings(const Work& w, Analysis& a) {
    for (int v = 0; v < w.g.n; ++v) {
        const auto& f = a.persons[static_cast<std::size_t>(v)];
        if (w.p(v).risk) add(a, "risk-contact", Level::Risk, f.person, f.risk_reaches, {}, w.p(v).risk_note);
    }
    for (const auto& [rid, r] : w.c.relations()) {
        if (r.a == r.b || w.vertex(r.a) < 0 || w.vertex(r.b) < 0) continue;
        if (r.kind == RelationKind::Emotional && r.emotion == EmotionKind::Abuse)
            add(a, "abuse", Level::Risk, r.a, {r.b}, {static_cast<int>(r.abuse)});
        else if (r.kind == RelationKind::Emotional && r.emotion == EmotionKind::Neglect)
            add(a, "neglect", Level::Risk, r.a, {r.b});
        else if (r.kind == RelationKind::Contact && r.worries) {
            // Name the outside person first: "contact between grandfather and mother".
            const auto& fa = a.persons[static_cast<std::size_t>(w.vertex(r.a))];
            const bool swap = fa.in_focus_unit && !a.persons[static_cast<std::size_t>(w.vertex(r.b))].in_focus_unit;
            add(a, "worries", Level::Attention, swap ? r.b : r.a, {swap ? r.a : r.b});
        }
    }
    for (auto [x, y] : a.conflicts) add(a, "conflict", Level::Attention, x, {y});
    for (const auto& [rid, r] : w.c.relations())
        if (r.kind == RelationKind::Emotional && r.emotion == EmotionKind::CutOff && r.a != r.b && w.vertex(r.a) >= 0 &&
            w.vertex(r.b) >= 0)
            add(a, "cut-off", Level::Info, r.a, {r.b});
}

}  // namespace

Analysis analyze(const Case& c, const AnalysisOptions& opt, Lang lang) {
    Analysis a;
    a.lang = lang;
    Work w(c);
    if (w.g.n == 0) {
        add(a, "empty-case", Level::Info);
        a.findings.back().text = finding_text(a.findings.back(), c, lang);
        return a;
    }
    if (opt.focus.valid()) {
        w.focus = w.vertex(opt.focus);
        if (w.focus < 0) {
            const Person* p = c.person(opt.focus);
            throw std::invalid_argument("focus " + opt.focus.str() + ": " +
                                        (p ? "is not a living person of this case (deceased, or a pregnancy/miscarriage entry)"
                                           : "no such person in this case"));
        }
    } else {
        w.focus = w.vertex(analysis_focus(c));
    }
    a.focus = w.id(w.focus);
    const Person& fp = w.p(w.focus);
    const auto n = static_cast<std::size_t>(w.g.n);
    a.ties = static_cast<int>(w.g.edges.size());

    // Focus unit and children.
    std::vector<char> in_unit(n, 0);
    const PartialDate ref = c.info.date.empty() ? today() : c.info.date;
    for (int v = 0; v < w.g.n; ++v) {
        const Person& p = w.p(v);
        in_unit[static_cast<std::size_t>(v)] = v == w.focus || (fp.household.valid() && p.household == fp.household) ||
                                               (fp.category == Category::Household && p.category == Category::Household);
        if (in_unit[static_cast<std::size_t>(v)]) a.focus_unit.push_back(p.id);
    }

    a.persons.resize(n);
    bool unit_has_children = false;
    for (int v = 0; v < w.g.n; ++v) {
        const auto vi = static_cast<std::size_t>(v);
        const Person& p = w.p(v);
        auto& f = a.persons[vi];
        f.person = p.id;
        f.sector = network_sector_of(p.category);
        f.degree = static_cast<int>(w.adj[vi].size());
        f.isolated = f.degree == 0;
        f.child = is_child(p, ref);
        f.in_focus_unit = in_unit[vi];
        if (f.child && f.in_focus_unit) unit_has_children = true;
        if (f.isolated) a.isolated.push_back(p.id);
        if (v == w.focus) continue;
        ++a.size;
        ++a.per_sector[static_cast<std::size_t>(f.sector)];
        if (p.is_professional()) ++a.professionals;
        else ++a.informal;
        if (p.abroad) ++a.abroad;
    }
    a.informal_share = a.size ? static_cast<double>(a.informal) / a.size : 0.0;

    // Support.
    std::vector<unsigned> types(n, 0);
    support_figures(w, a, types, in_unit);
    for (std::size_t v = 0; v < n; ++v) a.persons[v].multiplexity = std::popcount(types[v]);
    for (int t = 0; t < kSupportTypeCount; ++t)
        if (a.support_count[static_cast<std::size_t>(t)] == 0 && (t != static_cast<int>(SupportType::Childcare) || unit_has_children))
            a.missing_support.push_back(static_cast<SupportType>(t));

    // Structure.
    structure_figures(w, a, opt);
    const auto reached = w.reach(w.focus, -1);
    int informal_outside = 0;
    for (int v = 0; v < w.g.n; ++v) {
        const auto vi = static_cast<std::size_t>(v);
        if (v != w.focus && !reached[vi] && !a.persons[vi].isolated) a.unreachable.push_back(w.id(v));
        if (!in_unit[vi] && !w.p(v).is_professional()) ++informal_outside;
        if (a.persons[vi].child && in_unit[vi]) {
            const bool own = std::any_of(w.adj[vi].begin(), w.adj[vi].end(), [&](int u) {
                return !in_unit[static_cast<std::size_t>(u)] && !w.p(u).is_professional();
            });
            if (!own) a.children_without_network.push_back(w.id(v));
        }
    }
    professional_figures(w, a);
    risk_figures(w, a);
    around_figures(w, a);

    // Findings: Risk first, then Attention, then Info; within a level in the order made.
    if (a.size == 0) {
        add(a, "no-network", Level::Attention, a.focus);
    } else {
        risk_findings(w, a);
        if (a.support_relations == 0) add(a, "no-support-recorded", Level::Info);
        else support_findings(a, unit_has_children);
        professional_findings(w, a);
        network_findings(w, a, informal_outside);
    }
    std::stable_sort(a.findings.begin(), a.findings.end(),
                     [](const Finding& x, const Finding& y) { return static_cast<int>(x.level) > static_cast<int>(y.level); });
    for (auto& f : a.findings) f.text = finding_text(f, c, lang);
    return a;
}

}  // namespace kring
