#include "layouts/genogram_metrics.hpp"

#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace kring {

namespace {

struct Seg {
    Point a, b;
};

double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool proper_cross(Point p1, Point p2, Point q1, Point q2) {
    const double eps = 1e-7;
    double d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2), d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2);
    return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

// Liang-Barsky: does the segment pass through the open rectangle?
bool seg_hits_rect(Point a, Point b, const Rect& r) {
    double t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (std::abs(p[i]) < 1e-12) {
            if (q[i] <= 0) return false;
        } else {
            double t = q[i] / p[i];
            if (p[i] < 0) t0 = std::max(t0, t);
            else t1 = std::min(t1, t);
        }
    }
    return t1 - t0 > 1e-9;
}


Rect shrink(Rect r, double d) { return {r.x0 + d, r.y0 + d, r.x1 - d, r.y1 - d}; }

Rect label_box(const Label& l) {
    double w = text_width(l.text, l.size) * (l.bold ? 1.08 : 1.0);
    double x0 = l.align == Align::Left ? l.pos.x : l.align == Align::Right ? l.pos.x - w : l.pos.x - w / 2;
    return {x0, l.pos.y - l.size * 0.5, x0 + w, l.pos.y + l.size * 0.5};
}

// Pairs of boxes that overlap, by a sweep over x.
template <class F>
void for_overlapping(const std::vector<Rect>& boxes, F&& f) {
    std::vector<std::size_t> idx(boxes.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return boxes[a].x0 < boxes[b].x0; });
    for (std::size_t i = 0; i < idx.size(); ++i)
        for (std::size_t j = i + 1; j < idx.size() && boxes[idx[j]].x0 < boxes[idx[i]].x1; ++j)
            if (boxes[idx[i]].overlaps(boxes[idx[j]])) f(idx[i], idx[j]);
}

// Segments against boxes: boxes sorted by x0, each segment checks the boxes whose x range
// can meet its own.
template <class F>
void for_seg_box(const std::vector<Seg>& segs, const std::vector<Rect>& boxes, F&& f) {
    std::vector<std::size_t> idx(boxes.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return boxes[a].x0 < boxes[b].x0; });
    double maxw = 0;
    for (const auto& b : boxes) maxw = std::max(maxw, b.width());
    std::vector<double> xs(idx.size());
    for (std::size_t i = 0; i < idx.size(); ++i) xs[i] = boxes[idx[i]].x0;
    for (std::size_t s = 0; s < segs.size(); ++s) {
        double lo = std::min(segs[s].a.x, segs[s].b.x), hi = std::max(segs[s].a.x, segs[s].b.x);
        auto it = std::lower_bound(xs.begin(), xs.end(), lo - maxw);
        for (auto k = static_cast<std::size_t>(it - xs.begin()); k < xs.size() && xs[k] <= hi; ++k)
            if (seg_hits_rect(segs[s].a, segs[s].b, boxes[idx[k]])) f(s, idx[k]);
    }
}

}  // namespace

int count_crossings(const std::vector<Point>& nodes, const std::vector<std::pair<int, int>>& edges) {
    struct E {
        double x0, x1;
        int a, b;
    };
    std::vector<E> es;
    es.reserve(edges.size());
    for (auto [a, b] : edges) {
        if (a < 0 || b < 0 || a == b) continue;
        Point p = nodes[static_cast<std::size_t>(a)], q = nodes[static_cast<std::size_t>(b)];
        es.push_back({std::min(p.x, q.x), std::max(p.x, q.x), a, b});
    }
    std::sort(es.begin(), es.end(), [](const E& l, const E& r) { return l.x0 < r.x0; });
    int n = 0;
    for (std::size_t i = 0; i < es.size(); ++i)
        for (std::size_t j = i + 1; j < es.size() && es[j].x0 <= es[i].x1; ++j) {
            const E& e = es[i];
            const E& f = es[j];
            if (e.a == f.a || e.a == f.b || e.b == f.a || e.b == f.b) continue;
            if (proper_cross(nodes[static_cast<std::size_t>(e.a)], nodes[static_cast<std::size_t>(e.b)],
                             nodes[static_cast<std::size_t>(f.a)], nodes[static_cast<std::size_t>(f.b)]))
                ++n;
        }
    return n;
}

GenogramMetrics measure_genogram(const Case& c, const LayoutResult& r) {
    GenogramMetrics m;
    m.width = r.bounds.width();
    m.height = r.bounds.height();
    std::unordered_map<PersonId, const Symbol*> sym;
    std::vector<Rect> boxes;
    for (const Symbol& s : r.symbols) {
        if (s.person) sym[s.person] = &s;
        boxes.push_back(s.bounds());
    }
    m.persons = static_cast<int>(sym.size());
    for_overlapping(boxes, [&](std::size_t, std::size_t) { ++m.symbol_overlaps; });

    // Lines through symbols (a line may touch the outline it starts or ends at).
    std::vector<Seg> segs, family_segs;
    for (const Line& l : r.lines) {
        if (l.role == Line::Role::Boundary || l.role == Line::Role::Ring || l.closed) continue;
        for (std::size_t i = 1; i < l.points.size(); ++i) {
            segs.push_back({l.points[i - 1], l.points[i]});
            if (l.role == Line::Role::Family || l.role == Line::Role::Descent) family_segs.push_back(segs.back());
        }
    }
    std::vector<Rect> inner;
    for (const Rect& b : boxes) inner.push_back(shrink(b, 1.5));
    auto where = [](const Seg& sg) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "(%.0f,%.0f)-(%.0f,%.0f)", sg.a.x, sg.a.y, sg.b.x, sg.b.y);
        return std::string(buf);
    };
    for_seg_box(segs, inner, [&](std::size_t sidx, std::size_t b) {
        ++m.lines_through_symbols;
        if (m.problems.size() < 50)
            m.problems.push_back("line " + where(segs[sidx]) + " through symbol of " + r.symbols[b].person.str());
    });

    // Labels: the age inside a symbol belongs to it; all others must stay apart.
    std::vector<Rect> lboxes;
    std::vector<const Label*> lrefs;
    for (const Label& l : r.labels)
        if (!l.text.empty()) lboxes.push_back(shrink(label_box(l), 0.4)), lrefs.push_back(&l);
    for_overlapping(lboxes, [&](std::size_t a, std::size_t b) {
        // An age label inside its symbol cannot meet another label; count every pair.
        ++m.label_overlaps;
        if (m.problems.size() < 50) m.problems.push_back("label \"" + lrefs[a]->text + "\" overlaps \"" + lrefs[b]->text + "\"");
    });
    for_seg_box(family_segs, lboxes, [&](std::size_t sidx, std::size_t b) {
        ++m.lines_through_labels;
        if (m.problems.size() < 50) m.problems.push_back("line " + where(family_segs[sidx]) + " through label \"" + lrefs[b]->text + "\"");
    });

    // Structure checks against the model.
    genogram_detail::Family f = genogram_detail::build_family(c);
    auto y_of = [&](PersonId p) { return sym.count(p) ? sym[p]->center.y : 0.0; };
    std::map<double, std::vector<double>> row_xs;
    for (const auto& [p, s] : sym) row_xs[std::round(s->center.y)].push_back(s->center.x);
    for (auto& [y, xs] : row_xs) std::sort(xs.begin(), xs.end());
    std::vector<Point> nodes;
    std::vector<std::pair<int, int>> edges;
    std::unordered_map<PersonId, int> node_of;
    for (const auto& [p, s] : sym) node_of[p] = static_cast<int>(nodes.size()), nodes.push_back(s->center);
    for (const auto& [key, u] : f.unions) {
        if (!sym.count(u.a) || (u.b && !sym.count(u.b))) continue;
        Point pa = sym[u.a]->center;
        Point un = pa;
        if (u.b) {
            Point pb = sym[u.b]->center;
            if (u.partner) {
                ++m.partners;
                if (std::abs(pa.y - pb.y) > 0.5) ++m.off_row;
                const auto& xs = row_xs[std::round(pa.y)];
                double lo = std::min(pa.x, pb.x), hi = std::max(pa.x, pb.x);
                auto between = std::upper_bound(xs.begin(), xs.end(), lo + 0.01) - std::lower_bound(xs.begin(), xs.end(), hi - 0.01);
                if (std::abs(pa.y - pb.y) <= 0.5 && between >= 0) ++m.partners_adjacent;
            }
            un = {(pa.x + pb.x) / 2, std::max(pa.y, pb.y) + 30};
        } else {
            un = {pa.x, pa.y + 30};
        }
        if (u.children.empty()) continue;
        int ui = static_cast<int>(nodes.size());
        nodes.push_back(un);
        edges.push_back({node_of[u.a], ui});
        if (u.b) edges.push_back({node_of[u.b], ui});
        // Siblings in birth order (those with known, different birth dates).
        ++m.sibships;
        bool ok = true;
        for (std::size_t i = 0; i < u.children.size(); ++i) {
            if (!sym.count(u.children[i])) continue;
            edges.push_back({ui, node_of[u.children[i]]});
            if (y_of(u.children[i]) <= std::max(pa.y, u.b ? y_of(u.b) : pa.y) + 0.5) ++m.off_row;
            for (std::size_t j = i + 1; j < u.children.size(); ++j) {
                if (!sym.count(u.children[j])) continue;
                long bi = c.person(u.children[i])->birth.earliest(), bj = c.person(u.children[j])->birth.earliest();
                if (bi && bj && bi < bj && std::abs(y_of(u.children[i]) - y_of(u.children[j])) < 0.5 &&
                    sym[u.children[i]]->center.x > sym[u.children[j]]->center.x)
                    ok = false;
            }
        }
        if (ok) ++m.sibships_in_order;
    }
    m.crossings = count_crossings(nodes, edges);
    // Drawn crossings: proper crossings between family/descent segments.
    {
        std::vector<Point> pts;
        std::vector<std::pair<int, int>> es;
        for (const Seg& s : family_segs) {
            es.push_back({static_cast<int>(pts.size()), static_cast<int>(pts.size()) + 1});
            pts.push_back(s.a);
            pts.push_back(s.b);
        }
        m.drawn_crossings = count_crossings(pts, es);
    }
    return m;
}

UnionGraph genogram_union_graph(const Case& c, const GenogramOptions& opt, LayoutResult* out) {
    genogram_detail::Drawn d;
    genogram_detail::Plan plan;
    LayoutResult r = genogram_detail::layout_genogram_detailed(c, opt, &d, &plan);
    genogram_detail::Family f = genogram_detail::build_family(c);
    UnionGraph g;
    std::unordered_map<PersonId, int> node_of;
    for (const auto& [p, pt] : d.pos) node_of[p] = static_cast<int>(g.nodes.size()), g.nodes.push_back(pt);
    for (const auto& [key, u] : f.unions) {
        if (u.children.empty()) continue;
        auto it = d.anchor.find(key);
        if (it == d.anchor.end() || !it->second.valid) continue;
        int ui = static_cast<int>(g.nodes.size());
        g.nodes.push_back(it->second.at);
        g.edges.push_back({node_of.at(u.a), ui});
        if (u.b) g.edges.push_back({node_of.at(u.b), ui});
        for (PersonId ch : u.children) g.edges.push_back({ui, node_of.at(ch)});
    }
    if (out) *out = std::move(r);
    return g;
}

GenogramMetrics measure_genogram(const Case& c, const GenogramOptions& opt) {
    LayoutResult r;
    UnionGraph g = genogram_union_graph(c, opt, &r);
    GenogramMetrics m = measure_genogram(c, r);
    m.crossings = count_crossings(g.nodes, g.edges);
    return m;
}

}  // namespace kring
