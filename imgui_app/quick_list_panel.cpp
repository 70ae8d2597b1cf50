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

    // Fast entry for the start of a conversation: names one after another, each with a
    // one-key circle in front ("b Fatima" = neighbour); without a key, the last circle.
    static std::string entry;
    static bool refocus = false;
    struct Code {
        char key;
        Category category;
    };
    static constexpr Code codes[] = {{'h', Category::Household}, {'f', Category::Family},    {'v', Category::Friend},
                                     {'b', Category::Neighbour}, {'s', Category::SchoolWork}, {'t', Category::Leisure},
                                     {'p', Category::Professional}};
    if (refocus) {
        ImGui::SetKeyboardFocusHere();
        refocus = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint("##quick-entry", app.t("app.quick_list.entry").data(), &entry,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    app.mark("quick-list-entry");
    if (enter) {
        std::string name = entry;
        if (name.size() >= 2 && name[1] == ' ')
            for (const Code& c : codes)
                if (std::tolower(static_cast<unsigned char>(name[0])) == c.key) {
                    new_category = c.category;
                    name = name.substr(2);
                }
        while (!name.empty() && name.front() == ' ') name.erase(name.begin());
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty()) {
            Person p;
            p.category = new_category;
            const auto sp = name.find(' ');
            p.given = name.substr(0, sp);
            if (sp != std::string::npos) p.family = name.substr(sp + 1);
            if (p.category == Category::Household)
                if (const auto idx = app.doc.index_person()) p.household = app.doc.person(*idx)->household;
            if (app.execute(cmd::add_person(app.doc, p))) app.say(std::string(app.t("app.quick_list.added")) + ": " + name);
        }
        entry.clear();
        refocus = true;  // keep typing the next name
    }
    ImGui::PushFont(app.fonts.ui_small);
    std::string keys;
    for (const Code& c : codes) {
        if (!keys.empty()) keys += "  ";
        keys += std::string(1, c.key) + " " + enum_label(app, "category", c.category);
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", keys.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s: %s", app.t("app.quick_list.now").data(), enum_label(app, "category", new_category).c_str());
    ImGui::PopFont();
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
