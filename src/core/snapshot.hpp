// Dated snapshots of the case and how the network changed between them, plus a timeline
// of snapshots, the netwerkberaad and its agreements. Snapshots live in
// Case::info.snapshots (core/meeting_data.hpp); take one with cmd::take_snapshot.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kring {

// The case's persons, relations and households now, under a label and date.
[[nodiscard]] Snapshot make_snapshot(const Case& c, std::string label, PartialDate date);
[[nodiscard]] const Snapshot* find_snapshot(const Case& c, std::string_view label);
// A case holding a snapshot's content (and the case's info without meeting and
// snapshots), e.g. to draw the network map as it was.
[[nodiscard]] Case case_from_snapshot(const Snapshot& s, const CaseInfo& info);

// How one relation (same id in both snapshots) changed.
struct RelationChange {
    Relation before;
    Relation after;
    std::vector<std::string> fields;  // stable keys: "kind", "a", "b", "status", "support", "strength", ...
};

struct SupportCount {
    int gained = 0;
    int lost = 0;
};

// Differences from snapshot `from` to snapshot `to`. Persons and relations are matched
// by id (ids are never reused within a case).
struct SnapshotDiff {
    std::vector<Person> joined;               // in `to`, not in `from`
    std::vector<Person> left;                 // in `from`, not in `to`
    std::vector<Relation> added;              // relations only in `to` (all kinds)
    std::vector<Relation> removed;            // relations only in `from`
    std::vector<RelationChange> changed;      // in both, with different kind-specific fields
    std::map<SupportType, SupportCount> support;  // support relations gained/lost per type
    [[nodiscard]] bool empty() const {
        return joined.empty() && left.empty() && added.empty() && removed.empty() && changed.empty();
    }
};

[[nodiscard]] SnapshotDiff compare_snapshots(const Snapshot& from, const Snapshot& to);
// The fields that matter for the relation's kind and differ (see Relation in model.hpp).
[[nodiscard]] std::vector<std::string> changed_fields(const Relation& before, const Relation& after);
// Translated field name for a key of RelationChange::fields.
[[nodiscard]] std::string field_name(const std::string& key, Lang lang);

// One dated event in the history of the case.
struct TimelineEntry {
    enum class Kind { Snapshot, Meeting, AgreementDue, FollowUp } kind = Kind::Snapshot;
    PartialDate date;
    std::string label;            // snapshot label; agreement text
    std::uint32_t agreement = 0;  // AgreementDue / FollowUp
    bool done = false;            // agreement done
};
// Snapshots, the meeting date, agreements' deadlines and follow-ups in date order
// (undated events last; same date: snapshots, meeting, deadlines, follow-ups).
[[nodiscard]] std::vector<TimelineEntry> timeline(const Case& c);

}  // namespace kring
