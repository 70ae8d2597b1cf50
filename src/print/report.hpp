// The printable network analysis: one page with the network map, the key figures, the
// findings, a table per person, the legend and the title block (A3 landscape by default,
// so that map and tables stay readable side by side).
#pragma once

#include "core/analysis.hpp"
#include "layouts/layout_result.hpp"
#include "print/print.hpp"

namespace kring {

// The report page's drawing: the map (left) and the text column (right) in one layout.
[[nodiscard]] LayoutResult layout_report(const Case& c, const Analysis& a, Lang lang);

// Renders the report; opt.view_title defaults to "Netwerkanalyse" / "Network analysis".
[[nodiscard]] PrintResult render_report(const Case& c, const Analysis& a, PrintOptions opt);

}  // namespace kring
