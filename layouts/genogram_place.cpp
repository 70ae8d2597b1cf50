// Genogram: room per person, partner-line levels, row heights and horizontal placement.
//
// Vertically, each row is: symbols; under them the partner lines (one level per nested
// partnership); under those the text (name, family name, dates, notes); then, above the
// next row, the sibship lines. Partner lines therefore never run through a name, and
// descent lines leave a partner line in the free gap between two persons' text blocks.
//
// Horizontally, x positions alternate top-down (children under their parents) and
// bottom-up (parents over their children) passes, each solved per row as an
// order-preserving weighted least-squares placement with minimum spacing (pool adjacent
// violators, linear time), so nothing overlaps by construction.
#include "layouts/genogram_internal.hpp"

#include "core/enums.hpp"
#include "layouts/strokes.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kring::genogram_detail {

namespace {

std::string year_text(const PartialDate& d) {
    if (d.empty()) return {};
    return (d.approximate ? "~" : "") + std::to_string(d.year);
}

// Greedy word wrap to `width` points, at most `max_lines` lines (the last one ends in
// an ellipsis when text was left out).
std::vector<std::string> wrap(const std::string& text, double size, double width, int max_lines) {
    std::vector<std::string> words;
    std::string w;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\t') {
            if (!w.empty()) words.push_back(std::move(w)), w.clear();
        } else {
            w += ch;
        }
    }
    if (!w.empty()) words.push_back(std::move(w));
    std::vector<std::string> lines;
    std::string cur;
    std::size_t i = 0;
    for (; i < words.size(); ++i) {
        std::string next = cur.empty() ? words[i] : cur + " " + words[i];
        if (!cur.empty() && text_width(next, size) > width) {
            lines.push_back(cur);
            cur = words[i];
            if (static_cast<int>(lines.size()) == max_lines) break;
        } else {
            cur = std::move(next);
        }
    }
    if (static_cast<int>(lines.size()) < max_lines) {
        if (!cur.empty()) lines.push_back(cur);
        i = words.size();
    }
    if (i < words.size() && !lines.empty()) {
        std::string& last = lines.back();
        while (!last.empty() && text_width(last + "\u2026", size) > width) {
            std::size_t cut = last.size() - 1;
            while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
            last.erase(cut);
        }
        while (!last.empty() && last.back() == ' ') last.pop_back();
        last += "\u2026";
    }
    // A single word wider than the width: cut it.
    for (auto& l : lines)
        while (text_width(l, size) > width * 1.02 && l.size() > 2) {
            std::size_t cut = l.size() - 1;
            while (cut > 0 && (static_cast<unsigned char>(l[cut]) & 0xC0) == 0x80) --cut;
            l.erase(cut);
        }
    return lines;
}

}  // namespace

PersonBox person_box(const Person& p, const Geometry& g, const GenogramOptions& opt, Lang lang) {
    PersonBox b;
    Symbol s = make_symbol(p, {}, g.size);
    b.sym_w = s.w;
    b.sym_h = s.h;
    b.text.reserve(4);  // name, family name and dates, and room for a note: one allocation
    auto add = [&](std::string text, double size, Color color, bool bold, bool prof) {
        if (text.empty()) return;
        b.text.push_back({std::move(text), size, color, bold, prof});
    };
    if (p.kind == EntryKind::Person || p.kind == EntryKind::Stillbirth) {
        add(p.given.empty() ? p.nickname : p.given, g.name_size(), kInk, p.index_person, false);
        add(p.family, g.name_size() * 0.9, kInk, false, false);
        std::string dates = year_text(p.birth);
        if (p.deceased) dates += (dates.empty() ? "\u2020 " : " \u2013 ") + year_text(p.death);
        add(dates, g.name_size() * 0.8, kGrey, false, false);
    } else {
        add(std::string(tr("kind." + std::string(to_string(p.kind)), lang)), g.name_size() * 0.8, kGrey, false, false);
    }
    double w = b.sym_w;
    for (const auto& t : b.text) w = std::max(w, text_width(t.text, t.size) * (t.bold ? 1.08 : 1.0) + 4);
    if (opt.show_notes && !p.notes.empty()) {
        const double size = g.name_size() * 0.75;
        const double width = std::max(w, g.size * 2.4);
        for (auto& line : wrap(p.notes, size, width, 3)) {
            w = std::max(w, text_width(line, size) + 4);
            add(std::move(line), size, 0x6E7781FF, false, true);
        }
    }
    b.extent = std::max(w, g.size) / 2;
    for (const auto& t : b.text) b.text_h += t.size * 1.25;
    return b;
}

void plan_structure(Plan& plan, const Case& /*c*/, const Family& f, const Geometry& g, Lang lang) {
    const std::size_t nrows = plan.rows.size();
    plan.row_depth.assign(nrows, 0);
    plan.row_sib_levels.assign(nrows, 0);
    plan.extra.assign(nrows, {});
    plan.row_of = PerPerson<int>(f, -1);
    plan.index_in_row = PerPerson<std::size_t>(f, 0);
    for (std::size_t r = 0; r < nrows; ++r) {
        plan.extra[r].assign(plan.rows[r].size(), 0.0);
        for (std::size_t i = 0; i < plan.rows[r].size(); ++i) {
            plan.row_of[plan.rows[r][i]] = static_cast<int>(r);
            plan.index_in_row[plan.rows[r][i]] = i;
        }
    }

    // Connected families (union-find over family ties), to keep unconnected families apart.
    {
        PlaceUnionFind uf(f.persons.size());
        for (const auto& [key, u] : f.unions) {
            const int a = dense(f, u.a);
            if (u.b) uf.join(a, dense(f, u.b));
            for (PersonId ch : u.children) uf.join(a, dense(f, ch));
        }
        std::vector<int> ids(f.persons.size(), -1);  // per root: its family's number
        int next = 0;
        plan.comp_of = PerPerson<int>(f, -1);
        for (PersonId p : f.persons) {
            int& id = ids[static_cast<std::size_t>(uf.find(dense(f, p)))];
            if (id < 0) id = next++;
            plan.comp_of[p] = id;
        }
    }

    // Partner lines: nested levels by interval colouring, shortest first.
    std::vector<std::pair<std::size_t, UnionKey>> order;
    for (const auto& [key, u] : f.unions) {
        if (!u.b) continue;
        int ra = plan.row_of.at(u.a), rb = plan.row_of.at(u.b);
        if (ra != rb) continue;
        std::size_t ia = plan.index_in_row.at(u.a), ib = plan.index_in_row.at(u.b);
        order.push_back({ia > ib ? ia - ib : ib - ia, key});
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::vector<std::vector<std::pair<std::size_t, std::size_t>>>> used(nrows);  // row -> depth -> spans
    auto partner_count = [&](PersonId p) {
        auto it = f.unions_of.find(p);
        int n = 0;
        if (it != f.unions_of.end())
            for (const auto& k : it->second) n += (k.second && plan.row_of.at(k.first) == plan.row_of.at(k.second)) ? 1 : 0;
        return n;
    };
    for (const auto& [len, key] : order) {
        const Union& u = f.unions.at(key);
        const std::size_t r = static_cast<std::size_t>(plan.row_of.at(u.a));
        std::size_t ia = plan.index_in_row.at(u.a), ib = plan.index_in_row.at(u.b);
        std::size_t lo = std::min(ia, ib), hi = std::max(ia, ib);
        auto& levels = used[r];
        int depth = 0;
        for (;; ++depth) {
            if (static_cast<std::size_t>(depth) >= levels.size()) levels.emplace_back();
            bool clash = false;
            for (const auto& [l2, h2] : levels[static_cast<std::size_t>(depth)])
                if (lo < h2 && l2 < hi) clash = true;
            if (!clash) break;
        }
        levels[static_cast<std::size_t>(depth)].push_back({lo, hi});
        PartnerLine pl;
        pl.key = key;
        pl.depth = depth;
        if (hi - lo == 1) {
            pl.gap_left = lo;
        } else {
            PersonId left = plan.rows[r][lo], right = plan.rows[r][hi];
            bool far_is_left = partner_count(left) < partner_count(right);
            pl.gap_left = far_is_left ? lo : hi - 1;
        }
        const Relation* rel = u.partner;
        if (rel) {
            PartnerStatus st = rel->partner;
            if (!rel->start.empty()) {
                const char* k = st == PartnerStatus::Married || st == PartnerStatus::Divorced ||
                                        st == PartnerStatus::Separated || st == PartnerStatus::Widowed
                                    ? "married.short"
                                : st == PartnerStatus::Engaged    ? "engaged.short"
                                : st == PartnerStatus::Cohabiting ? "cohabiting.short"
                                                                  : "relationship.short";
                pl.start_text = std::string(tr(k, lang)) + " " + year_text(rel->start);
            }
            if (!rel->end.empty() && (st == PartnerStatus::Divorced || st == PartnerStatus::Separated))
                pl.end_text = std::string(tr(st == PartnerStatus::Divorced ? "divorced.short" : "separated.short", lang)) +
                              " " + year_text(rel->end);
        }
        // Room for the dates between the two legs around the gap: the text sits just
        // above the line, below the symbols, left and right of the separation slashes.
        const double ts = g.date_size();
        const bool slashes = rel && (rel->partner == PartnerStatus::Separated || rel->partner == PartnerStatus::Divorced);
        const double ws = text_width(pl.start_text, ts), we = text_width(pl.end_text, ts);
        // The anchor sits in the middle of the gap; the legs are at the two persons'
        // centres, extent + (gap + extra) / 2 away from it. Each side needs room for its
        // text (beside the slashes, or half of one centred text).
        const double off = g.size * 0.32;  // keep in step with emit_family_lines
        const double need_l = (slashes || !pl.end_text.empty() ? off + ws : ws / 2) + 8;
        const double need_r = (slashes || !pl.end_text.empty() ? off + we : ws / 2) + 8;
        const auto& row = plan.rows[r];
        const double el = plan.box.at(row[pl.gap_left]).extent, er = plan.box.at(row[pl.gap_left + 1]).extent;
        auto& ex = plan.extra[r][pl.gap_left];
        ex = std::max({ex, 2 * (need_l - el) - g.gap(), 2 * (need_r - er) - g.gap()});
        plan.row_depth[r] = std::max(plan.row_depth[r], depth + 1);
        plan.lines[key] = std::move(pl);
    }
    // Single parents hang their children from a short stub at level 0.
    for (const auto& [key, u] : f.unions)
        if (!u.b && !u.children.empty()) {
            auto r = static_cast<std::size_t>(plan.row_of.at(u.a));
            plan.row_depth[r] = std::max(plan.row_depth[r], 1);
        }
    plan.busy_gap.assign(nrows, {});
    for (std::size_t r = 0; r < nrows; ++r) plan.busy_gap[r].assign(plan.rows[r].size(), 0);
    for (const auto& [key, pl] : plan.lines) plan.busy_gap[static_cast<std::size_t>(plan.row_of.at(key.first))][pl.gap_left] = Plan::kDatesGap;
    for (const auto& [key, u] : f.unions)
        if (!u.b && !u.children.empty())
            if (char& gap = plan.busy_gap[static_cast<std::size_t>(plan.row_of.at(u.a))][plan.index_in_row.at(u.a)]; gap == Plan::kFreeGap)
                gap = Plan::kStubGap;
    // Unconnected families: a wider gap between them.
    for (std::size_t r = 0; r < nrows; ++r)
        for (std::size_t i = 0; i + 1 < plan.rows[r].size(); ++i)
            if (plan.comp_of.at(plan.rows[r][i]) != plan.comp_of.at(plan.rows[r][i + 1]))
                plan.extra[r][i] = std::max(plan.extra[r][i], g.size * 0.9);
}

void plan_heights(Plan& plan, const Family& f, const Geometry& g, const std::unordered_map<PersonId, double>& placed) {
    const std::size_t nrows = plan.rows.size();
    auto x = [&](PersonId p) {
        const Person* person = f.person(p);
        return person && person->genogram_pin ? person->genogram_pin->x : placed.at(p);
    };
    // Sibship lines: levels by interval colouring over where each line runs - from its
    // parents' line of descent to its outermost children (a child a row further down: where
    // its line leaves; twins there: their fork point). Two sibships of one row whose lines
    // would overlap at one height read as one: whose child is whose could not be told.
    // Colouring the children's slots alone missed the parents' end of the line, which
    // often lies beyond their children when a row is crowded. Generated families of 30,
    // 100, 300 and 500 p (30 each): 2,713 stretches of two sibship lines on top of each
    // other in 86 of the 120 families; with 6 levels 99 in 16 (with 4, 634 in 47), all at
    // 300 and 500 p, where more lines overlapped than there were levels. Up to 32 levels:
    // none in those 120 families (0.4% more height at 300 and 500 p); in 4 families of
    // 2,000 p and 2 of 1,000 p none against 3,838 with 6 levels (16 left 289), for 17% more
    // height - a row grows by the levels it uses, and these drawings are 25 to 60 times
    // wider than tall. More than 32 lines over one stretch share the level whose last line
    // ends first.
    struct Span {
        int row;
        double x0, x1;
        UnionKey key;
    };
    std::vector<Span> spans;
    // Rows with twins below their siblings': their fork point stands on a level above every
    // sibship line of the row (emit_family_lines), a level more.
    std::vector<char> low_twins(nrows, 0);
    for (const auto& [key, u] : f.unions) {
        if (u.children.empty()) continue;
        int r = INT32_MAX;
        for (PersonId ch : u.children) r = std::min(r, plan.row_of.at(ch));
        // Where the parents' line comes down (the cross-row couple's, roughly).
        double anchor = stub_x(x(u.a), plan.box.at(u.a), g);
        if (u.b) {
            const double xa = x(u.a), xb = x(u.b);
            anchor = (xa + xb) / 2;
            if (auto pl = plan.lines.find(key); pl != plan.lines.end() && plan.row_of.at(u.a) == plan.row_of.at(u.b))
                anchor = dates_gap_x(plan, pl->second, static_cast<std::size_t>(plan.row_of.at(u.a)), std::min(xa, xb), std::max(xa, xb), x);
        }
        double lo = anchor, hi = anchor;
        for (PersonId ch : u.children) {
            double at = x(ch);
            if (const int cr = plan.row_of.at(ch); cr > r)
                if (auto tw = f.twin_sibs.find(ch); tw != f.twin_sibs.end())
                    for (PersonId t : tw->second)
                        if (plan.row_of.at(t) == cr) at = (at + x(t)) / 2, low_twins[static_cast<std::size_t>(cr)] = 1;
            lo = std::min(lo, at), hi = std::max(hi, at);
        }
        spans.push_back({r, lo, hi, key});
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return std::tie(a.row, a.x0) < std::tie(b.row, b.x0); });
    constexpr int kLevels = 32;
    const double apart = g.size * 0.25;  // nearer than this, two lines at one height run together
    std::vector<std::vector<double>> level_end(nrows);  // row -> level -> where its last line ends
    for (const Span& sp : spans) {
        auto& ends = level_end[static_cast<std::size_t>(sp.row)];
        int level = 0;
        while (static_cast<std::size_t>(level) < ends.size() && ends[static_cast<std::size_t>(level)] + apart > sp.x0) ++level;
        if (level >= kLevels) {  // no level free: the one whose last line ends first
            level = 0;
            for (int k = 1; k < kLevels; ++k)
                if (ends[static_cast<std::size_t>(k)] < ends[static_cast<std::size_t>(level)]) level = k;
        }
        if (static_cast<std::size_t>(level) >= ends.size()) ends.push_back(sp.x1);
        ends[static_cast<std::size_t>(level)] = std::max(ends[static_cast<std::size_t>(level)], sp.x1);
        plan.sib_level[sp.key] = level;
        plan.row_sib_levels[static_cast<std::size_t>(sp.row)] = std::max(plan.row_sib_levels[static_cast<std::size_t>(sp.row)], level + 1);
    }
    for (std::size_t r = 0; r < nrows; ++r)
        if (low_twins[r]) plan.row_sib_levels[r] = std::max(1, plan.row_sib_levels[r]) + 1;

    // Row heights from what each row holds.
    plan.row_y.assign(nrows, 0);
    plan.text_top.assign(nrows, 0);
    for (std::size_t r = 0; r < nrows; ++r) {
        int depth = plan.row_depth[r];
        plan.text_top[r] = plan.row_y[r] + g.size / 2 + (depth ? g.partner_drop(depth - 1) + 5 : 5);
        if (r + 1 == nrows) break;
        double text_h = 0;
        for (PersonId p : plan.rows[r]) text_h = std::max(text_h, plan.box.at(p).text_h);
        int levels = std::max(1, plan.row_sib_levels[r + 1]);
        double next_top = plan.text_top[r] + text_h + 10 + g.sibship_rise(levels - 1) + g.size / 2;
        plan.row_y[r + 1] = std::max(plan.row_y[r] + g.size * 2.6, next_top);
    }
}

std::vector<double> solve_row(const std::vector<Slot>& slots) {
    // Pool-adjacent-violators on blocks: each block is a run of slots packed at minimum
    // spacing, positioned at the weighted mean of its members' desired positions.
    struct Block {
        std::size_t first, last;
        double wsum, wdsum;  // sum w, sum w*(desired - offset)
        double pos;          // x of the first slot
    };
    std::vector<double> offset(slots.size(), 0.0);
    for (std::size_t i = 1; i < slots.size(); ++i) offset[i] = offset[i - 1] + slots[i - 1].right + slots[i].left;
    std::vector<Block> blocks;
    blocks.reserve(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) {
        Block b{i, i, slots[i].weight, slots[i].weight * (slots[i].desired - offset[i]), 0};
        b.pos = b.wdsum / b.wsum;
        blocks.push_back(b);
        while (blocks.size() > 1) {
            Block& prev = blocks[blocks.size() - 2];
            Block& cur = blocks.back();
            if (prev.pos <= cur.pos + 1e-9) break;
            prev.last = cur.last;
            prev.wsum += cur.wsum;
            prev.wdsum += cur.wdsum;
            prev.pos = prev.wdsum / prev.wsum;
            blocks.pop_back();
        }
    }
    std::vector<double> x(slots.size());
    for (const auto& b : blocks)
        for (std::size_t i = b.first; i <= b.last; ++i) x[i] = b.pos + offset[i];
    return x;
}

std::unordered_map<PersonId, double> place_rows(const Case& /*c*/, const Family& f, const Plan& plan, const Geometry& g) {
    const Rows& rows = plan.rows;
    const std::size_t n = rows.size();
    // Everything works on slots (row, index in the row), looked up once: the rounds below
    // then touch only vectors (a 500-person layout spent a tenth of its time on lookups).
    struct At {
        std::size_t r, i;
    };
    auto slot_of = [&](PersonId p) {
        return At{static_cast<std::size_t>(plan.row_of.at(p)), plan.index_in_row.at(p)};
    };
    std::vector<std::vector<double>> x(n), ext(n);
    std::vector<std::vector<const Person*>> who(n);
    for (std::size_t r = 0; r < n; ++r)
        for (PersonId p : rows[r]) {
            ext[r].push_back(plan.box.at(p).extent);
            who[r].push_back(f.person(p));
        }
    // Start packed from the left.
    for (std::size_t r = 0; r < n; ++r) {
        double cur = 0;
        x[r].resize(rows[r].size());
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            if (i) cur += ext[r][i - 1] + ext[r][i] + g.gap() + plan.extra[r][i - 1];
            x[r][i] = cur;
        }
    }
    // Where a union's children hang from: the gap chosen for its partner line, the stub
    // beside a single parent, or the midpoint of partners on different rows.
    struct Anchor {
        enum { Stub, Line, Mid } kind;
        At a, b;  // Line: the slots left and right of the gap
    };
    std::vector<Anchor> anchors;
    std::map<UnionKey, std::size_t> anchor_of;
    auto anchor_for = [&](const UnionKey& key, const Union& u) {
        auto [it, fresh] = anchor_of.try_emplace(key, anchors.size());
        if (!fresh) return it->second;
        const At a = slot_of(u.a);
        if (!u.b) anchors.push_back({Anchor::Stub, a, a});
        else if (auto line = plan.lines.find(key); line == plan.lines.end()) anchors.push_back({Anchor::Mid, a, slot_of(u.b)});
        else anchors.push_back({Anchor::Line, {a.r, line->second.gap_left}, {a.r, line->second.gap_left + 1}});
        return it->second;
    };
    auto anchor_x = [&](std::size_t k) {
        const Anchor& an = anchors[k];
        const double xa = x[an.a.r][an.a.i], ea = ext[an.a.r][an.a.i];
        switch (an.kind) {
            case Anchor::Stub: return xa + ea + g.gap() / 2;
            case Anchor::Mid: return (xa + x[an.b.r][an.b.i]) / 2;
            case Anchor::Line: break;
        }
        return ((xa + ea) + (x[an.b.r][an.b.i] - ext[an.b.r][an.b.i])) / 2;
    };

    std::vector<double> want_w, want_wd;
    std::vector<Slot> slots;  // reused by every row's solve
    auto solve = [&](std::size_t r) {
        slots.resize(rows[r].size());
        for (std::size_t i = 0; i < slots.size(); ++i) {
            double wsum = 0.05 + want_w[i], wdsum = 0.05 * x[r][i] + want_wd[i];
            if (const Person* person = who[r][i]; person->genogram_pin) {
                wsum += 1000;
                wdsum += 1000 * person->genogram_pin->x;
            }
            slots[i].desired = wdsum / wsum;
            slots[i].weight = wsum;
            slots[i].left = ext[r][i] + g.gap() / 2;
            slots[i].right = ext[r][i] + g.gap() / 2 + plan.extra[r][i];
        }
        x[r] = solve_row(slots);
    };
    auto reset = [&](std::size_t r) {
        want_w.assign(rows[r].size(), 0.0);
        want_wd.assign(rows[r].size(), 0.0);
    };
    auto add = [&](std::size_t i, double target, double w) {
        want_w[i] += w;
        want_wd[i] += w * target;
    };

    // Children of each union per row, in row order.
    struct Kids {
        std::size_t anchor;
        std::vector<std::size_t> at;  // their slots in the row
    };
    std::vector<std::vector<Kids>> kids_in_row(n);
    {
        std::map<std::pair<int, UnionKey>, std::size_t> where;
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t i = 0; i < rows[r].size(); ++i) {
                auto it = f.child_of.find(rows[r][i]);
                if (it == f.child_of.end()) continue;
                auto [w, fresh] = where.try_emplace({static_cast<int>(r), it->second}, kids_in_row[r].size());
                if (fresh) kids_in_row[r].push_back({anchor_for(it->second, f.unions.at(it->second)), {}});
                kids_in_row[r][w->second].at.push_back(i);
            }
    }
    // Unions per row of their (first) partner: the partners on that row and the children.
    struct Parents {
        std::size_t anchor;
        std::size_t a;
        long b;  // -1: none on this row
        std::vector<At> kids;
    };
    std::vector<std::vector<Parents>> unions_in_row(n);
    for (const auto& [key, u] : f.unions) {
        if (u.children.empty()) continue;
        const At a = slot_of(u.a);
        Parents ps{anchor_for(key, u), a.i, -1, {}};
        if (u.b)
            if (const At b = slot_of(u.b); b.r == a.r) ps.b = static_cast<long>(b.i);
        for (PersonId ch : u.children) ps.kids.push_back(slot_of(ch));
        unions_in_row[a.r].push_back(std::move(ps));
    }
    // Partners who married in stay beside their partner. Partners who both hang from
    // parents of their own are drawn towards each other too (as strongly as towards their
    // parents), so that the partner line does not stretch empty between the two families:
    // on a 200-person family one ran across the whole drawing. Crossings do not change
    // with this (measured 0 to 1.5 on the bench cases).
    constexpr double kBoth = 1.0;
    struct Pull {
        std::size_t i, q;
        double w;
    };
    std::vector<std::vector<Pull>> pulls(n);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            const PersonId p = rows[r][i];
            auto it = f.unions_of.find(p);
            if (it == f.unions_of.end()) continue;
            const bool own_parents = f.parents.count(p);
            for (const auto& key : it->second) {
                const Union& u = f.unions.at(key);
                PersonId q = u.a == p ? u.b : u.a;
                if (!q || !f.parents.count(q) || plan.row_of.at(q) != static_cast<int>(r)) continue;
                pulls[r].push_back({i, plan.index_in_row.at(q), own_parents ? kBoth : 0.8});
            }
        }

    auto top_down = [&](std::size_t r) {
        reset(r);
        for (const Kids& k : kids_in_row[r]) {
            const double mid = anchor_x(k.anchor);
            double total = 0;
            for (std::size_t j = 1; j < k.at.size(); ++j)
                total += ext[r][k.at[j - 1]] + ext[r][k.at[j]] + g.gap() + plan.extra[r][k.at[j - 1]];
            double cur = mid - total / 2;
            for (std::size_t j = 0; j < k.at.size(); ++j) {
                if (j) cur += ext[r][k.at[j - 1]] + ext[r][k.at[j]] + g.gap() + plan.extra[r][k.at[j - 1]];
                add(k.at[j], cur, 1.0);
            }
        }
        for (const Pull& p : pulls[r]) {
            double side = x[r][p.i] < x[r][p.q] ? -1 : 1;
            add(p.i, x[r][p.q] + side * (ext[r][p.i] + ext[r][p.q] + g.gap()), p.w);
        }
        solve(r);
    };

    auto bottom_up = [&](std::size_t r) {
        reset(r);
        for (const Parents& u : unions_in_row[r]) {
            double lo = 1e300, hi = -1e300;
            for (const At& k : u.kids) {
                lo = std::min(lo, x[k.r][k.i]);
                hi = std::max(hi, x[k.r][k.i]);
            }
            double shift = (lo + hi) / 2 - anchor_x(u.anchor);
            add(u.a, x[r][u.a] + shift, 1.0);
            if (u.b >= 0) add(static_cast<std::size_t>(u.b), x[r][static_cast<std::size_t>(u.b)] + shift, 1.0);
        }
        solve(r);
    };

    for (int iter = 0; iter < 6; ++iter) {
        for (std::size_t r = n; r-- > 0;) bottom_up(r);
        for (std::size_t r = 1; r < n; ++r) top_down(r);
    }
    // Normalise so the drawing starts at x = 0 (not when pins fix absolute positions).
    bool pinned = false;
    for (PersonId p : f.persons) pinned = pinned || f.person(p)->genogram_pin;
    double lo = 1e300;
    for (std::size_t r = 0; r < n && !pinned; ++r)
        for (std::size_t i = 0; i < rows[r].size(); ++i) lo = std::min(lo, x[r][i] - ext[r][i]);
    std::unordered_map<PersonId, double> out;
    out.reserve(f.persons.size() * 2);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t i = 0; i < rows[r].size(); ++i) out[rows[r][i]] = lo < 1e299 ? x[r][i] - lo : x[r][i];
    return out;
}

}  // namespace kring::genogram_detail
