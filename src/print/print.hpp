// Printable output: one LayoutResult (genogram or network map) plus its legend and a
// title block on one page of paper, rendered to PDF, SVG or PNG through Graphviz's
// libraries (cgraph + gvc, "nop2" layout: every primitive keeps the position the layout
// gave it, so print is what you see on the canvas).
//
// SVG structure (stable, relied upon by tests and scripts):
//   * every Symbol of the drawing whose `person` is valid becomes exactly one
//     `<g id="p<N>" class="node person">` element (N = PersonId value; a person drawn
//     twice gets "p<N>_2", "p<N>_3", ...). Symbols without a person get class "symbol".
//   * legend symbols have class "legend_symbol", never "person"; labels have class
//     "label" ("legend_label"); lines (edges) have class "line <role>" (role: family,
//     descent, emotional, network, boundary, ring, decoration, deceased) and, when they
//     belong to a relation, id "r<N>_<k>" (k = 1, 2, ... for that relation's lines);
//     risk badges have class "risk"; the title block's items have class "titleblock".
//   Counting `class="node person"` therefore counts the persons on the page. Note that
//   Graphviz writes '-' in SVG text and attributes as "&#45;" (valid XML).
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "layouts/layout_result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kring {

enum class OutputFormat { Pdf, Svg, Png };
enum class PaperSize { A4, A3 };
enum class Orientation { Portrait, Landscape };

struct PrintOptions {
    OutputFormat format = OutputFormat::Pdf;
    PaperSize paper = PaperSize::A4;
    Orientation orientation = Orientation::Landscape;
    Lang lang = Lang::Nl;
    std::string case_name;           // title block
    std::string view_title;          // e.g. "Genogram" / "Netwerkkaart" (already translated)
    PartialDate date;                // the day it is printed: "afgedrukt" in the title block
                                     // (empty = today)
    PartialDate as_of;               // the case's date, at which the drawing's ages are
                                     // computed: "peildatum" above it (empty = none; left out
                                     // when it is the day printed)
    bool confidential = true;        // prints tr("confidential") in the title block
    bool hide_professional = false;  // drop Symbols/Lines/Labels marked professional_only
                                     // (and risk badges)
    double png_dpi = 150;            // PNG resolution, 36..300 (PDF/SVG are vector)
    double min_text_pt = 0;          // > 0: never print drawing text smaller than this; the
                                     // drawing is split over sheets of the paper instead (PDF,
                                     // see split_pages) or the page grows (a poster), and a
                                     // warning says so
    bool split_pages = true;         // PDF: split rather than grow (page 1: an overview)
};

struct PrintResult {
    std::string bytes;                  // the PDF / SVG / PNG file contents
    std::string error;                  // empty on success; what went wrong otherwise
    std::vector<std::string> warnings;  // e.g. text below 6 pt after scaling to fit
    double scale = 1;                   // drawing scale used on paper (<= 1)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Case-insensitive: "pdf", "svg", "png".
[[nodiscard]] std::optional<OutputFormat> parse_format(std::string_view s);
// "a4", "A3".
[[nodiscard]] std::optional<PaperSize> parse_paper(std::string_view s);
// "portrait", "landscape".
[[nodiscard]] std::optional<Orientation> parse_orientation(std::string_view s);
[[nodiscard]] std::string_view format_name(OutputFormat f);  // "pdf", "svg", "png"

// Paper size in points (width, height) for the chosen orientation; A4 = 595.28 x 841.89.
struct PaperPoints {
    double w = 0, h = 0;
};
[[nodiscard]] PaperPoints paper_points(PaperSize paper, Orientation orientation);

// The title-block date: dd-mm-yyyy in Dutch, yyyy-mm-dd in English (partial dates
// print only what is known; approximate ones get a leading '~').
[[nodiscard]] std::string format_print_date(const PartialDate& d, Lang lang);

// One page: the drawing scaled to fit the paper (never enlarged beyond 1:1), a legend
// box (the legend LayoutResult at its own scale, beside or below the drawing, whichever
// leaves the drawing larger) and a title block in the bottom-right corner (case name,
// view title, date, "vertrouwelijk"). When text in the drawing would end up smaller
// than 6 pt, the page is still produced and PrintResult::warnings says so.
// Thread-safe (Graphviz itself is not: calls are serialised).
[[nodiscard]] PrintResult render_document(const LayoutResult& drawing, const LayoutResult& legend,
                                          const PrintOptions& opt);

}  // namespace kring
