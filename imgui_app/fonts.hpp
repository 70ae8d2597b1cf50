// Fonts: DejaVu Sans (regular and bold) loaded at a few pixel sizes so text stays crisp at
// any zoom; the canvas picks the nearest size. Glyph ranges cover Latin-1, Latin
// Extended-A/B, Latin Extended Additional and Vietnamese (Özdemir, Nguyễn, Şahin, ß ...).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace kring::app {

// ImGui sizes a font by ascent + descent; layouts size text by the em (like Graphviz).
// DejaVu Sans: (ascent 1901 + descent 483) / 2048 units per em.
inline constexpr float kEmToPixelHeight = 1.1641f;

struct FontSet {
    ImFont* ui = nullptr;        // panels and toolbar
    ImFont* ui_bold = nullptr;
    ImFont* ui_big = nullptr;    // "samen tekenen" mode
    ImFont* ui_small = nullptr;  // status bar, hints
    std::vector<ImFont*> regular;  // ascending FontSize
    std::vector<ImFont*> bold;
    std::string error;  // non-empty when DejaVu could not be loaded (default font used)

    // The font to draw text of `pixel_height` with: the smallest loaded size that is at
    // least ~90% of it (so text is only ever scaled down a little), else the largest.
    [[nodiscard]] ImFont* pick(float pixel_height, bool want_bold) const;
};

// Adds the fonts to io.Fonts (call before the atlas is built). Font files default to
// the DejaVu fonts of fonts-dejavu-core; KRING_FONT_DIR overrides the folder.
// Never fails: when a file is missing the default ImGui font is used and `error` says why.
// `canvas_scale` multiplies the sizes loaded for the canvas (high-DPI screens).
FontSet load_fonts(ImGuiIO& io, float ui_size = 16.0f, float canvas_scale = 1.0f);

}  // namespace kring::app
