// Snapshots: taken in one undoable step, stored in the case file, compared on hand-made
// pairs with known differences; the timeline.
#include "core/caseio.hpp"
#include "core/commands_meeting.hpp"
#include "core/snapshot.hpp"
#include "layouts/compare_map.hpp"
#include "layouts/meeting_sheet.hpp"
#include "meeting_demo.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kring;
using namespace kring::test;

namespace {

Person person(std::uint32_t id, const char* given, Category cat = Category::Friend) {
    Person p = make_person(given, Sex::Female, "", cat);
    p.id = PersonId(id);
    return p;
}

Relation rel(std::uint32_t id, RelationKind kind, std::uint32_t a, std::uint32_t b) {
    Relation r = tie(kind, PersonId(a), PersonId(b));
    r.id = RelationId(id);
    return r;
}

Relation support(std::uint32_t id, std::uint32_t a, std::uint32_t b, SupportType s) {
    Relation r = rel(id, RelationKind::Support, a, b);
    r.support = s;
    return r;
}

}  // namespace

TEST_CASE("compare: persons joined and left, support gained and lost per type, relations changed") {
    Snapshot from, to;
    from.label = "intake";
    to.label = "later";
    from.persons = {person(1, "Mother", Category::Household), person(2, "Gran", Category::Family), person(3, "Friend")};
    to.persons = {person(1, "Mother", Category::Household), person(2, "Gran", Category::Family),
                  person(4, "Neighbour", Category::Neighbour), person(5, "Coach", Category::Professional)};
    Relation contact = rel(10, RelationKind::Contact, 1, 2);
    contact.frequency = Frequency::Monthly;
    Relation contact_later = contact;
    contact_later.frequency = Frequency::Weekly;
    contact_later.closeness = 1;
    Relation partner = rel(11, RelationKind::Partner, 1, 2);
    Relation partner_later = partner;
    partner_later.note = "not in the fields of the kind: still a change (note)";
    Relation emo = rel(12, RelationKind::Emotional, 1, 2);
    Relation emo_later = emo;
    emo_later.frequency = Frequency::Never;  // not a field of an emotional relation: no change
    from.relations = {contact, partner, emo, support(20, 2, 1, SupportType::Childcare),
                      support(21, 3, 1, SupportType::Emotional), support(22, 2, 1, SupportType::Practical)};
    Relation practical_to_financial = support(22, 2, 1, SupportType::Financial);
    to.relations = {contact_later, partner_later, emo_later, support(20, 2, 1, SupportType::Childcare),
                    practical_to_financial, support(23, 4, 1, SupportType::Childcare),
                    support(24, 5, 1, SupportType::Informational)};

    const SnapshotDiff d = compare_snapshots(from, to);
    REQUIRE(d.joined.size() == 2);
    CHECK(d.joined[0].id == PersonId(4));
    CHECK(d.joined[1].id == PersonId(5));
    REQUIRE(d.left.size() == 1);
    CHECK(d.left[0].id == PersonId(3));
    REQUIRE(d.added.size() == 2);
    REQUIRE(d.removed.size() == 1);
    CHECK(d.removed[0].id == RelationId(21));
    REQUIRE(d.changed.size() == 3);
    CHECK(d.changed[0].after.id == RelationId(10));
    CHECK(d.changed[0].fields == std::vector<std::string>{"frequency", "closeness"});
    CHECK(d.changed[1].fields == std::vector<std::string>{"note"});
    CHECK(d.changed[2].after.id == RelationId(22));
    CHECK(d.changed[2].fields == std::vector<std::string>{"support"});
    // per type: childcare +1, informational +1, emotional -1, practical -1 / financial +1 (type changed)
    CHECK(d.support.at(SupportType::Childcare).gained == 1);
    CHECK(d.support.at(SupportType::Childcare).lost == 0);
    CHECK(d.support.at(SupportType::Informational).gained == 1);
    CHECK(d.support.at(SupportType::Emotional).lost == 1);
    CHECK(d.support.at(SupportType::Practical).lost == 1);
    CHECK(d.support.at(SupportType::Financial).gained == 1);
    CHECK(d.support.size() == 5);

    // Identical snapshots: no differences.
    CHECK(compare_snapshots(from, from).empty());
    CHECK(compare_snapshots(from, from).support.empty());

    // The compare map highlights joined (green) and left (red, dashed outline) persons
    // and marks added/removed/changed ties.
    const LayoutResult map = layout_compare_map(from, to);
    const Symbol* joined = map.symbol_of(PersonId(4));
    const Symbol* left = map.symbol_of(PersonId(3));
    REQUIRE(joined);
    REQUIRE(left);
    CHECK(joined->stroke == kJoinedColor);
    CHECK(left->stroke == kLeftColor);
    CHECK(std::any_of(map.lines.begin(), map.lines.end(), [](const Line& l) {
        return l.closed && l.style == LineStyle::Dashed && l.color == kLeftColor;
    }));
    CHECK(std::any_of(map.lines.begin(), map.lines.end(),
                      [](const Line& l) { return l.relation == RelationId(10) && l.color == kChangedColor; }));
    const LayoutResult table = layout_compare_table(from, to, {Lang::En});
    const auto has_label = [&](const std::string& s) {
        return std::any_of(table.labels.begin(), table.labels.end(),
                           [&](const Label& l) { return l.text.find(s) != std::string::npos; });
    };
    CHECK(has_label("2 joined, 1 left, 6 relations changed."));
    CHECK(has_label("frequency: monthly \u2192 weekly"));
}

TEST_CASE("take_snapshot: one undoable step, labels unique, content copied") {
    Case c = load_demo();
    History h;
    std::string error;
    Command cmd = cmd::take_snapshot(c, "intake", d("2026-03-02"), &error);
    REQUIRE(!cmd.empty());
    REQUIRE(h.execute(c, std::move(cmd)).ok());
    REQUIRE(c.info.snapshots.size() == 1);
    const Snapshot& s = c.info.snapshots[0];
    CHECK(s.persons.size() == c.persons().size());
    CHECK(s.relations.size() == c.relations().size());
    CHECK(s.households.size() == c.households().size());
    CHECK(cmd::take_snapshot(c, "intake", d("2026-04"), &error).empty());
    CHECK(error.find("already") != std::string::npos);
    CHECK(cmd::take_snapshot(c, "", d("2026-04"), &error).empty());
    // Later edits do not change the snapshot; comparing it with now shows them.
    REQUIRE(h.execute(c, cmd::remove_person(c, PersonId(12))).ok());
    const SnapshotDiff diff = compare_snapshots(c.info.snapshots[0], make_snapshot(c, "now", d("2026-05")));
    REQUIRE(diff.left.size() == 1);
    CHECK(diff.left[0].given == "Dennis");
    CHECK(diff.removed.size() == 2);  // his two contacts
    CHECK(h.undo(c));
    CHECK(h.undo(c));
    CHECK(c.info.snapshots.empty());
}

TEST_CASE("snapshots survive a save/load round trip byte for byte; errors carry a path") {
    Case c = build_beraad_demo();
    const std::string text = serialize_case(c);
    auto back = parse_case(text, "beraad.kring");
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.value.info.snapshots == c.info.snapshots);
    CHECK(back.value == c);
    CHECK(serialize_case(back.value) == text);

    std::string bad = text;
    const auto p = bad.find("\"birth\": \"1992\"");  // Bianca, only in the intake snapshot
    REQUIRE(p != std::string::npos);
    bad.replace(p, 15, "\"birth\": \"19x2\"");
    auto r = parse_case(bad, "beraad.kring");
    CHECK(r.error.find("beraad.kring: snapshots[0].persons[") == 0);
    CHECK(r.error.find("].birth: expected a date") != std::string::npos);
}

TEST_CASE("timeline: snapshots, meeting, deadlines and follow-ups in date order") {
    Case c = build_beraad_demo();
    auto tl = timeline(c);
    REQUIRE(tl.size() >= 4);
    CHECK(tl.front().kind == TimelineEntry::Kind::Snapshot);
    CHECK(tl.front().label == "intake");
    for (std::size_t i = 1; i < tl.size(); ++i) CHECK(tl[i - 1].date.earliest() <= tl[i].date.earliest());
    CHECK(std::count_if(tl.begin(), tl.end(), [](const auto& e) { return e.kind == TimelineEntry::Kind::Meeting; }) == 1);
    CHECK(std::count_if(tl.begin(), tl.end(), [](const auto& e) { return e.kind == TimelineEntry::Kind::FollowUp; }) == 5);
}
