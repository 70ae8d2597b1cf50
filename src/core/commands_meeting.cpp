#include "core/commands_meeting.hpp"

#include "core/meeting.hpp"
#include "core/snapshot.hpp"

#include <algorithm>

namespace kring::cmd {

namespace {

Command info_command(const Case& c, std::string label, CaseInfo after) {
    if (after == c.info) return {};
    return {std::move(label), {InfoChange{c.info, std::move(after)}}};
}

void set_error(std::string* error, std::string text) {
    if (error) *error = std::move(text);
}

std::string date_text(const PartialDate& d, Lang lang) {
    if (d.empty() || lang == Lang::En) return d.str();
    // dd-mm-yyyy as on the printed documents
    std::string s = d.approximate ? "~" : "";
    if (d.day) s += (d.day < 10 ? "0" : "") + std::to_string(d.day) + "-";
    if (d.month) s += (d.month < 10 ? "0" : "") + std::to_string(d.month) + "-";
    return s + std::to_string(d.year);
}

}  // namespace

Command set_meeting(const Case& c, Meeting m) {
    CaseInfo info = c.info;
    info.meeting = std::move(m);
    return info_command(c, "edit meeting", std::move(info));
}

std::string agreement_note(const Agreement& a, Lang lang) {
    std::string s = std::string(tr("meeting.agreement", lang)) + " a" + std::to_string(a.id);
    if (!a.what.empty()) s += ": " + a.what;
    std::vector<std::string> when;
    if (!a.by_when.empty()) when.push_back(std::string(tr("meeting.by_when", lang)) + " " + date_text(a.by_when, lang));
    if (!a.follow_up.empty())
        when.push_back(std::string(tr("meeting.follow_up", lang)) + " " + date_text(a.follow_up, lang));
    if (!when.empty()) {
        s += " (";
        for (std::size_t i = 0; i < when.size(); ++i) s += (i ? ", " : "") + when[i];
        s += ")";
    }
    return s;
}

Command add_agreement(Case& c, Agreement a, Lang lang, std::string* error) {
    const Person* who = c.person(a.who);
    const Person* for_whom = c.person(a.for_whom);
    if (!who || !for_whom) {
        set_error(error, "agreement refers to a person who does not exist (" + (!who ? a.who : a.for_whom).str() + ")");
        return {};
    }
    if (a.who == a.for_whom) {
        set_error(error, "an agreement needs two different persons (" + who->display_name() + " twice)");
        return {};
    }
    if (a.id == 0) a.id = next_agreement_id(c.info.meeting);
    if (find_agreement(c.info.meeting, a.id)) {
        set_error(error, "agreement a" + std::to_string(a.id) + " already exists");
        return {};
    }
    Relation r;
    r.kind = RelationKind::Support;
    r.a = a.who;
    r.b = a.for_whom;
    r.support = a.support;
    r.direction = Direction::Gives;
    r.strength = 2;
    r.start = c.info.meeting.date;
    r.note = agreement_note(a, lang);
    Command rel = add_relation(c, std::move(r));
    a.relation = std::get<Change<Relation>>(rel.changes.front()).after->id;
    CaseInfo info = c.info;
    info.meeting.agreements.push_back(std::move(a));
    Command meta{"", {InfoChange{c.info, std::move(info)}}};
    return combine("add agreement", {std::move(rel), std::move(meta)});
}

Command set_agreement_done(const Case& c, std::uint32_t id, bool done) {
    CaseInfo info = c.info;
    for (auto& a : info.meeting.agreements)
        if (a.id == id) a.done = done;
    return info_command(c, done ? "agreement done" : "agreement open", std::move(info));
}

Command remove_agreement(const Case& c, std::uint32_t id) {
    const Agreement* a = find_agreement(c.info.meeting, id);
    if (!a) return {};
    std::vector<Command> parts;
    if (a->relation && c.relation(a->relation)) parts.push_back(remove_relation(c, a->relation));
    CaseInfo info = c.info;
    std::erase_if(info.meeting.agreements, [&](const Agreement& x) { return x.id == id; });
    parts.push_back({"", {InfoChange{c.info, std::move(info)}}});
    return combine("remove agreement", std::move(parts));
}

Command take_snapshot(const Case& c, const std::string& label, PartialDate date, std::string* error) {
    if (label.empty()) {
        set_error(error, "a snapshot needs a label (e.g. \"intake\")");
        return {};
    }
    if (find_snapshot(c, label)) {
        set_error(error, "there already is a snapshot \"" + label + "\"");
        return {};
    }
    CaseInfo info = c.info;
    info.snapshots.push_back(make_snapshot(c, label, date));
    return {"take snapshot", {InfoChange{c.info, std::move(info)}}};
}

Command remove_snapshot(const Case& c, const std::string& label) {
    CaseInfo info = c.info;
    std::erase_if(info.snapshots, [&](const Snapshot& s) { return s.label == label; });
    return info_command(c, "remove snapshot", std::move(info));
}

}  // namespace kring::cmd
