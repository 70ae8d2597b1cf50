#include "core/snapshot.hpp"

#include <algorithm>
#include <tuple>

namespace kring {

Snapshot make_snapshot(const Case& c, std::string label, PartialDate date) {
    Snapshot s;
    s.label = std::move(label);
    s.date = date;
    for (const auto& [id, p] : c.persons()) s.persons.push_back(p);
    for (const auto& [id, r] : c.relations()) s.relations.push_back(r);
    for (const auto& [id, h] : c.households()) s.households.push_back(h);
    return s;
}

const Snapshot* find_snapshot(const Case& c, std::string_view label) {
    for (const auto& s : c.info.snapshots)
        if (s.label == label) return &s;
    return nullptr;
}

Case case_from_snapshot(const Snapshot& s, const CaseInfo& info) {
    Case c;
    c.info.name = info.name;
    c.info.worker = info.worker;
    c.info.date = s.date;
    for (const auto& h : s.households) c.put(h);
    for (const auto& p : s.persons) c.put(p);
    for (const auto& r : s.relations) c.put(r);
    return c;
}

std::vector<std::string> changed_fields(const Relation& x, const Relation& y) {
    std::vector<std::string> f;
    const auto diff = [&](bool differs, const char* key) {
        if (differs) f.emplace_back(key);
    };
    diff(x.kind != y.kind, "kind");
    diff(x.a != y.a, "a");
    diff(x.b != y.b, "b");
    if (x.kind == y.kind) {
        switch (x.kind) {
        case RelationKind::Partner:
            diff(x.partner != y.partner, "status");
            diff(x.consanguineous != y.consanguineous, "consanguineous");
            break;
        case RelationKind::ParentChild: diff(x.parent != y.parent, "parent"); break;
        case RelationKind::Twin: diff(x.identical != y.identical, "identical"); break;
        case RelationKind::Emotional:
            diff(x.emotion != y.emotion, "emotion");
            diff(x.abuse != y.abuse, "abuse");
            break;
        case RelationKind::Support:
            diff(x.support != y.support, "support");
            diff(x.direction != y.direction, "direction");
            diff(x.strength != y.strength, "strength");
            break;
        case RelationKind::Contact:
            diff(x.frequency != y.frequency, "frequency");
            diff(x.mode != y.mode, "mode");
            diff(x.closeness != y.closeness, "closeness");
            diff(x.critical != y.critical, "critical");
            diff(x.worries != y.worries, "worries");
            diff(x.no_contact != y.no_contact, "no_contact");
            diff(x.known_years != y.known_years, "known_years");
            break;
        }
    }
    diff(x.start != y.start, "start");
    diff(x.end != y.end, "end");
    diff(x.note != y.note, "note");
    return f;
}

std::string field_name(const std::string& key, Lang lang) {
    const std::string k = "meeting.field." + key;
    std::string_view t = tr(k, lang);
    return t == k ? key : std::string(t);
}

SnapshotDiff compare_snapshots(const Snapshot& from, const Snapshot& to) {
    SnapshotDiff d;
    const auto find_p = [](const Snapshot& s, PersonId id) -> const Person* {
        for (const auto& p : s.persons)
            if (p.id == id) return &p;
        return nullptr;
    };
    const auto find_r = [](const Snapshot& s, RelationId id) -> const Relation* {
        for (const auto& r : s.relations)
            if (r.id == id) return &r;
        return nullptr;
    };
    for (const auto& p : to.persons)
        if (!find_p(from, p.id)) d.joined.push_back(p);
    for (const auto& p : from.persons)
        if (!find_p(to, p.id)) d.left.push_back(p);
    const auto gained = [&](const Relation& r) {
        if (r.kind == RelationKind::Support) ++d.support[r.support].gained;
    };
    const auto lost = [&](const Relation& r) {
        if (r.kind == RelationKind::Support) ++d.support[r.support].lost;
    };
    for (const auto& r : to.relations) {
        const Relation* old = find_r(from, r.id);
        if (!old) {
            d.added.push_back(r);
            gained(r);
            continue;
        }
        auto fields = changed_fields(*old, r);
        if (fields.empty()) continue;
        // A support tie that changed type (or kind) is support lost of one type and gained of another.
        if (old->kind != r.kind || (r.kind == RelationKind::Support && old->support != r.support)) {
            lost(*old);
            gained(r);
        }
        d.changed.push_back({*old, r, std::move(fields)});
    }
    for (const auto& r : from.relations)
        if (!find_r(to, r.id)) {
            d.removed.push_back(r);
            lost(r);
        }
    std::erase_if(d.support, [](const auto& kv) { return kv.second.gained == 0 && kv.second.lost == 0; });
    return d;
}

std::vector<TimelineEntry> timeline(const Case& c) {
    std::vector<TimelineEntry> out;
    for (const auto& s : c.info.snapshots) out.push_back({TimelineEntry::Kind::Snapshot, s.date, s.label, 0, false});
    const Meeting& m = c.info.meeting;
    if (!m.date.empty()) out.push_back({TimelineEntry::Kind::Meeting, m.date, {}, 0, false});
    for (const auto& a : m.agreements) {
        if (!a.by_when.empty()) out.push_back({TimelineEntry::Kind::AgreementDue, a.by_when, a.what, a.id, a.done});
        if (!a.follow_up.empty()) out.push_back({TimelineEntry::Kind::FollowUp, a.follow_up, a.what, a.id, a.done});
    }
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& x, const TimelineEntry& y) {
        const auto key = [](const TimelineEntry& e) {
            return std::make_tuple(e.date.empty() ? 1 : 0, e.date.earliest(), static_cast<int>(e.kind));
        };
        return key(x) < key(y);
    });
    return out;
}

}  // namespace kring
