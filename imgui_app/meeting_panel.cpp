#include "meeting_panel.hpp"

#include "file_dialog.hpp"
#include "widgets.hpp"

#include "core/commands_meeting.hpp"
#include "core/meeting.hpp"
#include "core/snapshot.hpp"
#include "print/print.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace kring::app {

namespace {

constexpr ImU32 kWarning = IM_COL32(191, 112, 0, 255);  // amber: a gap, needs attention

// The panel edits a copy of the preparation; a finished edit becomes one command.
// The agreement and snapshot forms are drafts until their button is pressed.
struct Draft {
    std::uint64_t revision = ~0ull, generation = ~0ull;
    Meeting m;
    std::string date;
    bool date_bad = false;
    // new agreement
    Agreement agreement;
    std::string by_when, follow_up;
    bool by_when_bad = false, follow_up_bad = false;
    // new snapshot
    std::string snapshot_label, snapshot_date;
    bool snapshot_date_bad = false;
    // printing
    DocumentRequest print;
};

Draft& draft() {
    static Draft d;
    return d;
}

void sync(App& app, Draft& d) {
    if (d.revision == app.doc.revision() && d.generation == app.generation) return;
    // Do not overwrite a field while the user is typing in it.
    if (d.generation == app.generation && ImGui::IsAnyItemActive() && ImGui::GetIO().WantTextInput) return;
    if (d.generation != app.generation) {
        d.agreement = Agreement{};
        d.by_when.clear();
        d.follow_up.clear();
        d.snapshot_label.clear();
        d.snapshot_date.clear();
        d.print = DocumentRequest{};
    }
    d.revision = app.doc.revision();
    d.generation = app.generation;
    d.m = app.doc.info.meeting;
    d.date = d.m.date.str();
    d.date_bad = false;
}

// The preparation of the draft over the agreements of the case (those change through
// their own commands only).
void commit(App& app, const Draft& d) {
    Meeting m = d.m;
    m.agreements = app.doc.info.meeting.agreements;
    app.execute(cmd::set_meeting(app.doc, std::move(m)));
}

std::string strip(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
}

// A short red message under a field, wrapped to the panel.
void error_text(const App& app, const char* key) {
    ImGui::PushFont(app.fonts.ui_small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
    ImGui::TextWrapped("%s", app.t(key).data());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// A date text field; true when a finished edit parsed (empty is a valid "no date").
bool date_input(App& app, const char* id, std::string& text, PartialDate& value, bool& bad, float width = -1,
                const char* hint_key = "app.date.hint", bool show_error = true) {
    ImGui::SetNextItemWidth(width);
    if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(theme::kErrorBg));
    ImGui::InputTextWithHint(id, app.t(hint_key).data(), &text);
    if (bad) ImGui::PopStyleColor();
    app.mark(id + 2);
    bool ok = false;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        const std::string t = strip(text);
        if (t.empty()) {
            value = PartialDate{};
            bad = false;
            ok = true;
        } else if (auto parsed = PartialDate::parse(t)) {
            value = *parsed;
            bad = false;
            ok = true;
        } else {
            bad = true;
        }
    }
    if (bad && show_error) {
        error_text(app, "app.date.invalid");
    }
    return ok;
}

// A combo over an enum whose entries are marked "<mark>-<spelling>" for scripts.
template <class E>
bool marked_enum_combo(App& app, const char* id, const char* prefix, E& value, float width = -1) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, enum_label(app, prefix, value).c_str());
    app.mark(id + 2);
    if (open) {
        for (const auto& n : names(E{})) {
            if (ImGui::Selectable(enum_label(app, prefix, n.value).c_str(), n.value == value)) {
                changed = n.value != value;
                value = n.value;
            }
            app.mark(std::string(id + 2) + "-" + std::string(n.name));
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Who can take part: living persons (not the deceased, not a pregnancy or miscarriage).
bool can_take_part(const Person& p) { return p.kind == EntryKind::Person && !p.deceased && p.death.empty(); }

std::vector<PersonId> persons_by_name(const App& app) {
    std::vector<std::pair<std::string, PersonId>> v;
    for (const auto& [id, p] : app.doc.persons())
        if (can_take_part(p)) v.emplace_back(person_name(app, id), id);
    std::sort(v.begin(), v.end());
    std::vector<PersonId> out;
    for (auto& e : v) out.push_back(e.second);
    return out;
}

// A person combo: the invited persons first, then everyone else by name.
bool person_combo(App& app, const Draft& d, const char* id, PersonId& value, float width = -1) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const std::string current = value ? person_name(app, value) : std::string(app.t("app.meeting.choose"));
    const bool open = ImGui::BeginCombo(id, current.c_str());
    app.mark(id + 2);
    if (!open) return false;
    const auto item = [&](PersonId p) {
        if (ImGui::Selectable((person_name(app, p) + "##" + p.str()).c_str(), p == value)) {
            changed = p != value;
            value = p;
        }
        app.mark(std::string(id + 2) + "-" + p.str());
    };
    for (const Invitee& inv : d.m.invitees)
        if (app.doc.person(inv.person)) item(inv.person);
    if (!d.m.invitees.empty()) ImGui::Separator();
    for (PersonId p : persons_by_name(app))
        if (!find_invitee(d.m, p)) item(p);
    ImGui::EndCombo();
    return changed;
}

bool small_remove_button(App& app, const std::string& mark_id) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
    const bool pressed = ImGui::SmallButton("\xC3\x97");  // ×
    ImGui::PopStyleColor();
    app.mark(mark_id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.remove").data());
    return pressed;
}

std::string header(const App& app, const char* key, std::size_t n, const char* id) {
    return std::string(app.t(key)) + " (" + std::to_string(n) + ")###" + id;
}

void question_section(App& app, Draft& d) {
    caption(app, "meeting.date");
    if (date_input(app, "##meeting-date", d.date, d.m.date, d.date_bad)) commit(app, d);
    caption(app, "meeting.question");
    ImGui::InputTextMultiline("##meeting-question", &d.m.question, {-1, ImGui::GetTextLineHeight() * 3.5f});
    app.mark("meeting-question");
    if (ImGui::IsItemDeactivatedAfterEdit()) commit(app, d);
}

void invitees_section(App& app, Draft& d) {
    if (!ImGui::CollapsingHeader(header(app, "app.meeting.invitees", d.m.invitees.size(), "invitees").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    // Choose from the map: the selected person is invited with a role that fits them.
    if (const Person* sel = app.doc.person(app.selected)) {
        if (find_invitee(d.m, sel->id)) {
            ImGui::TextDisabled("%s %s", person_name(app, sel->id).c_str(), app.t("app.meeting.is_invited").data());
        } else if (!can_take_part(*sel)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s %s", person_name(app, sel->id).c_str(), app.t("app.meeting.cannot_invite").data());
            ImGui::PopTextWrapPos();
        } else {
            const std::string label = std::string(app.t("app.meeting.invite")) + " " + person_name(app, sel->id);
            if (ImGui::Button(label.c_str(), {-1, 0})) {
                Invitee inv;
                inv.person = sel->id;
                inv.role = sel->category == Category::Professional                            ? InviteRole::Professional
                           : sel->category == Category::Household || sel->category == Category::Family ||
                                   sel->category == Category::Relative
                               ? InviteRole::Family
                               : InviteRole::Network;
                d.m.invitees.push_back(inv);
                commit(app, d);
            }
            app.mark("meeting-invite-selected");
        }
    } else {
        hint(app, "app.meeting.invite_hint");
    }
    // One line per invitee (name, role, consent); the person selected on the map opens
    // for editing, so a long list stays short.
    const float w = ImGui::GetContentRegionAvail().x;
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float row_h = ImGui::GetFrameHeight();
    for (std::size_t i = 0; i < d.m.invitees.size(); ++i) {
        Invitee& inv = d.m.invitees[i];
        if (!app.doc.person(inv.person)) continue;  // removed from the case; dropped when saved
        ImGui::PushID(static_cast<int>(i));
        const std::string tag = "-" + inv.person.str();
        const bool open = inv.person == app.selected;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float row_w = w - ImGui::GetFrameHeight() - 4;
        if (ImGui::InvisibleButton("##row", {row_w, row_h})) {
            app.select(inv.person);
            app.center_on(inv.person);
        }
        app.mark("meeting-invitee" + tag);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (open || ImGui::IsItemHovered())
            dl->AddRectFilled(p, {p.x + row_w, p.y + row_h}, open ? theme::kAccentSoft : IM_COL32(0, 0, 0, 10), 4.0f);
        const float name_w = row_w * 0.5f;
        ImFont* bold = app.fonts.ui_bold;
        const std::string name = person_name(app, inv.person);
        const ImVec4 name_clip{p.x, p.y, p.x + name_w - 6, p.y + row_h};
        dl->AddText(bold, bold->FontSize, {p.x + 6, p.y + (row_h - bold->FontSize) / 2}, theme::kText, name.c_str(),
                    nullptr, 0.0f, &name_clip);
        ImFont* small = app.fonts.ui_small;
        const std::string summary = role_name(inv.role, app.lang) + " \xC2\xB7 " + consent_name(inv.consent, app.lang);
        const ImU32 col = inv.consent == Consent::No ? theme::kDanger : inv.consent == Consent::Unknown ? kWarning : theme::kMutedText;
        const ImVec4 sum_clip{p.x + name_w, p.y, p.x + row_w - 4, p.y + row_h};
        dl->AddText(small, small->FontSize, {p.x + name_w, p.y + (row_h - small->FontSize) / 2}, col, summary.c_str(),
                    nullptr, 0.0f, &sum_clip);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", name.c_str(), summary.c_str());
        ImGui::SameLine(0, 4);
        if (small_remove_button(app, "meeting-uninvite" + tag)) {
            d.m.invitees.erase(d.m.invitees.begin() + static_cast<std::ptrdiff_t>(i));
            commit(app, d);
            ImGui::PopID();
            break;
        }
        if (open) {
            caption(app, "app.meeting.role_consent");
            if (marked_enum_combo(app, ("##meeting-role" + tag).c_str(), "meeting.role", inv.role, half)) commit(app, d);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.role").data());
            ImGui::SameLine();
            const bool refused = inv.consent == Consent::No;  // red: do not invite without talking it over
            if (refused) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
            const bool consent =
                marked_enum_combo(app, ("##meeting-consent" + tag).c_str(), "meeting.consent", inv.consent, half);
            if (refused) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.consent").data());
            if (consent) commit(app, d);
            ImGui::SetNextItemWidth(half);
            ImGui::InputTextWithHint("##reach", app.t("app.meeting.reach").data(), &inv.reach);
            app.mark("meeting-reach" + tag);
            if (ImGui::IsItemDeactivatedAfterEdit()) commit(app, d);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(half);
            ImGui::InputTextWithHint("##availability", app.t("app.meeting.availability").data(), &inv.availability);
            app.mark("meeting-availability" + tag);
            if (ImGui::IsItemDeactivatedAfterEdit()) commit(app, d);
            ImGui::Spacing();
        }
        ImGui::PopID();
    }
}

void goals_section(App& app, Draft& d) {
    if (!ImGui::CollapsingHeader(header(app, "meeting.goals", d.m.goals.size(), "goals").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    for (std::size_t i = 0; i < d.m.goals.size(); ++i) {
        Goal& g = d.m.goals[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string tag = "-" + std::to_string(i + 1);
        if (marked_enum_combo(app, ("##meeting-goal-domain" + tag).c_str(), "meeting.domain", g.domain,
                              ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 4))
            commit(app, d);
        ImGui::SameLine(0, 4);
        if (small_remove_button(app, "meeting-goal-remove" + tag)) {
            d.m.goals.erase(d.m.goals.begin() + static_cast<std::ptrdiff_t>(i));
            commit(app, d);
            ImGui::PopID();
            break;
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##text", app.t("app.meeting.goal_hint").data(), &g.text);
        app.mark("meeting-goal-text" + tag);
        if (ImGui::IsItemDeactivatedAfterEdit()) commit(app, d);
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (ImGui::Button(app.t("app.meeting.add_goal").data())) {
        Goal g;
        // the next domain without a goal, so a new goal rarely starts on the wrong one
        for (LifeDomain dom : kLifeDomains)
            if (std::none_of(d.m.goals.begin(), d.m.goals.end(), [&](const Goal& x) { return x.domain == dom; })) {
                g.domain = dom;
                break;
            }
        d.m.goals.push_back(g);
        commit(app, d);
    }
    app.mark("meeting-add-goal");
}

void offers_section(App& app, Draft& d) {
    if (!ImGui::CollapsingHeader(header(app, "meeting.offers", d.m.offers.size(), "offers").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    for (std::size_t i = 0; i < d.m.offers.size(); ++i) {
        Offer& o = d.m.offers[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string tag = "-" + std::to_string(i + 1);
        if (person_combo(app, d, ("##meeting-offer-person" + tag).c_str(), o.person,
                         ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 4))
            commit(app, d);
        ImGui::SameLine(0, 4);
        if (small_remove_button(app, "meeting-offer-remove" + tag)) {
            d.m.offers.erase(d.m.offers.begin() + static_cast<std::ptrdiff_t>(i));
            commit(app, d);
            ImGui::PopID();
            break;
        }
        if (marked_enum_combo(app, ("##meeting-offer-support" + tag).c_str(), "support", o.support, half)) commit(app, d);
        ImGui::SameLine();
        if (marked_enum_combo(app, ("##meeting-offer-domain" + tag).c_str(), "meeting.domain", o.domain, half))
            commit(app, d);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##what", app.t("app.meeting.offer_hint").data(), &o.description);
        app.mark("meeting-offer-text" + tag);
        if (ImGui::IsItemDeactivatedAfterEdit()) commit(app, d);
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (ImGui::Button(app.t("app.meeting.add_offer").data())) {
        Offer o;
        // Whoever is selected on the map, else the first invitee without an offer.
        if (const Person* sel = app.doc.person(app.selected); sel && can_take_part(*sel)) o.person = app.selected;
        else
            for (const Invitee& inv : d.m.invitees)
                if (std::none_of(d.m.offers.begin(), d.m.offers.end(), [&](const Offer& x) { return x.person == inv.person; })) {
                    o.person = inv.person;
                    break;
                }
        if (!o.person && !d.m.invitees.empty()) o.person = d.m.invitees.front().person;
        if (o.person) {
            d.m.offers.push_back(o);
            commit(app, d);
        } else {
            app.say(std::string(app.t("app.meeting.offer_needs_person")), true);
        }
    }
    app.mark("meeting-add-offer");

    // The gaps stay visible: goals nobody offers anything for, support nobody gives.
    const MeetingGaps gaps = meeting_gaps(d.m);
    if (!d.m.goals.empty() || !d.m.offers.empty()) {
        ImGui::Spacing();
        caption(app, "meeting.gaps");
        if (gaps.empty()) {
            ImGui::TextDisabled("%s", app.t("meeting.gaps.none").data());
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kWarning));
            for (LifeDomain dom : gaps.domains)
                ImGui::BulletText("%s: %s", app.t("app.meeting.gap_goal").data(), domain_name(dom, app.lang).c_str());
            std::string support;
            for (SupportType st : gaps.support) support += (support.empty() ? "" : ", ") + support_name(st, app.lang);
            if (!support.empty()) {
                ImGui::PushTextWrapPos(0.0f);
                ImGui::Text("%s: %s", app.t("app.meeting.gap_support").data(), support.c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::PopStyleColor();
        }
    }
}

std::string agreement_line(const App& app, const Agreement& a) {
    std::string s = person_name(app, a.who) + " \xE2\x86\x92 " + person_name(app, a.for_whom);
    if (!a.what.empty()) s += ": " + a.what;
    if (!a.by_when.empty()) s += "  (" + std::string(app.t("meeting.by_when")) + " " + format_print_date(a.by_when, app.lang) + ")";
    if (!a.follow_up.empty())
        s += "  [" + std::string(app.t("meeting.follow_up")) + " " + format_print_date(a.follow_up, app.lang) + "]";
    return s;
}

void agreements_section(App& app, Draft& d) {
    const Meeting& m = app.doc.info.meeting;
    if (!ImGui::CollapsingHeader(header(app, "meeting.agreements", m.agreements.size(), "agreements").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    const auto overdue = overdue_agreements(m, today());
    if (!overdue.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(trf("meeting.overdue.count", app.lang, {{"n", std::to_string(overdue.size())}}).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    std::uint32_t remove = 0;
    for (const Agreement& a : m.agreements) {
        ImGui::PushID(static_cast<int>(a.id));
        const std::string tag = "-a" + std::to_string(a.id);
        bool done = a.done;
        if (ImGui::Checkbox("##done", &done)) app.execute(cmd::set_agreement_done(app.doc, a.id, done));
        app.mark("meeting-done" + tag);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.done_tip").data());
        ImGui::SameLine();
        const bool late = std::find(overdue.begin(), overdue.end(), &a) != overdue.end();
        if (late) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        else if (a.done) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight() - 4);
        ImGui::TextUnformatted(("a" + std::to_string(a.id) + "  " + agreement_line(app, a)).c_str());
        ImGui::PopTextWrapPos();
        if (late || a.done) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsItemClicked() && app.doc.person(a.who)) {
            app.select(a.who);
            app.center_on(a.who);
        }
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight());
        if (small_remove_button(app, "meeting-agreement-remove" + tag)) remove = a.id;
        ImGui::PopID();
    }
    if (remove) app.execute(cmd::remove_agreement(app.doc, remove));

    // A new agreement: who does what for whom, by when, and when it is followed up.
    ImGui::Spacing();
    caption(app, "app.meeting.new_agreement");
    Agreement& a = d.agreement;
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    caption(app, "app.meeting.who");
    person_combo(app, d, "##meeting-agree-who", a.who);
    caption(app, "app.meeting.for_whom");
    if (!a.for_whom && !a.who) {
        // the index person is who most agreements are for
        for (const auto& [id, p] : app.doc.persons())
            if (p.index_person) {
                a.for_whom = id;
                break;
            }
    }
    person_combo(app, d, "##meeting-agree-for", a.for_whom);
    marked_enum_combo(app, "##meeting-agree-support", "support", a.support, half);
    ImGui::SameLine();
    marked_enum_combo(app, "##meeting-agree-domain", "meeting.domain", a.domain, half);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##meeting-agree-what", app.t("app.meeting.what_hint").data(), &a.what);
    app.mark("meeting-agree-what");
    caption(app, "app.meeting.by_when");
    ImGui::SameLine(ImGui::GetCursorPosX() + half + ImGui::GetStyle().ItemSpacing.x);
    caption(app, "app.meeting.follow_up");
    date_input(app, "##meeting-agree-by", d.by_when, a.by_when, d.by_when_bad, half, "app.date.hint", false);
    ImGui::SameLine();
    date_input(app, "##meeting-agree-follow", d.follow_up, a.follow_up, d.follow_up_bad, half, "app.date.hint", false);
    if (d.by_when_bad || d.follow_up_bad) {
        error_text(app, "app.date.invalid");
    }
    const bool ready = app.doc.person(a.who) && app.doc.person(a.for_whom) && a.who != a.for_whom &&
                       !strip(a.what).empty() && !d.by_when_bad && !d.follow_up_bad;
    ImGui::BeginDisabled(!ready);
    const bool record = ImGui::Button(app.t("app.meeting.record").data(), {-1, 0});
    ImGui::EndDisabled();
    app.mark("meeting-agree-record");
    if (!ready && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", app.t(a.who && a.who == a.for_whom ? "app.meeting.same_person" : "app.meeting.record_tip").data());
    if (record && ready) {
        // Dates typed but not yet confirmed (the button was clicked straight from the field).
        for (auto [text, value] : {std::pair{&d.by_when, &a.by_when}, std::pair{&d.follow_up, &a.follow_up}})
            if (auto p = PartialDate::parse(strip(*text))) *value = *p;
        Agreement rec = a;
        rec.what = strip(rec.what);
        std::string error;
        Command c = cmd::add_agreement(app.doc, rec, app.lang, &error);
        if (c.empty()) app.say(error, true);
        else if (app.execute(std::move(c))) {
            app.say(std::string(app.t("app.meeting.recorded")));
            const PersonId keep_for = a.for_whom;
            a = Agreement{};
            a.for_whom = keep_for;
            d.by_when.clear();
            d.follow_up.clear();
        }
    }
}

void snapshots_section(App& app, Draft& d) {
    const auto& snaps = app.doc.info.snapshots;
    if (!ImGui::CollapsingHeader(header(app, "app.meeting.snapshots", snaps.size(), "snapshots").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    std::string remove;
    for (const Snapshot& s : snaps) {
        ImGui::PushID(s.label.c_str());
        ImGui::Text("%s", s.label.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s \xC2\xB7 %zu %s", format_print_date(s.date, app.lang).c_str(), s.persons.size(),
                            app.t("app.status.persons").data());
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight());
        if (small_remove_button(app, "meeting-snapshot-remove-" + s.label)) remove = s.label;
        ImGui::PopID();
    }
    if (!remove.empty()) app.execute(cmd::remove_snapshot(app.doc, remove));
    if (snaps.empty()) hint(app, "app.meeting.snapshot_hint");
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    ImGui::InputTextWithHint("##meeting-snapshot-label", app.t("app.meeting.snapshot_label").data(), &d.snapshot_label);
    app.mark("meeting-snapshot-label");
    ImGui::SameLine();
    PartialDate date;
    date_input(app, "##meeting-snapshot-date", d.snapshot_date, date, d.snapshot_date_bad, half, "app.meeting.snapshot_date",
               false);
    if (d.snapshot_date_bad) {
        error_text(app, "app.date.invalid");
    }
    const std::string label = strip(d.snapshot_label);
    const bool taken = find_snapshot(app.doc, label) != nullptr;
    ImGui::BeginDisabled(label.empty() || taken || d.snapshot_date_bad);
    const bool take = ImGui::Button(app.t("app.meeting.take_snapshot").data(), {-1, 0});
    ImGui::EndDisabled();
    app.mark("meeting-snapshot-take");
    if (taken) {
        error_text(app, "app.meeting.snapshot_exists");
    }
    if (take && !label.empty() && !taken) {
        PartialDate when = today();
        if (auto p = PartialDate::parse(strip(d.snapshot_date))) when = *p;
        std::string error;
        Command c = cmd::take_snapshot(app.doc, label, when, &error);
        if (c.empty()) app.say(error, true);
        else if (app.execute(std::move(c))) {
            d.snapshot_label.clear();
            d.snapshot_date.clear();
        }
    }
}

// A combo over the snapshots; `now` adds "the case as it is now" (value "now").
bool snapshot_combo(App& app, const char* id, std::string& value, bool now, float width) {
    bool changed = false;
    const std::string now_label(app.t("compare.now"));
    ImGui::SetNextItemWidth(width);
    const std::string current = value == "now" ? now_label : value;
    const bool open = ImGui::BeginCombo(id, current.c_str());
    app.mark(id + 2);
    if (!open) return false;
    const auto item = [&](const std::string& v, const std::string& label) {
        if (ImGui::Selectable((label + "##" + v).c_str(), v == value)) {
            changed = v != value;
            value = v;
        }
        app.mark(std::string(id + 2) + "-" + v);
    };
    for (const Snapshot& s : app.doc.info.snapshots) item(s.label, s.label);
    if (now) item("now", now_label);
    ImGui::EndCombo();
    return changed;
}

// The printable documents: the netwerkberaad documents and a comparison of snapshots.
void print_section(App& app, Draft& d) {
    const bool open = ImGui::CollapsingHeader((std::string(app.t("app.meeting.print")) + "###print").c_str(),
                                              ImGuiTreeNodeFlags_DefaultOpen);
    app.mark("meeting-print");
    if (!open) return;
    ImGui::Checkbox(app.t("app.meeting.sharing").data(), &d.print.sharing);
    app.mark("meeting-print-sharing");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.sharing_tip").data());
    if (ImGui::Button(app.t("app.meeting.print_documents").data(), {-1, 0}))
        open_file_dialog(app, FileDialogMode::MeetingDocuments, d.print);
    app.mark("meeting-print-documents");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.print_documents_tip").data());
    const auto& snaps = app.doc.info.snapshots;
    if (snaps.empty()) {
        hint(app, "app.meeting.compare_needs_snapshot");
        return;
    }
    // Default: the first snapshot against the case as it is now.
    if (!find_snapshot(app.doc, d.print.from)) d.print.from = snaps.front().label;
    if (d.print.to != "now" && !find_snapshot(app.doc, d.print.to)) d.print.to = "now";
    ImGui::Spacing();
    caption(app, "app.meeting.compare");
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    snapshot_combo(app, "##meeting-compare-from", d.print.from, false, half);
    ImGui::SameLine();
    snapshot_combo(app, "##meeting-compare-to", d.print.to, true, half);
    const bool same = d.print.from == d.print.to;
    ImGui::BeginDisabled(same);
    if (ImGui::Button(app.t("app.meeting.print_compare").data(), {-1, 0}))
        open_file_dialog(app, FileDialogMode::CompareDocuments, d.print);
    ImGui::EndDisabled();
    app.mark("meeting-print-compare");
}

}  // namespace

void draw_meeting_panel(App& app, ImVec2 pos, ImVec2 size) {
    begin_side_panel("##meeting", pos, size);
    Draft& d = draft();
    sync(app, d);
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.meeting.title").data());
    ImGui::PopFont();
    hint(app, "app.meeting.hint");
    ImGui::Separator();
    question_section(app, d);
    ImGui::Spacing();
    invitees_section(app, d);
    goals_section(app, d);
    offers_section(app, d);
    agreements_section(app, d);
    snapshots_section(app, d);
    print_section(app, d);
    ImGui::End();
}

}  // namespace kring::app
