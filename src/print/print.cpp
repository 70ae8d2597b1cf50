// One printed page: drawing + legend box + title block, composed in page coordinates and
// handed to GvScene (Graphviz) for rendering.
#include "print/print.hpp"

#include "print/gv_scene.hpp"
#include "print/page_draw.hpp"
#include "print/poster.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace kring {

using print_detail::content_bounds;
using print_detail::draw_layout;
using print_detail::DrawStats;
using print_detail::fmt1;
using print_detail::GvScene;
using print_detail::has_content;
using print_detail::message;
using print_detail::NodeSpec;
using print_detail::PathSpec;
using print_detail::TextSpec;
using print_detail::Transform;
using print_detail::visible;

namespace {

constexpr double kMargin = print_detail::kPageMargin;
constexpr double kGap = 12;           // between drawing, legend and title block
constexpr double kMinTextPt = 6;      // smallest legible text on paper
constexpr double kBoxPad = 8;         // inside legend box and title block
constexpr Color kFrame = 0x555555FF;  // legend box / title block outline

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// --- the title block ---------------------------------------------------------------

struct TitleLine {
    std::string text;
    double size;
    bool bold;
    Color color;
};

std::vector<TitleLine> title_lines(const PrintOptions& opt) {
    std::vector<TitleLine> lines;
    if (!opt.case_name.empty()) lines.push_back({opt.case_name, 12, true, kBlack});
    if (!opt.view_title.empty()) lines.push_back({opt.view_title, 10, false, kBlack});
    const PartialDate date = opt.date.empty() ? today() : opt.date;
    if (!opt.as_of.empty() && opt.as_of != date)
        lines.push_back({std::string(tr("as_of", opt.lang)) + " " + format_print_date(opt.as_of, opt.lang), 9, false, kBlack});
    lines.push_back({std::string(tr("printed", opt.lang)) + " " + format_print_date(date, opt.lang), 9, false, kBlack});
    if (opt.confidential)
        lines.push_back({std::string(tr("confidential", opt.lang)), 10, true, print_detail::kConfidentialColor});
    return lines;
}

double line_width(const TitleLine& l) { return text_width(l.text, l.size) * (l.bold ? 1.12 : 1.0); }

struct Size {
    double w = 0, h = 0;
};

// Shortens lines that would not fit in the title block ("Familie van den Berg-Schoo…").
void fit_title_lines(std::vector<TitleLine>& lines, double max_w) {
    for (auto& l : lines) {
        if (line_width(l) + 2 * kBoxPad <= max_w) continue;
        while (!l.text.empty() && line_width(l) + 2 * kBoxPad > max_w) {
            std::size_t cut = l.text.size() - 1;  // drop one UTF-8 character
            while (cut > 0 && (static_cast<unsigned char>(l.text[cut]) & 0xC0) == 0x80) --cut;
            l.text.erase(cut);
            l.text += "\u2026";
            const double w = line_width(l);
            l.text.erase(l.text.size() - 3);
            if (w + 2 * kBoxPad <= max_w) break;
        }
        l.text += "\u2026";
    }
}

Size title_size(const std::vector<TitleLine>& lines, double max_w) {
    Size s{150, 2 * kBoxPad};
    for (const auto& l : lines) {
        s.w = std::max(s.w, line_width(l) + 2 * kBoxPad);
        s.h += l.size * 1.35;
    }
    s.w = std::min(s.w, max_w);
    return s;
}

void draw_title(GvScene& scene, const std::vector<TitleLine>& lines, Rect box) {
    NodeSpec frame;
    frame.center = {(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2};
    frame.w = box.width();
    frame.h = box.height();
    frame.stroke = kFrame;
    frame.penwidth = 0.8;
    frame.cls = "titleblock";
    scene.add_node(frame);
    double y = box.y0 + kBoxPad;
    for (const auto& l : lines) {
        const double lh = l.size * 1.35;
        TextSpec t;
        t.text = l.text;
        t.pos = {box.x0 + kBoxPad, y + lh / 2};
        t.size = l.size;
        t.align = Align::Left;
        t.bold = l.bold;
        t.color = l.color;
        t.cls = "titleblock";
        scene.add_text(t);
        y += lh;
    }
}

// --- page planning -----------------------------------------------------------------

struct Plan {
    double scale = 1;  // drawing
    Rect area;         // where the drawing is centred
    double legend_scale = 1;
    Point legend_at;  // top-left of the legend box
    Point title_at;   // top-left of the title block
    double area_size = 0;
};

// Fits the drawing (bw x bh) beside or above a legend box (lw x lh at scale 1) and a
// title block (tw x th) on a paper of pw x ph; returns the arrangement that leaves the
// drawing the largest.
Plan plan_page(double pw, double ph, double bw, double bh, Size legend, Size title) {
    const double aw = pw - 2 * kMargin, ah = ph - 2 * kMargin;
    const double x1 = pw - kMargin, y1 = ph - kMargin;
    const auto fit = [&](double w, double h) {
        double s = 1;
        if (bw > 0) s = std::min(s, w / bw);
        if (bh > 0) s = std::min(s, h / bh);
        return std::max(s, 1e-3);
    };
    const bool has_legend = legend.w > 0 && legend.h > 0;

    // A: a column on the right, legend at its top and title block at its bottom.
    Plan a;
    if (has_legend)
        a.legend_scale = std::clamp(std::min({1.0, (ah - kGap - title.h) / legend.h, 0.4 * aw / legend.w}), 0.05, 1.0);
    const double col = std::max(title.w, legend.w * a.legend_scale);
    a.area = {kMargin, kMargin, x1 - col - kGap, y1};
    a.legend_at = {x1 - legend.w * a.legend_scale, kMargin};
    a.title_at = {x1 - title.w, y1 - title.h};

    // B: a strip along the bottom, legend on the left and title block on the right.
    Plan b;
    if (has_legend)
        b.legend_scale = std::clamp(std::min({1.0, (aw - kGap - title.w) / legend.w, 0.4 * ah / legend.h}), 0.05, 1.0);
    const double strip = std::max(title.h, legend.h * b.legend_scale);
    b.area = {kMargin, kMargin, x1, y1 - strip - kGap};
    b.legend_at = {kMargin, y1 - legend.h * b.legend_scale};
    b.title_at = {x1 - title.w, y1 - title.h};

    for (Plan* p : {&a, &b}) {
        p->area.x1 = std::max(p->area.x1, p->area.x0 + 1);
        p->area.y1 = std::max(p->area.y1, p->area.y0 + 1);
        p->scale = fit(p->area.width(), p->area.height());
        p->area_size = p->area.width() * p->area.height();
    }
    if (std::fabs(a.scale - b.scale) > 1e-6) return a.scale > b.scale ? a : b;
    return a.area_size >= b.area_size ? a : b;
}

}  // namespace

// --- public API ----------------------------------------------------------------------

std::optional<OutputFormat> parse_format(std::string_view s) {
    const std::string l = lower(s);
    if (l == "pdf") return OutputFormat::Pdf;
    if (l == "svg") return OutputFormat::Svg;
    if (l == "png") return OutputFormat::Png;
    return std::nullopt;
}

std::optional<PaperSize> parse_paper(std::string_view s) {
    const std::string l = lower(s);
    if (l == "a4") return PaperSize::A4;
    if (l == "a3") return PaperSize::A3;
    return std::nullopt;
}

std::optional<Orientation> parse_orientation(std::string_view s) {
    const std::string l = lower(s);
    if (l == "portrait") return Orientation::Portrait;
    if (l == "landscape") return Orientation::Landscape;
    return std::nullopt;
}

std::string_view format_name(OutputFormat f) {
    switch (f) {
        case OutputFormat::Svg: return "svg";
        case OutputFormat::Png: return "png";
        case OutputFormat::Pdf: break;
    }
    return "pdf";
}

PaperPoints paper_points(PaperSize paper, Orientation orientation) {
    // ISO 216 in points: A4 210 x 297 mm, A3 297 x 420 mm.
    const double mm = 72.0 / 25.4;
    PaperPoints p = paper == PaperSize::A3 ? PaperPoints{297 * mm, 420 * mm} : PaperPoints{210 * mm, 297 * mm};
    if (orientation == Orientation::Landscape) std::swap(p.w, p.h);
    return p;
}

std::string format_print_date(const PartialDate& d, Lang lang) {
    if (d.empty()) return "";
    char buf[32];
    if (lang == Lang::Nl) {
        if (d.month == 0) std::snprintf(buf, sizeof buf, "%04d", d.year);
        else if (d.day == 0) std::snprintf(buf, sizeof buf, "%02d-%04d", d.month, d.year);
        else std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.day, d.month, d.year);
    } else {
        if (d.month == 0) std::snprintf(buf, sizeof buf, "%04d", d.year);
        else if (d.day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
        else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    return (d.approximate ? "~" : "") + std::string(buf);
}

PrintResult render_document(const LayoutResult& drawing, const LayoutResult& legend, const PrintOptions& opt) {
    PrintResult result;
    PaperPoints paper = paper_points(opt.paper, opt.orientation);
    const bool hide = opt.hide_professional;

    // Drawing.
    const bool has_drawing = has_content(drawing, hide);
    const Rect db = has_drawing ? content_bounds(drawing) : Rect{0, 0, 0, 0};

    // Legend box: header (unless the legend carries its own) + content + padding.
    const bool has_legend = has_content(legend, hide);
    const std::string legend_title(tr("legend", opt.lang));
    const bool own_header = std::any_of(legend.labels.begin(), legend.labels.end(),
                                        [&](const Label& l) { return l.text == legend_title; });
    const double header_h = own_header ? 0 : 10 * 1.6;
    const Rect lb = has_legend ? content_bounds(legend) : Rect{0, 0, 0, 0};
    const Size legend_box = has_legend ? Size{std::max(lb.width(), text_width(legend_title, 10) * 1.12) + 2 * kBoxPad,
                                              lb.height() + header_h + 2 * kBoxPad}
                                       : Size{};

    auto lines = title_lines(opt);
    fit_title_lines(lines, paper.w / 2);
    Size title = title_size(lines, paper.w - 2 * kMargin);
    Plan plan = plan_page(paper.w, paper.h, db.width(), db.height(), legend_box, title);
    // A minimum text size: rather than shrink names below it, a PDF is split over sheets
    // of the chosen paper (poster.cpp); otherwise the page grows (a poster, to be printed
    // tiled or on a plotter) and the warning says how large it became.
    if (opt.min_text_pt > 0 && has_drawing) {
        double smallest_label = 1e9;
        for (const Label& l : drawing.labels)
            if (visible(l.professional_only, hide) && !l.text.empty()) smallest_label = std::min(smallest_label, l.size);
        // Never beyond 1:1 (the layout's own sizes): a larger page cannot help past that.
        const double wanted = smallest_label < 1e9 ? std::min(1.0, opt.min_text_pt / smallest_label) : 0;
        if (wanted > plan.scale + 1e-9) {
            if (opt.format == OutputFormat::Pdf && opt.split_pages)
                if (auto poster = print_detail::render_poster(drawing, legend, opt, wanted)) return std::move(*poster);
            for (int i = 0; i < 4 && plan.scale < wanted - 1e-9; ++i) {
                const double k = wanted / plan.scale * 1.001;
                paper.w *= k;
                paper.h *= k;
                plan = plan_page(paper.w, paper.h, db.width(), db.height(), legend_box, title);
            }
            // Once larger than the paper, the page need not keep its shape: trimmed in each
            // direction to what the drawing, legend and title block need (a wide family tree
            // on a page of A-shape left most of it blank).
            const PaperPoints base = paper_points(opt.paper, opt.orientation);
            auto fits = [&](double w, double h) {
                return plan_page(w, h, db.width(), db.height(), legend_box, title).scale >= wanted - 1e-9;
            };
            for (double PaperPoints::*side : {&PaperPoints::h, &PaperPoints::w}) {
                double lo = base.*side, hi = paper.*side;
                PaperPoints trial = paper;
                trial.*side = lo;
                if (hi <= lo || !fits(paper.w, paper.h)) continue;
                if (fits(trial.w, trial.h)) {
                    paper.*side = lo;
                    continue;
                }
                for (int i = 0; i < 30 && hi - lo > 1; ++i) {  // fits at hi, not at lo
                    trial.*side = (lo + hi) / 2;
                    (fits(trial.w, trial.h) ? hi : lo) = trial.*side;
                }
                paper.*side = hi;
            }
            plan = plan_page(paper.w, paper.h, db.width(), db.height(), legend_box, title);
            char size[64];
            std::snprintf(size, sizeof size, "%.0f x %.0f mm", paper.w / 72 * 25.4, paper.h / 72 * 25.4);
            result.warnings.push_back(message("print.enlarged", opt.lang,
                                              "the page was enlarged to {size} so that text stays legible; print it "
                                              "as a poster (tiled) or on a plotter",
                                              "{size}", size));
        }
    }
    result.scale = has_drawing ? plan.scale : 1;

    GvScene scene(paper.w, paper.h);
    DrawStats drawing_stats, legend_stats;
    if (has_drawing) {
        Transform t;
        t.s = plan.scale;
        t.from = {db.x0, db.y0};
        t.to = {plan.area.x0 + (plan.area.width() - db.width() * t.s) / 2,
                plan.area.y0};  // centred across, top-aligned: room below for notes
        draw_layout(scene, drawing, t, hide, false, drawing_stats);
    }
    if (has_legend) {
        const double ls = plan.legend_scale;
        NodeSpec frame;
        frame.w = legend_box.w * ls;
        frame.h = legend_box.h * ls;
        frame.center = {plan.legend_at.x + frame.w / 2, plan.legend_at.y + frame.h / 2};
        frame.stroke = kFrame;
        frame.penwidth = 0.8;
        frame.cls = "legend_box";
        scene.add_node(frame);
        if (!own_header) {
            TextSpec h;
            h.text = legend_title;
            h.pos = {plan.legend_at.x + kBoxPad * ls, plan.legend_at.y + (kBoxPad + 5) * ls};
            h.size = 10 * ls;
            h.align = Align::Left;
            h.bold = true;
            h.cls = "legend_label";
            legend_stats.min_text = h.size;
            scene.add_text(h);
        }
        Transform t;
        t.s = ls;
        t.from = {lb.x0, lb.y0};
        t.to = {plan.legend_at.x + kBoxPad * ls, plan.legend_at.y + (kBoxPad + header_h) * ls};
        draw_layout(scene, legend, t, hide, true, legend_stats);
    }
    draw_title(scene, lines, {plan.title_at.x, plan.title_at.y, plan.title_at.x + title.w, plan.title_at.y + title.h});

    const double smallest = std::min(drawing_stats.min_text, legend_stats.min_text);
    if (smallest < kMinTextPt - 1e-9) {
        std::string w = message("print.small_text", opt.lang,
                                "text is printed at {size} pt, below the legible minimum of 6 pt, to fit the "
                                "drawing on one page",
                                "{size}", fmt1(smallest));
        if (opt.paper == PaperSize::A4)
            w += message("print.small_text.try_a3", opt.lang, "; print on A3 for larger text", "", "");
        result.warnings.push_back(std::move(w));
    }

    double dpi = opt.png_dpi > 0 ? opt.png_dpi : 150;
    // Cairo makes bitmaps of at most 32,767 pixels a side (Graphviz would shrink the
    // drawing itself, text included, and only say so on stderr): a large page gets fewer
    // dots per inch instead, and the warning says so.
    constexpr double kMaxPixels = 32000;
    if (opt.format == OutputFormat::Png && std::max(paper.w, paper.h) / 72 * dpi > kMaxPixels) {
        dpi = std::floor(kMaxPixels * 72 / std::max(paper.w, paper.h));
        result.warnings.push_back(trf("print.png_dpi", opt.lang, {{"dpi", std::to_string(static_cast<int>(dpi))}}));
    }
    auto out = scene.render(format_name(opt.format), dpi);
    result.bytes = std::move(out.bytes);
    if (!out.error.empty()) {
        std::string fmt(format_name(opt.format));
        for (char& c : fmt) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        result.error = message("print.render_failed", opt.lang, "could not produce the {format} output", "{format}", fmt) +
                       ": " + out.error;
    }
    for (auto& w : out.warnings) result.warnings.push_back(std::move(w));
    return result;
}

}  // namespace kring
