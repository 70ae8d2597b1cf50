#include "quick_list_panel.hpp"

#include "quick_actions.hpp"
#include "widgets.hpp"

#include "layouts/genogram.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

namespace kring::app {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

void draw_quick_list(App& app, ImVec2 pos, ImVec2 size) {
    static std::string filter;
    static Category new_category = Category::Friend;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##quick-list", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::GetWindowDrawList()->AddLine({pos.x + size.x - 1, pos.y}, {pos.x + size.x - 1, pos.y + size.y},
                                        theme::kBorder);
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.quick_list").data());
    ImGui::PopFont();
    hint(app, "app.quick_list.hint");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", app.t("app.quick_list.filter").data(), &filter);

    // Add someone to a circle (a neighbour, a teacher, the football coach ...).
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 44);
    enum_combo(app, "##new-category", "category", new_category);
    ImGui::SameLine();
    if (ImGui::Button("+", {36, 0})) {
        Person p;
        p.category = new_category;
        Command c = cmd::add_person(app.doc, p);
        const PersonId id = std::get<Change<Person>>(c.changes[0]).after->id;
        if (app.execute(std::move(c))) {
            app.select(id);
            start_rename(app, id, in_genogram(app.doc, *app.doc.person(id)) && app.mode != ViewMode::Network
                                      ? ViewKind::Genogram
                                      : ViewKind::Network);
            if (app.mode == ViewMode::Genogram && !in_genogram(app.doc, *app.doc.person(id)))
                app.mode = ViewMode::Network;
        }
    }
    app.mark("quick-list-add");
    ImGui::Spacing();

    const std::string q = lower(filter);
    std::vector<const Person*> rows;
    for (const auto& [id, p] : app.doc.persons()) {
        if (!q.empty() && lower(p.display_name() + " " + p.organisation + " " + p.function).find(q) == std::string::npos)
            continue;
        rows.push_back(&p);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Person* a, const Person* b) { return a->category < b->category; });

    ImGui::BeginChild("##rows");
    std::optional<Category> current;
    int n = 0;
    for (const Person* p : rows) {
        if (!current || *current != p->category) {
            current = p->category;
            ImGui::Spacing();
            ImGui::PushFont(app.fonts.ui_small);
            ImGui::TextDisabled("%s", enum_label(app, "category", p->category).c_str());
            ImGui::PopFont();
        }
        std::string label = person_name(app, p->id);
        if (p->is_professional() && !p->function.empty()) label += " \xC2\xB7 " + p->function;
        if (p->deceased) label += " \xE2\x80\xA0";
        label += "##" + p->id.str();
        if (ImGui::Selectable(label.c_str(), app.selected == p->id)) app.center_on(p->id);
        app.mark("quick-list-row-" + std::to_string(++n));
        if (!p->birth.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p->birth.str().c_str());
    }
    if (rows.empty()) ImGui::TextDisabled("%s", app.t("app.search.none").data());
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace kring::app
