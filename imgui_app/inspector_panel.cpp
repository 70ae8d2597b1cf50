#include "inspector_panel.hpp"

#include "analysis_panel.hpp"

#include "diagram_view.hpp"
#include "quick_actions.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

namespace kring::app {

namespace {

// The form edits a copy of the person; a finished edit becomes one update command.
struct Draft {
    PersonId id;
    std::uint64_t revision = ~0ull;
    std::uint64_t generation = ~0ull;
    Person person;
    std::string birth, death;
    bool birth_bad = false, death_bad = false;
    CaseInfo info;
    std::string info_date;
    bool info_date_bad = false;
};

Draft& draft() {
    static Draft d;
    return d;
}

void sync(App& app, Draft& d) {
    const bool stale = d.id != app.selected || d.revision != app.doc.revision() || d.generation != app.generation;
    if (!stale) return;
    // Do not overwrite a field while the user is typing in it, unless the person changed.
    if (d.id == app.selected && d.generation == app.generation && ImGui::IsAnyItemActive() &&
        ImGui::GetIO().WantTextInput)
        return;
    // Switching to another person while a text field still has unsaved typing: keep it.
    if (d.id != app.selected && d.generation == app.generation) {
        if (const Person* old = app.doc.person(d.id)) {
            Person kept = *old;
            kept.given = d.person.given;
            kept.family = d.person.family;
            kept.nickname = d.person.nickname;
            kept.organisation = d.person.organisation;
            kept.function = d.person.function;
            kept.risk_note = d.person.risk_note;
            kept.notes = d.person.notes;
            app.execute(cmd::update_person(app.doc, kept));
        }
    }
    d.id = app.selected;
    d.revision = app.doc.revision();
    d.generation = app.generation;
    if (const Person* p = app.doc.person(d.id)) {
        d.person = *p;
        d.birth = p->birth.str();
        d.death = p->death.str();
    }
    d.birth_bad = d.death_bad = false;
    d.info = app.doc.info;
    d.info_date = app.doc.info.date.str();
    d.info_date_bad = false;
}

void commit(App& app, Draft& d) {
    if (!app.doc.person(d.id)) return;
    app.execute(cmd::update_person(app.doc, d.person));
}

// A text field that commits when the user leaves it.
void text_field(App& app, Draft& d, const char* caption_key, const char* id, std::string& value, bool multiline = false) {
    caption(app, caption_key);
    ImGui::SetNextItemWidth(-1);
    if (multiline) ImGui::InputTextMultiline(id, &value, {-1, ImGui::GetTextLineHeight() * 4.5f});
    else ImGui::InputText(id, &value);
    app.mark(std::string("inspector-") + (id + 2));
    if (ImGui::IsItemDeactivatedAfterEdit()) commit(app, d);
}

void date_field(App& app, Draft& d, const char* caption_key, const char* id, std::string& text, PartialDate& value,
                bool& bad) {
    caption(app, caption_key);
    ImGui::SetNextItemWidth(-1);
    if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(theme::kErrorBg));
    ImGui::InputTextWithHint(id, app.t("app.date.hint").data(), &text);
    if (bad) ImGui::PopStyleColor();
    app.mark(std::string("inspector-") + (id + 2));
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        std::string t = text;
        while (!t.empty() && t.back() == ' ') t.pop_back();
        if (t.empty()) {
            value = PartialDate{};
            bad = false;
            commit(app, d);
        } else if (auto parsed = PartialDate::parse(t)) {
            value = *parsed;
            bad = false;
            commit(app, d);
        } else {
            bad = true;
        }
    }
    if (bad) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        ImGui::PushFont(app.fonts.ui_small);
        ImGui::TextWrapped("%s", app.t("app.date.invalid").data());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
}

void check(App& app, Draft& d, const char* key, bool& value) {
    if (ImGui::Checkbox(app.t(key).data(), &value)) commit(app, d);
    app.mark(std::string("inspector-") + key);
}

void household_combo(App& app, Draft& d) {
    caption(app, "app.field.household");
    const Household* h = app.doc.household(d.person.household);
    const std::string current = h ? (h->name.empty() ? h->id.str() : h->name) : std::string(app.t("app.none"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##household", current.c_str())) {
        if (ImGui::Selectable(app.t("app.none").data(), !h)) {
            d.person.household = HouseholdId();
            commit(app, d);
        }
        for (const auto& [id, hh] : app.doc.households()) {
            const std::string label = (hh.name.empty() ? id.str() : hh.name) + "##" + id.str();
            if (ImGui::Selectable(label.c_str(), id == d.person.household)) {
                d.person.household = id;
                commit(app, d);
            }
        }
        ImGui::Separator();
        if (ImGui::Selectable(app.t("app.household.new").data())) {
            Household nh;
            nh.name = d.person.family.empty() ? std::string(app.t("app.household.default_name"))
                                              : std::string(app.t("app.household.prefix")) + " " + d.person.family;
            Command add = cmd::add_household(app.doc, nh);
            const HouseholdId hid = std::get<Change<Household>>(add.changes[0]).after->id;
            Person moved = d.person;
            moved.household = hid;
            app.execute(cmd::combine("add household", {std::move(add), cmd::update_person(app.doc, moved)}));
        }
        ImGui::EndCombo();
    }
}

void person_form(App& app, Draft& d) {
    Person& p = d.person;
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextWrapped("%s", person_name(app, p.id).c_str());
    ImGui::PopFont();
    ImGui::PushFont(app.fonts.ui_small);
    ImGui::TextDisabled("%s \xC2\xB7 %s", p.id.str().c_str(), enum_label(app, "category", p.category).c_str());
    ImGui::PopFont();

    section(app, "app.section.person");
    text_field(app, d, "app.field.given", "##given", p.given);
    text_field(app, d, "app.field.family", "##family", p.family);
    text_field(app, d, "app.field.nickname", "##nickname", p.nickname);
    caption(app, "app.field.sex");
    if (enum_combo(app, "##sex", "sex", p.sex)) commit(app, d);
    app.mark("inspector-sex");
    caption(app, "app.field.kind");
    if (enum_combo(app, "##kind", "kind", p.kind)) commit(app, d);
    date_field(app, d, "app.field.birth", "##birth", d.birth, p.birth, d.birth_bad);
    check(app, d, "app.field.deceased", p.deceased);
    if (p.deceased || !p.death.empty())
        date_field(app, d, "app.field.death", "##death", d.death, p.death, d.death_bad);
    check(app, d, "app.field.index", p.index_person);

    section(app, "app.section.network");
    caption(app, "app.field.category");
    if (enum_combo(app, "##category", "category", p.category)) commit(app, d);
    app.mark("inspector-category");
    household_combo(app, d);
    if (p.category == Category::Professional || !p.organisation.empty() || !p.function.empty()) {
        text_field(app, d, "app.field.organisation", "##organisation", p.organisation);
        text_field(app, d, "app.field.function", "##function", p.function);
        check(app, d, "app.field.coordinator", p.coordinator);
    }
    check(app, d, "app.field.abroad", p.abroad);

    if (!app.together) {
        section(app, "app.section.professional");
        check(app, d, "app.field.risk", p.risk);
        if (p.risk || !p.risk_note.empty()) text_field(app, d, "app.field.risk_note", "##risk_note", p.risk_note);
        text_field(app, d, "app.field.notes", "##notes", p.notes, true);
    }

    draw_relations_section(app, p.id);

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
    if (ImGui::Button(app.t("app.quick.delete").data(), {-1, 0})) app.confirm_delete = p.id;
    app.mark("inspector-delete");
    ImGui::PopStyleColor();
}

void case_form(App& app, Draft& d) {
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.section.case").data());
    ImGui::PopFont();
    hint(app, "app.inspector.select_hint");
    ImGui::Separator();
    const auto commit_info = [&] { app.execute(cmd::set_info(app.doc, d.info)); };
    caption(app, "app.field.case_name");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##case_name", &d.info.name);
    app.mark("inspector-case-name");
    if (ImGui::IsItemDeactivatedAfterEdit()) commit_info();
    caption(app, "app.field.worker");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##worker", &d.info.worker);
    if (ImGui::IsItemDeactivatedAfterEdit()) commit_info();
    caption(app, "app.field.case_date");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##case_date", app.t("app.date.hint").data(), &d.info_date);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (d.info_date.empty()) {
            d.info.date = PartialDate{};
            commit_info();
        } else if (auto parsed = PartialDate::parse(d.info_date)) {
            d.info.date = *parsed;
            d.info_date_bad = false;
            commit_info();
        } else {
            d.info_date_bad = true;
        }
    }
    if (d.info_date_bad) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kDanger), "%s", app.t("app.date.invalid").data());
    if (!app.together) {
        caption(app, "app.field.case_notes");
        ImGui::InputTextMultiline("##case_notes", &d.info.notes, {-1, ImGui::GetTextLineHeight() * 6});
        if (ImGui::IsItemDeactivatedAfterEdit()) commit_info();
    }
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.ui_small);
    ImGui::TextDisabled("%zu %s, %zu %s", app.doc.persons().size(), app.t("app.status.persons").data(),
                        app.doc.relations().size(), app.t("app.status.relations").data());
    ImGui::PopFont();
}

}  // namespace

void draw_inspector(App& app, ImVec2 pos, ImVec2 size) {
    begin_side_panel("##inspector", pos, size);
    Draft& d = draft();
    sync(app, d);
    if (app.doc.person(app.selected) && d.id == app.selected) person_form(app, d);
    else {
        case_form(app, d);
        if (app.mode != ViewMode::Genogram) draw_analysis_section(app);
    }
    ImGui::End();
}

}  // namespace kring::app
