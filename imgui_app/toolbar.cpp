#include "toolbar.hpp"

#include "diagram_view.hpp"
#include "file_dialog.hpp"
#include "quick_actions.hpp"
#include "session.hpp"
#include "theme.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace kring::app {

namespace {

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoScrollWithMouse;

void begin_bar(const char* id, ImVec2 pos, ImVec2 size, ImU32 bg, ImVec2 padding) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::Begin(id, nullptr, kBarFlags);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// A button that looks pressed when `on`.
bool toggle_button(const char* label, bool on, ImVec2 size = {0, 0}) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const bool pressed = ImGui::Button(label, size);
    if (on) ImGui::PopStyleColor(3);
    return pressed;
}

bool disabled_button(const char* label, bool enabled, ImVec2 size = {0, 0}) {
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::Button(label, size);
    if (!enabled) ImGui::EndDisabled();
    return pressed && enabled;
}

void divider() {
    ImGui::SameLine(0, 10);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    ImGui::GetWindowDrawList()->AddLine({p.x, p.y + 4}, {p.x, p.y + h - 4}, theme::kBorder, 1.0f);
    ImGui::Dummy({1, h});
    ImGui::SameLine(0, 10);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void view_switch(App& app, const char* prefix) {
    const std::pair<ViewMode, const char*> modes[] = {{ViewMode::Genogram, "app.view.genogram"},
                                                      {ViewMode::Network, "app.view.network"},
                                                      {ViewMode::Both, "app.view.both"}};
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {2, 0});
    for (const auto& [m, key] : modes) {
        if (app.together && m == ViewMode::Both) continue;
        if (m != ViewMode::Genogram) ImGui::SameLine();
        if (toggle_button(app.t(key).data(), app.mode == m) && app.mode != m) {
            app.mode = m;
            app.refit();
        }
        app.mark(std::string(prefix) + (m == ViewMode::Genogram ? "genogram" : m == ViewMode::Network ? "network" : "both"));
    }
    ImGui::PopStyleVar();
}

void search_box(App& app, float width) {
    static bool results_open = false;
    ImGui::SetNextItemWidth(width);
    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    const bool enter = ImGui::InputTextWithHint("##search", app.t("app.search.hint").data(), &app.search,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    app.mark("search");
    if (ImGui::IsItemEdited() || ImGui::IsItemActivated()) results_open = !app.search.empty();
    const ImVec2 below{ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4};
    if (app.search.empty()) results_open = false;

    std::vector<PersonId> hits;
    if (!app.search.empty()) {
        const std::string q = lower(app.search);
        for (const auto& [id, p] : app.doc.persons()) {
            const std::string hay = lower(p.display_name() + " " + p.given + " " + p.family + " " + p.nickname + " " +
                                          p.organisation + " " + p.function);
            if (hay.find(q) != std::string::npos) hits.push_back(id);
        }
    }
    if (enter) {
        if (!hits.empty()) app.center_on(hits.front());
        else app.say(std::string(app.t("app.search.none")), true);
        results_open = false;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) results_open = false;
    if (!results_open) return;
    ImGui::SetNextWindowPos(below);
    ImGui::SetNextWindowSizeConstraints({width, 0}, {width * 1.6f, app.px(360)});
    ImGui::Begin("##search-results", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    if (hits.empty()) ImGui::TextDisabled("%s", app.t("app.search.none").data());
    int n = 0;
    for (PersonId id : hits) {
        if (++n > 12) break;
        if (ImGui::Selectable((person_name(app, id) + "##" + id.str()).c_str())) {
            app.center_on(id);
            results_open = false;
        }
        app.mark("search-result-" + std::to_string(n));
    }
    ImGui::End();
}

void file_menu(App& app) {
    const std::string label = std::string(app.t("app.file")) + " \xE2\x96\xBE";
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup("##file-menu");
    app.mark("file-menu");
    if (!ImGui::BeginPopup("##file-menu")) return;
    if (ImGui::MenuItem(app.t("app.file.new").data(), "Ctrl+N")) request(app, PendingAction::New);
    if (ImGui::MenuItem(app.t("app.file.open_dots").data(), "Ctrl+O")) request(app, PendingAction::Open);
    if (ImGui::BeginMenu(app.t("app.file.recent").data(), !app.recent.empty())) {
        for (const auto& r : app.recent)
            if (ImGui::MenuItem(r.filename().string().c_str(), nullptr, false, true)) request(app, PendingAction::OpenPath, r);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(app.t("app.file.save").data(), "Ctrl+S")) save(app);
    if (ImGui::MenuItem(app.t("app.file.save_as").data(), "Ctrl+Shift+S")) open_file_dialog(app, FileDialogMode::SaveAs);
    ImGui::Separator();
    if (ImGui::MenuItem(app.t("app.file.print_dots").data(), "Ctrl+P")) open_file_dialog(app, FileDialogMode::Export);
    ImGui::Separator();
    if (ImGui::MenuItem(app.t("app.file.quit").data())) request(app, PendingAction::Quit);
    ImGui::EndPopup();
}

}  // namespace

void add_standalone_person(App& app) {
    Person p;
    p.category = app.mode == ViewMode::Network ? Category::Friend : Category::Family;
    PersonId created;
    Command c = cmd::add_person(app.doc, p);
    created = std::get<Change<Person>>(c.changes[0]).after->id;
    if (app.execute(std::move(c))) {
        app.select(created);
        start_rename(app, created, app.mode == ViewMode::Network ? ViewKind::Network : ViewKind::Genogram);
    }
}

void toggle_together(App& app) {
    app.together = !app.together;
    theme::apply_style(app.together, app.ui_scale);
    if (app.together && app.mode == ViewMode::Both) app.mode = ViewMode::Genogram;
    app.refit();
    app.rename.reset();
}

void draw_toolbar(App& app, ImVec2 pos, ImVec2 size) {
    begin_bar("##toolbar", pos, size, theme::kChrome, {12, (size.y - ImGui::GetFrameHeight()) / 2});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine({pos.x, pos.y + size.y - 1}, {pos.x + size.x, pos.y + size.y - 1}, theme::kBorder);

    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("kring");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    divider();

    file_menu(app);
    divider();

    view_switch(app, "view-");
    divider();

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {4, 0});
    if (disabled_button("\xE2\x86\xB6##undo", app.history.can_undo(), {app.px(34), 0})) app.undo();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s%s%s  (Ctrl+Z)", app.t("app.undo").data(), app.history.can_undo() ? ": " : "",
                          app.history.can_undo() ? app.t("cmd." + app.history.undo_label()).data() : "");
    app.mark("undo");
    ImGui::SameLine();
    if (disabled_button("\xE2\x86\xB7##redo", app.history.can_redo(), {app.px(34), 0})) app.redo();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s%s%s  (Ctrl+Y)", app.t("app.redo").data(), app.history.can_redo() ? ": " : "",
                          app.history.can_redo() ? app.t("cmd." + app.history.redo_label()).data() : "");
    app.mark("redo");
    ImGui::SameLine(0, 10);
    if (ImGui::Button(app.t("app.add_person").data())) add_standalone_person(app);
    app.mark("add-person");
    ImGui::PopStyleVar();
    divider();

    // Right-aligned group; the search box takes what is left in between. On a narrow window
    // (a 1280-pixel laptop, or a large UI scale) the three panel toggles fold into one
    // "Weergave" menu so nothing overlaps.
    const float lang_w = 2 * (ImGui::CalcTextSize("NL").x + 2 * ImGui::GetStyle().FramePadding.x) + 2;
    const char* labels[] = {app.t("app.fit").data(), app.t("app.legend").data(), app.t("app.quick_list").data(),
                            app.t("app.together").data(), app.t("app.meeting").data()};
    const std::string panels_label = std::string(app.t("app.panels")) + " \xE2\x96\xBE";
    const auto button_w = [](const char* l) { return ImGui::CalcTextSize(l).x + 2 * ImGui::GetStyle().FramePadding.x + 4; };
    float right_w = lang_w + 12;
    for (const char* l : labels) right_w += button_w(l);
    const bool compact = ImGui::GetCursorPosX() + app.px(140.0f) + right_w + 36 > size.x;
    if (compact) right_w = lang_w + 12 + button_w(labels[0]) + button_w(labels[3]) + button_w(panels_label.c_str());
    const float search_w = std::clamp(size.x - right_w - 36 - ImGui::GetCursorPosX(), app.px(90.0f), app.px(240.0f));
    search_box(app, search_w);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 8, size.x - right_w - 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {4, 0});
    if (ImGui::Button(labels[0])) app.request_fit();
    app.mark("fit");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (F)", labels[0]);
    ImGui::SameLine();
    if (compact) {
        if (ImGui::Button(panels_label.c_str())) ImGui::OpenPopup("##panels-menu");
        app.mark("panels-menu");
        if (ImGui::BeginPopup("##panels-menu")) {
            if (ImGui::MenuItem(labels[1], nullptr, app.show_legend)) app.show_legend = !app.show_legend;
            app.mark("legend");
            if (ImGui::MenuItem(labels[2], nullptr, app.show_quick_list)) app.show_quick_list = !app.show_quick_list;
            app.mark("quick-list");
            if (ImGui::MenuItem(labels[4], nullptr, app.show_meeting)) app.show_meeting = !app.show_meeting;
            app.mark("meeting");
            ImGui::EndPopup();
        }
    } else {
        if (toggle_button(labels[1], app.show_legend)) app.show_legend = !app.show_legend;
        app.mark("legend");
        ImGui::SameLine();
        if (toggle_button(labels[2], app.show_quick_list)) app.show_quick_list = !app.show_quick_list;
        app.mark("quick-list");
        ImGui::SameLine();
        if (toggle_button(labels[4], app.show_meeting)) app.show_meeting = !app.show_meeting;
        app.mark("meeting");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t("app.meeting.tip").data());
    }
    ImGui::SameLine();
    if (ImGui::Button(labels[3])) toggle_together(app);
    app.mark("together");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (F11)", app.t("app.together.tip").data());
    ImGui::SameLine(0, 12);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {2, 0});
    if (toggle_button("NL", app.lang == Lang::Nl)) app.lang = Lang::Nl;
    app.mark("lang-nl");
    ImGui::SameLine();
    if (toggle_button("EN", app.lang == Lang::En)) app.lang = Lang::En;
    app.mark("lang-en");
    ImGui::PopStyleVar(2);
    ImGui::End();
}

void draw_together_toolbar(App& app, ImVec2 pos, ImVec2 size) {
    ImGui::PushFont(app.fonts.ui_big);
    begin_bar("##toolbar", pos, size, theme::kChrome, {20, (size.y - ImGui::GetFrameHeight()) / 2});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine({pos.x, pos.y + size.y - 1}, {pos.x + size.x, pos.y + size.y - 1}, theme::kBorder);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
    ImGui::TextUnformatted(app.t("app.together").data());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 28);
    view_switch(app, "view-");
    ImGui::SameLine(0, 28);
    if (ImGui::Button(app.t("app.add_person").data())) add_standalone_person(app);
    app.mark("add-person");
    ImGui::SameLine();
    if (disabled_button(app.t("app.undo").data(), app.history.can_undo())) app.undo();
    app.mark("undo");
    ImGui::SameLine();
    if (disabled_button(app.t("app.redo").data(), app.history.can_redo())) app.redo();
    app.mark("redo");
    ImGui::SameLine();
    if (ImGui::Button(app.t("app.fit").data())) app.request_fit();
    app.mark("fit");
    const char* done = app.t("app.together.done").data();
    const float w = ImGui::CalcTextSize(done).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, size.x - w - 20));
    if (toggle_button(done, true)) toggle_together(app);
    app.mark("together-done");
    ImGui::End();
    ImGui::PopFont();
}

float banner_height(const App& app) { return app.load_error.empty() ? 0.0f : app.px(40.0f); }

void draw_banner(App& app, ImVec2 pos, ImVec2 size) {
    if (app.load_error.empty()) return;
    begin_bar("##banner", pos, size, theme::kErrorBg, {12, (size.y - ImGui::GetFrameHeight()) / 2});
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
    ImGui::TextUnformatted(app.t("app.load_failed").data());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const float close_w = ImGui::CalcTextSize(app.t("app.close").data()).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::PushTextWrapPos(size.x - close_w - 30);
    ImGui::TextUnformatted(app.load_error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(size.x - close_w - 12);
    if (ImGui::Button(app.t("app.close").data())) app.load_error.clear();
    app.mark("banner-close");
    ImGui::End();
}

void draw_statusbar(App& app, ImVec2 pos, ImVec2 size) {
    ImGui::PushFont(app.fonts.ui_small);
    begin_bar("##status", pos, size, theme::kChrome, {12, (size.y - ImGui::GetTextLineHeight()) / 2});
    ImGui::GetWindowDrawList()->AddLine(pos, {pos.x + size.x, pos.y}, theme::kBorder);
    std::string name = app.doc.info.name.empty() ? std::string(app.t("app.untitled")) : app.doc.info.name;
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine(0, 16);
    const std::size_t n = app.doc.persons().size();
    ImGui::TextDisabled("%zu %s", n, app.t(n == 1 ? "app.status.person" : "app.status.persons").data());
    ImGui::SameLine(0, 16);
    const bool dirty = app.dirty();
    ImGui::PushStyleColor(ImGuiCol_Text,
                          ImGui::ColorConvertU32ToFloat4(dirty ? IM_COL32(176, 96, 0, 255) : theme::kGreen));
    ImGui::TextUnformatted(app.t(dirty ? "app.status.unsaved" : "app.status.saved").data());
    ImGui::PopStyleColor();
    if (!app.path.empty()) {
        ImGui::SameLine(0, 16);
        ImGui::TextDisabled("%s", app.path.string().c_str());
    }
    if (!app.status.text.empty() && ImGui::GetTime() < app.status.until) {
        ImGui::SameLine(0, 28);
        if (app.status.error) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        ImGui::TextUnformatted(app.status.text.c_str());
        if (app.status.error) ImGui::PopStyleColor();
    }
    const DiagramView* v = app.active_view ? app.active_view : app.mode == ViewMode::Network ? app.network.get()
                                                                                            : app.genogram.get();
    const std::string zoom = std::to_string(static_cast<int>(std::lround(v->transform().zoom * 100))) + "%";
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10, size.x - ImGui::CalcTextSize(zoom.c_str()).x - 14));
    ImGui::TextDisabled("%s", zoom.c_str());
    ImGui::End();
    ImGui::PopFont();
}

}  // namespace kring::app
