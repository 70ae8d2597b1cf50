// Genogram: turning placed persons into symbols, lines and labels.
#include "layouts/genogram_internal.hpp"

#include "core/enums.hpp"
#include "layouts/strokes.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kring::genogram_detail {

namespace {

Label make_label(std::string text, Point pos, double size, Align align, Color color) {
    Label l;
    l.text = std::move(text);
    l.pos = pos;
    l.size = size;
    l.align = align;
    l.color = color;
    return l;
}

// A vertical line from (x, y0) down to (x, y1) that would cross a row in between (a
// child pushed a generation further down, e.g. to stand beside a younger partner) jogs
// around the persons of that row through the free gap beside them. Not through a gap
// where a couple's dates and line of descent sit: there it would run down their line,
// through the dates, as if it came from them; it takes the nearest free gap within a few
// persons instead. In a gap with a single parent's stub, it passes beside the stub.
std::vector<Point> route_down(double x, double y0, double y1, const Plan& plan, const Drawn& d, const Geometry& g) {
    std::vector<Point> pts{{x, y0}};
    for (std::size_t k = 0; k < plan.rows.size(); ++k) {
        const double ry = plan.row_y[k];
        if (ry <= y0 || ry >= y1) continue;
        const auto& row = plan.rows[k];
        double text_h = 0;
        for (PersonId p : row) text_h = std::max(text_h, plan.box.at(p).text_h);
        const double top = ry - g.size / 2 - 6, bottom = plan.text_top[k] + text_h + 4;
        if (top <= y0 || bottom >= y1 || row.empty()) continue;
        const auto n = static_cast<long>(row.size());
        const auto at = [&](long j) { return d.pos.at(row[static_cast<std::size_t>(j)]).x; };
        const auto ext = [&](long j) { return plan.box.at(row[static_cast<std::size_t>(j)]).extent; };
        // The middle of the gap after slot s (s = -1: before the first person).
        auto middle = [&](long s) {
            if (s < 0) return at(0) - ext(0) - 1 - g.gap() / 2;
            if (s + 1 >= n) return at(n - 1) + ext(n - 1) + 1 + g.gap() / 2;
            return (at(s) + ext(s) + at(s + 1) - ext(s + 1)) / 2;
        };
        const auto kind = [&](long s) { return s >= 0 && s < n ? plan.busy_gap[k][static_cast<std::size_t>(s)] : Plan::kFreeGap; };
        auto busy = [&](long s) { return kind(s) == Plan::kDatesGap; };
        // Where the line passes down gap s: in its middle, or beside a single parent's
        // stub, which comes down the middle.
        const auto stub = [&](long s) { return stub_x(at(s), plan.box.at(row[static_cast<std::size_t>(s)]), g); };
        auto through = [&](long s) {
            if (kind(s) != Plan::kStubGap) return middle(s);
            return s + 1 < n ? (stub(s) + at(s + 1) - ext(s + 1)) / 2 : stub(s) + g.gap() / 2;
        };
        // The first person at or right of x (rows are in x order).
        long lo = 0, hi = n;
        while (lo < hi) {
            const long mid = (lo + hi) / 2;
            if (at(mid) < x) lo = mid + 1;
            else hi = mid;
        }
        // The gap the line takes: beside the person in the way, on the nearer side; else
        // the gap it is in, when that is busy or its stub is where the line comes down.
        long gap = -2;
        for (long i : {lo, lo - 1})
            if (i >= 0 && i < n && std::abs(x - at(i)) < ext(i) + 2) {
                gap = x >= at(i) ? i : i - 1;
                break;
            }
        if (gap == -2 && (busy(lo - 1) || (kind(lo - 1) == Plan::kStubGap && std::abs(x - stub(lo - 1)) < 4))) gap = lo - 1;
        if (gap == -2) continue;
        if (busy(gap)) {
            constexpr long kLook = 3;
            long found = -2;
            for (long step = 1; step <= kLook; ++step)
                for (long s : {gap + step, gap - step})
                    if (s >= -1 && s < n && !busy(s) && (found == -2 || std::abs(through(s) - x) < std::abs(through(found) - x)))
                        found = s;
            if (found != -2) gap = found;
        }
        const double gx = through(gap);
        if (gx == x) continue;
        pts.push_back({x, top});
        pts.push_back({gx, top});
        pts.push_back({gx, bottom});
        pts.push_back({x, bottom});
    }
    pts.push_back({x, y1});
    return pts;
}

}  // namespace

void emit_family_lines(LayoutResult& out, const Case& /*c*/, const Family& f, const Plan& plan, Drawn& d,
                       const Geometry& g) {
    for (const auto& [key, u] : f.unions) {
        const Point pa = d.pos.at(u.a);
        const double ha = plan.box.at(u.a).sym_h / 2;
        Point anchor;
        if (u.b) {
            const Point pb = d.pos.at(u.b);
            const double hb = plan.box.at(u.b).sym_h / 2;
            const auto pl = plan.lines.find(key);
            const int depth = pl != plan.lines.end() ? pl->second.depth : 0;
            const bool left_is_a = pa.x <= pb.x;
            const Point l = left_is_a ? pa : pb, r = left_is_a ? pb : pa;
            const double hl = left_is_a ? ha : hb, hr = left_is_a ? hb : ha;
            const double y = std::max(l.y, r.y) + g.size / 2 + g.partner_drop(depth);
            const Relation* rel = u.partner;
            const PartnerStatus status = rel ? rel->partner : PartnerStatus::LivingApart;
            const LineStyle style = (status == PartnerStatus::Cohabiting || status == PartnerStatus::LivingApart ||
                                     status == PartnerStatus::Engaged || !rel)
                                        ? LineStyle::Dashed
                                        : LineStyle::Solid;
            const RelationId rid = rel ? rel->id : RelationId();
            // Partners on different rows (one is also the other's descendant, so they cannot
            // be levelled): the line leaves the upper one's side (not through their name),
            // comes down a free gap to just above the lower row, then down the free gap beside
            // the lower partner, so it passes no one on either row.
            const bool cross_rows = std::abs(pa.y - pb.y) > g.size / 2;
            double x0 = l.x, x1 = r.x, ly = y;  // the horizontal stretch from x0 to x1 at ly
            double label_x = 0, label_y = y;      // where the dates go when not at the anchor
            std::vector<Point> path{{l.x, l.y + hl}, {l.x, y}, {r.x, y}, {r.x, r.y + hr}};
            if (cross_rows) {
                const bool a_up = pa.y < pb.y;
                const PersonId upper = a_up ? u.a : u.b, lower = a_up ? u.b : u.a;
                const Point up = a_up ? pa : pb, low = a_up ? pb : pa;
                const double hw = a_up ? hb : ha;
                // Towards the lower partner, unless a partner on the upper row stands there.
                double out_side = low.x >= up.x ? 1 : -1;
                for (const auto& k : f.unions_of.at(upper)) {
                    const Union& v = f.unions.at(k);
                    const PersonId q = v.a == upper ? v.b : v.a;
                    if (q && q != lower && std::abs(d.pos.at(q).y - up.y) < 1 && (d.pos.at(q).x - up.x) * out_side > 0)
                        out_side = -out_side;
                }
                const double gx = up.x + out_side * (plan.box.at(upper).extent + g.gap() / 2);
                const double side = up.x < low.x ? -1 : 1;
                const double jx = low.x + side * (plan.box.at(lower).extent + g.gap() / 2);
                const double ym = low.y - hw - g.size * 0.2;
                const double low_side = low.x + side * plan.box.at(lower).sym_w / 2;
                // Down the gap; round anyone in a row between (partners two or more
                // generations apart), as a line of descent goes.
                path = {{up.x + out_side * plan.box.at(upper).sym_w / 2, up.y}};
                for (const Point& p : route_down(gx, up.y, ym, plan, d, g)) path.push_back(p);
                path.insert(path.end(), {{jx, ym}, {jx, low.y}, {low_side, low.y}});
                x0 = std::min(jx, low_side), x1 = std::max(jx, low_side), ly = low.y;
                label_x = (gx + jx) / 2, label_y = ym;
            }
            out.lines.push_back(make_line(path, style, 1.8, kInk, Line::Role::Family, rid));
            if (rel && rel->consanguineous) {
                // Consanguinity: a second line just below, between the two legs.
                out.lines.push_back(make_line({{x0, ly + 4}, {x1, ly + 4}}, style, 1.8, kInk, Line::Role::Family, rid));
                out.legend.insert("consanguineous");
            }
            // The anchor: in the gap between two text blocks chosen when planning.
            double ax = (x0 + x1) / 2;
            if (pl != plan.lines.end() && !cross_rows)
                ax = dates_gap_x(plan, pl->second, static_cast<std::size_t>(plan.row_of.at(u.a)), l.x, r.x,
                                 [&](PersonId p) { return d.pos.at(p).x; });
            anchor = {ax, ly};
            if (status == PartnerStatus::Separated) emit_slashes(out, anchor, 1, g.size), out.legend.insert("separated");
            if (status == PartnerStatus::Divorced) emit_slashes(out, anchor, 2, g.size), out.legend.insert("divorced");
            out.legend.insert(style == LineStyle::Dashed ? "cohabiting" : "married");
            if (pl != plan.lines.end()) {
                const double ts = g.date_size();
                const double ty = label_y - ts * 0.75;
                if (cross_rows) ax = label_x;
                const auto& s = pl->second.start_text;
                const auto& e = pl->second.end_text;
                if (e.empty() && status != PartnerStatus::Separated && status != PartnerStatus::Divorced) {
                    if (!s.empty()) out.labels.push_back(make_label(s, {ax, ty}, ts, Align::Center, kInk));
                } else {
                    const double off = g.size * 0.32;
                    if (!s.empty()) out.labels.push_back(make_label(s, {ax - off, ty}, ts, Align::Right, kInk));
                    if (!e.empty()) out.labels.push_back(make_label(e, {ax + off, ty}, ts, Align::Left, kInk));
                }
            }
        } else if (!u.children.empty()) {
            // Single parent: a short stub to the free gap beside the text block.
            const double y = pa.y + g.size / 2 + g.partner_drop(0);
            const double sx = stub_x(pa.x, plan.box.at(u.a), g);
            out.lines.push_back(
                make_line({{pa.x, pa.y + ha}, {pa.x, y}, {sx, y}}, LineStyle::Solid, 1.6, kInk, Line::Role::Descent));
            anchor = {sx, y};
        } else {
            continue;
        }
        d.anchor[key] = {anchor, true};
        if (u.children.empty()) continue;

        // Sibship line above the children, descent lines down to each child.
        double child_top = 1e300;
        for (PersonId ch : u.children) child_top = std::min(child_top, d.pos.at(ch).y - g.size / 2);
        auto lv = plan.sib_level.find(key);
        const double ys = child_top - g.sibship_rise(lv != plan.sib_level.end() ? lv->second : 0);
        double lo = anchor.x, hi = anchor.x;
        // Twins share one fork point on the sibship line - or, twins drawn on a row below
        // their siblings', above their own row's sibship lines, a line coming down to it
        // from the sibship line round anyone on the rows between.
        std::unordered_map<PersonId, Point> fork;
        for (const Relation* t : f.twins) {
            bool both = std::find(u.children.begin(), u.children.end(), t->a) != u.children.end() &&
                        std::find(u.children.begin(), u.children.end(), t->b) != u.children.end();
            if (!both) continue;
            Point a = d.pos.at(t->a), b = d.pos.at(t->b);
            const double fx = (a.x + b.x) / 2;
            const double own_top = std::min(a.y, b.y) - g.size / 2;
            double fy = ys;
            if (own_top > child_top + 1) {
                // On the level kept free above their row's sibship lines (plan_heights).
                const int levels = plan.row_sib_levels[static_cast<std::size_t>(plan.row_of.at(t->a))];
                fy = own_top - g.sibship_rise(std::max(0, levels - 1));
                out.lines.push_back(make_line(route_down(fx, ys, fy, plan, d, g), LineStyle::Solid, 1.6, kInk, Line::Role::Descent));
            }
            fork[t->a] = fork[t->b] = {fx, fy};
            out.legend.insert(t->identical ? "identical" : "twins");
            if (t->identical) {
                // Bar between the two fork lines, halfway down.
                double ta = a.y - plan.box.at(t->a).sym_h / 2, tb = b.y - plan.box.at(t->b).sym_h / 2;
                double ya = fy + (ta - fy) / 2, yb = fy + (tb - fy) / 2;
                double xa = fx + (a.x - fx) / 2, xb = fx + (b.x - fx) / 2;
                out.lines.push_back(make_line({{xa, ya}, {xb, yb}}, LineStyle::Solid, 1.5, kInk, Line::Role::Family, t->id));
            }
        }
        for (PersonId ch : u.children) {
            Point pc = d.pos.at(ch);
            double top = pc.y - plan.box.at(ch).sym_h / 2;
            const auto fk = fork.find(ch);
            const double from_x = fk != fork.end() ? fk->second.x : pc.x;
            lo = std::min(lo, from_x);
            hi = std::max(hi, from_x);
            ParentKind kind = ParentKind::Biological;
            RelationId rid;
            if (auto it = f.descent.find({u.a, ch}); it != f.descent.end()) kind = it->second->parent, rid = it->second->id;
            LineStyle style = kind == ParentKind::Adopted ? LineStyle::Dashed
                              : (kind == ParentKind::Foster || kind == ParentKind::Step) ? LineStyle::Dotted
                                                                                         : LineStyle::Solid;
            out.legend.insert(std::string(to_string(kind)) == "unknown" ? "biological" : std::string(to_string(kind)));
            if (std::abs(from_x - pc.x) < 0.01)
                out.lines.push_back(make_line(route_down(pc.x, ys, top, plan, d, g), style, 1.6, kInk, Line::Role::Descent, rid));
            else
                out.lines.push_back(make_line({fk->second, {pc.x, top}}, style, 1.6, kInk, Line::Role::Descent, rid));
        }
        out.lines.push_back(make_line(route_down(anchor.x, anchor.y, ys, plan, d, g), LineStyle::Solid, 1.6, kInk, Line::Role::Descent));
        if (hi > lo) out.lines.push_back(make_line({{lo, ys}, {hi, ys}}, LineStyle::Solid, 1.6, kInk, Line::Role::Descent));
    }
}

void emit_emotional_lines(LayoutResult& out, const Case& c, const Plan& plan, const Drawn& d, const Geometry& g) {
    for (const auto& [id, r] : c.relations()) {
        if (r.kind != RelationKind::Emotional || r.a == r.b) continue;
        auto ia = d.pos.find(r.a), ib = d.pos.find(r.b);
        if (ia == d.pos.end() || ib == d.pos.end()) continue;
        Point a = ia->second, b = ib->second;
        const double ha = plan.box.at(r.a).sym_h / 2, hb = plan.box.at(r.b).sym_h / 2;
        const double wa = plan.box.at(r.a).sym_w / 2, wb = plan.box.at(r.b).sym_w / 2;
        const bool same_row = plan.row_of.at(r.a) == plan.row_of.at(r.b) && std::abs(a.y - b.y) < 1;
        if (same_row) {
            std::size_t i = plan.index_in_row.at(r.a), j = plan.index_in_row.at(r.b);
            if (i > j ? i - j == 1 : j - i == 1) {
                // Neighbours: straight between the symbols, a little above their centres.
                double sx = a.x < b.x ? 1 : -1;
                a = {a.x + sx * (wa + 3), a.y - g.size * 0.12};
                b = {b.x - sx * (wb + 3), b.y - g.size * 0.12};
            } else {
                // Further apart: over the symbols in between, just above the row, with
                // short stubs up from the two symbols.
                double sx = a.x < b.x ? 1 : -1;
                double y = std::min(a.y - ha, b.y - hb) - g.sibship_rise(0) * 0.4;
                Point ta{a.x + sx * wa * 0.5, a.y - ha}, tb{b.x - sx * wb * 0.5, b.y - hb};
                a = {ta.x, y};
                b = {tb.x, y};
                Color col = r.emotion == EmotionKind::Close || r.emotion == EmotionKind::Fused ? kCloseGreen
                            : r.emotion == EmotionKind::Distant                                 ? kDistantBlue
                            : r.emotion == EmotionKind::Conflict || r.emotion == EmotionKind::Hostile ? kConflictRed
                            : r.emotion == EmotionKind::CutOff                                          ? kInk
                                                                                                        : kRisk;
                out.lines.push_back(make_line({ta, a}, LineStyle::Solid, 1.3, col, Line::Role::Emotional, id));
                out.lines.push_back(make_line({tb, b}, LineStyle::Solid, 1.3, col, Line::Role::Emotional, id));
            }
        } else {
            // Between generations: out of the side of the upper symbol, down the free gap
            // beside its text block, along just above the lower row and into the side of
            // the lower symbol - never through anyone's name. The relation's own style is
            // drawn on the longest leg, the others are plain leads in its colour.
            const bool a_upper = a.y < b.y;
            const PersonId up = a_upper ? r.a : r.b, low = a_upper ? r.b : r.a;
            const Point pu = d.pos.at(up), pl = d.pos.at(low);
            const PersonBox& bu = plan.box.at(up);
            const PersonBox& bl = plan.box.at(low);
            // The side facing the lower person, unless a partner line's descent and dates
            // occupy that gap and the other side is free.
            const auto& urow = plan.rows[static_cast<std::size_t>(plan.row_of.at(up))];
            const std::size_t ui = plan.index_in_row.at(up);
            auto gap_busy = [&](bool right) {
                if (right ? ui + 1 >= urow.size() : ui == 0) return false;
                return plan.busy_gap[static_cast<std::size_t>(plan.row_of.at(up))][right ? ui : ui - 1] == Plan::kDatesGap;
            };
            double su = pl.x >= pu.x ? 1 : -1;
            if (gap_busy(su > 0) && !gap_busy(su < 0)) su = -su;
            // With nobody on that side, a whole gap out: half a gap ran along the outline of
            // a household round the person, as blue and as thin as a distant relation.
            double gx = pu.x + su * (bu.extent + g.gap());
            double room = g.gap() * 0.5;  // from the lead down the gap to the text blocks beside it
            if (gap_busy(su > 0)) gx = pu.x + su * (bu.extent + g.gap() * 0.3), room = g.gap() * 0.3;
            else if (su > 0 ? ui + 1 < urow.size() : ui > 0) {
                PersonId nb = urow[su > 0 ? ui + 1 : ui - 1];
                double edge = d.pos.at(nb).x - su * plan.box.at(nb).extent;
                gx = (pu.x + su * bu.extent + edge) / 2;
                room = std::abs(edge - (pu.x + su * bu.extent)) / 2;
            }
            const double yz = pl.y - bl.sym_h / 2 - g.sibship_rise(0) * 0.45;
            // Down the gap; across any row in between (a grandparent's relation to a
            // grandchild) through the free gap beside the persons there, as a line of
            // descent does, not through their symbols and names.
            // The relation's style (a zigzag, parallel lines: up to 8 units either side)
            // may go on a leg with room for it: the lead down the gap when the gap is wide
            // enough, the last stretch down to the lower row and the legs along it; not
            // the stub out of the upper symbol, nor the jogs around a row in between.
            constexpr double kStyleReach = 8;
            std::vector<Point> route{{pu.x + su * (bu.sym_w / 2 + 2), pu.y}};
            std::vector<char> room_for_style;  // per leg
            const std::vector<Point> down = route_down(gx, pu.y, yz, plan, d, g);
            for (std::size_t i = 0; i < down.size(); ++i) {
                room_for_style.push_back(i == 0 ? 0 : i == 1 ? room >= kStyleReach + 1 : i + 1 == down.size());
                route.push_back(down[i]);
            }
            // Into the top of the lower symbol, a little off-centre on the side it comes
            // from (its own descent line arrives at the centre).
            const double sl = pl.x >= gx ? 1 : -1;
            if (std::abs(pl.x - gx) > g.size * 1.2) route.push_back({pl.x - sl * g.size * 0.9, yz}), room_for_style.push_back(1);
            route.push_back({pl.x - sl * bl.sym_w * 0.25, pl.y - bl.sym_h / 2 - 2});
            room_for_style.push_back(1);
            if (!a_upper) std::reverse(route.begin(), route.end()), std::reverse(room_for_style.begin(), room_for_style.end());
            const bool directed = r.emotion == EmotionKind::Abuse || r.emotion == EmotionKind::Neglect;
            // The style on the longest leg with room for it; a directed relation (abuse,
            // neglect) ends in an arrowhead at the person it is directed at, whichever leg
            // is styled. (The last leg alone, as before, is short: a parent's abuse of a
            // child was two zigzags, dipping into the child's symbol.)
            std::size_t styled = route.size() - 2;
            double best = -1;
            for (std::size_t i = 0; i + 1 < route.size(); ++i) {
                if (!room_for_style[i]) continue;
                double len = std::hypot(route[i + 1].x - route[i].x, route[i + 1].y - route[i].y);
                if (len > best) best = len, styled = i;
            }
            Color col = r.emotion == EmotionKind::Close || r.emotion == EmotionKind::Fused ? kCloseGreen
                        : r.emotion == EmotionKind::Distant                                 ? kDistantBlue
                        : r.emotion == EmotionKind::Conflict || r.emotion == EmotionKind::Hostile ? kConflictRed
                        : r.emotion == EmotionKind::CutOff                                          ? kInk
                                                                                                    : kRisk;
            LineStyle ls = r.emotion == EmotionKind::Distant || r.emotion == EmotionKind::Neglect ? LineStyle::Dotted
                                                                                                    : LineStyle::Solid;
            for (std::size_t i = 0; i + 1 < route.size(); ++i) {
                const bool last = i + 2 == route.size();
                if (i == styled) {
                    const std::size_t from = out.lines.size();
                    emit_emotional(out, route[i], route[i + 1], r.emotion, id);
                    if (!last)
                        for (std::size_t k = from; k < out.lines.size(); ++k) out.lines[k].arrow_end = false;
                } else if (directed && last) {
                    Line l = make_line({route[i], route[i + 1]}, ls, 1.3, col, Line::Role::Emotional, id);
                    l.arrow_end = true;
                    out.lines.push_back(std::move(l));
                } else {
                    std::vector<Point> leg{route[i], route[i + 1]};
                    if (r.emotion == EmotionKind::Close || r.emotion == EmotionKind::Fused) {
                        for (double off : {-2.2, 2.2})
                            out.lines.push_back(make_line(offset_line(route[i], route[i + 1], off), ls, 1.3, col,
                                                          Line::Role::Emotional, id));
                    } else {
                        out.lines.push_back(make_line(leg, ls, 1.3, col, Line::Role::Emotional, id));
                    }
                }
            }
            out.legend.insert("emotion." + std::string(to_string(r.emotion)));
            continue;
        }
        emit_emotional(out, a, b, r.emotion, id);
        out.legend.insert("emotion." + std::string(to_string(r.emotion)));
    }
}

void emit_persons(LayoutResult& out, const Case& /*c*/, const Family& f, const Plan& plan, const Drawn& d,
                  const Geometry& g, const GenogramOptions& /*opt*/, const PartialDate& ref) {
    for (PersonId pid : f.persons) {
        const Person& p = *f.person(pid);
        Point pt = d.pos.at(pid);
        Symbol s = make_symbol(p, pt, g.size);
        s.pinned = p.genogram_pin.has_value();
        // The genogram marks risk only through emotional lines; no risk badge here.
        s.risk = false;
        out.symbols.push_back(s);
        switch (p.kind) {
        case EntryKind::Person: out.legend.insert(p.sex == Sex::Male ? "male" : p.sex == Sex::Female ? "female" : "unknown"); break;
        case EntryKind::Pregnancy: out.legend.insert("pregnancy"); break;
        case EntryKind::Miscarriage: out.legend.insert("miscarriage"); break;
        case EntryKind::Stillbirth: out.legend.insert("stillbirth"); break;
        case EntryKind::Abortion: out.legend.insert("abortion"); break;
        }
        if (s.deceased && p.kind == EntryKind::Person) out.legend.insert("deceased");
        if (s.index_person) out.legend.insert("index");

        // Age inside the symbol (age at death for the deceased); none when it cannot be a
        // life's (kOldestPlausibleAge: the dates beneath the name still show what is known).
        if (p.kind == EntryKind::Person) {
            std::optional<int> age = years_between(p.birth, p.deceased ? p.death : ref);
            if (age && *age <= kOldestPlausibleAge) {
                Label a;
                a.text = std::to_string(*age);
                a.pos = pt;
                a.size = 13 * g.scale;
                a.bold = true;
                a.person = pid;
                if (s.deceased) a.pos = {pt.x + g.size * 0.18, pt.y - g.size * 0.18};
                if (s.deceased) a.size = 10.5 * g.scale;
                out.labels.push_back(std::move(a));
            }
        }
        double y = text_top(plan, d, pid);
        for (const TextLine& t : plan.box.at(pid).text) {
            Label l;
            l.text = t.text;
            l.pos = {pt.x, y + t.size * 0.6};
            l.size = t.size;
            l.color = t.color;
            l.bold = t.bold;
            l.person = pid;
            l.professional_only = t.professional_only;
            out.labels.push_back(std::move(l));
            y += t.size * 1.25;
        }
    }
}

}  // namespace kring::genogram_detail
