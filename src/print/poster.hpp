// Internal to src/print: a drawing too large for the chosen paper at the minimum text size,
// printed as a PDF of several sheets of that paper instead of one oversized page.
#pragma once

#include "print/print.hpp"

#include <optional>

namespace kring::print_detail {

// Page 1: the whole drawing fitted on one sheet, with the sheets that follow outlined and
// numbered on it (plus legend and title block, as a normal page). Then one sheet per part
// of the drawing that has something on it, at `scale` (drawing units to points), each with
// a header (case, view, sheet number, row and column), the neighbouring sheets' numbers at
// its edges, and 1 cm overlap with its neighbours for gluing. Nothing when the drawing
// would need fewer than two sheets (a somewhat larger page serves better then).
[[nodiscard]] std::optional<PrintResult> render_poster(const LayoutResult& drawing, const LayoutResult& legend,
                                        const PrintOptions& opt, double scale);

}  // namespace kring::print_detail
