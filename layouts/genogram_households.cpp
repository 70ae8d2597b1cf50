// Genogram: household boundaries. A dashed outline around the persons who live together,
// across generations when they do - and around nobody else. A box around all of them took in
// whoever stood between: an ex-partner beside the mother, the father of one child standing
// between her and her new partner, read by anyone as living in the house.
//
// The outline is the edge of a region made of rectangles. Members on consecutive rows get
// one region round all of them with a notch round each person outside the household who
// stands in it (hull_outline). Where that cannot be one outline, each run of members
// standing side by side on a row (symbols, names and notes) is a rectangle, joined to a run
// on the next row by a bridge through the gap between the rows where the two overlap, or
// else by a corridor: down from the upper run and along just above the lower one. Runs
// rows apart with nobody of the household between (grandparents with a grandchild) are
// joined by a corridor down a free column past the rows between. Nothing that would cover
// a person outside the household is added; runs that cannot be joined get an outline each.
#include "layouts/genogram_internal.hpp"

#include "layouts/strokes.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kring::genogram_detail {

namespace {

// The outlines of a union of rectangles: closed polygons, each clockwise on the page (y
// down) with the region on its right; a person enclosed by the region but not part of it
// gets an outline of its own (a hole). On a grid of the rectangles' edges, every side of a
// covered cell that borders an uncovered one is an edge of the outline.
// Cells inside one of `cuts` are left out (notches cut into the region).
std::vector<std::vector<Point>> union_outline(const std::vector<Rect>& rects, const std::vector<Rect>& cuts = {}) {
    std::vector<double> xs, ys;
    for (const Rect& r : rects) {
        xs.insert(xs.end(), {r.x0, r.x1});
        ys.insert(ys.end(), {r.y0, r.y1});
    }
    Rect all = Rect::none();
    for (const Rect& r : rects) all.expand(r);
    for (const Rect& r : cuts) {
        if (r.x0 > all.x0 && r.x0 < all.x1) xs.push_back(r.x0);
        if (r.x1 > all.x0 && r.x1 < all.x1) xs.push_back(r.x1);
        if (r.y0 > all.y0 && r.y0 < all.y1) ys.push_back(r.y0);
        if (r.y1 > all.y0 && r.y1 < all.y1) ys.push_back(r.y1);
    }
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    if (xs.size() < 2 || ys.size() < 2) return {};
    const int nx = static_cast<int>(xs.size()) - 1, ny = static_cast<int>(ys.size()) - 1;
    std::vector<char> cover(static_cast<std::size_t>(nx * ny), 0);
    auto covered = [&](int i, int j) {
        return i >= 0 && j >= 0 && i < nx && j < ny && cover[static_cast<std::size_t>(j * nx + i)];
    };
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const double cx = (xs[static_cast<std::size_t>(i)] + xs[static_cast<std::size_t>(i) + 1]) / 2;
            const double cy = (ys[static_cast<std::size_t>(j)] + ys[static_cast<std::size_t>(j) + 1]) / 2;
            const auto inside = [&](const Rect& r) { return cx > r.x0 && cx < r.x1 && cy > r.y0 && cy < r.y1; };
            cover[static_cast<std::size_t>(j * nx + i)] =
                std::any_of(rects.begin(), rects.end(), inside) && std::none_of(cuts.begin(), cuts.end(), inside);
        }
    // Directed edges between grid corners (i, j), each covered cell clockwise.
    struct Edge {
        int x0, y0, x1, y1;
        bool used = false;
    };
    std::vector<Edge> edges;
    std::multimap<std::pair<int, int>, std::size_t> from;
    auto add = [&](int x0, int y0, int x1, int y1) {
        from.insert({{x0, y0}, edges.size()});
        edges.push_back({x0, y0, x1, y1});
    };
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            if (!covered(i, j)) continue;
            if (!covered(i, j - 1)) add(i, j, i + 1, j);
            if (!covered(i + 1, j)) add(i + 1, j, i + 1, j + 1);
            if (!covered(i, j + 1)) add(i + 1, j + 1, i, j + 1);
            if (!covered(i - 1, j)) add(i, j + 1, i, j);
        }
    std::vector<std::vector<Point>> out;
    for (std::size_t s = 0; s < edges.size(); ++s) {
        if (edges[s].used) continue;
        std::vector<std::pair<int, int>> corners;
        std::size_t e = s;
        while (true) {
            Edge& cur = edges[e];
            cur.used = true;
            corners.push_back({cur.x0, cur.y0});
            if (cur.x1 == edges[s].x0 && cur.y1 == edges[s].y0) break;
            // Where two cells touch only at a corner, two edges leave it: turn right, so
            // each outline keeps to its own cell.
            const int dx = cur.x1 - cur.x0, dy = cur.y1 - cur.y0;
            std::size_t next = SIZE_MAX;
            auto [lo, hi] = from.equal_range({cur.x1, cur.y1});
            for (auto it = lo; it != hi; ++it) {
                const Edge& c = edges[it->second];
                if (c.used) continue;
                const bool right = (c.x1 - c.x0) == -dy && (c.y1 - c.y0) == dx;
                if (next == SIZE_MAX || right) next = it->second;
            }
            if (next == SIZE_MAX) break;  // cannot happen on a closed boundary
            e = next;
        }
        // Corners only: drop points in the middle of a straight stretch.
        std::vector<Point> poly;
        const std::size_t n = corners.size();
        for (std::size_t k = 0; k < n; ++k) {
            const auto& a = corners[(k + n - 1) % n];
            const auto& b = corners[k];
            const auto& c = corners[(k + 1) % n];
            const bool straight = (a.first == b.first && b.first == c.first) || (a.second == b.second && b.second == c.second);
            if (!straight)
                poly.push_back({xs[static_cast<std::size_t>(b.first)], ys[static_cast<std::size_t>(b.second)]});
        }
        if (poly.size() >= 4) out.push_back(std::move(poly));
    }
    return out;
}

// A closed polygon with its corners rounded (each at most half of either side).
std::vector<Point> rounded(const std::vector<Point>& poly, double radius) {
    std::vector<Point> pts;
    const std::size_t n = poly.size();
    for (std::size_t k = 0; k < n; ++k) {
        const Point a = poly[(k + n - 1) % n], p = poly[k], c = poly[(k + 1) % n];
        const double la = std::hypot(a.x - p.x, a.y - p.y), lc = std::hypot(c.x - p.x, c.y - p.y);
        const double r = std::min({radius, la / 2, lc / 2});
        const Point s{p.x + (a.x - p.x) / la * r, p.y + (a.y - p.y) / la * r};
        const Point e{p.x + (c.x - p.x) / lc * r, p.y + (c.y - p.y) / lc * r};
        for (int i = 0; i <= 4; ++i) {  // a quadratic curve from s to e, p its control point
            const double t = i / 4.0, u = 1 - t;
            pts.push_back({u * u * s.x + 2 * u * t * p.x + t * t * e.x, u * u * s.y + 2 * u * t * p.y + t * t * e.y});
        }
    }
    return pts;
}

struct MemberRun {
    int row = 0;
    Rect box;
};

// `r` with `d` more on every side (less for d < 0).
Rect grown(const Rect& r, double d) { return {r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d}; }

// The rectangle covers none of `others` (persons outside the household).
bool clear_of(const std::vector<Rect>& others, const Rect& r) {
    return std::none_of(others.begin(), others.end(), [&](const Rect& o) { return o.overlaps(r); });
}

// A corridor of width w from run `up` to run `low` rows further down, past the rows between
// (a child living with their grandparents, the parents elsewhere): along the gap below the
// upper run, down a free column through the rows between, along the gap above the lower
// run. The column is where nobody outside the household stands (`others`: their symbols
// and text), nearest to the two runs; nothing if there is no such way.
std::vector<Rect> long_corridor(const MemberRun& up, const MemberRun& low, const std::vector<Rect>& others, double w,
                                double pad) {
    const double top = up.box.y1 - 1, bottom = low.box.y0 + 1;
    if (bottom - top < 4 * w) return {};
    // Free stretches of x across the rows between (others there block their x range).
    std::vector<std::pair<double, double>> blocked;
    for (const Rect& o : others)
        if (o.y1 > top && o.y0 < bottom) blocked.push_back({o.x0 - pad / 2, o.x1 + pad / 2});
    std::sort(blocked.begin(), blocked.end());
    const double span = (up.box.width() + low.box.width()) * 4 + 40 * w;
    const double lo_x = std::min(up.box.x0, low.box.x0) - span, hi_x = std::max(up.box.x1, low.box.x1) + span;
    std::vector<std::pair<double, double>> free;
    double at = lo_x;
    for (const auto& [b0, b1] : blocked) {
        if (b0 - at >= w) free.push_back({at, b0});
        at = std::max(at, b1);
    }
    if (hi_x - at >= w) free.push_back({at, hi_x});
    // Each stretch's column as near as it gets to both runs; the shortest way first.
    const auto reach = [](double x0, double x1, const Rect& r) {  // from [x0, x1] to r's x range
        return std::max({0.0, r.x0 - x1, x0 - r.x1});
    };
    std::vector<std::pair<double, double>> columns;  // (way, x of its left side)
    const double want = ((up.box.x0 + up.box.x1) / 2 + (low.box.x0 + low.box.x1) / 2) / 2 - w / 2;
    for (const auto& [f0, f1] : free) {
        const double x = std::clamp(want, f0, f1 - w);
        columns.push_back({reach(x, x + w, up.box) + reach(x, x + w, low.box), x});
    }
    std::sort(columns.begin(), columns.end());
    const auto clear = [&](const Rect& r) { return clear_of(others, r); };
    for (const auto& [way, x] : columns) {
        // Along below the upper run to the column, down it, along above the lower run.
        const std::vector<Rect> path{
            {std::min(x, up.box.x1 - w), top, std::max(x + w, up.box.x0 + w), top + w},
            {x, top, x + w, bottom},
            {std::min(x, low.box.x1 - w), bottom - w, std::max(x + w, low.box.x0 + w), bottom},
        };
        if (std::all_of(path.begin(), path.end(), clear)) return path;
    }
    return {};
}

// A straight stretch of a line already drawn, along x (horizontal: `at` is its y) or y.
struct Stroke {
    double at, lo, hi;
};
struct Strokes {
    std::vector<Stroke> horizontal, vertical;
};

// An outline's edge at `e` (the y of a horizontal edge, the x of a vertical one) over
// [lo, hi] along it, moved outwards (`out` -1: to smaller values, +1: larger) past any
// stroke running beside it, nearer than kApart for more than kAlong: dashed blue beside a
// relation line (dotted blue for a distant one) reads as one line.
constexpr double kApart = 3.5, kAlong = 6;
double keep_off(double e, int out, const std::vector<Stroke>& strokes, double lo, double hi) {
    for (int pass = 0; pass < 3; ++pass) {
        bool moved = false;
        for (const Stroke& s : strokes)
            if (std::abs(s.at - e) < kApart && std::min(hi, s.hi) - std::max(lo, s.lo) > kAlong) {
                e = out < 0 ? std::min(e, s.at - kApart) : std::max(e, s.at + kApart);
                moved = true;
            }
        if (!moved) break;
    }
    return e;
}

// The strokes within `r` (those an edge of an outline round it could run along).
Strokes strokes_near(const Strokes& all, const Rect& r) {
    Strokes out;
    for (const Stroke& h : all.horizontal)
        if (h.at > r.y0 && h.at < r.y1 && h.hi > r.x0 && h.lo < r.x1) out.horizontal.push_back(h);
    for (const Stroke& v : all.vertical)
        if (v.at > r.x0 && v.at < r.x1 && v.hi > r.y0 && v.lo < r.y1) out.vertical.push_back(v);
    return out;
}

// As keep_off, but first tries the other way: in past the strokes, as far as `limit` (the
// members' boxes with a margin) allows. An outline moved out past a line takes it in, and
// may come close to what lies beyond it (another household's outline beyond a sibship
// line).
double keep_off_in_first(double e, int out, const std::vector<Stroke>& strokes, double lo, double hi, double limit) {
    const double in = keep_off(e, -out, strokes, lo, hi);
    return (out < 0 ? in <= limit : in >= limit) ? in : keep_off(e, out, strokes, lo, hi);
}

// One region round the whole household when its members fill consecutive rows: per row
// the stretch from its first member to its last, the gaps between the rows as wide as the
// two rows they join (their lower half as the lower row), and a notch cut in from above or
// below round each person outside the household who stands in it (an ex-partner beside
// the mother, the father of one child between her and her new partner) - the way one
// would draw it by hand, instead of a narrow corridor from run to run. The rows' top edges
// and the notches' sides keep off the lines running beside them (`strokes`). Empty when
// it cannot be one outline (a row of the household without any of its members, a person
// outside it with members both above and below) or would be a comb (more notches than
// members): then the runs are joined one by one (emit_households).
std::vector<std::vector<Point>> hull_outline(const std::vector<std::vector<Rect>>& member_rows, const std::vector<Rect>& members,
                                             const std::vector<Rect>& others, const Strokes& all_strokes, double pad, double band) {
    // Only the strokes near the household matter (an edge moves a few units at most).
    Rect near = Rect::none();
    for (const Rect& m : members) near.expand(m);
    const Strokes strokes = strokes_near(all_strokes, grown(near, 4 * pad));
    std::vector<Rect> region;
    for (const auto& row : member_rows) {
        if (row.empty()) return {};
        Rect span = Rect::none();
        for (const Rect& m : row) span.expand(m);
        region.push_back(grown(span, pad));
        // Above the row: relation lines between persons on it who are not neighbours.
        region.back().y0 = keep_off(region.back().y0, -1, strokes.horizontal, region.back().x0, region.back().x1);
    }
    const std::size_t rows = region.size();
    for (std::size_t r = 0; r + 1 < rows; ++r) {
        const Rect a = region[r], b = region[r + 1];  // copies: region grows below
        if (b.y0 + 1 < a.y1 - 1) return {};  // rows that overlap: not a plain stack of rows
        // The upper half of the gap as wide as both rows, the lower half over the lower row
        // only: beside the lower row the outline keeps off the channel just above it, where
        // relation lines run to the persons in it (and off anyone standing beside it).
        const double mid = (a.y1 + b.y0) / 2;
        region.push_back({std::min(a.x0, b.x0), a.y1 - 1, std::max(a.x1, b.x1), mid + 1});
        region.push_back({b.x0, mid, b.x1, b.y0 + 1});
    }
    Rect all = Rect::none();
    for (const Rect& r : region) all.expand(r);
    std::vector<Rect> cuts;
    const double far = 1e7;
    const auto free = [&](const Rect& c) { return clear_of(members, c); };
    for (const Rect& o : others) {
        const Rect notch = grown(o, pad / 2);
        if (!all.overlaps(notch) || std::none_of(region.begin(), region.end(), [&](const Rect& r) { return r.overlaps(notch); }))
            continue;
        const Rect up{notch.x0, -far, notch.x1, notch.y1}, down{notch.x0, notch.y0, notch.x1, far};
        // A notch leaves at least `band` of the region beside it: else the outline would
        // squeeze past the person in a strip (in a household on one row, say).
        const bool can_up = free(up) && all.y1 - notch.y1 >= band, can_down = free(down) && notch.y0 - all.y0 >= band;
        if (!can_up && !can_down) return {};
        // Towards the nearer edge of the region when both are free.
        const bool go_up = can_up && (!can_down || notch.y0 - all.y0 <= all.y1 - notch.y1);
        Rect cut = go_up ? up : down;
        // Its sides off the lines beside them (the person's own line down to a child in
        // the household, say): the notch widens to take them in, unless it then covers a
        // member.
        const double lo = go_up ? all.y0 : cut.y0, hi = go_up ? cut.y1 : all.y1;
        Rect wide = cut;
        wide.x0 = keep_off(cut.x0, -1, strokes.vertical, lo, hi);
        wide.x1 = keep_off(cut.x1, +1, strokes.vertical, lo, hi);
        if (free(wide)) cut = wide;
        cuts.push_back(cut);
        // More notches than members: a comb of notches round persons who merely stand
        // between members far apart, not a household one would draw round.
        if (cuts.size() > members.size()) return {};
    }
    auto outline = union_outline(region, cuts);
    if (outline.size() != 1) return {};
    return outline;
}

}  // namespace

void emit_households(LayoutResult& out, const Case& c, const Family& f, const Plan& plan, const Drawn& d,
                     const Geometry& g, std::size_t under) {
    // Members per household in one pass over the persons (not one pass per household).
    std::map<HouseholdId, std::vector<PersonId>> members_of;
    for (PersonId p : f.persons)
        if (HouseholdId h = f.person(p)->household) members_of[h].push_back(p);
    if (members_of.empty()) return;
    const double pad = g.gap() * 0.4;
    // Each person's symbol and text, once (each household looks at everyone's).
    std::vector<std::pair<HouseholdId, Rect>> all_boxes;
    all_boxes.reserve(f.persons.size());
    for (PersonId p : f.persons) {
        const Point pt = d.pos.at(p);
        const PersonBox& b = plan.box.at(p);
        all_boxes.push_back({f.person(p)->household,
                             Rect{pt.x - b.extent, pt.y - g.size / 2, pt.x + b.extent, text_top(plan, d, p) + b.text_h}});
    }
    auto box_of = [&](PersonId p) { return all_boxes[static_cast<std::size_t>(dense(f, p))].second; };
    // Each row in x order (pinned persons stand where they were put).
    std::vector<std::vector<PersonId>> rows = plan.rows;
    for (auto& row : rows)
        std::stable_sort(row.begin(), row.end(), [&](PersonId a, PersonId b) { return d.pos.at(a).x < d.pos.at(b).x; });

    // The straight stretches of the lines drawn so far (family and relation lines).
    Strokes strokes;
    for (const Line& l : out.lines)
        for (std::size_t i = 0; i + 1 < l.points.size(); ++i) {
            const Point a = l.points[i], b = l.points[i + 1];
            if (std::abs(a.y - b.y) < 0.01) strokes.horizontal.push_back({a.y, std::min(a.x, b.x), std::max(a.x, b.x)});
            else if (std::abs(a.x - b.x) < 0.01) strokes.vertical.push_back({a.x, std::min(a.y, b.y), std::max(a.y, b.y)});
        }
    // The outlines go in beneath the relation lines (drawn over them), in household order.
    std::vector<Line> outlines;
    auto emit = [&](const std::vector<std::vector<Point>>& polys) {
        for (const auto& poly : polys) {
            Line l = make_line(rounded(poly, g.size * 0.4), LineStyle::Dashed, 1.4, kHousehold, Line::Role::Boundary);
            l.closed = true;
            outlines.push_back(std::move(l));
        }
        if (!polys.empty()) out.legend.insert("household");
    };
    for (const auto& entry : c.households()) {
        const HouseholdId hid = entry.first;  // a variable of its own: lambdas below capture it
        auto it = members_of.find(hid);
        if (it == members_of.end()) continue;
        const std::vector<PersonId>& members = it->second;
        auto member = [&](PersonId p) { return f.person(p)->household == hid; };
        // Persons outside the household: the region may not cover them.
        std::vector<Rect> others;
        others.reserve(all_boxes.size());
        for (const auto& [h, box] : all_boxes)
            if (h != hid) others.push_back(box);
        auto clear = [&](const Rect& r) { return clear_of(others, r); };
        // Runs of members side by side.
        std::vector<MemberRun> runs;
        std::vector<int> rows_with;
        for (PersonId p : members) rows_with.push_back(plan.row_of.at(p));
        std::sort(rows_with.begin(), rows_with.end());
        rows_with.erase(std::unique(rows_with.begin(), rows_with.end()), rows_with.end());
        for (int r : rows_with) {
            Rect cur = Rect::none();
            for (PersonId p : rows[static_cast<std::size_t>(r)]) {
                if (member(p)) {
                    cur.expand(box_of(p));
                    continue;
                }
                if (!cur.empty()) runs.push_back({r, cur});
                cur = Rect::none();
            }
            if (!cur.empty()) runs.push_back({r, cur});
        }
        if (runs.size() > 1) {
            std::vector<std::vector<Rect>> member_rows(static_cast<std::size_t>(rows_with.back() - rows_with.front() + 1));
            std::vector<Rect> boxes;
            for (PersonId p : members) {
                boxes.push_back(box_of(p));
                member_rows[static_cast<std::size_t>(plan.row_of.at(p) - rows_with.front())].push_back(boxes.back());
            }
            const auto hull = hull_outline(member_rows, boxes, others, strokes, pad, g.size * 0.5);
            if (!hull.empty()) {
                emit(hull);
                continue;
            }
        }
        for (MemberRun& run : runs) {
            run.box = grown(run.box, pad);
            // Its edges off the lines beside them (an aunt living alone: her relation line
            // to a nephew ran down her outline's side): in, keeping half the padding, or
            // else out where that covers nobody outside.
            Rect moved = run.box;
            const Strokes near = strokes_near(strokes, grown(moved, 4 * pad));
            const Rect inner = grown(moved, -pad / 2);
            moved.y0 = keep_off_in_first(moved.y0, -1, near.horizontal, moved.x0, moved.x1, inner.y0);
            moved.y1 = keep_off_in_first(moved.y1, +1, near.horizontal, moved.x0, moved.x1, inner.y1);
            moved.x0 = keep_off_in_first(moved.x0, -1, near.vertical, moved.y0, moved.y1, inner.x0);
            moved.x1 = keep_off_in_first(moved.x1, +1, near.vertical, moved.y0, moved.y1, inner.x1);
            if (clear(moved)) run.box = moved;
        }
        std::vector<Rect> region;
        for (const MemberRun& run : runs) region.push_back(run.box);
        // Join runs on neighbouring rows: bridges where they overlap, then corridors.
        PlaceUnionFind joined(runs.size());
        const double narrow = g.size * 0.5;  // the width of a corridor
        for (int pass = 0; pass < 3; ++pass)
            for (std::size_t a = 0; a < runs.size(); ++a)
                for (std::size_t b = 0; b < runs.size(); ++b) {
                    const MemberRun& up = runs[a];
                    const MemberRun& low = runs[b];
                    if (joined.find(static_cast<int>(a)) == joined.find(static_cast<int>(b))) continue;
                    if (pass < 2 ? low.row != up.row + 1 : low.row < up.row + 2) continue;
                    const double ox0 = std::max(up.box.x0, low.box.x0), ox1 = std::min(up.box.x1, low.box.x1);
                    std::vector<Rect> add;
                    if (pass == 2) {
                        // Rows apart with nobody of the household between: past those rows.
                        add = long_corridor(up, low, others, narrow / 2, pad);
                        if (add.empty()) continue;
                    } else if (pass == 0) {
                        if (ox1 - ox0 < narrow) continue;
                        add.push_back({ox0, up.box.y1 - 1, ox1, low.box.y0 + 1});
                    } else {
                        // Down beside the upper run's end nearest the lower run, then along
                        // the gap just above the lower row.
                        const bool right = low.box.x0 >= up.box.x1 - narrow;
                        const double w = std::min({narrow, up.box.width(), low.box.width()});
                        const double vx0 = right ? up.box.x1 - w : up.box.x0, vx1 = vx0 + w;
                        const double y1 = low.box.y0 + 1, y0 = std::max(low.box.y0 - 2 * pad, up.box.y1 - 1);
                        if (y1 - y0 < pad / 2) continue;
                        add.push_back({vx0, up.box.y1 - 1, vx1, y1});
                        add.push_back(right ? Rect{vx0, y0, low.box.x0 + w, y1} : Rect{low.box.x1 - w, y0, vx1, y1});
                    }
                    if (!std::all_of(add.begin(), add.end(), clear)) continue;
                    region.insert(region.end(), add.begin(), add.end());
                    joined.join(static_cast<int>(a), static_cast<int>(b));
                }
        emit(union_outline(region));
    }
    out.lines.insert(out.lines.begin() + static_cast<long>(std::min(under, out.lines.size())), std::make_move_iterator(outlines.begin()),
                     std::make_move_iterator(outlines.end()));
}

}  // namespace kring::genogram_detail
