// Internal to src/print: a page of fixed-position drawing primitives built as a cgraph
// graph and rendered by gvc with the "nop2" layout (neato -n2: node `pos` and edge `pos`
// are used as given, nothing is moved or routed).
//
// Coordinates given to GvScene are page points with the origin at the top-left corner
// and y growing downwards; GvScene flips them for Graphviz (y up). Z-order is the order
// of the add_* calls (Graphviz's default output order emits each node followed by the
// edges leaving it, and every primitive here owns its own nodes).
#pragma once

#include "layouts/layout_result.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kring::print_detail {

struct NodeSpec {
    std::string shape = "box";  // Graphviz shape: box, ellipse, diamond, triangle, none
    Point center;               // page points, y down
    double w = 0, h = 0;        // points
    Color fill = kWhite;
    bool filled = true;
    Color stroke = kBlack;
    double penwidth = 1;
    int peripheries = 1;
    bool rounded = false;
    std::string id;   // SVG id (empty: Graphviz picks one)
    std::string cls;  // SVG class, added after "node"
};

struct PathSpec {
    std::vector<Point> points;  // page points, y down; a polyline
    bool closed = false;
    LineStyle style = LineStyle::Solid;
    double width = 1;
    Color color = kBlack;
    bool arrow_start = false;
    bool arrow_end = false;
    double arrowsize = 1;  // Graphviz arrowsize (1 = 10 pt long)
    std::string id;
    std::string cls;
};

struct TextSpec {
    std::string text;  // UTF-8, may contain '\n'
    Point pos;         // anchor, y is the vertical middle of the text
    double size = 10;
    Align align = Align::Center;
    bool bold = false;
    Color color = kBlack;
    std::string cls;
};

struct RenderOutput {
    std::string bytes;
    std::string error;
    std::vector<std::string> warnings;
};

// "#RRGGBBAA"
[[nodiscard]] std::string gv_color(Color c);
// Text as a Graphviz (non-HTML) label: backslashes and '&' escaped, invalid UTF-8 replaced
// by U+FFFD, control characters dropped, lines ended by \n, \l or \r per alignment.
[[nodiscard]] std::string gv_escape_label(std::string_view utf8, Align align);

class GvScene {
public:
    // Creates an empty page of the given size in points. Holds a process-wide lock on
    // Graphviz (which keeps global state) until destroyed.
    GvScene(double page_w, double page_h);
    ~GvScene();
    GvScene(const GvScene&) = delete;
    GvScene& operator=(const GvScene&) = delete;

    void add_node(const NodeSpec& n);
    void add_path(const PathSpec& p);
    void add_text(const TextSpec& t);

    // format: "pdf", "svg" or "png". dpi only matters for png.
    [[nodiscard]] RenderOutput render(std::string_view format, double dpi);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kring::print_detail
