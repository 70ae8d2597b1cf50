// Network analysis on hand-made networks whose answers are worked out by hand (see the
// comments): structural measures on small graphs, then analyze() on small cases,
// including a focus with nobody around it and alters with no ties among themselves.
#include "core/analysis.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using namespace kring;

namespace {

NetworkGraph graph(int n, std::vector<std::pair<int, int>> edges) {
    NetworkGraph g;
    g.n = n;
    g.edges = std::move(edges);
    return g;
}

// Builds small cases with explicit ids; the case date is fixed so ages are known.
struct Builder {
    Case c;
    Builder() {
        c.info.name = "Test";
        c.info.date = *PartialDate::parse("2026-01-01");
        Household h;
        h.id = HouseholdId(1);
        h.name = "Gezin";
        c.put(h);
    }
    PersonId person(std::string given, Category cat, std::string birth = "1980", bool in_household = false) {
        Person p;
        p.id = c.new_person_id();
        p.given = std::move(given);
        p.family = "Test";
        p.sex = Sex::Female;
        p.category = cat;
        if (!birth.empty()) p.birth = *PartialDate::parse(birth);
        if (in_household) p.household = HouseholdId(1);
        c.put(p);
        return p.id;
    }
    Person& edit(PersonId id) { return const_cast<Person&>(*c.person(id)); }
    Relation& rel(RelationKind kind, PersonId a, PersonId b) {
        Relation r;
        r.id = c.new_relation_id();
        r.kind = kind;
        r.a = a;
        r.b = b;
        c.put(r);
        return const_cast<Relation&>(*c.relation(r.id));
    }
    Relation& support(PersonId a, PersonId b, SupportType t, Direction d) {
        Relation& r = rel(RelationKind::Support, a, b);
        r.support = t;
        r.direction = d;
        return r;
    }
};

bool has(const Analysis& a, std::string_view key) {
    return std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding& f) { return f.key == key; });
}
const Finding* finding(const Analysis& a, std::string_view key) {
    for (const auto& f : a.findings)
        if (f.key == key) return &f;
    return nullptr;
}

}  // namespace

// ---- structural measures on small graphs ------------------------------------------------

TEST_CASE("path 0-1-2-3: betweenness, cut points, bridges, dependents, Burt, density") {
    const auto g = graph(4, {{0, 1}, {1, 2}, {2, 3}});
    // v1 lies on (0,2) and (0,3): 2 of the 3 pairs not involving it.
    const auto bc = betweenness(g);
    CHECK(bc[0] == doctest::Approx(0));
    CHECK(bc[1] == doctest::Approx(2.0 / 3));
    CHECK(bc[2] == doctest::Approx(2.0 / 3));
    CHECK(bc[3] == doctest::Approx(0));
    const auto bic = biconnected(g);
    CHECK(bic.articulation_points == std::vector<int>{1, 2});
    CHECK(bic.bridges == std::vector<std::pair<int, int>>{{0, 1}, {1, 2}, {2, 3}});
    // Seen from 0: losing 1 cuts off 2 and 3, losing 2 cuts off 3.
    CHECK(dependents(g, 0) == std::vector<int>{0, 2, 1, 0});
    CHECK(dependents(g, 1) == std::vector<int>{0, 0, 1, 0});
    // No triangles: effective size = degree; constraint = sum (1/d)^2 = 1/d.
    CHECK(effective_size(g) == std::vector<double>{1, 2, 2, 1});
    const auto cs = constraint(g);
    CHECK(cs[0] == doctest::Approx(1));
    CHECK(cs[1] == doctest::Approx(0.5));
    CHECK(density(g, -1) == doctest::Approx(3.0 / 6));
    CHECK(density(g, 0) == doctest::Approx(2.0 / 3));  // 1-2, 2-3 of 3 pairs
}

TEST_CASE("bowtie: two triangles sharing vertex 2") {
    const auto g = graph(5, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {2, 4}, {3, 4}});
    // Vertex 2 carries the 4 pairs between {0,1} and {3,4}, of the 6 pairs without it.
    const auto bc = betweenness(g);
    CHECK(bc[2] == doctest::Approx(4.0 / 6));
    for (int v : {0, 1, 3, 4}) CHECK(bc[static_cast<std::size_t>(v)] == doctest::Approx(0));
    const auto bic = biconnected(g);
    CHECK(bic.articulation_points == std::vector<int>{2});
    CHECK(bic.bridges.empty());
    CHECK(density(g, -1) == doctest::Approx(0.6));
    CHECK(density(g, 2) == doctest::Approx(2.0 / 6));
    // Vertex 2: d = 4, t = 2 ties among its neighbours: 4 - 2*2/4 = 3.
    // Constraint of 2: each neighbour j has one common neighbour q (d_q = 2):
    // (1/4 + 1/4 * 1/2)^2 = 9/64, four times = 36/64.
    // Vertex 0: d = 2, t = 1: 2 - 2/2 = 1; constraint (1/2 + 1/2*1/4)^2 + (1/2 + 1/2*1/2)^2 = 61/64.
    const auto es = effective_size(g);
    const auto cs = constraint(g);
    CHECK(es[2] == doctest::Approx(3));
    CHECK(cs[2] == doctest::Approx(36.0 / 64));
    CHECK(es[0] == doctest::Approx(1));
    CHECK(cs[0] == doctest::Approx(61.0 / 64));
}

TEST_CASE("star: the centre carries every pair; its alters do not know each other") {
    const auto g = graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const auto bc = betweenness(g);
    CHECK(bc[0] == doctest::Approx(1));
    CHECK(bc[1] == doctest::Approx(0));
    CHECK(biconnected(g).articulation_points == std::vector<int>{0});
    CHECK(biconnected(g).bridges.size() == 4);
    CHECK(density(g, 0) == doctest::Approx(0));
    CHECK(effective_size(g)[0] == doctest::Approx(4));
    CHECK(constraint(g)[0] == doctest::Approx(4 * (1.0 / 16)));
}

TEST_CASE("triangle, single vertex and empty graph") {
    const auto t = graph(3, {{0, 1}, {0, 2}, {1, 2}});
    CHECK(betweenness(t) == std::vector<double>{0, 0, 0});
    CHECK(biconnected(t).articulation_points.empty());
    CHECK(density(t, -1) == doctest::Approx(1));
    CHECK(effective_size(t)[0] == doctest::Approx(1));          // 2 - 2*1/2
    CHECK(constraint(t)[0] == doctest::Approx(2 * 0.75 * 0.75));  // (1/2 + 1/2*1/2)^2 twice

    const auto one = graph(1, {});
    CHECK(betweenness(one) == std::vector<double>{0});
    CHECK(density(one, 0) == 0);
    CHECK(std::isnan(effective_size(one)[0]));
    CHECK(std::isnan(constraint(one)[0]));
    CHECK(dependents(one, 0) == std::vector<int>{0});

    const auto none = graph(0, {});
    CHECK(betweenness(none).empty());
    CHECK(density(none, -1) == 0);
    CHECK(biconnected(none).articulation_points.empty());
}

TEST_CASE("sampled betweenness: every vertex as source is exact; k sources scale by n/k") {
    const auto g = graph(4, {{0, 1}, {1, 2}, {2, 3}});
    CHECK(betweenness_from(g, sample_sources(4, 10, 1)) == betweenness(g));
    // From source 0 only: dependencies of 1 = 2 (targets 2, 3), of 2 = 1 (target 3);
    // scaled by n/k = 4 and by 1/((n-1)(n-2)) = 1/6.
    const std::vector<int> src{0};
    const auto b = betweenness_from(g, src);
    CHECK(b[1] == doctest::Approx(2 * 4.0 / 6));
    CHECK(b[2] == doctest::Approx(1 * 4.0 / 6));
    CHECK(sample_sources(100, 5, 42) == sample_sources(100, 5, 42));
    CHECK(sample_sources(100, 5, 42).size() == 5);
    CHECK_THROWS_AS(betweenness(graph(2, {{0, 2}})), std::invalid_argument);
}

// ---- analyze() on hand-made cases --------------------------------------------------------

TEST_CASE("analyze: a family with support, professionals, a risk contact and an absent father") {
    Builder b;
    const PersonId mother = b.person("Moeder", Category::Household, "1990", true);
    const PersonId child = b.person("Kind", Category::Household, "2016", true);
    const PersonId oma = b.person("Oma", Category::Family, "1960");
    const PersonId buur = b.person("Buur", Category::Neighbour);
    const PersonId prof_a = b.person("Coach", Category::Professional);
    const PersonId prof_b = b.person("Docent", Category::Professional);
    const PersonId risk = b.person("Oom", Category::Family);
    const PersonId absent = b.person("Vader", Category::Family);
    const PersonId friend_ = b.person("Vriendin", Category::Friend);
    const PersonId baby = b.person("Baby", Category::Household, "2018", true);
    const PersonId dead = b.person("Opa", Category::Family, "1950");
    b.edit(mother).index_person = true;
    b.edit(risk).risk = true;
    b.edit(risk).risk_note = "drugs";
    b.edit(dead).deceased = true;

    b.rel(RelationKind::ParentChild, mother, child);
    b.rel(RelationKind::ParentChild, mother, baby);
    b.support(oma, mother, SupportType::Practical, Direction::Gives);
    b.support(buur, mother, SupportType::Emotional, Direction::Both);
    b.rel(RelationKind::Contact, mother, prof_a);
    b.rel(RelationKind::Contact, mother, prof_b);
    b.rel(RelationKind::Contact, risk, child).worries = true;
    b.rel(RelationKind::Contact, absent, child).no_contact = true;
    b.rel(RelationKind::Emotional, oma, risk).emotion = EmotionKind::Conflict;
    b.rel(RelationKind::Contact, oma, buur);
    b.rel(RelationKind::Partner, dead, oma);  // the deceased are left out of the network

    const Analysis a = analyze(b.c);
    // Vertices (by id): 0 mother, 1 child, 2 oma, 3 buur, 4 coach, 5 docent, 6 oom,
    // 7 vader, 8 vriendin, 9 baby. Ties: 0-1, 0-9, 0-2, 0-3, 0-4, 0-5, 1-6, 2-6, 2-3.
    CHECK(a.focus == mother);
    CHECK(a.focus_unit == std::vector<PersonId>{mother, child, baby});
    CHECK(a.size == 9);
    CHECK(a.ties == 9);
    CHECK(a.per_sector == std::array<int, kNetworkSectorCount>{2, 3, 1, 1, 0, 0, 2});
    CHECK(a.informal == 7);
    CHECK(a.professionals == 2);
    CHECK(a.informal_share == doctest::Approx(7.0 / 9));

    // Support into the unit: practical from oma, emotional from buur (who also receives).
    CHECK(a.support_count == std::array<int, kSupportTypeCount>{1, 0, 1, 0, 0});
    CHECK(a.support_informal == std::array<int, kSupportTypeCount>{1, 0, 1, 0, 0});
    CHECK(a.missing_support == std::vector<SupportType>{SupportType::Financial, SupportType::Informational, SupportType::Childcare});
    CHECK(a.unit_receives == 2);
    CHECK(a.unit_gives == 1);
    CHECK(a.figures(mother)->gives == 1);
    CHECK(a.figures(mother)->receives == 2);
    CHECK(a.figures(mother)->multiplexity == 2);
    CHECK(a.figures(buur)->gives == 1);
    CHECK(a.figures(buur)->receives == 1);
    CHECK(a.figures(oma)->multiplexity == 1);

    // Around the focus: 2-6, 2-3 and 1-6 among 9 alters (36 pairs).
    CHECK(a.alter_ties == 3);
    CHECK(a.alter_pairs == 36);
    CHECK(a.density == doctest::Approx(3.0 / 36));
    // Mother: d = 6 (child, baby, oma, buur, coach, docent), one tie among them (oma-buur).
    CHECK(a.focus_effective_size == doctest::Approx(6 - 2.0 / 6));
    const double c_oma = (1 + 1.0 / 2) / 6, c_buur = (1 + 1.0 / 3) / 6;  // via buur (d 2), via oma (d 3)
    CHECK(a.focus_constraint == doctest::Approx(c_oma * c_oma + c_buur * c_buur + 4.0 / 36));
    CHECK(a.articulation_points == std::vector<PersonId>{mother});
    CHECK(a.bridges == std::vector<std::pair<PersonId, PersonId>>{{mother, prof_a}, {mother, prof_b}, {mother, baby}});
    CHECK(a.figures(mother)->articulation);
    CHECK(a.figures(mother)->betweenness > a.figures(oma)->betweenness);
    CHECK(a.figures(prof_a)->betweenness == 0);

    CHECK(a.isolated == std::vector<PersonId>{absent, friend_});
    CHECK(a.unreachable.empty());
    CHECK(a.important_no_contact == std::vector<PersonId>{absent});
    CHECK(a.children_without_network == std::vector<PersonId>{baby});
    CHECK(a.figures(child)->child);
    CHECK_FALSE(a.figures(mother)->child);
    CHECK(a.risk_persons == std::vector<PersonId>{risk});
    CHECK(a.figures(risk)->risk_reaches == std::vector<PersonId>{child});
    CHECK(a.conflicts == std::vector<std::pair<PersonId, PersonId>>{{oma, risk}});
    CHECK_FALSE(a.has_coordinator);
    CHECK(a.unconnected_professional_pairs == 1);
    CHECK(a.figures(dead) == nullptr);

    // Findings, risk first.
    REQUIRE_FALSE(a.findings.empty());
    CHECK(a.findings.front().key == "risk-contact");
    CHECK(a.findings.front().level == Finding::Level::Risk);
    CHECK(has(a, "worries"));
    CHECK(has(a, "no-financial-support"));
    CHECK(has(a, "no-childcare-support"));
    CHECK(has(a, "no-coordinator"));
    CHECK(has(a, "professionals-not-connected"));
    CHECK(has(a, "conflict"));
    CHECK(has(a, "children-without-network"));
    const Finding* inc = finding(a, "important-no-contact");
    REQUIRE(inc);
    CHECK(inc->subject == absent);
    CHECK(inc->persons == std::vector<PersonId>{child});
    CHECK(inc->text == "Vader Test is belangrijk voor Kind Test, maar er is geen contact.");
    // The absent father is on purpose without ties: not reported as "isolated".
    const Finding* iso = finding(a, "isolated");
    REQUIRE(iso);
    CHECK(iso->persons == std::vector<PersonId>{friend_});
    CHECK(finding(a, "no-financial-support")->text == "Niemand biedt financiële steun.");
    CHECK(finding(a, "no-coordinator")->text == "2 hulpverleners betrokken, geen regisseur aangewezen.");
    CHECK(finding_text(*finding(a, "no-coordinator"), b.c, Lang::En) == "2 professionals involved, no coordinator appointed.");

    // A child as focus: the same network seen from the child.
    const Analysis ac = analyze(b.c, AnalysisOptions{.focus = child});
    CHECK(ac.focus == child);
    CHECK(ac.size == 9);
    CHECK(ac.focus_unit == std::vector<PersonId>{mother, child, baby});
    CHECK(ac.focus_effective_size == doctest::Approx(2));  // mother and oom do not know each other
    CHECK(ac.alter_ties == 9 - 2);

    // Unknown or non-living focus: a clear error.
    CHECK_THROWS_AS((void)analyze(b.c, AnalysisOptions{.focus = dead}), std::invalid_argument);
    CHECK_THROWS_AS((void)analyze(b.c, AnalysisOptions{.focus = PersonId(99)}), std::invalid_argument);

    // JSON carries the figures.
    const auto j = nlohmann::json::parse(analysis_json(a, b.c));
    CHECK(j["size"] == 9);
    CHECK(j["focus"]["id"] == "p1");
    CHECK(j["missing_support"] == nlohmann::json::array({"financial", "informational", "childcare"}));
    CHECK(j["important_no_contact"] == nlohmann::json::array({absent.str()}));
    CHECK(j["alter_ties"] == 3);
    CHECK(j["persons"].size() == 10);
    CHECK(j["persons"][7]["effective_size"].is_null());  // vader: no tie

    const std::string nl = analysis_text(a, b.c, Lang::Nl), en = analysis_text(a, b.c, Lang::En);
    CHECK(nl.find("Niemand biedt financiële steun.") != std::string::npos);
    CHECK(en.find("Nobody provides financial support.") != std::string::npos);
}

TEST_CASE("analyze: a focus with nobody around it") {
    Builder b;
    const PersonId alone = b.person("Alleen", Category::Household, "2010", true);
    const Analysis a = analyze(b.c);
    CHECK(a.focus == alone);
    CHECK(a.size == 0);
    CHECK(a.ties == 0);
    CHECK(a.density == 0);
    CHECK(a.alter_pairs == 0);
    CHECK(std::isnan(a.focus_effective_size));
    CHECK(std::isnan(a.focus_constraint));
    CHECK(a.isolated == std::vector<PersonId>{alone});
    REQUIRE(a.findings.size() == 1);
    CHECK(a.findings[0].key == "no-network");
    CHECK(a.findings[0].text == "Het netwerk van Alleen Test is nog leeg.");
    const auto j = nlohmann::json::parse(analysis_json(a, b.c));
    CHECK(j["focus_effective_size"].is_null());

    Case empty;
    const Analysis e = analyze(empty);
    CHECK_FALSE(e.focus.valid());
    REQUIRE(e.findings.size() == 1);
    CHECK(e.findings[0].key == "empty-case");
}

TEST_CASE("analyze: alters with no ties among themselves, and who holds the network together") {
    Builder b;
    const PersonId focus = b.person("Focus", Category::Household, "1985", true);
    std::vector<PersonId> alters;
    for (auto [name, cat] : {std::pair{"Zus", Category::Family}, {"Vriend", Category::Friend}, {"Buurman", Category::Neighbour},
                             {"Trainer", Category::Leisure}})
        alters.push_back(b.person(name, cat));
    for (PersonId p : alters) b.rel(RelationKind::Contact, focus, p);
    const PersonId far = b.person("Neef", Category::Family);
    b.rel(RelationKind::Contact, alters[0], far);  // reached only through Zus

    const Analysis a = analyze(b.c);
    CHECK(a.size == 5);
    CHECK(a.alter_ties == 1);
    CHECK(a.density == doctest::Approx(1.0 / 10));
    CHECK(a.figures(alters[0])->dependents == 1);
    // 9 of the 10 pairs among the other five pass the focus (all but Zus-Neef); Zus carries
    // Neef's 4 pairs with the focus, Vriend, Buurman and Trainer.
    CHECK(a.figures(focus)->betweenness == doctest::Approx(0.9));
    CHECK(a.figures(alters[0])->betweenness == doctest::Approx(0.4));
    const Finding* key = finding(a, "key-person");
    REQUIRE(key);
    CHECK(key->subject == alters[0]);
    CHECK(key->persons == std::vector<PersonId>{far});
    CHECK_FALSE(has(a, "alters-unconnected"));

    // Without the nephew, the four alters only know the focus.
    Builder s;
    const PersonId f2 = s.person("Focus", Category::Household, "1985", true);
    for (auto name : {"A", "B", "C"}) s.rel(RelationKind::Contact, f2, s.person(name, Category::Friend));
    const Analysis st = analyze(s.c);
    CHECK(st.alter_ties == 0);
    CHECK(st.density == 0);
    CHECK(st.focus_effective_size == doctest::Approx(3));
    CHECK(st.focus_constraint == doctest::Approx(3.0 / 9));
    CHECK(st.figures(f2)->betweenness == doctest::Approx(1));
    const Finding* un = finding(st, "alters-unconnected");
    REQUIRE(un);
    CHECK(un->text == "De 3 mensen rond Focus Test kennen elkaar onderling niet (geen enkele verbinding).");
}
