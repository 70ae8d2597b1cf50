// The printable analysis: map + figures + findings + table per person + legend + title.
#include "print/report.hpp"

#include "layouts/legend.hpp"
#include "layouts/network_map.hpp"
#include "layouts/strokes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace kring {

namespace {

constexpr double kColumnWidth = 520;  // text column, points
constexpr double kLine = 1.35;        // line height factor

// Splits analysis_text() into its lines: it already holds the figures, the findings and
// the table in the requested language, with columns padded for a monospace-like layout.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Cuts a line to fit `width` points at `size` (adds an ellipsis).
std::string fit(std::string s, double size, double width) {
    if (text_width(s, size) <= width) return s;
    while (!s.empty() && text_width(s + "\u2026", size) > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
    }
    return s + "\u2026";
}

// Word-wraps a finding to the column width.
std::vector<std::string> wrap(const std::string& s, double size, double width) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    for (std::string w; in >> w;) {
        const std::string next = cur.empty() ? w : cur + " " + w;
        if (!cur.empty() && text_width(next, size) > width) {
            out.push_back(cur);
            cur = "    " + w;
        } else {
            cur = next;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

}  // namespace

LayoutResult layout_report(const Case& c, const Analysis& a, Lang lang) {
    NetworkOptions no;
    no.focus = a.focus;
    no.lang = lang;
    LayoutResult out = layout_network(c, no);
    out.compute_bounds(12);
    const Rect map = out.bounds;

    // Text column to the right of the map, top aligned with it.
    const double x0 = map.x1 + 24;
    double y = map.y0 + 8;
    auto put = [&](std::string text, double size, bool bold, Color color) {
        Label l;
        l.text = std::move(text);
        l.size = size;
        l.bold = bold;
        l.color = color;
        l.align = Align::Left;
        l.pos = {x0, y + size * 0.6};
        out.labels.push_back(std::move(l));
        y += size * kLine;
    };
    const auto text = lines_of(analysis_text(a, c, lang));
    // Section headings in analysis_text are unindented lines followed by indented ones.
    bool table = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string& l = text[i];
        if (l.empty()) {
            y += 5;
            continue;
        }
        if (l.find_first_not_of('=') == std::string::npos) {  // title underline
            Line rule;
            rule.points = {{x0, y}, {x0 + kColumnWidth, y}};
            rule.width = 0.8;
            rule.color = kGrey;
            out.lines.push_back(rule);
            y += 4;
            continue;
        }
        if (i == 0) {
            put(fit(l, 13, kColumnWidth), 13, true, kInk);
            continue;
        }
        const bool heading = l[0] != ' ' && i + 1 < text.size() && !text[i + 1].empty() && text[i + 1][0] == ' ' &&
                             l.find(':') == std::string::npos;
        if (heading) {
            y += 3;
            put(l, 10.5, true, kInk);
            table = l == (lang == Lang::En ? "Persons" : "Personen");
            continue;
        }
        if (table) break;  // the table is set below from the figures themselves
        const bool finding = l.rfind("  ", 0) == 0;
        const bool risk = finding && (l.find("RISICO") != std::string::npos || l.find("RISK") != std::string::npos);
        for (const auto& w : wrap(finding ? l.substr(2) : l, 8.5, kColumnWidth)) put(w, 8.5, risk, risk ? kRisk : kInk);
    }
    // Table per person: fixed columns, focus first.
    const bool en = lang == Lang::En;
    const char* head[] = {en ? "Name" : "Naam", en ? "Ties" : "Band", en ? "Gives" : "Geeft", en ? "Gets" : "Krijgt",
                          en ? "Types" : "Typen", en ? "Betw." : "Tussen", en ? "Cut pt" : "Snijpunt", en ? "Eff.size" : "Eff.omv",
                          en ? "Constr." : "Beperk", ""};
    static constexpr double kCols[] = {0, 130, 165, 200, 240, 275, 320, 370, 415, 460};
    auto num = [&](double x, int d) {
        if (std::isnan(x)) return std::string("-");
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.*f", d, x);
        std::string r = buf;
        if (!en) std::replace(r.begin(), r.end(), '.', ',');
        return r;
    };
    auto row = [&](const std::vector<std::string>& cells, bool bold, Color color) {
        for (std::size_t k = 0; k < cells.size() && k < std::size(kCols); ++k) {
            Label cl;
            const double w = k + 1 < std::size(kCols) ? kCols[k + 1] - kCols[k] - 4 : kColumnWidth - kCols[k];
            cl.text = fit(cells[k], 7.5, w);
            cl.size = 7.5;
            cl.bold = bold;
            cl.align = Align::Left;
            cl.color = color;
            cl.pos = {x0 + kCols[k], y + 7.5 * 0.6};
            out.labels.push_back(std::move(cl));
        }
        y += 7.5 * kLine;
    };
    std::vector<std::string> h(std::begin(head), std::end(head));
    row(h, true, kInk);
    std::vector<const PersonFigures*> order;
    if (const auto* f = a.figures(a.focus)) order.push_back(f);
    for (const auto& f : a.persons)
        if (f.person != a.focus) order.push_back(&f);
    constexpr std::size_t kMaxRows = 45;
    for (std::size_t i = 0; i < order.size() && i < kMaxRows; ++i) {
        const auto& f = *order[i];
        const Person* p = c.person(f.person);
        std::string marks;
        auto mark = [&](bool on, const char* nl, const char* e) {
            if (on) marks += (marks.empty() ? "" : ", ") + std::string(en ? e : nl);
        };
        mark(f.person == a.focus, "focus", "focus");
        mark(f.child, "kind", "child");
        mark(f.risk, "risico", "risk");
        mark(f.isolated, "los", "isolated");
        row({p ? p->display_name() : f.person.str(), std::to_string(f.degree), std::to_string(f.gives), std::to_string(f.receives),
             std::to_string(f.multiplexity), num(f.betweenness, 3), f.articulation ? (en ? "yes" : "ja") : "",
             num(f.effective_size, 2), num(f.constraint, 2), marks},
            false, f.risk ? kRisk : kInk);
    }
    if (order.size() > kMaxRows) row({"… +" + std::to_string(order.size() - kMaxRows)}, false, kGrey);
    out.compute_bounds(12);
    return out;
}

PrintResult render_report(const Case& c, const Analysis& a, PrintOptions opt) {
    if (opt.view_title.empty()) opt.view_title = opt.lang == Lang::En ? "Network analysis" : "Netwerkanalyse";
    if (opt.case_name.empty()) opt.case_name = c.info.name;
    const LayoutResult page = layout_report(c, a, opt.lang);
    return render_document(page, layout_legend(page.legend, opt.lang), opt);
}

}  // namespace kring
