// Netwerkberaad: preparation data, gaps, agreements as support relations (undoable),
// overdue follow-ups, case-file round trip and validation of references.
#include "core/caseio.hpp"
#include "core/commands_meeting.hpp"
#include "core/meeting.hpp"
#include "meeting_demo.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace kring;
using namespace kring::test;

namespace {

struct Family {
    Case c;
    History h;
    PersonId mother, gran, neighbour, coach;
    Family() {
        mother = add(c, h, make_person("Mother", Sex::Female, "1990", Category::Household));
        gran = add(c, h, make_person("Gran", Sex::Female, "1960", Category::Family));
        neighbour = add(c, h, make_person("Neighbour", Sex::Male, "", Category::Neighbour));
        coach = add(c, h, make_person("Coach", Sex::Female, "", Category::Professional));
    }
};

Meeting sample_meeting(const Family& f) {
    Meeting m;
    m.date = d("2026-09-12");
    m.question = "Wie vangt de kinderen op?\nTweede regel, met \"quotes\" en é.";
    m.invitees = {{f.gran, InviteRole::Family, Consent::Yes, "06-1", "avond"},
                  {f.neighbour, InviteRole::Network, Consent::No, "", ""},
                  {f.coach, InviteRole::Chair, Consent::Unknown, "", "di"}};
    m.goals = {{LifeDomain::Parenting, "Kinderen op tijd op school"}, {LifeDomain::Finances, "Geen nieuwe schulden"},
               {LifeDomain::Parenting, "Opvang geregeld"}};
    m.offers = {{f.gran, SupportType::Childcare, LifeDomain::Parenting, "woensdag"},
                {f.neighbour, SupportType::Practical, LifeDomain::Parenting, ""}};
    return m;
}

}  // namespace

TEST_CASE("meeting gaps: support types and goal domains nobody offers") {
    Family f;
    const Meeting m = sample_meeting(f);
    const MeetingGaps g = meeting_gaps(m);
    CHECK(g.domains == std::vector<LifeDomain>{LifeDomain::Finances});
    CHECK(g.support ==
          std::vector<SupportType>{SupportType::Financial, SupportType::Emotional, SupportType::Informational});
    Meeting full = m;
    full.offers.push_back({f.coach, SupportType::Financial, LifeDomain::Finances, ""});
    full.offers.push_back({f.coach, SupportType::Emotional, LifeDomain::Finances, ""});
    full.offers.push_back({f.coach, SupportType::Informational, LifeDomain::Finances, ""});
    CHECK(meeting_gaps(full).empty());
}

TEST_CASE("set_meeting is one undoable step") {
    Family f;
    REQUIRE(f.h.execute(f.c, cmd::set_meeting(f.c, sample_meeting(f))).ok());
    CHECK(f.c.info.meeting.invitees.size() == 3);
    CHECK(f.h.undo(f.c));
    CHECK(f.c.info.meeting.empty());
    CHECK(f.h.redo(f.c));
    CHECK(f.c.info.meeting == sample_meeting(f));
}

TEST_CASE("an agreement becomes a support relation with its follow-up date, undoably") {
    Family f;
    REQUIRE(f.h.execute(f.c, cmd::set_meeting(f.c, sample_meeting(f))).ok());
    const auto relations_before = f.c.relations().size();
    Agreement a;
    a.who = f.gran;
    a.for_whom = f.mother;
    a.support = SupportType::Childcare;
    a.what = "Haalt de kinderen op woensdag";
    a.by_when = d("2026-10-01");
    a.follow_up = d("2026-10-15");
    std::string error;
    Command cmd = cmd::add_agreement(f.c, a, Lang::Nl, &error);
    REQUIRE_MESSAGE(!cmd.empty(), error);
    REQUIRE(f.h.execute(f.c, std::move(cmd)).ok());
    REQUIRE(f.c.info.meeting.agreements.size() == 1);
    const Agreement& stored = f.c.info.meeting.agreements[0];
    CHECK(stored.id == 1);
    REQUIRE(stored.relation.valid());
    const Relation* r = f.c.relation(stored.relation);
    REQUIRE(r);
    CHECK(r->kind == RelationKind::Support);
    CHECK(r->a == f.gran);
    CHECK(r->b == f.mother);
    CHECK(r->support == SupportType::Childcare);
    CHECK(r->start == d("2026-09-12"));
    CHECK(r->note.find("opvolgen 15-10-2026") != std::string::npos);
    CHECK(r->note.find("Haalt de kinderen op woensdag") != std::string::npos);
    CHECK(cmd::agreement_note(stored, Lang::En).find("follow up 2026-10-15") != std::string::npos);

    // One undo removes both the agreement and its relation.
    CHECK(f.h.undo_label() == "add agreement");
    CHECK(f.h.undo(f.c));
    CHECK(f.c.info.meeting.agreements.empty());
    CHECK(f.c.relations().size() == relations_before);
    CHECK(f.h.redo(f.c));
    CHECK(f.c.relation(f.c.info.meeting.agreements.at(0).relation));

    // Removing the agreement removes the relation too.
    REQUIRE(f.h.execute(f.c, cmd::remove_agreement(f.c, 1)).ok());
    CHECK(f.c.info.meeting.agreements.empty());
    CHECK(f.c.relations().size() == relations_before);
    CHECK(f.h.undo(f.c));
    CHECK(f.c.info.meeting.agreements.size() == 1);
}

TEST_CASE("agreements with unknown or identical persons are refused") {
    Family f;
    Agreement a;
    a.who = f.gran;
    a.for_whom = PersonId(99);
    std::string error;
    CHECK(cmd::add_agreement(f.c, a, Lang::Nl, &error).empty());
    CHECK(error.find("p99") != std::string::npos);
    a.for_whom = f.gran;
    CHECK(cmd::add_agreement(f.c, a, Lang::Nl, &error).empty());
    CHECK(error.find("two different persons") != std::string::npos);
    CHECK(f.c.relations().empty());
}

TEST_CASE("overdue follow-ups: open agreements whose follow-up date has certainly passed") {
    Meeting m;
    const auto ag = [](std::uint32_t id, const char* follow, bool done) {
        Agreement a;
        a.id = id;
        a.follow_up = follow ? d(follow) : PartialDate{};
        a.done = done;
        return a;
    };
    m.agreements = {ag(1, "2026-10-15", false), ag(2, "2026-10-01", false), ag(3, "2026-10-01", true),
                    ag(4, "2026-11", false), ag(5, nullptr, false), ag(6, "2026-10-16", false)};
    auto late = overdue_agreements(m, d("2026-10-16"));
    REQUIRE(late.size() == 2);
    CHECK(late[0]->id == 2);  // oldest follow-up first
    CHECK(late[1]->id == 1);
    CHECK(overdue_agreements(m, d("2026-11-30")).size() == 3);  // "2026-11" is not yet certainly past
    CHECK(overdue_agreements(m, d("2026-12-01")).size() == 4);
}

TEST_CASE("meeting data survives a save/load round trip byte for byte") {
    Family f;
    REQUIRE(f.h.execute(f.c, cmd::set_meeting(f.c, sample_meeting(f))).ok());
    Agreement a;
    a.who = f.neighbour;
    a.for_whom = f.mother;
    a.support = SupportType::Practical;
    a.domain = LifeDomain::Housing;
    a.what = "Helpt met verhuizen";
    a.follow_up = d("2026-11");
    REQUIRE(f.h.execute(f.c, cmd::add_agreement(f.c, a, Lang::Nl)).ok());
    REQUIRE(f.h.execute(f.c, cmd::set_agreement_done(f.c, 1, true)).ok());
    const std::string text = serialize_case(f.c);
    CHECK(text.find("\"meeting\"") != std::string::npos);
    auto back = parse_case(text, "mem");
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.value.info.meeting == f.c.info.meeting);
    CHECK(back.value == f.c);
    CHECK(serialize_case(back.value) == text);
}

TEST_CASE("a case without meeting or snapshots is saved exactly as before") {
    Case demo = load_demo();
    CHECK(serialize_case(demo) == slurp_text(demo_path()));
    CHECK(serialize_case(demo).find("\"meeting\"") == std::string::npos);
}

TEST_CASE("meeting references to missing persons are load errors with a path") {
    Family f;
    REQUIRE(f.h.execute(f.c, cmd::set_meeting(f.c, sample_meeting(f))).ok());
    std::string text = serialize_case(f.c);
    SUBCASE("invitee") {
        const std::string from = "\"person\": \"p3\"";
        auto p = text.find(from);
        REQUIRE(p != std::string::npos);
        text.replace(p, from.size(), "\"person\": \"p77\"");
        auto r = parse_case(text, "x.kring");
        CHECK(r.error == "x.kring: meeting.invitees[1].person: no person \"p77\" in this case");
    }
    SUBCASE("bad enum") {
        auto p = text.find("\"role\": \"family\"");
        REQUIRE(p != std::string::npos);
        text.replace(p, 16, "\"role\": \"uncle\"");
        auto r = parse_case(text, "x.kring");
        CHECK(r.error.find("x.kring: meeting.invitees[0].role: expected \"family\"") == 0);
    }
    SUBCASE("agreement") {
        Agreement a;
        a.who = f.gran;
        a.for_whom = f.mother;
        REQUIRE(f.h.execute(f.c, cmd::add_agreement(f.c, a, Lang::Nl)).ok());
        text = serialize_case(f.c);
        const std::string from = "\"who\": \"p2\"";
        auto p = text.find(from);
        REQUIRE(p != std::string::npos);
        text.replace(p, from.size(), "\"who\": \"p42\"");
        auto r = parse_case(text, "x.kring");
        CHECK(r.error == "x.kring: meeting.agreements[0].who: no person \"p42\" in this case");
    }
}

TEST_CASE("removing an invited person never makes the case file unreadable") {
    Family f;
    REQUIRE(f.h.execute(f.c, cmd::set_meeting(f.c, sample_meeting(f))).ok());
    REQUIRE(f.h.execute(f.c, cmd::remove_person(f.c, f.gran)).ok());
    auto back = parse_case(serialize_case(f.c), "mem");
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.value.info.meeting.invitees.size() == 2);
    CHECK(back.value.info.meeting.offers.size() == 1);
    // Undo in memory still has the full preparation.
    CHECK(f.h.undo(f.c));
    CHECK(f.c.info.meeting.invitees.size() == 3);
}

TEST_CASE("translations of meeting texts exist in both languages") {
    for (LifeDomain dom : kLifeDomains) {
        CHECK(domain_name(dom, Lang::Nl) != domain_name(dom, Lang::En));
        CHECK(domain_name(dom, Lang::Nl).find("meeting.") == std::string::npos);
    }
    CHECK(role_name(InviteRole::Chair, Lang::Nl) == "onafhankelijk voorzitter");
    CHECK(consent_name(Consent::Unknown, Lang::En) == "not asked yet");
}
