// Measured quality of a genogram drawing: what an expert reader would notice first.
#pragma once

#include "core/model.hpp"
#include "layouts/genogram.hpp"
#include "layouts/layout_result.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kring {

struct GenogramMetrics {
    int persons = 0;
    int symbol_overlaps = 0;        // pairs of symbols that overlap (must be 0)
    int lines_through_symbols = 0;  // (line segment, symbol) pairs where a line crosses a symbol it does not end at
    int label_overlaps = 0;         // pairs of text labels that overlap
    int lines_through_labels = 0;   // (family/descent segment, label) pairs
    int partners = 0, partners_adjacent = 0;  // partner pairs on one row with nobody between them
    int sibships = 0, sibships_in_order = 0;  // children of one union left to right in birth order
    int off_row = 0;                // children not below their parents, or partners not level
    int crossings = 0;              // union-node graph drawn with straight edges (see count_crossings)
    int drawn_crossings = 0;        // crossings between the drawn family and descent lines
    double width = 0, height = 0;
    std::vector<std::string> problems;  // a readable line per overlap / line through a symbol or label
};

// Lays out the case and measures the result.
[[nodiscard]] GenogramMetrics measure_genogram(const Case& c, const GenogramOptions& opt = {});
// Measures a given genogram layout of the case (crossings from the union anchors when
// `anchors` is given, else from the partners' midpoints).
[[nodiscard]] GenogramMetrics measure_genogram(const Case& c, const LayoutResult& r);

// Proper crossings between straight edges (pairs sharing an end node do not count).
// Used for kring's layout and for Graphviz dot's alike, so the two compare fairly.
[[nodiscard]] int count_crossings(const std::vector<Point>& nodes, const std::vector<std::pair<int, int>>& edges);

// The union-node graph of a genogram (persons and one node per couple / single parent:
// partner -> union, union -> child), with node coordinates from kring's layout.
struct UnionGraph {
    std::vector<Point> nodes;
    std::vector<std::pair<int, int>> edges;
};
[[nodiscard]] UnionGraph genogram_union_graph(const Case& c, const GenogramOptions& opt, LayoutResult* out = nullptr);

}  // namespace kring
