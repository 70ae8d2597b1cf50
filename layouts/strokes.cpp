#include "layouts/strokes.hpp"

#include <cmath>
#include <numbers>

namespace kring {

Symbol make_symbol(const Person& p, Point center, double size) {
    Symbol s;
    s.person = p.id;
    s.center = center;
    s.w = s.h = size;
    s.deceased = p.deceased;
    s.index_person = p.index_person;
    s.risk = p.risk;
    s.professional_only = false;
    switch (p.sex) {
    case Sex::Male: s.shape = Shape::Square; break;
    case Sex::Female: s.shape = Shape::Circle; break;
    default: s.shape = Shape::Diamond; break;
    }
    switch (p.kind) {
    case EntryKind::Person: break;
    case EntryKind::Pregnancy:
        s.shape = Shape::Triangle;
        s.w = s.h = size * 0.8;
        break;
    case EntryKind::Miscarriage:
        s.shape = Shape::SmallCircle;
        s.w = s.h = size * 0.35;
        s.filled = true;
        s.fill = kInk;
        break;
    case EntryKind::Stillbirth:
        s.w = s.h = size * 0.6;
        s.deceased = true;
        break;
    case EntryKind::Abortion:
        s.shape = Shape::Cross;
        s.w = s.h = size * 0.4;
        break;
    }
    if (p.is_professional() && p.kind == EntryKind::Person) s.fill = 0xF3F6FAFF;
    return s;
}

void trim(Point& a, Point& b, double ra, double rb) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double len = std::hypot(dx, dy);
    if (len < 1e-6 || ra + rb >= len) return;
    double ux = dx / len, uy = dy / len;
    a = {a.x + ux * ra, a.y + uy * ra};
    b = {b.x - ux * rb, b.y - uy * rb};
}

std::vector<Point> zigzag(Point a, Point b, double amplitude, double wavelength) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double len = std::hypot(dx, dy);
    std::vector<Point> pts{a};
    if (len < 1e-6) return {a, b};
    double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
    int n = std::max(2, static_cast<int>(len / (wavelength / 2)));
    // Straight lead-in and lead-out so arrowheads and ends stay clean.
    double lead = std::min(len * 0.15, wavelength);
    double span = len - 2 * lead;
    pts.push_back({a.x + ux * lead, a.y + uy * lead});
    for (int i = 1; i < n; ++i) {
        double t = lead + span * i / n;
        double side = (i % 2) ? amplitude : -amplitude;
        pts.push_back({a.x + ux * t + nx * side, a.y + uy * t + ny * side});
    }
    pts.push_back({b.x - ux * lead, b.y - uy * lead});
    pts.push_back(b);
    return pts;
}

std::vector<Point> offset_line(Point a, Point b, double d) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double len = std::hypot(dx, dy);
    if (len < 1e-6) return {a, b};
    double nx = -dy / len * d, ny = dx / len * d;
    return {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}};
}

std::vector<Point> circle_points(Point c, double r, int segments) {
    std::vector<Point> pts;
    pts.reserve(segments);
    for (int i = 0; i < segments; ++i) {
        double t = 2 * std::numbers::pi * i / segments;
        pts.push_back({c.x + r * std::cos(t), c.y + r * std::sin(t)});
    }
    return pts;
}

std::vector<Point> rounded_rect(const Rect& r, double radius) {
    std::vector<Point> pts;
    radius = std::min({radius, r.width() / 2, r.height() / 2});
    const Point corners[4] = {{r.x1 - radius, r.y0 + radius}, {r.x1 - radius, r.y1 - radius},
                              {r.x0 + radius, r.y1 - radius}, {r.x0 + radius, r.y0 + radius}};
    const double start[4] = {-90, 0, 90, 180};
    for (int c = 0; c < 4; ++c)
        for (int i = 0; i <= 6; ++i) {
            double t = (start[c] + 90.0 * i / 6) * std::numbers::pi / 180;
            pts.push_back({corners[c].x + radius * std::cos(t), corners[c].y + radius * std::sin(t)});
        }
    return pts;
}

namespace {
Line line(std::vector<Point> pts, LineStyle style, double width, Color color, RelationId rel, Line::Role role) {
    Line l;
    l.points = std::move(pts);
    l.style = style;
    l.width = width;
    l.color = color;
    l.relation = rel;
    l.role = role;
    return l;
}
}  // namespace

void emit_emotional(LayoutResult& out, Point a, Point b, EmotionKind kind, RelationId rel) {
    const auto R = Line::Role::Emotional;
    switch (kind) {
    case EmotionKind::Close:
        out.lines.push_back(line(offset_line(a, b, 2.2), LineStyle::Solid, 1.4, kCloseGreen, rel, R));
        out.lines.push_back(line(offset_line(a, b, -2.2), LineStyle::Solid, 1.4, kCloseGreen, rel, R));
        break;
    case EmotionKind::Fused:
        for (double d : {-4.0, 0.0, 4.0})
            out.lines.push_back(line(offset_line(a, b, d), LineStyle::Solid, 1.3, kCloseGreen, rel, R));
        break;
    case EmotionKind::Distant:  // dotted: dashed is a household's outline, as blue and as thin
        out.lines.push_back(line({a, b}, LineStyle::Dotted, 1.6, kDistantBlue, rel, R));
        break;
    case EmotionKind::Conflict:
        out.lines.push_back(line(zigzag(a, b, 5, 12), LineStyle::Solid, 1.5, kConflictRed, rel, R));
        break;
    case EmotionKind::Hostile: {
        auto o1 = offset_line(a, b, 3), o2 = offset_line(a, b, -3);
        out.lines.push_back(line(zigzag(o1[0], o1[1], 5, 12), LineStyle::Solid, 1.4, kConflictRed, rel, R));
        out.lines.push_back(line(zigzag(o2[0], o2[1], 5, 12), LineStyle::Solid, 1.4, kConflictRed, rel, R));
        break;
    }
    case EmotionKind::CutOff: {
        // A line broken in the middle by two short bars.
        Point m{(a.x + b.x) / 2, (a.y + b.y) / 2};
        double dx = b.x - a.x, dy = b.y - a.y, len = std::max(1e-6, std::hypot(dx, dy));
        double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
        Point m1{m.x - ux * 5, m.y - uy * 5}, m2{m.x + ux * 5, m.y + uy * 5};
        out.lines.push_back(line({a, m1}, LineStyle::Solid, 1.5, kInk, rel, R));
        out.lines.push_back(line({m2, b}, LineStyle::Solid, 1.5, kInk, rel, R));
        for (Point c : {m1, m2})
            out.lines.push_back(line({{c.x + nx * 7, c.y + ny * 7}, {c.x - nx * 7, c.y - ny * 7}}, LineStyle::Solid,
                                     1.5, kInk, rel, R));
        break;
    }
    case EmotionKind::Abuse: {
        Line l = line(zigzag(a, b, 6, 10), LineStyle::Solid, 2.2, kRisk, rel, R);
        l.arrow_end = true;
        out.lines.push_back(std::move(l));
        break;
    }
    case EmotionKind::Neglect: {
        Line l = line({a, b}, LineStyle::Dotted, 2.0, kRisk, rel, R);
        l.arrow_end = true;
        out.lines.push_back(std::move(l));
        break;
    }
    }
}

void emit_tie(LayoutResult& out, Point a, Point b, TieStyle style, bool arrow_to_a, bool arrow_to_b, bool risk,
              RelationId rel) {
    const auto R = Line::Role::Network;
    Line l;
    switch (style) {
    case TieStyle::Strong: l = line({a, b}, LineStyle::Solid, 4.0, kInk, rel, R); break;
    case TieStyle::Normal: l = line({a, b}, LineStyle::Solid, 1.8, kInk, rel, R); break;
    case TieStyle::Tenuous: l = line({a, b}, LineStyle::Dashed, 1.3, kInk, rel, R); break;
    case TieStyle::Stressful: l = line(zigzag(a, b, 5, 14), LineStyle::Solid, 1.8, kConflictRed, rel, R); break;
    case TieStyle::NoContact: l = line({a, b}, LineStyle::Dotted, 1.3, kGrey, rel, R); break;
    }
    if (risk) {
        l.color = kRisk;
        l.width = std::max(l.width, 3.0);
    }
    l.arrow_start = arrow_to_a;
    l.arrow_end = arrow_to_b;
    out.lines.push_back(std::move(l));
}

void emit_slashes(LayoutResult& out, Point mid, int count, double size) {
    double h = size * 0.22;
    for (int i = 0; i < count; ++i) {
        double off = (count == 1) ? 0 : (i == 0 ? -3.5 : 3.5);
        out.lines.push_back(
            line({{mid.x + off - h * 0.45, mid.y + h}, {mid.x + off + h * 0.45, mid.y - h}}, LineStyle::Solid, 1.6, kInk,
                 {}, Line::Role::Family));
    }
}

}  // namespace kring
