// The app's calm, light look: colours shared by panels and canvas, and the ImGui style.
#pragma once

#include <imgui.h>

namespace kring::app::theme {

inline constexpr ImU32 kCanvas = IM_COL32(250, 249, 246, 255);     // warm off-white paper
inline constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kChrome = IM_COL32(243, 242, 238, 255);     // toolbar / status bar
inline constexpr ImU32 kBorder = IM_COL32(221, 218, 210, 255);
inline constexpr ImU32 kShadow = IM_COL32(0, 0, 0, 18);
inline constexpr ImU32 kText = IM_COL32(38, 41, 46, 255);
inline constexpr ImU32 kMutedText = IM_COL32(120, 122, 128, 255);
inline constexpr ImU32 kAccent = IM_COL32(47, 111, 143, 255);     // calm blue-teal
inline constexpr ImU32 kAccentSoft = IM_COL32(222, 235, 241, 255);
inline constexpr ImU32 kGreen = IM_COL32(46, 125, 50, 255);
inline constexpr ImU32 kDanger = IM_COL32(183, 28, 28, 255);
inline constexpr ImU32 kWarnBg = IM_COL32(255, 243, 224, 255);
inline constexpr ImU32 kErrorBg = IM_COL32(253, 236, 234, 255);

// Light style with generous spacing; `big` for "samen tekenen"; `scale` for high-DPI screens.
void apply_style(bool big, float scale = 1.0f);

}  // namespace kring::app::theme
