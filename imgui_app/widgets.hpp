// Small form helpers shared by the inspector and the relation editor.
#pragma once

#include "app_state.hpp"
#include "theme.hpp"

#include "core/enums.hpp"

#include <imgui.h>

#include <string>

namespace kring::app {

// A muted caption above a full-width field.
inline void caption(const App& app, const char* key) {
    ImGui::PushFont(app.fonts.ui_small);
    ImGui::TextDisabled("%s", app.t(key).data());
    ImGui::PopFont();
}

// A small muted paragraph that wraps.
inline void hint(const App& app, const char* key) {
    ImGui::PushFont(app.fonts.ui_small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", app.t(key).data());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// The fixed panel at the right of the canvas (inspector, netwerkberaad): a borderless
// window with a line on its left edge. End it with ImGui::End().
inline void begin_side_panel(const char* id, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGui::GetWindowDrawList()->AddLine(pos, {pos.x, pos.y + size.y}, theme::kBorder);
}

inline void section(const App& app, const char* key) {
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t(key).data());
    ImGui::PopFont();
    ImGui::Separator();
}

template <class E>
std::string enum_label(const App& app, const char* prefix, E e) {
    return std::string(app.t(std::string(prefix) + "." + std::string(to_string(e))));
}

// A combo over all values of an enum, labelled by "<prefix>.<file spelling>".
template <class E>
bool enum_combo(const App& app, const char* id, const char* prefix, E& value) {
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, enum_label(app, prefix, value).c_str())) {
        for (const auto& n : names(E{})) {
            const std::string label = enum_label(app, prefix, n.value);
            if (ImGui::Selectable(label.c_str(), n.value == value)) {
                changed = n.value != value;
                value = n.value;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace kring::app
