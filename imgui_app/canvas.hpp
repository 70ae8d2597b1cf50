// The canvas: draws a LayoutResult (the same one the printer draws) into an ImDrawList
// through a pan/zoom transform. Drawing needs no window or GL context, so benchmarks can
// build frames headless.
#pragma once

#include "fonts.hpp"
#include "layouts/layout_result.hpp"

#include <imgui.h>

#include <set>
#include <string>
#include <vector>

namespace kring::app {

// 0xRRGGBBAA (layouts) -> ImGui's packed colour.
[[nodiscard]] inline ImU32 to_imgui(Color c, float alpha = 1.0f) {
    const unsigned r = (c >> 24) & 0xFF, g = (c >> 16) & 0xFF, b = (c >> 8) & 0xFF;
    const unsigned a = static_cast<unsigned>(static_cast<float>(c & 0xFF) * alpha + 0.5f);
    return IM_COL32(r, g, b, a);
}

// Layout points -> screen pixels: screen = origin + world * zoom.
struct ViewTransform {
    double zoom = 1.0;
    double ox = 0, oy = 0;  // screen position of the layout's (0, 0)

    [[nodiscard]] ImVec2 to_screen(Point p) const {
        return {static_cast<float>(ox + p.x * zoom), static_cast<float>(oy + p.y * zoom)};
    }
    [[nodiscard]] Point to_world(ImVec2 s) const { return {(s.x - ox) / zoom, (s.y - oy) / zoom}; }
    // Zooms by `factor` keeping the layout point under `anchor` (screen) in place.
    void zoom_at(ImVec2 anchor, double factor, double min_zoom = 0.05, double max_zoom = 12.0);
    // Fits `bounds` into the screen rectangle [min, max] with a margin in pixels.
    void fit(const Rect& bounds, ImVec2 min, ImVec2 max, float margin = 24.0f, double max_zoom = 3.0);
};

struct Highlight {
    PersonId selected;
    PersonId hovered;
    PersonId target;  // drop target while drawing a relation
    const std::set<PersonId>* multi = nullptr;  // box-selected persons
};

struct DrawOptions {
    bool hide_professional = false;  // "samen tekenen": drop professional_only primitives and risk badges
    Highlight highlight;
    float min_text_px = 3.0f;  // smaller text is not drawn (unreadable anyway)
    // Readable labels when zoomed out: text that would be smaller than this is drawn at
    // this size, but never enlarged more than `max_label_boost` times.
    float min_label_px = 0.0f;
    float max_label_boost = 2.2f;
    bool record = false;       // fill DrawStats::drawn_labels / drawn_persons
    ImU32 paper = IM_COL32(250, 249, 246, 255);  // behind labels with a halo (the canvas colour)
};

struct DrawStats {
    int symbols = 0;
    int persons = 0;  // symbols that stand for a person
    int lines = 0;
    int labels = 0;
    std::vector<std::string> drawn_labels;  // with DrawOptions::record
    std::vector<PersonId> drawn_persons;
};

// Draws every primitive of `r`. Colours, dashes, arrowheads, symbol shapes, deceased
// crosses, index double outlines and risk badges follow the printer (src/print).
DrawStats draw_layout(ImDrawList* dl, const LayoutResult& r, const ViewTransform& t, const FontSet& fonts,
                      const DrawOptions& opt);

// One label-like text at a screen position (used for overlays): y is the vertical middle.
void draw_text(ImDrawList* dl, const FontSet& fonts, const std::string& text, ImVec2 at, float em_px, Align align,
               bool bold, ImU32 color);

}  // namespace kring::app
