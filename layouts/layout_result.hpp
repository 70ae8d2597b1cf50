// The one output of every layout engine, drawn identically by the canvas (ImGui) and the
// printer (Graphviz). Everything geometric is decided here: renderers only draw
// primitives, so print is exactly what you see.
//
// Coordinates are in points (1/72 inch) with y growing DOWNWARDS (screen convention);
// the printer flips y for Graphviz.
#pragma once

#include "core/ids.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace kring {

struct Point {
    double x = 0;
    double y = 0;
};

struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    [[nodiscard]] double width() const { return x1 - x0; }
    [[nodiscard]] double height() const { return y1 - y0; }
    [[nodiscard]] bool contains(Point p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
    // Shares some area with `o` (touching edges do not count).
    [[nodiscard]] bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    void expand(Point p);
    void expand(const Rect& r);
    [[nodiscard]] bool empty() const { return x1 < x0 || y1 < y0; }
    static Rect none() { return {1, 1, 0, 0}; }
};

// 0xRRGGBBAA
using Color = std::uint32_t;
inline constexpr Color kBlack = 0x000000FF;
inline constexpr Color kWhite = 0xFFFFFFFF;

enum class Shape {
    Square,       // male
    Circle,       // female
    Diamond,      // unknown / other sex
    Triangle,     // pregnancy
    SmallCircle,  // miscarriage (small filled circle)
    Cross,        // abortion (small X)
    Box,          // organisation / professional on the network map (rounded box)
};

struct Symbol {
    PersonId person;
    Shape shape = Shape::Square;
    Point center;
    double w = 40, h = 40;
    bool deceased = false;      // cross through the symbol
    bool index_person = false;  // double outline
    bool filled = false;        // stillbirth, miscarriage: filled shape
    bool pinned = false;        // placed by hand
    bool risk = false;          // drawn with a risk marker ("!" badge)
    bool professional_only = false;  // hidden in "samen tekenen" mode (e.g. risk badges)
    Color fill = kWhite;
    Color stroke = kBlack;
    [[nodiscard]] Rect bounds() const { return {center.x - w / 2, center.y - h / 2, center.x + w / 2, center.y + h / 2}; }
};

enum class LineStyle { Solid, Dashed, Dotted };

// A polyline. Wavy, zigzag, double and slashed lines are already expanded into plain
// polylines by the layout engine.
struct Line {
    std::vector<Point> points;
    LineStyle style = LineStyle::Solid;
    double width = 1.5;
    Color color = kBlack;
    bool arrow_end = false;    // arrowhead at the last point
    bool arrow_start = false;  // arrowhead at the first point
    bool closed = false;       // polygon outline (household boundary, rings)
    bool professional_only = false;
    RelationId relation;  // the relation this line belongs to, if any
    enum class Role { Family, Descent, Emotional, Network, Boundary, Ring, Decoration } role = Role::Decoration;
};

enum class Align { Left, Center, Right };

struct Label {
    std::string text;  // UTF-8
    Point pos;         // anchor: baseline-centre for Center, etc. (y is the text's vertical middle)
    double size = 10;  // font size in points
    Align align = Align::Center;
    bool bold = false;
    Color color = kBlack;
    bool professional_only = false;  // e.g. notes: hidden in "samen tekenen" mode
    PersonId person;                  // the person this label describes, if any
    bool halo = false;  // on a paper-coloured box: lines passing under it do not cross the text
};

struct LayoutResult {
    std::vector<Line> lines;      // drawn first (boundaries, rings, relations)
    std::vector<Symbol> symbols;  // then symbols
    std::vector<Label> labels;    // then text
    Rect bounds = Rect::none();   // everything above, with margins
    std::set<std::string> legend; // legend keys of what was drawn (see legend.hpp)
    // The genogram: persons in the order it placed them, rows top to bottom and each left to
    // right, pinned persons in their slot (what an editor records as CaseInfo::genogram_order).
    // Empty for the other layouts.
    std::vector<PersonId> order;

    void compute_bounds(double margin = 20);
    [[nodiscard]] const Symbol* symbol_of(PersonId p) const;
    // Topmost symbol under a point, for hit testing on the canvas.
    [[nodiscard]] const Symbol* hit(Point p) const;
};

// Estimated text width in points for the DejaVu Sans font at `size` (used for label
// placement; both renderers use DejaVu Sans so the estimate holds for both).
[[nodiscard]] double text_width(const std::string& utf8, double size);

}  // namespace kring
