#include "print/page_draw.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace kring::print_detail {

namespace {

constexpr Color kRisk = 0xC62828FF;

const char* role_name(Line::Role r) {
    switch (r) {
        case Line::Role::Family: return "family";
        case Line::Role::Descent: return "descent";
        case Line::Role::Emotional: return "emotional";
        case Line::Role::Network: return "network";
        case Line::Role::Boundary: return "boundary";
        case Line::Role::Ring: return "ring";
        case Line::Role::Decoration: break;
    }
    return "decoration";
}

const char* gv_shape(Shape s) {
    switch (s) {
        case Shape::Square: return "box";
        case Shape::Circle: return "ellipse";
        case Shape::Diamond: return "diamond";
        case Shape::Triangle: return "triangle";
        case Shape::SmallCircle: return "ellipse";
        case Shape::Cross: return "none";  // the X is drawn as two lines
        case Shape::Box: return "box";
    }
    return "box";
}

}  // namespace

std::string message(std::string_view key, Lang lang, std::string_view fallback_en, std::string_view placeholder,
                    const std::string& value) {
    std::string text(tr(key, lang));
    if (text == key) text = fallback_en;
    if (placeholder.empty()) return text;
    if (auto p = text.find(placeholder); p != std::string::npos) text.replace(p, placeholder.size(), value);
    return text;
}

std::string fmt1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

bool has_content(const LayoutResult& r, bool hide) {
    for (const auto& s : r.symbols)
        if (visible(s.professional_only, hide)) return true;
    for (const auto& l : r.lines)
        if (visible(l.professional_only, hide) && l.points.size() >= 2) return true;
    for (const auto& l : r.labels)
        if (visible(l.professional_only, hide) && !l.text.empty()) return true;
    return false;
}

Rect content_bounds(const LayoutResult& r) {
    if (!r.bounds.empty() && r.bounds.width() > 0 && r.bounds.height() > 0) return r.bounds;
    LayoutResult copy = r;
    copy.compute_bounds(10);
    return copy.bounds;
}

void draw_layout(GvScene& scene, const LayoutResult& r, const Transform& t, bool hide, bool legend,
                 DrawStats& stats) {
    std::map<std::uint32_t, int> relation_lines;  // lines drawn so far per relation
    for (const Line& l : r.lines) {
        if (!visible(l.professional_only, hide)) continue;
        PathSpec p;
        p.points.reserve(l.points.size());
        for (const Point& q : l.points) p.points.push_back(t.map(q));
        p.closed = l.closed;
        p.style = l.style;
        p.width = l.width * t.s;
        p.color = l.color;
        p.arrow_start = l.arrow_start;
        p.arrow_end = l.arrow_end;
        p.arrowsize = std::clamp(t.s * std::max(1.0, l.width / 1.5), 0.4, 1.5);
        p.cls = std::string(legend ? "legend_line " : "line ") + role_name(l.role);
        if (!legend && l.relation.valid()) {
            p.id = l.relation.str() + "_" + std::to_string(++relation_lines[l.relation.value()]);
        }
        scene.add_path(p);
    }

    std::map<std::uint32_t, int> person_symbols;  // symbols drawn so far per person
    for (std::size_t i = 0; i < r.symbols.size(); ++i) {
        const Symbol& s = r.symbols[i];
        if (!visible(s.professional_only, hide)) continue;
        const double pen = std::max(0.4, 1.5 * t.s);
        NodeSpec n;
        n.shape = gv_shape(s.shape);
        n.center = t.map(s.center);
        n.w = s.w * t.s;
        n.h = s.h * t.s;
        n.stroke = s.stroke;
        n.penwidth = pen;
        n.filled = s.shape != Shape::Cross;
        n.fill = s.filled ? s.stroke : s.fill;
        n.rounded = s.shape == Shape::Box;
        if (legend) {
            n.cls = "legend_symbol";
        } else if (s.person.valid()) {
            const int k = ++person_symbols[s.person.value()];
            n.id = k == 1 ? s.person.str() : s.person.str() + "_" + std::to_string(k);
            n.cls = "person";
        } else {
            n.id = "sym" + std::to_string(i + 1);
            n.cls = "symbol";
        }
        scene.add_node(n);

        const Rect b{n.center.x - n.w / 2, n.center.y - n.h / 2, n.center.x + n.w / 2, n.center.y + n.h / 2};
        if (s.index_person) {
            // Double outline. Not Graphviz's peripheries=2: its 4 pt gap does not scale, so
            // a scaled-down index person would get a ring far larger than its symbol.
            NodeSpec ring = n;
            const double gap = std::max(1.0, 4 * t.s);
            ring.w += 2 * gap;
            ring.h += 2 * gap;
            ring.filled = false;
            ring.id.clear();
            ring.cls = legend ? "legend_symbol_outline" : "index_outline";
            scene.add_node(ring);
        }
        if (s.shape == Shape::Cross || s.deceased) {
            // Deceased: an X over the symbol reaching a little beyond it (McGoldrick).
            const double ext = s.shape == Shape::Cross ? 0 : 0.12;
            const double dx = b.width() * ext, dy = b.height() * ext;
            for (int k = 0; k < 2; ++k) {
                PathSpec x;
                x.points = k == 0 ? std::vector<Point>{{b.x0 - dx, b.y0 - dy}, {b.x1 + dx, b.y1 + dy}}
                                  : std::vector<Point>{{b.x1 + dx, b.y0 - dy}, {b.x0 - dx, b.y1 + dy}};
                x.color = s.stroke;
                x.width = pen;
                x.cls = legend ? "legend_line deceased" : "line deceased";
                scene.add_path(x);
            }
        }
        if (s.risk && !hide) {
            const double d = std::max(2.5, 0.38 * std::min(b.width(), b.height()));
            NodeSpec badge;
            badge.shape = "ellipse";
            badge.center = {b.x1, b.y0};
            badge.w = badge.h = d;
            badge.fill = kRisk;
            badge.stroke = kWhite;
            badge.penwidth = std::max(0.4, 0.8 * t.s);
            badge.cls = "risk";
            scene.add_node(badge);
            TextSpec bang;
            bang.text = "!";
            bang.pos = badge.center;
            bang.size = d * 0.75;
            bang.bold = true;
            bang.color = kWhite;
            bang.cls = "risk";
            scene.add_text(bang);
        }
    }

    // Halos first (below every label), so two captions that touch both stay readable.
    for (const Label& l : r.labels) {
        if (!visible(l.professional_only, hide) || l.text.empty() || !l.halo) continue;
        // A borderless paper-white box just around the text, over the lines below it.
        const double w = text_width(l.text, l.size) * (l.bold ? 1.1 : 1.0) * t.s + 2 * t.s;
        const double h = l.size * 1.2 * t.s;
        NodeSpec box;
        box.shape = "box";
        box.w = w;
        box.h = h;
        const Point at = t.map(l.pos);
        box.center = {l.align == Align::Left ? at.x + w / 2 - t.s : l.align == Align::Right ? at.x - w / 2 + t.s : at.x,
                      at.y};
        box.fill = kWhite;
        box.stroke = kWhite;
        box.penwidth = 0;
        box.rounded = true;
        box.cls = "halo";
        scene.add_node(box);
    }
    for (const Label& l : r.labels) {
        if (!visible(l.professional_only, hide) || l.text.empty()) continue;
        TextSpec tx;
        tx.text = l.text;
        tx.pos = t.map(l.pos);
        tx.size = l.size * t.s;
        tx.align = l.align;
        tx.bold = l.bold;
        tx.color = l.color;
        tx.cls = legend ? "legend_label" : "label";
        stats.min_text = std::min(stats.min_text, tx.size);
        scene.add_text(tx);
    }
}

}  // namespace kring::print_detail
