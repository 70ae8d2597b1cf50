#include "print/poster.hpp"

#include "print/documents.hpp"
#include "print/gv_scene.hpp"
#include "print/page_draw.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace kring::print_detail {

namespace {

constexpr double kMargin = kPageMargin;
constexpr double kHeader = 16;      // the header line above the drawing
constexpr double kOverlap = 28.35;  // 1 cm of the drawing repeated on the next sheet
constexpr Color kGrid = 0x1565C0B0;        // the sheets on the overview
constexpr Color kGridNumber = 0x1565C070;  // see-through: the drawing stays readable under it
constexpr Color kHint = 0x555555FF;

struct Sheet {
    Rect part;  // in drawing units
    int row = 0, col = 0;
    int number = 0;  // 1-based; 0 = empty, not printed
};

Rect label_box(const Label& l) {
    const double w = text_width(l.text, l.size) * (l.bold ? 1.1 : 1.0);
    const double x0 = l.align == Align::Left ? l.pos.x : l.align == Align::Right ? l.pos.x - w : l.pos.x - w / 2;
    return {x0, l.pos.y - l.size * 0.7, x0 + w, l.pos.y + l.size * 0.7};
}

// What of the drawing lies on (or reaches into) `part`.
LayoutResult clip(const LayoutResult& r, const Rect& part, bool hide) {
    LayoutResult out;
    for (const Line& l : r.lines) {
        if (!visible(l.professional_only, hide) || l.points.empty()) continue;
        Rect b = Rect::none();
        for (const Point& p : l.points) b.expand(p);
        if (b.overlaps(part)) out.lines.push_back(l);
    }
    for (const Symbol& s : r.symbols) {
        if (!visible(s.professional_only, hide)) continue;
        const double m = 0.3 * std::max(s.w, s.h);  // index ring, cross, risk badge
        const Rect b{s.center.x - s.w / 2 - m, s.center.y - s.h / 2 - m, s.center.x + s.w / 2 + m, s.center.y + s.h / 2 + m};
        if (b.overlaps(part)) out.symbols.push_back(s);
    }
    for (const Label& l : r.labels)
        if (visible(l.professional_only, hide) && !l.text.empty() && label_box(l).overlaps(part)) out.labels.push_back(l);
    return out;
}

bool has_marks(const LayoutResult& r) { return !r.symbols.empty() || !r.labels.empty(); }

void text(GvScene& scene, const std::string& s, Point at, double size, Align align, Color color, bool bold = false) {
    TextSpec t;
    t.text = s;
    t.pos = at;
    t.size = size;
    t.align = align;
    t.color = color;
    t.bold = bold;
    t.cls = "titleblock";
    scene.add_text(t);
}

void white_box(GvScene& scene, Rect r) {
    NodeSpec n;
    n.center = {(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2};
    n.w = r.width();
    n.h = r.height();
    n.fill = kWhite;
    n.stroke = kWhite;
    n.penwidth = 0;
    n.cls = "margin";
    scene.add_node(n);
}

}  // namespace

std::optional<PrintResult> render_poster(const LayoutResult& drawing, const LayoutResult& legend,
                                         const PrintOptions& opt, double scale) {
    const PaperPoints paper = paper_points(opt.paper, opt.orientation);
    const Rect area{kMargin, kMargin + kHeader, paper.w - kMargin, paper.h - kMargin};
    const Rect db = content_bounds(drawing);
    const double sheet_w = area.width() / scale, sheet_h = area.height() / scale, overlap = kOverlap / scale;
    auto count = [&](double extent, double sheet) {
        return extent <= sheet ? 1 : static_cast<int>(std::ceil((extent - overlap) / (sheet - overlap) - 1e-9));
    };
    const int cols = count(db.width(), sheet_w), rows = count(db.height(), sheet_h);
    // Centred across the sheets, top-aligned.
    const double covered_w = cols * (sheet_w - overlap) + overlap;
    const double x0 = db.x0 - (covered_w - db.width()) / 2;
    std::vector<Sheet> sheets;
    std::vector<LayoutResult> parts;
    int numbered = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            Sheet s;
            s.row = r;
            s.col = c;
            const double sx = x0 + c * (sheet_w - overlap), sy = db.y0 + r * (sheet_h - overlap);
            s.part = {sx, sy, sx + sheet_w, sy + sheet_h};
            parts.push_back(clip(drawing, s.part, opt.hide_professional));
            if (has_marks(parts.back())) s.number = ++numbered;
            sheets.push_back(s);
        }
    auto at = [&](int r, int c) -> const Sheet* {
        if (r < 0 || c < 0 || r >= rows || c >= cols) return nullptr;
        const Sheet& s = sheets[static_cast<std::size_t>(r * cols + c)];
        return s.number ? &s : nullptr;
    };
    if (numbered < 2) return std::nullopt;
    const std::string total = std::to_string(numbered);

    // The overview: the whole drawing on one sheet, each printed sheet outlined and numbered.
    // Text that would come out under 1 pt is left off it (unreadable, and Pango cannot lay
    // out such sizes).
    LayoutResult overview = drawing;
    const double fit = std::min(area.width() / db.width(), area.height() / db.height());
    overview.labels.erase(std::remove_if(overview.labels.begin(), overview.labels.end(),
                                         [&](const Label& l) { return l.size * fit < 1; }),
                          overview.labels.end());
    for (const Sheet& s : sheets) {
        if (!s.number) continue;
        const Rect b{std::max(s.part.x0, db.x0), std::max(s.part.y0, db.y0), std::min(s.part.x1, db.x1),
                     std::min(s.part.y1, db.y1)};
        Line frame;
        frame.points = {{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}};
        frame.closed = true;
        frame.style = LineStyle::Dashed;
        frame.width = 1.2 / fit;
        frame.color = kGrid;
        frame.role = Line::Role::Decoration;
        overview.lines.push_back(frame);
        Label number;
        number.text = std::to_string(s.number);
        number.pos = {(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
        number.size = 0.3 * std::min(b.width(), b.height());
        number.bold = true;
        number.color = kGridNumber;
        overview.labels.push_back(number);
    }
    PrintOptions one = opt;
    one.min_text_pt = 0;
    one.view_title += " \u2014 " + trf("print.overview", opt.lang, {{"sheets", total}});
    PrintResult first = render_document(overview, legend, one);
    if (!first.ok()) return first;

    PrintResult result;
    result.scale = scale;
    const std::string paper_name = opt.paper == PaperSize::A3 ? "A3" : "A4";
    result.warnings.push_back(trf("print.poster", opt.lang, {{"sheets", total}, {"paper", paper_name}}));
    std::vector<std::string> pdfs{std::move(first.bytes)};
    const std::string date = format_print_date(opt.date.empty() ? today() : opt.date, opt.lang);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const Sheet& s = sheets[i];
        if (!s.number) continue;
        GvScene scene(paper.w, paper.h);
        Transform t;
        t.s = scale;
        t.from = {s.part.x0, s.part.y0};
        t.to = {area.x0, area.y0};
        DrawStats stats;
        draw_layout(scene, parts[i], t, opt.hide_professional, false, stats);
        // Margins blank (the drawing is cut at the sheet's edge), then a thin frame to cut
        // or glue along.
        white_box(scene, {0, 0, paper.w, area.y0});
        white_box(scene, {0, area.y1, paper.w, paper.h});
        white_box(scene, {0, area.y0, area.x0, area.y1});
        white_box(scene, {area.x1, area.y0, paper.w, area.y1});
        PathSpec frame;
        frame.points = {{area.x0, area.y0}, {area.x1, area.y0}, {area.x1, area.y1}, {area.x0, area.y1}};
        frame.closed = true;
        frame.width = 0.5;
        frame.color = kHint;
        frame.cls = "frame";
        scene.add_path(frame);
        std::string head;
        if (!opt.case_name.empty()) head += opt.case_name + " \u00b7 ";
        if (!opt.view_title.empty()) head += opt.view_title + " \u00b7 ";
        head += trf("print.sheet", opt.lang,
                    {{"n", std::to_string(s.number)},
                     {"total", total},
                     {"row", std::to_string(s.row + 1)},
                     {"col", std::to_string(s.col + 1)}});
        head += " \u00b7 " + date;
        text(scene, head, {area.x0, kMargin + kHeader / 2 - 2}, 8, Align::Left, kBlack);
        if (opt.confidential)
            text(scene, std::string(tr("confidential", opt.lang)), {area.x1, kMargin + kHeader / 2 - 2}, 8, Align::Right,
                 kConfidentialColor, true);
        // The neighbouring sheets' numbers at the edges they join.
        const double mx = (area.x0 + area.x1) / 2, my = (area.y0 + area.y1) / 2;
        if (const Sheet* n = at(s.row, s.col - 1))
            text(scene, "\u2190 " + std::to_string(n->number), {area.x0 - 3, my}, 7, Align::Right, kHint);
        if (const Sheet* n = at(s.row, s.col + 1))
            text(scene, std::to_string(n->number) + " \u2192", {area.x1 + 3, my}, 7, Align::Left, kHint);
        if (const Sheet* n = at(s.row - 1, s.col))
            text(scene, "\u2191 " + std::to_string(n->number), {mx, kMargin - 8}, 7, Align::Center, kHint);
        if (const Sheet* n = at(s.row + 1, s.col))
            text(scene, "\u2193 " + std::to_string(n->number), {mx, area.y1 + 7}, 7, Align::Center, kHint);
        auto out = scene.render("pdf", opt.png_dpi);
        if (!out.error.empty()) {
            result.error = trf("print.render_failed", opt.lang, {{"format", "PDF"}}) + ": " + out.error;
            return result;
        }
        pdfs.push_back(std::move(out.bytes));
    }
    std::string error;
    result.bytes = concatenate_pdfs(pdfs, error);
    if (!error.empty()) result.error = error;
    return result;
}

}  // namespace kring::print_detail
