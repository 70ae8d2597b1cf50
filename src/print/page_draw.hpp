// Internal to src/print: drawing a LayoutResult onto a page (GvScene) through a
// transform, and the small helpers every printed page shares.
#pragma once

#include "core/i18n.hpp"
#include "layouts/layout_result.hpp"
#include "print/gv_scene.hpp"

#include <string>
#include <string_view>

namespace kring::print_detail {

inline constexpr double kPageMargin = 28.35;  // 1 cm around every printed page
inline constexpr Color kConfidentialColor = 0xB00020FF;

// The page position of a layout's content: page = to + (layout - from) * s.
struct Transform {
    double s = 1;
    Point from;
    Point to;
    [[nodiscard]] Point map(Point p) const { return {to.x + (p.x - from.x) * s, to.y + (p.y - from.y) * s}; }
};

struct DrawStats {
    double min_text = 1e9;  // smallest font size on paper
};

// False for professional-only content when professional notes are hidden.
[[nodiscard]] inline bool visible(bool professional_only, bool hide_professional) {
    return !(professional_only && hide_professional);
}
[[nodiscard]] bool has_content(const LayoutResult& r, bool hide);
// The layout's own bounds when it computed them, otherwise everything it contains.
[[nodiscard]] Rect content_bounds(const LayoutResult& r);

// Draws one LayoutResult through a transform. `legend` marks legend content (no person
// ids, own classes).
void draw_layout(GvScene& scene, const LayoutResult& r, const Transform& t, bool hide, bool legend, DrawStats& stats);

// A translated message with a {placeholder}; English fallback while the key is missing
// from the translation table (tr() returns the key itself then).
[[nodiscard]] std::string message(std::string_view key, Lang lang, std::string_view fallback_en,
                                  std::string_view placeholder, const std::string& value);
[[nodiscard]] std::string fmt1(double v);

}  // namespace kring::print_detail
