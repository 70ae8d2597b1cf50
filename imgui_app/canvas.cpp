#include "canvas.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace kring::app {

namespace {

constexpr Color kRiskRed = 0xC62828FF;   // as the printer's risk badge
constexpr ImU32 kAccent = IM_COL32(47, 111, 143, 255);
constexpr ImU32 kTargetGreen = IM_COL32(46, 125, 50, 255);

float len(ImVec2 a, ImVec2 b) { return std::hypot(b.x - a.x, b.y - a.y); }
ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

struct Clip {
    ImVec2 min, max;
    [[nodiscard]] bool misses(float x0, float y0, float x1, float y1) const {
        return x1 < min.x || x0 > max.x || y1 < min.y || y0 > max.y;
    }
};

// The part [t0, t1] of segment a-b inside the rectangle (Liang-Barsky); false if none.
bool clip_segment(ImVec2 a, ImVec2 b, const Clip& c, float& t0, float& t1) {
    t0 = 0;
    t1 = 1;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - c.min.x, c.max.x - a.x, a.y - c.min.y, c.max.y - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const float r = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, r);
        else t1 = std::min(t1, r);
        if (t0 > t1) return false;
    }
    return true;
}

// Dashed or dotted stroke along a polyline, the pattern running on across corners. Only
// the parts inside `clip` are drawn (a ring of a large network map at full zoom is
// thousands of dashes long, almost all of them off screen).
void stroke_pattern(ImDrawList* dl, const std::vector<ImVec2>& pts, float on, float off, ImU32 col, float w,
                    bool dots, const Clip& clip) {
    float phase = 0;  // distance into the current on+off period
    const float period = on + off;
    const Clip wide{{clip.min.x - 8, clip.min.y - 8}, {clip.max.x + 8, clip.max.y + 8}};
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const ImVec2 a = pts[i - 1], b = pts[i];
        const float seg = len(a, b);
        if (seg <= 0) continue;
        float t0 = 0, t1 = 1;
        if (!clip_segment(a, b, wide, t0, t1)) {
            phase = std::fmod(phase + seg, period);
            continue;
        }
        // Skip to the visible part, keeping the pattern's phase.
        float d = t0 * seg;
        phase = std::fmod(phase + d, period);
        const float end = t1 * seg;
        while (d < end) {
            if (phase < on) {
                const float step = std::min(on - phase, end - d);
                if (dots) {
                    if (phase == 0) dl->AddCircleFilled(lerp(a, b, d / seg), w * 0.5f, col, 8);
                } else {
                    dl->AddLine(lerp(a, b, d / seg), lerp(a, b, (d + step) / seg), col, w);
                }
                d += step;
                phase += step;
            } else {
                const float step = std::min(period - phase, end - d);
                d += step;
                phase += step;
                if (phase >= period) phase = 0;
            }
        }
        phase = std::fmod(phase + (seg - end), period);
    }
}

void arrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 from, float length, float half_width, ImU32 col) {
    const float d = len(from, tip);
    if (d <= 0) return;
    const ImVec2 u{(tip.x - from.x) / d, (tip.y - from.y) / d};
    const ImVec2 base{tip.x - u.x * length, tip.y - u.y * length};
    const ImVec2 n{-u.y * half_width, u.x * half_width};
    dl->AddTriangleFilled(tip, {base.x + n.x, base.y + n.y}, {base.x - n.x, base.y - n.y}, col);
}

void draw_line(ImDrawList* dl, const Line& l, const ViewTransform& t, const Clip& clip) {
    if (l.points.size() < 2) return;
    std::vector<ImVec2> pts;
    pts.reserve(l.points.size() + 1);
    float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
    for (const Point& p : l.points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        const ImVec2 s = t.to_screen(p);
        if (!pts.empty() && len(pts.back(), s) < 0.01f) continue;
        pts.push_back(s);
        x0 = std::min(x0, s.x), y0 = std::min(y0, s.y), x1 = std::max(x1, s.x), y1 = std::max(y1, s.y);
    }
    if (pts.size() < 2 || clip.misses(x0 - 20, y0 - 20, x1 + 20, y1 + 20)) return;
    if (l.closed && pts.size() > 2 && len(pts.front(), pts.back()) > 0.01f) pts.push_back(pts.front());

    const float zoom = static_cast<float>(t.zoom);
    const float w = std::max(1.0f, static_cast<float>(l.width) * zoom);
    const ImU32 col = to_imgui(l.color);

    // Arrowheads as the printer draws them: 10 pt long, shrunk on short end segments;
    // the line stops at the arrow's base.
    const float arrow_scale = std::max(1.0f, static_cast<float>(l.width) / 1.5f);
    float arrow_len = 10.0f * arrow_scale * zoom;
    if (l.arrow_end) arrow_len = std::min(arrow_len, 0.8f * len(pts[pts.size() - 2], pts.back()));
    if (l.arrow_start) arrow_len = std::min(arrow_len, 0.8f * len(pts[0], pts[1]));
    const float arrow_half = arrow_len * 0.35f;
    const ImVec2 tip_end = pts.back(), tip_start = pts.front();
    const ImVec2 from_end = pts[pts.size() - 2], from_start = pts[1];
    if (l.arrow_end) pts.back() = lerp(tip_end, from_end, arrow_len / std::max(0.01f, len(tip_end, from_end)));
    if (l.arrow_start)
        pts.front() = lerp(tip_start, from_start, arrow_len / std::max(0.01f, len(tip_start, from_start)));

    switch (l.style) {
        case LineStyle::Solid:
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_None, w);
            break;
        case LineStyle::Dashed:
            stroke_pattern(dl, pts, std::max(3.0f, 6.0f * zoom), std::max(2.0f, 4.0f * zoom), col, w, false, clip);
            break;
        case LineStyle::Dotted:
            stroke_pattern(dl, pts, std::max(1.0f, w), std::max(2.5f, 3.5f * zoom), col, std::max(1.5f, w * 1.3f),
                           true, clip);
            break;
    }
    if (l.arrow_end) arrowhead(dl, tip_end, from_end, arrow_len, arrow_half, col);
    if (l.arrow_start) arrowhead(dl, tip_start, from_start, arrow_len, arrow_half, col);
}

std::vector<ImVec2> shape_outline(Shape shape, ImVec2 c, float w, float h) {
    const float x0 = c.x - w / 2, x1 = c.x + w / 2, y0 = c.y - h / 2, y1 = c.y + h / 2;
    switch (shape) {
        case Shape::Diamond: return {{c.x, y0}, {x1, c.y}, {c.x, y1}, {x0, c.y}};
        case Shape::Triangle: return {{c.x, y0}, {x1, y1}, {x0, y1}};
        case Shape::Circle:
        case Shape::SmallCircle: {
            const int n = std::clamp(static_cast<int>(std::max(w, h) * 0.6f), 16, 72);
            std::vector<ImVec2> pts;
            pts.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) {
                const float a = static_cast<float>(i) * 6.2831853f / static_cast<float>(n);
                pts.push_back({c.x + std::cos(a) * w / 2, c.y + std::sin(a) * h / 2});
            }
            return pts;
        }
        case Shape::Square:
        case Shape::Box:
        case Shape::Cross: break;
    }
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

void draw_shape(ImDrawList* dl, Shape shape, ImVec2 c, float w, float h, ImU32 fill, ImU32 stroke, float pen,
                float rounding, bool do_fill) {
    if (shape == Shape::Square || shape == Shape::Box) {
        const ImVec2 a{c.x - w / 2, c.y - h / 2}, b{c.x + w / 2, c.y + h / 2};
        if (do_fill) dl->AddRectFilled(a, b, fill, rounding);
        dl->AddRect(a, b, stroke, rounding, ImDrawFlags_None, pen);
        return;
    }
    const auto pts = shape_outline(shape, c, w, h);
    if (do_fill) dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), fill);
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), stroke, ImDrawFlags_Closed, pen);
}

void draw_symbol(ImDrawList* dl, const Symbol& s, const ViewTransform& t, const FontSet& fonts, bool hide) {
    const float zoom = static_cast<float>(t.zoom);
    const ImVec2 c = t.to_screen(s.center);
    const float w = static_cast<float>(s.w) * zoom, h = static_cast<float>(s.h) * zoom;
    const float pen = std::max(1.0f, 1.5f * zoom);
    const ImU32 stroke = to_imgui(s.stroke);
    const ImU32 fill = to_imgui(s.filled ? s.stroke : s.fill);
    const float rounding = s.shape == Shape::Box ? std::min(8.0f * zoom, std::min(w, h) * 0.3f) : 0.0f;

    if (s.shape != Shape::Cross) {
        draw_shape(dl, s.shape, c, w, h, fill, stroke, pen, rounding, true);
        if (s.index_person) {  // double outline, 4 pt outside (as Graphviz peripheries=2)
            const float gap = 4.0f * zoom * 2;
            draw_shape(dl, s.shape, c, w + gap, h + gap, fill, stroke, pen, rounding > 0 ? rounding + gap / 2 : 0,
                       false);
        }
    }
    if (s.shape == Shape::Cross || s.deceased) {
        const float ext = s.shape == Shape::Cross ? 0.0f : 0.12f;
        const float dx = w * ext, dy = h * ext;
        const float x0 = c.x - w / 2 - dx, x1 = c.x + w / 2 + dx, y0 = c.y - h / 2 - dy, y1 = c.y + h / 2 + dy;
        dl->AddLine({x0, y0}, {x1, y1}, stroke, pen);
        dl->AddLine({x1, y0}, {x0, y1}, stroke, pen);
    }
    if (s.risk && !hide) {
        const float d = std::max(7.0f, 0.38f * static_cast<float>(std::min(s.w, s.h))) * zoom;
        const ImVec2 bc{c.x + w / 2, c.y - h / 2};
        dl->AddCircleFilled(bc, d / 2, to_imgui(kRiskRed), 24);
        dl->AddCircle(bc, d / 2, IM_COL32_WHITE, 24, std::max(1.0f, 0.8f * zoom));
        draw_text(dl, fonts, "!", bc, d * 0.75f, Align::Center, true, IM_COL32_WHITE);
    }
}

void draw_halo(ImDrawList* dl, const Symbol& s, const ViewTransform& t, ImU32 col, bool strong) {
    const float zoom = static_cast<float>(t.zoom);
    const ImVec2 c = t.to_screen(s.center);
    const float pad = std::max(5.0f, 7.0f * zoom) + (s.index_person ? 8.0f * zoom : 0.0f);
    const float w = static_cast<float>(s.w) * zoom / 2 + pad, h = static_cast<float>(s.h) * zoom / 2 + pad;
    const float r = std::min(w, h) * 0.35f;
    const ImU32 soft = (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(strong ? 46 : 26) << IM_COL32_A_SHIFT);
    dl->AddRectFilled({c.x - w, c.y - h}, {c.x + w, c.y + h}, soft, r);
    const ImU32 edge = (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(strong ? 230 : 110) << IM_COL32_A_SHIFT);
    dl->AddRect({c.x - w, c.y - h}, {c.x + w, c.y + h}, edge, r, ImDrawFlags_None, strong ? 2.0f : 1.5f);
}

bool visible(bool professional_only, bool hide) { return !(professional_only && hide); }

}  // namespace

void ViewTransform::zoom_at(ImVec2 anchor, double factor, double min_zoom, double max_zoom) {
    const double nz = std::clamp(zoom * factor, min_zoom, max_zoom);
    const Point w = to_world(anchor);
    zoom = nz;
    ox = anchor.x - w.x * zoom;
    oy = anchor.y - w.y * zoom;
}

void ViewTransform::fit(const Rect& b, ImVec2 min, ImVec2 max, float margin, double max_zoom) {
    const double aw = std::max(1.0, static_cast<double>(max.x - min.x) - 2.0 * margin);
    const double ah = std::max(1.0, static_cast<double>(max.y - min.y) - 2.0 * margin);
    if (b.empty() || b.width() <= 0 || b.height() <= 0) {
        zoom = 1;
        ox = (min.x + max.x) / 2.0;
        oy = (min.y + max.y) / 2.0;
        return;
    }
    zoom = std::clamp(std::min(aw / b.width(), ah / b.height()), 0.02, max_zoom);
    ox = (min.x + max.x) / 2.0 - (b.x0 + b.x1) / 2.0 * zoom;
    oy = (min.y + max.y) / 2.0 - (b.y0 + b.y1) / 2.0 * zoom;
}

void draw_text(ImDrawList* dl, const FontSet& fonts, const std::string& text, ImVec2 at, float em_px, Align align,
               bool bold, ImU32 color) {
    if (text.empty() || !(em_px > 0)) return;
    const float px = em_px * kEmToPixelHeight;
    ImFont* f = fonts.pick(px, bold);
    if (!f) return;
    // Lines are aligned one by one; the block is centred vertically on `at`.
    int lines = 1;
    for (char ch : text) lines += ch == '\n';
    float y = at.y - px * static_cast<float>(lines) / 2.0f;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const char* b = text.data() + start;
        const char* e = text.data() + end;
        const float w = f->CalcTextSizeA(px, FLT_MAX, 0.0f, b, e).x;
        const float x = align == Align::Left ? at.x : align == Align::Right ? at.x - w : at.x - w / 2;
        dl->AddText(f, px, {std::round(x), std::round(y)}, color, b, e);
        y += px;
        start = end + 1;
    }
}

DrawStats draw_layout(ImDrawList* dl, const LayoutResult& r, const ViewTransform& t, const FontSet& fonts,
                      const DrawOptions& opt) {
    DrawStats st;
    const Clip clip{dl->GetClipRectMin(), dl->GetClipRectMax()};
    const bool hide = opt.hide_professional;
    const float zoom = static_cast<float>(t.zoom);

    for (const Line& l : r.lines) {
        if (!visible(l.professional_only, hide)) continue;
        draw_line(dl, l, t, clip);
        ++st.lines;
    }

    // Selection / hover / drop-target halos under the symbols.
    for (const Symbol& s : r.symbols) {
        if (!s.person) continue;
        if (s.person == opt.highlight.target) draw_halo(dl, s, t, kTargetGreen, true);
        else if (s.person == opt.highlight.selected ||
                 (opt.highlight.multi && opt.highlight.multi->count(s.person)))
            draw_halo(dl, s, t, kAccent, true);
        else if (s.person == opt.highlight.hovered) draw_halo(dl, s, t, kAccent, false);
    }

    for (const Symbol& s : r.symbols) {
        if (!visible(s.professional_only, hide)) continue;
        const ImVec2 c = t.to_screen(s.center);
        const float hw = static_cast<float>(s.w) * zoom, hh = static_cast<float>(s.h) * zoom;
        if (clip.misses(c.x - hw, c.y - hh, c.x + hw, c.y + hh)) continue;
        draw_symbol(dl, s, t, fonts, hide);
        ++st.symbols;
        if (s.person) {
            ++st.persons;
            if (opt.record) st.drawn_persons.push_back(s.person);
        }
    }

    // One enlargement for all labels (so their sizes keep their proportions), chosen so
    // that a typical 8 pt caption is at least min_label_px high.
    const float boost =
        opt.min_label_px > 0 ? std::clamp(opt.min_label_px / (8.0f * zoom), 1.0f, opt.max_label_boost) : 1.0f;
    // Captions mostly follow their symbols' order: search on from the last one found.
    std::size_t last = 0;
    const auto find_symbol = [&](PersonId p) -> const Symbol* {
        const std::size_t n = r.symbols.size();
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = (last + k) % n;
            if (r.symbols[i].person == p) {
                last = i;
                return &r.symbols[i];
            }
        }
        return nullptr;
    };
    // Halos go below every label (channel 0), so two captions that touch when enlarged
    // both stay readable.
    dl->ChannelsSplit(2);
    for (const Label& l : r.labels) {
        if (!visible(l.professional_only, hide) || l.text.empty()) continue;
        float em = static_cast<float>(l.size) * zoom;
        if (em < opt.min_text_px) continue;
        em *= boost;
        Point at = l.pos;
        if (boost > 1.0f && l.person) {
            // Keep enlarged captions clear of their symbol: stretch their distance from it.
            if (const Symbol* s = find_symbol(l.person)) {
                const double top = s->center.y - s->h / 2, bottom = s->center.y + s->h / 2;
                if (at.y > bottom) at.y = bottom + (at.y - bottom) * boost;
                else if (at.y < top) at.y = top - (top - at.y) * boost;
            }
        }
        const ImVec2 p = t.to_screen(at);
        const float est = static_cast<float>(text_width(l.text, l.size)) * zoom * boost;
        if (clip.misses(p.x - est - 4, p.y - em * 4, p.x + est + 4, p.y + em * 4)) continue;
        if (l.halo) {
            // the canvas' paper colour behind the text, over the lines below it
            const float hw = est * (l.bold ? 1.1f : 1.0f) + 2 * zoom;
            const float x0 = l.align == Align::Left ? p.x - zoom : l.align == Align::Right ? p.x - hw + zoom : p.x - hw / 2;
            dl->ChannelsSetCurrent(0);
            dl->AddRectFilled({x0, p.y - em * 0.6f}, {x0 + hw, p.y + em * 0.6f}, opt.paper, em * 0.3f);
        }
        dl->ChannelsSetCurrent(1);
        draw_text(dl, fonts, l.text, p, em, l.align, l.bold, to_imgui(l.color));
        ++st.labels;
        if (opt.record) st.drawn_labels.push_back(l.text);
    }
    dl->ChannelsMerge();
    return st;
}

}  // namespace kring::app
