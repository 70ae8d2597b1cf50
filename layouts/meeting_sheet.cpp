#include "layouts/meeting_sheet.hpp"

#include "core/enums.hpp"
#include "core/meeting.hpp"
#include "layouts/network_map.hpp"

#include <algorithm>
#include <cstdio>

namespace kring {

namespace {

constexpr Color kGrid = 0x8A9099FF;
constexpr Color kMuted = 0x57606AFF;
constexpr Color kOverdue = 0xC62828FF;
constexpr Color kDone = 0x2E7D32FF;
constexpr Color kHighlight = 0x1565C0FF;

Line segment(Point a, Point b, double width = 0.6, Color color = kGrid) {
    Line l;
    l.points = {a, b};
    l.width = width;
    l.color = color;
    l.role = Line::Role::Decoration;
    return l;
}

Label text_label(std::string text, Point at, double size, bool bold = false, Color color = kBlack) {
    Label l;
    l.text = std::move(text);
    l.pos = at;
    l.size = size;
    l.align = Align::Left;
    l.bold = bold;
    l.color = color;
    return l;
}

std::string t(std::string_view key, Lang lang) { return std::string(tr(key, lang)); }

std::string person_name(const Case& c, PersonId id) {
    const Person* p = c.person(id);
    return p ? p->display_name() : id.str();
}

// "grootmoeder (familielid)" / "gezinscoach, Wijkteam Noord"
std::string person_relation(const Person& p, Lang lang) {
    if (p.is_professional()) {
        std::string s = p.function;
        if (!p.organisation.empty()) s += (s.empty() ? "" : ", ") + p.organisation;
        return s.empty() ? t("category.professional", lang) : s;
    }
    return t("category." + std::string(to_string(p.category)), lang);
}

}  // namespace

std::string date_text(const PartialDate& d, Lang lang) {
    if (d.empty()) return "";
    char buf[32];
    if (lang == Lang::En || d.month == 0) return d.str();
    if (d.day == 0) std::snprintf(buf, sizeof buf, "%02d-%04d", d.month, d.year);
    else std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.day, d.month, d.year);
    return (d.approximate ? "~" : "") + std::string(buf);
}

std::vector<std::string> wrap_text(const std::string& text, double width, double size) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        const std::string para = text.substr(start, nl - start);
        std::string line;
        std::size_t i = 0;
        while (i < para.size()) {
            std::size_t sp = para.find(' ', i);
            if (sp == std::string::npos) sp = para.size();
            std::string word = para.substr(i, sp - i);
            const std::string trial = line.empty() ? word : line + " " + word;
            if (!line.empty() && text_width(trial, size) > width) {
                out.push_back(line);
                line = word;
            } else {
                line = trial;
            }
            // A single word longer than the column: cut it (at a UTF-8 boundary).
            while (text_width(line, size) > width && line.size() > 1) {
                std::size_t cut = line.size();
                std::string head = line;
                while (text_width(head, size) > width && cut > 1) {
                    --cut;
                    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
                    head = line.substr(0, cut);
                }
                out.push_back(head);
                line = line.substr(cut);
            }
            i = sp + 1;
        }
        out.push_back(line);
        if (nl == text.size()) break;
        start = nl + 1;
    }
    return out;
}

double append_heading(LayoutResult& out, const std::string& text, double x, double y, double size) {
    out.labels.push_back(text_label(text, {x, y + size * 0.7}, size, true));
    return y + size * 1.8;
}

double append_paragraph(LayoutResult& out, const std::string& text, double x, double y, double width, double size,
                        Color color, bool bold) {
    for (const auto& line : wrap_text(text, width, size)) {
        out.labels.push_back(text_label(line, {x, y + size * 0.65}, size, bold, color));
        y += size * 1.35;
    }
    return y + size * 0.4;
}

double append_table(LayoutResult& out, const TableSpec& tb, double x, double y) {
    const double pad = 3, lh = tb.size * 1.3;
    double total = 0;
    for (double w : tb.widths) total += w;
    const auto row = [&](const std::vector<std::string>& cells, bool header, Color color) {
        std::vector<std::vector<std::string>> wrapped;
        std::size_t lines = 1;
        for (std::size_t k = 0; k < tb.widths.size(); ++k) {
            const std::string cell = k < cells.size() ? cells[k] : "";
            wrapped.push_back(wrap_text(cell, tb.widths[k] - 2 * pad, tb.size * (header ? 1.08 : 1)));
            lines = std::max(lines, wrapped.back().size());
        }
        const double h = static_cast<double>(lines) * lh + 2 * pad;
        double cx = x;
        for (std::size_t k = 0; k < tb.widths.size(); ++k) {
            double ly = y + pad + lh / 2;
            for (const auto& l : wrapped[k]) {
                out.labels.push_back(text_label(l, {cx + pad, ly}, tb.size, header, color));
                ly += lh;
            }
            cx += tb.widths[k];
        }
        y += h;
        out.lines.push_back(segment({x, y}, {x + total, y}, header ? 1.2 : 0.5, header ? kBlack : kGrid));
    };
    const double top = y;
    out.lines.push_back(segment({x, y}, {x + total, y}, 1.2, kBlack));
    row(tb.header, true, kBlack);
    for (std::size_t i = 0; i < tb.rows.size(); ++i)
        row(tb.rows[i], false, i < tb.row_colors.size() ? tb.row_colors[i] : kBlack);
    // Column rules.
    double cx = x;
    for (std::size_t k = 0; k <= tb.widths.size(); ++k) {
        out.lines.push_back(segment({cx, top}, {cx, y}, 0.5));
        if (k < tb.widths.size()) cx += tb.widths[k];
    }
    return y + 10;
}

void finish_sheet(LayoutResult& out) {
    out.compute_bounds(10);
    out.bounds.x0 = std::min(out.bounds.x0, -10.0);
    out.bounds.x1 = std::max(out.bounds.x1, kSheetWidth + 10);
}

LayoutResult layout_invitation_list(const Case& c, const MeetingSheetOptions& opt) {
    const Lang L = opt.lang;
    const Meeting& m = c.info.meeting;
    LayoutResult out;
    double y = append_heading(out, t("meeting.invitations.title", L), 0, 0, 15);
    std::string sub;
    if (!m.date.empty()) sub = t("meeting.date", L) + ": " + date_text(m.date, L);
    if (!sub.empty()) y = append_paragraph(out, sub, 0, y, kSheetWidth, 10);
    if (!m.question.empty()) {
        y = append_paragraph(out, t("meeting.question", L), 0, y, kSheetWidth, 10, kBlack, true);
        y = append_paragraph(out, m.question, 0, y, kSheetWidth, 10);
    }
    y += 6;
    if (m.invitees.empty()) {
        append_paragraph(out, t("meeting.none_invited", L), 0, y, kSheetWidth, 10, kMuted);
        finish_sheet(out);
        return out;
    }
    TableSpec tb;
    tb.header = {t("meeting.col.name", L), t("meeting.col.role", L), t("meeting.col.relation", L),
                 t("meeting.col.consent", L), t("meeting.col.reach", L), t("meeting.col.availability", L)};
    tb.widths = {100, 72, 100, 62, opt.show_contact ? 96.0 : 0.0, 100};
    if (!opt.show_contact) {
        tb.widths[5] += 96;
        tb.widths[4] = 0;
    }
    // Chair first, then family, network, professionals.
    std::vector<const Invitee*> order;
    for (const auto& i : m.invitees) order.push_back(&i);
    std::stable_sort(order.begin(), order.end(), [](const Invitee* a, const Invitee* b) {
        const auto rank = [](InviteRole r) { return r == InviteRole::Chair ? 0 : static_cast<int>(r) + 1; };
        return rank(a->role) < rank(b->role);
    });
    for (const Invitee* i : order) {
        const Person* p = c.person(i->person);
        tb.rows.push_back({person_name(c, i->person), role_name(i->role, L), p ? person_relation(*p, L) : "",
                           consent_name(i->consent, L), opt.show_contact ? i->reach : "", i->availability});
        tb.row_colors.push_back(i->consent == Consent::No ? kMuted : kBlack);
    }
    if (!opt.show_contact) {
        for (auto& r : tb.rows) r.erase(r.begin() + 4);
        tb.header.erase(tb.header.begin() + 4);
        tb.widths.erase(tb.widths.begin() + 4);
    }
    y = append_table(out, tb, 0, y);
    int yes = 0, no = 0, unknown = 0;
    for (const auto& i : m.invitees) (i.consent == Consent::Yes ? yes : i.consent == Consent::No ? no : unknown)++;
    std::string summary = t("meeting.consent.summary", L);
    for (auto [key, n] : {std::pair{"{yes}", yes}, {"{no}", no}, {"{unknown}", unknown}})
        if (auto pos = summary.find(key); pos != std::string::npos) summary.replace(pos, std::string(key).size(), std::to_string(n));
    y = append_paragraph(out, summary, 0, y, kSheetWidth, 9, kMuted);
    if (no > 0) append_paragraph(out, t("meeting.consent.no_note", L), 0, y, kSheetWidth, 9, kMuted);
    finish_sheet(out);
    return out;
}

LayoutResult layout_meeting_sheet(const Case& c, const MeetingSheetOptions& opt) {
    const Lang L = opt.lang;
    const Meeting& m = c.info.meeting;
    LayoutResult out;
    double y = append_heading(out, t("meeting.sheet.title", L), 0, 0, 15);
    if (!m.date.empty()) y = append_paragraph(out, t("meeting.date", L) + ": " + date_text(m.date, L), 0, y, kSheetWidth, 10);

    y = append_heading(out, t("meeting.question", L), 0, y + 4, 11.5);
    y = append_paragraph(out, m.question.empty() ? t("meeting.question.empty", L) : m.question, 0, y, kSheetWidth, 10,
                         m.question.empty() ? kMuted : kBlack);

    y = append_heading(out, t("meeting.goals", L), 0, y + 4, 11.5);
    if (m.goals.empty()) {
        y = append_paragraph(out, t("meeting.goals.empty", L), 0, y, kSheetWidth, 9.5, kMuted);
    } else {
        TableSpec tb;
        tb.header = {t("meeting.col.domain", L), t("meeting.col.goal", L)};
        tb.widths = {130, kSheetWidth - 130};
        for (LifeDomain d : kLifeDomains)
            for (const auto& g : m.goals)
                if (g.domain == d) tb.rows.push_back({domain_name(d, L), g.text});
        y = append_table(out, tb, 0, y);
    }

    y = append_heading(out, t("meeting.offers", L), 0, y + 4, 11.5);
    if (m.offers.empty()) {
        y = append_paragraph(out, t("meeting.offers.empty", L), 0, y, kSheetWidth, 9.5, kMuted);
    } else {
        TableSpec tb;
        tb.header = {t("meeting.col.who", L), t("meeting.col.support", L), t("meeting.col.domain", L),
                     t("meeting.col.offer", L)};
        tb.widths = {105, 95, 105, kSheetWidth - 305};
        for (const auto& o : m.offers)
            tb.rows.push_back({person_name(c, o.person), support_name(o.support, L), domain_name(o.domain, L), o.description});
        y = append_table(out, tb, 0, y);
    }

    const MeetingGaps gaps = meeting_gaps(m);
    y = append_heading(out, t("meeting.gaps", L), 0, y + 4, 11.5);
    if (gaps.empty()) {
        y = append_paragraph(out, t("meeting.gaps.none", L), 0, y, kSheetWidth, 9.5, kDone);
    } else {
        if (!gaps.domains.empty()) {
            std::string s = t("meeting.gaps.domains", L) + ": ";
            for (std::size_t i = 0; i < gaps.domains.size(); ++i) s += (i ? ", " : "") + domain_name(gaps.domains[i], L);
            y = append_paragraph(out, s, 0, y, kSheetWidth, 9.5, kOverdue);
        }
        if (!gaps.support.empty()) {
            std::string s = t("meeting.gaps.support", L) + ": ";
            for (std::size_t i = 0; i < gaps.support.size(); ++i) s += (i ? ", " : "") + support_name(gaps.support[i], L);
            y = append_paragraph(out, s, 0, y, kSheetWidth, 9.5, kOverdue);
        }
    }

    finish_sheet(out);
    return out;
}

LayoutResult layout_agreements_sheet(const Case& c, const MeetingSheetOptions& opt) {
    const Lang L = opt.lang;
    const Meeting& m = c.info.meeting;
    LayoutResult out;
    double y = append_heading(out, t("meeting.agreements.title", L), 0, 0, 15);
    if (!m.date.empty()) y = append_paragraph(out, t("meeting.date", L) + ": " + date_text(m.date, L), 0, y, kSheetWidth, 10);
    const PartialDate today = opt.today.empty() ? kring::today() : opt.today;
    if (m.agreements.empty()) {
        y = append_paragraph(out, t("meeting.agreements.empty", L), 0, y, kSheetWidth, 9.5, kMuted);
    } else {
        const auto overdue = overdue_agreements(m, today);
        TableSpec tb;
        tb.header = {t("meeting.col.who", L), t("meeting.col.what", L), t("meeting.col.for", L),
                     t("meeting.col.by_when", L), t("meeting.col.follow_up", L), t("meeting.col.status", L)};
        tb.widths = {90, 170, 80, 60, 60, 70};
        for (const auto& a : m.agreements) {
            const bool late = std::find(overdue.begin(), overdue.end(), &a) != overdue.end();
            std::string status = a.done ? t("meeting.status.done", L)
                                 : late ? t("meeting.status.overdue", L)
                                        : t("meeting.status.open", L);
            tb.rows.push_back({person_name(c, a.who), a.what + " (" + support_name(a.support, L) + ")",
                               person_name(c, a.for_whom), date_text(a.by_when, L), date_text(a.follow_up, L), status});
            tb.row_colors.push_back(a.done ? kDone : late ? kOverdue : kBlack);
        }
        y = append_table(out, tb, 0, y);
        if (!overdue.empty()) {
            std::string s = t("meeting.overdue.count", L);
            if (auto p = s.find("{n}"); p != std::string::npos) s.replace(p, 3, std::to_string(overdue.size()));
            y = append_paragraph(out, s + " (" + t("meeting.per", L) + " " + date_text(today, L) + ")", 0, y,
                                 kSheetWidth, 9.5, kOverdue, true);
        }
    }
    finish_sheet(out);
    return out;
}

LayoutResult layout_meeting_map(const Case& c, const MeetingSheetOptions& opt) {
    NetworkOptions no;
    no.lang = opt.lang;
    no.show_notes = opt.show_contact;
    LayoutResult map = layout_network(c, no);
    // Invitees: a blue outline and their role under the name.
    for (auto& s : map.symbols) {
        const Invitee* inv = find_invitee(c.info.meeting, s.person);
        if (!inv) continue;
        s.stroke = kHighlight;
        Label l;
        l.text = role_name(inv->role, opt.lang);
        l.pos = {s.center.x, s.center.y - s.h / 2 - 7};
        l.size = 7.5;
        l.color = kHighlight;
        l.bold = true;
        l.person = s.person;
        map.labels.push_back(std::move(l));
    }
    map.compute_bounds(20);
    return map;
}

}  // namespace kring
