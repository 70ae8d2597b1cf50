// Builds assets/demo/familie-demo-beraad.kring from the demo case through edit commands:
// an intake snapshot (March 2026), the netwerkberaad (September 2026) with invitees,
// goals, offers and agreements, and a snapshot after the meeting. The test
// test_meeting_demo.cpp checks the asset is exactly what this produces; set
// KRING_WRITE_DEMO=1 to rewrite it.
#pragma once

#include "core/commands_meeting.hpp"
#include "core/meeting.hpp"
#include "core/snapshot.hpp"
#include "test_helpers.hpp"

#include <fstream>
#include <sstream>

namespace kring::test {

inline std::string slurp_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline PartialDate d(const char* s) { return *PartialDate::parse(s); }

inline void run(Case& c, History& h, Command cmd) {
    auto r = h.execute(c, std::move(cmd));
    REQUIRE_MESSAGE(r.ok(), r.error);
}

inline Case build_beraad_demo() {
    Case c = load_demo();
    History h;
    c.info.name = "Gezin De Vries (demo beraad)";
    c.info.notes = "Fictieve casus voor demonstratie van het netwerkberaad. Alle namen zijn verzonnen.";
    const PersonId sanne{1}, ria{8}, ruud{7}, marieke{10}, fatima{11}, dennis{12}, esra{13}, peter{15},
        anouk{16}, jeroen{17}, kevin{5};

    // --- intake, March 2026: the GGZ therapist was not involved yet, Marieke gave no
    // emotional support yet, and a friend (Bianca) was still around.
    const Person anouk_p = *c.person(anouk);
    std::vector<Relation> anouk_ties;
    for (const Relation* r : c.relations_of(anouk)) anouk_ties.push_back(*r);
    const Relation marieke_support = *c.relation(RelationId(27));
    run(c, h, cmd::remove_person(c, anouk));
    run(c, h, cmd::remove_relation(c, marieke_support.id));
    Person bianca = make_person("Bianca", Sex::Female, "1992", Category::Friend);
    bianca.family = "Kok";
    PersonId bianca_id;
    {
        Command add = cmd::add_person(c, bianca);
        bianca_id = std::get<Change<Person>>(add.changes.front()).after->id;
        run(c, h, std::move(add));
    }
    Relation bc = tie(RelationKind::Contact, sanne, bianca_id);
    bc.frequency = Frequency::Weekly;
    bc.closeness = 2;
    bc.known_years = 10;
    run(c, h, cmd::add_relation(c, bc));
    Relation kevin_contact = *c.relation(RelationId(40));
    run(c, h, cmd::take_snapshot(c, "intake", d("2026-03-02")));

    // --- between intake and the meeting: Bianca moved away, GGZ started, Marieke calls weekly.
    run(c, h, cmd::remove_person(c, bianca_id));
    run(c, h, cmd::add_person(c, anouk_p));
    for (const auto& r : anouk_ties) run(c, h, cmd::add_relation(c, r));
    run(c, h, cmd::add_relation(c, marieke_support));

    // --- preparing the netwerkberaad
    Meeting m;
    m.date = d("2026-09-12");
    m.question = "Hoe zorgen we er samen voor dat Lotte en Ayla veilig en rustig thuis kunnen opgroeien, "
                 "ook als het even niet goed gaat met Sanne?";
    m.invitees = {
        {sanne, InviteRole::Family, Consent::Yes, "", "doordeweeks na 15:00"},
        {ria, InviteRole::Family, Consent::Yes, "06-1234 5678 (fictief)", "altijd, liefst overdag"},
        {ruud, InviteRole::Family, Consent::Yes, "via Sanne", "na 17:00"},
        {marieke, InviteRole::Family, Consent::Yes, "marieke@example.org", "online (woont in Groningen)"},
        {fatima, InviteRole::Network, Consent::Yes, "aanbellen, nr. 14", "overdag"},
        {dennis, InviteRole::Network, Consent::No, "", ""},
        {kevin, InviteRole::Family, Consent::Unknown, "via advocaat", ""},
        {esra, InviteRole::Professional, Consent::Yes, "020-555 0101 (fictief)", "di, do"},
        {peter, InviteRole::Professional, Consent::Yes, "020-555 0202 (fictief)", "ma-vr"},
        {anouk, InviteRole::Professional, Consent::Yes, "020-555 0303 (fictief)", "alleen wo"},
        {jeroen, InviteRole::Professional, Consent::Yes, "020-555 0404 (fictief)", "ma-vr"},
    };
    m.goals = {
        {LifeDomain::Parenting, "Lotte en Ayla gaan elke dag op tijd en met ontbijt naar school."},
        {LifeDomain::Parenting, "Er is altijd iemand die de kinderen kan opvangen als Sanne een slechte dag heeft."},
        {LifeDomain::Finances, "Sanne heeft een budgetplan en er komen geen nieuwe schulden bij."},
        {LifeDomain::Health, "Sanne houdt haar afspraken bij de GGZ aan."},
        {LifeDomain::Social, "Sanne heeft iemand om wekelijks mee te praten."},
        {LifeDomain::Housing, "De woning blijft behouden (geen huurachterstand)."},
    };
    m.offers = {
        {ria, SupportType::Childcare, LifeDomain::Parenting, "Haalt de meisjes op woensdag en vrijdag uit school."},
        {fatima, SupportType::Childcare, LifeDomain::Parenting, "Noodopvang als Sanne een slechte dag heeft."},
        {marieke, SupportType::Emotional, LifeDomain::Social, "Belt Sanne elke zondagavond."},
        {peter, SupportType::Informational, LifeDomain::Finances, "Stelt samen met Sanne een budgetplan op."},
        {ruud, SupportType::Practical, LifeDomain::Parenting, "Brengt de meisjes op maandag naar school."},
    };
    run(c, h, cmd::set_meeting(c, m));

    // --- agreements at the meeting
    const auto agree = [&](PersonId who, SupportType s, LifeDomain dom, const char* what, const char* by,
                           const char* follow) {
        Agreement a;
        a.who = who;
        a.for_whom = sanne;
        a.support = s;
        a.domain = dom;
        a.what = what;
        a.by_when = by ? d(by) : PartialDate{};
        a.follow_up = d(follow);
        std::string error;
        Command cmd = cmd::add_agreement(c, a, Lang::Nl, &error);
        REQUIRE_MESSAGE(!cmd.empty(), error);
        run(c, h, std::move(cmd));
    };
    agree(ria, SupportType::Childcare, LifeDomain::Parenting, "Haalt Lotte en Ayla op woensdag en vrijdag uit school",
          nullptr, "2026-10-10");
    agree(ruud, SupportType::Practical, LifeDomain::Parenting, "Brengt de meisjes op maandag naar school", nullptr,
          "2026-10-10");
    agree(peter, SupportType::Informational, LifeDomain::Finances, "Budgetplan samen met Sanne opstellen",
          "2026-10-31", "2026-11-07");
    agree(fatima, SupportType::Childcare, LifeDomain::Parenting, "Noodopvang; Sanne belt of appt vóór 8:00", nullptr,
          "2026-12-01");
    agree(esra, SupportType::Informational, LifeDomain::Housing, "Regelt betalingsregeling huurachterstand",
          "2026-10-15", "2026-10-20");
    // Contact with Kevin became more regular after the meeting.
    kevin_contact.frequency = Frequency::Weekly;
    kevin_contact.closeness = 3;
    kevin_contact.note = "Omgangsregeling via mediator afgesproken";
    run(c, h, cmd::update_relation(c, kevin_contact));
    run(c, h, cmd::take_snapshot(c, "na netwerkberaad", d("2026-09-26")));
    run(c, h, cmd::set_agreement_done(c, 1, true));
    run(c, h, cmd::set_agreement_done(c, 2, true));
    return c;
}

inline std::filesystem::path beraad_demo_path() {
    return std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo-beraad.kring";
}

}  // namespace kring::test
