#include "layouts/layout_result.hpp"

#include <algorithm>

namespace kring {

void Rect::expand(Point p) {
    if (empty()) {
        *this = {p.x, p.y, p.x, p.y};
        return;
    }
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
}

void Rect::expand(const Rect& r) {
    if (r.empty()) return;
    expand(Point{r.x0, r.y0});
    expand(Point{r.x1, r.y1});
}

void LayoutResult::compute_bounds(double margin) {
    Rect b = Rect::none();
    for (const auto& l : lines)
        for (const auto& p : l.points) b.expand(p);
    for (const auto& s : symbols) b.expand(s.bounds());
    for (const auto& l : labels) {
        double w = text_width(l.text, l.size);
        double x0 = l.align == Align::Left ? l.pos.x : l.align == Align::Right ? l.pos.x - w : l.pos.x - w / 2;
        b.expand(Rect{x0, l.pos.y - l.size * 0.6, x0 + w, l.pos.y + l.size * 0.6});
    }
    if (b.empty()) b = {0, 0, 0, 0};
    bounds = {b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin};
}

const Symbol* LayoutResult::symbol_of(PersonId p) const {
    for (const auto& s : symbols)
        if (s.person == p) return &s;
    return nullptr;
}

const Symbol* LayoutResult::hit(Point p) const {
    for (auto it = symbols.rbegin(); it != symbols.rend(); ++it)
        if (it->bounds().contains(p)) return &*it;
    return nullptr;
}

double text_width(const std::string& utf8, double size) {
    // Average advance of DejaVu Sans is about 0.6 em for mixed-case text; count
    // characters, not UTF-8 bytes.
    std::size_t chars = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++chars;
    return static_cast<double>(chars) * size * 0.6;
}

}  // namespace kring
