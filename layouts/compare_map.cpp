#include "layouts/compare_map.hpp"

#include "core/enums.hpp"
#include "core/meeting.hpp"
#include "layouts/meeting_sheet.hpp"
#include "layouts/network_map.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace kring {

namespace {

std::string t(std::string_view key, Lang lang) { return std::string(tr(key, lang)); }

template <class E>
std::string enum_text(const char* prefix, E e, Lang lang) {
    return t(std::string(prefix) + "." + std::string(to_string(e)), lang);
}

// Everyone in either snapshot; the later version of a person or relation wins.
Case union_case(const Snapshot& from, const Snapshot& to) {
    Case c;
    for (const Snapshot* s : {&from, &to}) {
        for (const auto& h : s->households) c.put(h);
        for (const auto& p : s->persons) c.put(p);
        for (const auto& r : s->relations) c.put(r);
    }
    return c;
}

std::string name_in(const Snapshot& a, const Snapshot& b, PersonId id) {
    for (const Snapshot* s : {&b, &a})
        for (const auto& p : s->persons)
            if (p.id == id) return p.display_name();
    return id.str();
}

std::string value_text(const Relation& r, const std::string& f, Lang L, const Snapshot& a, const Snapshot& b) {
    if (f == "kind") return enum_text("relation", r.kind, L);
    if (f == "a") return name_in(a, b, r.a);
    if (f == "b") return name_in(a, b, r.b);
    if (f == "status") return enum_text("status", r.partner, L);
    if (f == "parent") return enum_text("parent", r.parent, L);
    if (f == "emotion") return enum_text("emotion", r.emotion, L);
    if (f == "abuse") return enum_text("abuse", r.abuse, L);
    if (f == "support") return enum_text("support", r.support, L);
    if (f == "direction") return enum_text("direction", r.direction, L);
    if (f == "frequency") return enum_text("frequency", r.frequency, L);
    if (f == "mode") return enum_text("mode", r.mode, L);
    if (f == "strength") return std::to_string(r.strength);
    if (f == "closeness") return std::to_string(r.closeness);
    if (f == "known_years") return std::to_string(r.known_years);
    const auto yn = [&](bool v) { return t(v ? "meeting.yes" : "meeting.no", L); };
    if (f == "consanguineous") return yn(r.consanguineous);
    if (f == "identical") return yn(r.identical);
    if (f == "critical") return yn(r.critical);
    if (f == "worries") return yn(r.worries);
    if (f == "no_contact") return yn(r.no_contact);
    if (f == "start") return r.start.empty() ? "-" : date_text(r.start, L);
    if (f == "end") return r.end.empty() ? "-" : date_text(r.end, L);
    if (f == "note") return r.note.empty() ? "-" : "\u201C" + r.note + "\u201D";
    return "";
}

// "steun (praktisch)" / "contact"
std::string relation_text(const Relation& r, Lang L) {
    std::string s = enum_text("relation", r.kind, L);
    if (r.kind == RelationKind::Support) s += " (" + enum_text("support", r.support, L) + ")";
    if (r.kind == RelationKind::Emotional) s += " (" + enum_text("emotion", r.emotion, L) + ")";
    if (r.kind == RelationKind::Partner) s += " (" + enum_text("status", r.partner, L) + ")";
    return s;
}

Line dashed_outline(const Symbol& s, Color color) {
    const double m = 4;
    const Rect b = s.bounds();
    Line l;
    l.points = {{b.x0 - m, b.y0 - m}, {b.x1 + m, b.y0 - m}, {b.x1 + m, b.y1 + m}, {b.x0 - m, b.y1 + m}};
    l.closed = true;
    l.style = LineStyle::Dashed;
    l.color = color;
    l.width = 1.4;
    l.role = Line::Role::Decoration;
    return l;
}

}  // namespace

LayoutResult layout_compare_map(const Snapshot& from, const Snapshot& to, const CompareOptions& opt) {
    const SnapshotDiff d = compare_snapshots(from, to);
    Case u = union_case(from, to);
    NetworkOptions no;
    no.lang = opt.lang;
    no.show_notes = opt.show_notes;
    // Focus: the index person now, else then.
    for (const Snapshot* s : {&to, &from})
        if (!no.focus)
            for (const auto& p : s->persons)
                if (p.index_person && p.kind == EntryKind::Person) no.focus = p.id;
    LayoutResult map = layout_network(u, no);

    std::set<PersonId> joined, left;
    for (const auto& p : d.joined) joined.insert(p.id);
    for (const auto& p : d.left) left.insert(p.id);
    // The map draws one line per pair of persons (e.g. focus and alter) for all their
    // relations together, so changes are marked per pair: added (green), removed (red,
    // dashed) or, when a pair has any other mix of changes, changed (orange).
    enum Mark { None = 0, Added = 1, Removed = 2, Changed = 4 };
    std::map<std::pair<PersonId, PersonId>, int> pair_marks;
    const auto pair_of = [](const Relation& r) { return std::minmax(r.a, r.b); };
    for (const auto& r : d.added) pair_marks[pair_of(r)] |= Added;
    for (const auto& r : d.removed) pair_marks[pair_of(r)] |= Removed;
    for (const auto& ch : d.changed) pair_marks[pair_of(ch.after)] |= Changed;

    std::vector<Line> outlines;
    for (auto& s : map.symbols) {
        if (joined.count(s.person)) {
            s.stroke = kJoinedColor;
            s.fill = kJoinedFill;
        } else if (left.count(s.person)) {
            s.stroke = kLeftColor;
            s.fill = kWhite;
            outlines.push_back(dashed_outline(s, kLeftColor));
        }
    }
    for (auto& l : map.labels) {
        if (left.count(l.person)) l.color = kLeftColor;
        if (joined.count(l.person) && l.bold) l.color = kJoinedColor;
    }
    for (auto& l : map.lines) {
        const Relation* r = l.relation ? u.relation(l.relation) : nullptr;
        if (!r) continue;
        auto it = pair_marks.find(pair_of(*r));
        if (it == pair_marks.end()) continue;
        if (it->second == Added) {
            l.color = kJoinedColor;
            l.width = std::max(l.width, 2.2);
        } else if (it->second == Removed) {
            l.color = kLeftColor;
            l.style = LineStyle::Dashed;
        } else {
            l.color = kChangedColor;
            l.width = std::max(l.width, 2.2);
        }
    }
    for (auto& o : outlines) map.lines.push_back(std::move(o));
    // Persons who left keep a small "−" and joined a "+" beside the symbol.
    for (const auto& s : map.symbols) {
        const bool j = joined.count(s.person) > 0, lf = left.count(s.person) > 0;
        if (!j && !lf) continue;
        Label l;
        l.text = j ? "+" : "\u2212";
        l.pos = {s.center.x - s.w / 2 - 9, s.center.y - s.h / 2 + 2};
        l.size = 13;
        l.bold = true;
        l.color = j ? kJoinedColor : kLeftColor;
        map.labels.push_back(std::move(l));
    }
    map.compute_bounds(20);
    return map;
}

LayoutResult layout_compare_table(const Snapshot& from, const Snapshot& to, const CompareOptions& opt) {
    const Lang L = opt.lang;
    const SnapshotDiff d = compare_snapshots(from, to);
    LayoutResult out;
    const auto when = [&](const Snapshot& s) {
        return s.label + (s.date.empty() ? "" : " (" + date_text(s.date, L) + ")");
    };
    double y = append_heading(out, t("compare.title", L) + ": " + when(from) + " \u2192 " + when(to), 0, 0, 14);
    std::string summary = t("compare.summary", L);
    for (auto [key, n] : {std::pair{"{joined}", d.joined.size()}, {"{left}", d.left.size()},
                          {"{changed}", d.added.size() + d.removed.size() + d.changed.size()}})
        if (auto p = summary.find(key); p != std::string::npos) summary.replace(p, std::string(key).size(), std::to_string(n));
    y = append_paragraph(out, summary, 0, y, kSheetWidth, 10);
    if (d.empty()) {
        append_paragraph(out, t("compare.no_changes", L), 0, y, kSheetWidth, 10, 0x57606AFF);
        finish_sheet(out);
        return out;
    }

    if (!d.joined.empty() || !d.left.empty()) {
        y = append_heading(out, t("compare.persons", L), 0, y + 4, 11.5);
        TableSpec tb;
        tb.header = {t("meeting.col.name", L), t("meeting.col.relation", L), t("compare.col.change", L)};
        tb.widths = {180, 200, kSheetWidth - 380};
        const auto cat = [&](const Person& p) {
            if (p.is_professional() && !p.function.empty())
                return p.function + (p.organisation.empty() ? "" : ", " + p.organisation);
            return enum_text("category", p.category, L);
        };
        for (const auto& p : d.joined) {
            tb.rows.push_back({p.display_name(), cat(p), t("compare.joined", L)});
            tb.row_colors.push_back(kJoinedColor);
        }
        for (const auto& p : d.left) {
            tb.rows.push_back({p.display_name(), cat(p), t("compare.left", L)});
            tb.row_colors.push_back(kLeftColor);
        }
        y = append_table(out, tb, 0, y);
    }

    if (!d.support.empty()) {
        y = append_heading(out, t("compare.support", L), 0, y + 4, 11.5);
        TableSpec tb;
        tb.header = {t("meeting.col.support", L), t("compare.col.gained", L), t("compare.col.lost", L),
                     t("compare.col.net", L)};
        tb.widths = {180, 110, 110, kSheetWidth - 400};
        for (SupportType s : kSupportTypes) {
            auto it = d.support.find(s);
            if (it == d.support.end()) continue;
            const int net = it->second.gained - it->second.lost;
            tb.rows.push_back({support_name(s, L), std::to_string(it->second.gained), std::to_string(it->second.lost),
                               (net > 0 ? "+" : "") + std::to_string(net)});
            tb.row_colors.push_back(net > 0 ? kJoinedColor : net < 0 ? kLeftColor : kBlack);
        }
        y = append_table(out, tb, 0, y);
    }

    if (!d.added.empty() || !d.removed.empty() || !d.changed.empty()) {
        y = append_heading(out, t("compare.relations", L), 0, y + 4, 11.5);
        TableSpec tb;
        tb.header = {t("compare.col.between", L), t("compare.col.relation", L), t("compare.col.change", L),
                     t("compare.col.details", L)};
        tb.widths = {150, 120, 80, kSheetWidth - 350};
        const auto between = [&](const Relation& r) {
            return name_in(from, to, r.a) + " \u2013 " + name_in(from, to, r.b);
        };
        for (const auto& r : d.added) {
            tb.rows.push_back({between(r), relation_text(r, L), t("compare.added", L), ""});
            tb.row_colors.push_back(kJoinedColor);
        }
        for (const auto& r : d.removed) {
            tb.rows.push_back({between(r), relation_text(r, L), t("compare.removed", L), ""});
            tb.row_colors.push_back(kLeftColor);
        }
        for (const auto& ch : d.changed) {
            std::string details;
            for (const auto& f : ch.fields) {
                if (!details.empty()) details += "; ";
                details += field_name(f, L) + ": " + value_text(ch.before, f, L, from, to) + " \u2192 " +
                           value_text(ch.after, f, L, from, to);
            }
            tb.rows.push_back({between(ch.after), relation_text(ch.after, L), t("compare.changed", L), details});
            tb.row_colors.push_back(kChangedColor);
        }
        y = append_table(out, tb, 0, y);
    }
    finish_sheet(out);
    return out;
}

LayoutResult layout_timeline(const Case& c, Lang L, const PartialDate& today) {
    LayoutResult out;
    double y = append_heading(out, t("timeline.title", L), 0, 0, 14);
    const auto entries = timeline(c);
    if (entries.empty()) {
        append_paragraph(out, t("timeline.empty", L), 0, y, kSheetWidth, 10, 0x57606AFF);
        finish_sheet(out);
        return out;
    }
    TableSpec tb;
    tb.header = {t("timeline.col.date", L), t("timeline.col.event", L), t("meeting.col.status", L)};
    tb.widths = {80, 340, kSheetWidth - 420};
    for (const auto& e : entries) {
        std::string what, status;
        Color color = kBlack;
        switch (e.kind) {
        case TimelineEntry::Kind::Snapshot: what = t("timeline.snapshot", L) + " \u201C" + e.label + "\u201D"; break;
        case TimelineEntry::Kind::Meeting: what = t("timeline.meeting", L); break;
        case TimelineEntry::Kind::AgreementDue:
        case TimelineEntry::Kind::FollowUp:
            what = t(e.kind == TimelineEntry::Kind::FollowUp ? "timeline.follow_up" : "timeline.due", L) + " a" +
                   std::to_string(e.agreement) + ": " + e.label;
            if (e.done) {
                status = t("meeting.status.done", L);
                color = kJoinedColor;
            } else if (e.kind == TimelineEntry::Kind::FollowUp && !e.date.empty() && e.date.latest() < today.earliest()) {
                status = t("meeting.status.overdue", L);
                color = kLeftColor;
            } else {
                status = t("meeting.status.open", L);
            }
            break;
        }
        tb.rows.push_back({e.date.empty() ? "?" : date_text(e.date, L), what, status});
        tb.row_colors.push_back(color);
    }
    append_table(out, tb, 0, y);
    finish_sheet(out);
    return out;
}

namespace {

// The text of an appended legend row, right of its sample; then the legend's new bounds.
void add_legend_text(LayoutResult& legend, double x, double y, const std::string& text) {
    Label l;
    l.text = text;
    l.pos = {x + 52, y};
    l.size = 10;
    l.align = Align::Left;
    legend.labels.push_back(std::move(l));
    legend.compute_bounds(10);
}

}  // namespace

void append_legend_symbol(LayoutResult& legend, Color stroke, Color fill, bool dashed, const std::string& text) {
    LayoutResult copy = legend;
    copy.compute_bounds(0);
    const double y = (legend.symbols.empty() && legend.labels.empty() && legend.lines.empty()) ? 0 : copy.bounds.y1 + 12;
    const double x = copy.bounds.empty() ? 0 : copy.bounds.x0;
    Symbol s;
    s.shape = Shape::Circle;
    s.center = {x + 22, y};
    s.w = s.h = 14;
    s.stroke = stroke;
    s.fill = fill;
    legend.symbols.push_back(s);
    if (dashed) legend.lines.push_back(dashed_outline(s, stroke));
    add_legend_text(legend, x, y, text);
}

void append_legend_line(LayoutResult& legend, Color color, LineStyle style, const std::string& text) {
    LayoutResult copy = legend;
    copy.compute_bounds(0);
    const double y = (legend.symbols.empty() && legend.labels.empty() && legend.lines.empty()) ? 0 : copy.bounds.y1 + 12;
    const double x = copy.bounds.empty() ? 0 : copy.bounds.x0;
    Line ln;
    ln.points = {{x + 2, y}, {x + 42, y}};
    ln.color = color;
    ln.style = style;
    ln.width = 2.2;
    ln.role = Line::Role::Decoration;
    legend.lines.push_back(std::move(ln));
    add_legend_text(legend, x, y, text);
}

}  // namespace kring
