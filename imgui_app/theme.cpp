#include "theme.hpp"

namespace kring::app::theme {

namespace {
ImVec4 v(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
ImVec4 rgb(int r, int g, int b, int a = 255) { return {r / 255.0f, g / 255.0f, b / 255.0f, a / 255.0f}; }
}  // namespace

void apply_style(bool big, float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowRounding = 0;
    s.ChildRounding = 6;
    s.FrameRounding = 6;
    s.PopupRounding = 8;
    s.GrabRounding = 6;
    s.ScrollbarRounding = 8;
    s.TabRounding = 6;
    s.WindowBorderSize = 0;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    s.WindowPadding = big ? ImVec2(18, 16) : ImVec2(14, 12);
    s.FramePadding = big ? ImVec2(16, 10) : ImVec2(10, 6);
    s.ItemSpacing = big ? ImVec2(14, 12) : ImVec2(8, 8);
    s.ItemInnerSpacing = ImVec2(6, 6);
    s.ScrollbarSize = 12;
    s.GrabMinSize = 10;
    if (scale != 1.0f) s.ScaleAllSizes(scale);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = v(kText);
    c[ImGuiCol_TextDisabled] = v(kMutedText);
    c[ImGuiCol_WindowBg] = v(kPanel);
    c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = v(kPanel);
    c[ImGuiCol_Border] = v(kBorder);
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = rgb(240, 246, 249);
    c[ImGuiCol_FrameBgActive] = rgb(230, 240, 245);
    c[ImGuiCol_TitleBg] = v(kChrome);
    c[ImGuiCol_TitleBgActive] = v(kChrome);
    c[ImGuiCol_MenuBarBg] = v(kChrome);
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = rgb(200, 198, 192);
    c[ImGuiCol_CheckMark] = v(kAccent);
    c[ImGuiCol_SliderGrab] = v(kAccent);
    c[ImGuiCol_SliderGrabActive] = v(kAccent);
    c[ImGuiCol_Button] = rgb(255, 255, 255);
    c[ImGuiCol_ButtonHovered] = v(kAccentSoft);
    c[ImGuiCol_ButtonActive] = rgb(200, 222, 232);
    c[ImGuiCol_Header] = v(kAccentSoft);
    c[ImGuiCol_HeaderHovered] = rgb(232, 241, 245);
    c[ImGuiCol_HeaderActive] = rgb(200, 222, 232);
    c[ImGuiCol_Separator] = v(kBorder);
    c[ImGuiCol_Tab] = v(kChrome);
    c[ImGuiCol_TabHovered] = v(kAccentSoft);
    c[ImGuiCol_TabActive] = v(kPanel);
    c[ImGuiCol_TableHeaderBg] = v(kChrome);
    c[ImGuiCol_TableBorderStrong] = v(kBorder);
    c[ImGuiCol_TableBorderLight] = rgb(236, 234, 228);
    c[ImGuiCol_TableRowBgAlt] = rgb(250, 249, 246);
    c[ImGuiCol_TextSelectedBg] = rgb(47, 111, 143, 70);
    c[ImGuiCol_ModalWindowDimBg] = rgb(30, 30, 30, 60);
    c[ImGuiCol_NavHighlight] = v(kAccent);
}

}  // namespace kring::app::theme
