// Documents of several pages (netwerkberaad invitation list + meeting sheet, snapshot
// comparison). Each page is rendered by render_document (drawing + legend + title block);
// PDF pages are joined into one PDF file.
#pragma once

#include "print/print.hpp"

#include <string>
#include <vector>

namespace kring {

struct DocumentPage {
    LayoutResult drawing;
    LayoutResult legend;      // may be empty
    std::string view_title;   // title block line (already translated)
    Orientation orientation = Orientation::Portrait;
};

struct DocumentResult {
    // PDF: one file with every page. SVG/PNG (one page per file): one entry per page.
    std::vector<std::string> files;
    std::string error;
    std::vector<std::string> warnings;
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// opt.orientation and opt.view_title are taken from each page; the rest from `opt`.
// Page numbers ("pagina 2/3") are added to the view title when there is more than one page.
[[nodiscard]] DocumentResult render_pages(const std::vector<DocumentPage>& pages, const PrintOptions& opt);

// Joins single- or multi-page PDFs as written by Graphviz's cairo renderer (classic
// cross-reference tables) into one PDF. Returns "" and sets `error` when an input
// cannot be read.
[[nodiscard]] std::string concatenate_pdfs(const std::vector<std::string>& pdfs, std::string& error);

// File names for the pages of a multi-file document: "out.svg", "out-2.svg", ...
[[nodiscard]] std::string page_file_name(const std::string& path, std::size_t page);

}  // namespace kring
