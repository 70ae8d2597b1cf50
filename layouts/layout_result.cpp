#include "layouts/layout_result.hpp"

#include <cstdint>

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
    // characters, not UTF-8 bytes. East Asian wide characters (Chinese, Japanese, Korean)
    // are not in DejaVu: 1 em in a CJK fallback font, about 2.6 em as the hex box drawn
    // when no such font is installed; counted as 1.4 em.
    double ems = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {  // ASCII: most names
            ems += 0.6;
            ++i;
            continue;
        }
        std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + len > utf8.size()) len = 1;
        std::uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        ems += wide ? 1.4 : 0.6;
        i += len;
    }
    return ems * size;
}

}  // namespace kring
