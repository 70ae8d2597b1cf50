// Genogram: turning placed persons into symbols, lines and labels.
#include "layouts/genogram_internal.hpp"

#include "core/enums.hpp"
#include "layouts/strokes.hpp"

#include <algorithm>
#include <cmath>

namespace kring::genogram_detail {

namespace {

Line make_line(std::vector<Point> pts, LineStyle style, double width, Color color, Line::Role role, RelationId rel = {}) {
    Line l;
    l.points = std::move(pts);
    l.style = style;
    l.width = width;
    l.color = color;
    l.role = role;
    l.relation = rel;
    return l;
}

Point at(const std::unordered_map<PersonId, Point>& pos, PersonId p) { return pos.at(p); }

double symbol_half_height(const Case& c, PersonId p, const Geometry& g) {
    return make_symbol(*c.person(p), {}, g.size).h / 2;
}

std::string year_text(const PartialDate& d) {
    if (d.empty()) return {};
    return (d.approximate ? "~" : "") + std::to_string(d.year);
}

}  // namespace

void emit_households(LayoutResult& out, const Case& c, const Family& f, const std::unordered_map<PersonId, Point>& pos,
                     const Geometry& g) {
    for (const auto& [hid, h] : c.households()) {
        Rect box = Rect::none();
        int members = 0;
        for (PersonId p : f.persons) {
            if (c.person(p)->household != hid) continue;
            Point pt = at(pos, p);
            double hw = std::max(g.size / 2, half_width(*c.person(p), g) - g.gap() / 2);
            box.expand(Rect{pt.x - hw, pt.y - g.size / 2, pt.x + hw, pt.y + g.size / 2 + g.name_size() * 3.2});
            ++members;
        }
        if (!members) continue;
        const double pad = g.size * 0.28;
        box = {box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad};
        Line l = make_line(rounded_rect(box, g.size * 0.4), LineStyle::Dashed, 1.4, kHousehold, Line::Role::Boundary);
        l.closed = true;
        out.lines.push_back(std::move(l));
        out.legend.insert("household");
    }
}

void emit_family_lines(LayoutResult& out, const Case& c, const Family& f, const std::unordered_map<PersonId, Point>& pos,
                       const Geometry& g, Lang lang) {
    // Partner lines hang below the two symbols; a person's later partnerships hang a
    // little deeper so lines to partners further away never run into nearer ones.
    std::unordered_map<PersonId, int> depth_used;
    int sibship_index = 0;
    for (const auto& [key, u] : f.unions) {
        Point pa = at(pos, u.a);
        double ha = symbol_half_height(c, u.a, g);
        double drop = 0;
        Point mid;
        if (u.b) {
            Point pb = at(pos, u.b);
            double hb = symbol_half_height(c, u.b, g);
            int depth = std::max(depth_used[u.a], depth_used[u.b]);
            depth_used[u.a] = depth_used[u.b] = depth + 1;
            drop = g.size * (0.38 + 0.2 * depth);
            Point l = pa.x <= pb.x ? pa : pb, r = pa.x <= pb.x ? pb : pa;
            double hl = pa.x <= pb.x ? ha : hb, hr = pa.x <= pb.x ? hb : ha;
            double y = std::max(l.y + hl, r.y + hr) + drop;
            const Relation* rel = u.partner;
            PartnerStatus status = rel ? rel->partner : PartnerStatus::LivingApart;
            LineStyle style = (status == PartnerStatus::Cohabiting || status == PartnerStatus::LivingApart ||
                               status == PartnerStatus::Engaged || !rel)
                                  ? LineStyle::Dashed
                                  : LineStyle::Solid;
            RelationId rid = rel ? rel->id : RelationId();
            out.lines.push_back(make_line({{l.x, l.y + hl}, {l.x, y}, {r.x, y}, {r.x, r.y + hr}}, style, 1.8, kInk,
                                          Line::Role::Family, rid));
            if (rel && rel->consanguineous) {
                out.lines.push_back(make_line({{l.x + 4, y + 4}, {r.x - 4, y + 4}}, style, 1.8, kInk, Line::Role::Family, rid));
                out.legend.insert("consanguineous");
            }
            mid = {(l.x + r.x) / 2, y};
            if (status == PartnerStatus::Separated) emit_slashes(out, mid, 1, g.size), out.legend.insert("separated");
            if (status == PartnerStatus::Divorced) emit_slashes(out, mid, 2, g.size), out.legend.insert("divorced");
            out.legend.insert(style == LineStyle::Dashed ? "cohabiting" : "married");
            // Dates: "h. 2008  sch. 2015"
            std::string text;
            if (rel && !rel->start.empty()) {
                const char* key = status == PartnerStatus::Married || status == PartnerStatus::Divorced ||
                                          status == PartnerStatus::Separated || status == PartnerStatus::Widowed
                                      ? "married.short"
                                  : status == PartnerStatus::Engaged ? "engaged.short"
                                  : status == PartnerStatus::Cohabiting ? "cohabiting.short"
                                                                        : "relationship.short";
                text = std::string(tr(key, lang)) + " " + year_text(rel->start);
            }
            if (rel && !rel->end.empty() && (status == PartnerStatus::Divorced || status == PartnerStatus::Separated)) {
                if (!text.empty()) text += "  ";
                text += std::string(tr(status == PartnerStatus::Divorced ? "divorced.short" : "separated.short", lang)) +
                        " " + year_text(rel->end);
            }
            if (!text.empty()) {
                Label lab;
                lab.text = text;
                lab.size = 8.5 * g.scale;
                lab.pos = {mid.x, y - lab.size * 0.9};
                if (u.children.empty()) lab.pos.y = y + lab.size * 0.9;
                lab.color = kInk;
                out.labels.push_back(std::move(lab));
            }
        } else {
            mid = {pa.x, pa.y + ha};
        }
        if (u.children.empty()) continue;

        // Sibship line above the children, descent lines down to each child.
        double child_top = 1e300;
        for (PersonId ch : u.children) child_top = std::min(child_top, at(pos, ch).y - symbol_half_height(c, ch, g));
        double ys = child_top - g.size * 0.42 - (sibship_index++ % 3) * 5.0;
        double lo = mid.x, hi = mid.x;
        // Twins share one fork point on the sibship line.
        std::unordered_map<PersonId, double> fork_x;
        std::unordered_map<PersonId, bool> identical;
        for (const Relation* t : f.twins) {
            bool both = std::find(u.children.begin(), u.children.end(), t->a) != u.children.end() &&
                        std::find(u.children.begin(), u.children.end(), t->b) != u.children.end();
            if (!both) continue;
            double fx = (at(pos, t->a).x + at(pos, t->b).x) / 2;
            fork_x[t->a] = fork_x[t->b] = fx;
            identical[t->a] = identical[t->b] = t->identical;
            out.legend.insert(t->identical ? "identical" : "twins");
            if (t->identical) {
                // Bar between the two fork lines, halfway down.
                Point a = at(pos, t->a), b = at(pos, t->b);
                double ta = a.y - symbol_half_height(c, t->a, g), tb = b.y - symbol_half_height(c, t->b, g);
                double fy = ys, ya = fy + (ta - fy) / 2, yb = fy + (tb - fy) / 2;
                double xa = fx + (a.x - fx) / 2, xb = fx + (b.x - fx) / 2;
                out.lines.push_back(make_line({{xa, ya}, {xb, yb}}, LineStyle::Solid, 1.5, kInk, Line::Role::Family, t->id));
            }
        }
        for (PersonId ch : u.children) {
            Point pc = at(pos, ch);
            double top = pc.y - symbol_half_height(c, ch, g);
            double from_x = fork_x.count(ch) ? fork_x[ch] : pc.x;
            lo = std::min(lo, from_x);
            hi = std::max(hi, from_x);
            ParentKind kind = ParentKind::Biological;
            RelationId rid;
            if (auto it = f.descent.find({u.a, ch}); it != f.descent.end()) kind = it->second->parent, rid = it->second->id;
            LineStyle style = kind == ParentKind::Adopted ? LineStyle::Dashed
                              : (kind == ParentKind::Foster || kind == ParentKind::Step) ? LineStyle::Dotted
                                                                                         : LineStyle::Solid;
            out.legend.insert(std::string(to_string(kind)) == "unknown" ? "biological" : std::string(to_string(kind)));
            out.lines.push_back(make_line({{from_x, ys}, {pc.x, top}}, style, 1.6, kInk, Line::Role::Descent, rid));
        }
        out.lines.push_back(make_line({{mid.x, mid.y}, {mid.x, ys}}, LineStyle::Solid, 1.6, kInk, Line::Role::Descent));
        if (hi > lo) out.lines.push_back(make_line({{lo, ys}, {hi, ys}}, LineStyle::Solid, 1.6, kInk, Line::Role::Descent));
    }
}

void emit_emotional_lines(LayoutResult& out, const Case& c, const std::unordered_map<PersonId, Point>& pos,
                          const Geometry& g) {
    for (const auto& [id, r] : c.relations()) {
        if (r.kind != RelationKind::Emotional || r.a == r.b) continue;
        auto ia = pos.find(r.a), ib = pos.find(r.b);
        if (ia == pos.end() || ib == pos.end()) continue;
        Point a = ia->second, b = ib->second;
        // Run the line through the upper half of the symbols' space, bowed slightly so
        // it does not lie on top of partner and descent lines.
        trim(a, b, g.size * 0.62, g.size * 0.62);
        emit_emotional(out, a, b, r.emotion, id);
        out.legend.insert("emotion." + std::string(to_string(r.emotion)));
    }
}

void emit_persons(LayoutResult& out, const Case& c, const Family& f, const std::unordered_map<PersonId, Point>& pos,
                  const Geometry& g, const GenogramOptions& opt, const PartialDate& ref) {
    for (PersonId pid : f.persons) {
        const Person& p = *c.person(pid);
        Point pt = at(pos, pid);
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

        // Age inside the symbol (age at death for the deceased).
        if (p.kind == EntryKind::Person) {
            std::optional<int> age = years_between(p.birth, p.deceased ? p.death : ref);
            if (age) {
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
        double y = pt.y + s.h / 2 + g.name_size() * 0.95;
        auto add_label = [&](std::string text, double size, Color color, bool bold, bool prof) {
            if (text.empty()) return;
            Label l;
            l.text = std::move(text);
            l.pos = {pt.x, y};
            l.size = size;
            l.color = color;
            l.bold = bold;
            l.person = pid;
            l.professional_only = prof;
            out.labels.push_back(std::move(l));
            y += size * 1.25;
        };
        if (p.kind == EntryKind::Person || p.kind == EntryKind::Stillbirth) {
            add_label(p.given.empty() ? p.nickname : p.given, g.name_size(), kInk, p.index_person, false);
            add_label(p.family, g.name_size() * 0.9, kInk, false, false);
            std::string dates = year_text(p.birth);
            if (p.deceased) dates += (dates.empty() ? "\u2020 " : " \u2013 ") + year_text(p.death);
            add_label(dates, g.name_size() * 0.8, kGrey, false, false);
        } else {
            add_label(std::string(tr("kind." + std::string(to_string(p.kind)), opt.lang)), g.name_size() * 0.8, kGrey,
                      false, false);
        }
        if (opt.show_notes && !p.notes.empty()) {
            std::string note = p.notes.size() > 40 ? p.notes.substr(0, 37) + "..." : p.notes;
            add_label(note, g.name_size() * 0.75, 0x6E7781FF, false, true);
        }
    }
}

}  // namespace kring::genogram_detail
