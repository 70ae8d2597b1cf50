// Network map (ecomap / netwerkkaart): the focus in the centre, three rings for closeness
// and seven sectors. Deterministic: the same case always gives the same map.
//   - A sector's angle grows with the number of people in it (empty sectors keep a
//     minimum, so the worker sees where nobody is).
//   - Ring radii grow until the people on each ring fit their sectors without overlap.
#include "layouts/network_map.hpp"

#include "core/enums.hpp"
#include "layouts/strokes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>

namespace kring {

Sector sector_of(Category c) {
    switch (c) {
    case Category::Household: return Sector::Household;
    case Category::Family:
    case Category::Relative: return Sector::Family;
    case Category::Friend: return Sector::Friends;
    case Category::Neighbour: return Sector::Neighbours;
    case Category::SchoolWork: return Sector::SchoolWork;
    case Category::Leisure: return Sector::Leisure;
    case Category::Professional: return Sector::Professionals;
    }
    return Sector::Family;
}

PersonId default_focus(const Case& c) {
    if (auto idx = c.index_person()) return *idx;
    for (const auto& [id, p] : c.persons())
        if (p.category == Category::Household && p.kind == EntryKind::Person) return id;
    for (const auto& [id, p] : c.persons())
        if (p.kind == EntryKind::Person) return id;
    return {};
}

namespace {

constexpr std::array<const char*, kSectorCount> kSectorKeys = {
    "sector.household", "sector.family", "sector.friends", "sector.neighbours",
    "sector.school-work", "sector.leisure", "sector.professionals"};

struct Tie {
    const Relation* contact = nullptr;
    bool gives = false, receives = false;  // support seen from the alter: gives to focus / receives from focus
    int support_strength = 0;
    bool stress = false;   // conflict, hostility, abuse, neglect, or critical of the client
    bool family = false;   // a family tie with the focus
    bool any = false;
    RelationId first;
};

int ring_of(const Person& p, const Tie& t) {
    if (t.contact) return std::clamp(t.contact->closeness, 1, 3);
    if (p.category == Category::Household) return 1;
    if (t.support_strength >= 3) return 1;
    if (p.category == Category::Professional || p.category == Category::SchoolWork) return 3;
    return 2;
}

TieStyle style_of(const Tie& t, int ring) {
    if (t.contact && t.contact->no_contact) return TieStyle::NoContact;
    if (t.stress) return TieStyle::Stressful;
    if (t.support_strength >= 3 || ring == 1) return TieStyle::Strong;
    if (t.contact && (t.contact->frequency == Frequency::Rarely || t.contact->frequency == Frequency::Yearly ||
                      t.contact->frequency == Frequency::Never))
        return TieStyle::Tenuous;
    if (ring == 3 && t.support_strength == 0 && !t.family) return TieStyle::Tenuous;
    return TieStyle::Normal;
}

}  // namespace

LayoutResult layout_network(const Case& c, const NetworkOptions& opt) {
    LayoutResult out;
    const double S = 28 * opt.scale;
    PersonId focus = opt.focus && c.person(opt.focus) ? opt.focus : default_focus(c);
    if (!focus) {
        Label l;
        l.text = "-";
        out.labels.push_back(l);
        out.compute_bounds();
        return out;
    }

    // Ties between the focus and everyone else.
    std::map<PersonId, Tie> ties;
    for (const auto& [id, r] : c.relations()) {
        if (!r.involves(focus) || r.a == r.b) continue;
        PersonId other = r.other(focus);
        if (!c.person(other)) continue;
        Tie& t = ties[other];
        t.any = true;
        if (!t.first) t.first = id;
        switch (r.kind) {
        case RelationKind::Contact:
            t.contact = &r;
            if (r.critical) t.stress = true;
            break;
        case RelationKind::Support: {
            // direction is seen from r.a
            bool a_gives = r.direction == Direction::Gives || r.direction == Direction::Both;
            bool a_receives = r.direction == Direction::Receives || r.direction == Direction::Both;
            bool other_is_a = r.a == other;
            if (other_is_a ? a_gives : a_receives) t.gives = true;
            if (other_is_a ? a_receives : a_gives) t.receives = true;
            t.support_strength = std::max(t.support_strength, r.strength);
            break;
        }
        case RelationKind::Emotional:
            if (r.emotion == EmotionKind::Conflict || r.emotion == EmotionKind::Hostile || r.emotion == EmotionKind::Abuse ||
                r.emotion == EmotionKind::Neglect || r.emotion == EmotionKind::CutOff)
                t.stress = true;
            break;
        default: t.family = true; break;
        }
    }

    // Who is on the map: everyone living, except special genogram entries.
    struct Alter {
        PersonId id;
        int ring;
        Sector sector;
    };
    std::vector<Alter> alters;
    for (const auto& [id, p] : c.persons()) {
        if (id == focus || p.kind != EntryKind::Person) continue;
        if (p.deceased && !(ties.count(id) && ties[id].contact)) continue;
        alters.push_back({id, ring_of(p, ties[id]), sector_of(p.category)});
    }

    // Sector angles: proportional to (0.6 + people in it), so an empty sector keeps a
    // visible wedge (the worker sees where nobody is) without costing much room.
    std::array<int, kSectorCount> count{};
    for (const auto& a : alters) ++count[static_cast<int>(a.sector)];
    double total = 0;
    for (int n : count) total += 0.6 + n;
    std::array<double, kSectorCount + 1> start{};
    start[0] = -std::numbers::pi / 2 - std::numbers::pi * (0.6 + count[0]) / total;  // household centred at the top
    for (int s = 0; s < kSectorCount; ++s) start[s + 1] = start[s] + 2 * std::numbers::pi * (0.6 + count[s]) / total;

    // Ring radii: each ring wide enough for its most crowded sector. A crowded cell puts
    // every other person half a step outwards (staggered), which halves the arc it needs.
    const double slot = S * 2.5;  // room per person along the ring (symbol + name)
    const double step = S * 2.3;  // minimum distance between rings
    std::array<double, 4> radius{0, 0, 0, 0};
    std::map<std::pair<int, int>, std::vector<PersonId>> cells;  // (sector, ring) -> persons
    for (const auto& a : alters) cells[{static_cast<int>(a.sector), a.ring}].push_back(a.id);
    auto staggered = [&](std::size_t n, double span, double r) { return n >= 3 && n * slot / span > r; };
    for (int ring = 1; ring <= 3; ++ring) {
        double need = ring == 1 ? S * 2.4 : radius[ring - 1] + step;
        for (const auto& [key, ids] : cells) {
            if (key.second != ring) continue;
            const double span = start[key.first + 1] - start[key.first];
            const double plain = ids.size() * slot / span;
            need = std::max(need, plain > need && ids.size() >= 3 ? plain / 2 : plain);
        }
        // Staggered persons stand further out: keep the next ring clear of them.
        if (ring > 1 && need - radius[ring - 1] < step) need = radius[ring - 1] + step;
        radius[ring] = need;
    }
    const Point centre{0, 0};
    auto polar = [&](double r, double a) { return Point{centre.x + r * std::cos(a), centre.y + r * std::sin(a)}; };

    // Rings and sectors.
    const double outer = radius[3] + S * 1.5;
    std::array<double, 4> boundary{0, (radius[1] + radius[2]) / 2, (radius[2] + radius[3]) / 2, outer};
    for (int ring = 1; ring <= 3; ++ring) {
        Line l;
        l.points = circle_points(centre, boundary[ring], 144);
        l.closed = true;
        l.color = kLightGrey;
        l.width = 1.2;
        l.role = Line::Role::Ring;
        out.lines.push_back(std::move(l));
    }
    for (int s = 0; s < kSectorCount; ++s) {
        Line l;
        l.points = {polar(radius[1] * 0.5, start[s]), polar(outer, start[s])};
        l.color = kLightGrey;
        l.width = 1.0;
        l.style = LineStyle::Dashed;
        l.role = Line::Role::Ring;
        out.lines.push_back(std::move(l));
        // Sector title just outside the outer ring, aligned away from the centre.
        Label t;
        t.text = std::string(tr(kSectorKeys[s], opt.lang));
        t.size = 10 * opt.scale;
        t.bold = true;
        t.color = count[s] ? 0x57606AFF : kGrey;
        const double mid = (start[s] + start[s + 1]) / 2;
        const double cx = std::cos(mid), sy = std::sin(mid);
        t.pos = polar(outer + 6 * opt.scale, mid);
        t.pos.y += sy * t.size * 0.7;
        t.align = cx > 0.25 ? Align::Left : cx < -0.25 ? Align::Right : Align::Center;
        out.labels.push_back(std::move(t));
    }
    std::vector<Rect> taken;  // symbols and texts placed so far (names avoid them)

    // Persons.
    std::map<PersonId, Point> pos;
    pos[focus] = centre;
    for (const auto& [key, ids] : cells) {
        const double a0 = start[key.first], a1 = start[key.first + 1];
        const int ring = key.second;
        const bool stagger = staggered(ids.size(), a1 - a0, radius[ring]);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Person& p = *c.person(ids[i]);
            const double ang = a0 + (a1 - a0) * (static_cast<double>(i) + 0.5) / static_cast<double>(ids.size());
            const double r = radius[ring] + (stagger ? (i % 2 ? 0.45 : -0.45) * S : 0.0);
            Point pt = polar(r, ang);
            if (p.network_pin) pt = {p.network_pin->x, p.network_pin->y};
            pos[ids[i]] = pt;
        }
    }

    // Lines: focus to each alter, then ties among alters (thin), drawn under symbols.
    for (const auto& a : alters) {
        auto it = ties.find(a.id);
        if (it == ties.end() || !it->second.any) continue;
        const Tie& t = it->second;
        Point pa = pos[focus], pb = pos[a.id];
        trim(pa, pb, S * 0.7, S * 0.62);
        TieStyle st = style_of(t, a.ring);
        bool risk = c.person(a.id)->risk;
        emit_tie(out, pa, pb, st, t.gives, t.receives, risk && opt.show_notes, t.first);
        if (!opt.show_notes) out.lines.back().color = st == TieStyle::Stressful ? kConflictRed : kInk;
        out.legend.insert(st == TieStyle::Strong      ? "tie.strong"
                          : st == TieStyle::Normal    ? "tie.normal"
                          : st == TieStyle::Tenuous   ? "tie.weak"
                          : st == TieStyle::Stressful ? "tie.stress"
                                                      : "no-contact");
        if (t.gives || t.receives) out.legend.insert("support");
    }
    for (const auto& [id, r] : c.relations()) {
        if (r.involves(focus) || r.a == r.b || !pos.count(r.a) || !pos.count(r.b)) continue;
        if (r.kind != RelationKind::Contact && r.kind != RelationKind::Emotional && r.kind != RelationKind::Support) continue;
        Point pa = pos[r.a], pb = pos[r.b];
        trim(pa, pb, S * 0.62, S * 0.62);
        bool conflict = r.kind == RelationKind::Emotional &&
                        (r.emotion == EmotionKind::Conflict || r.emotion == EmotionKind::Hostile ||
                         r.emotion == EmotionKind::Abuse);
        Line l;
        l.points = conflict ? zigzag(pa, pb, 4, 12) : std::vector<Point>{pa, pb};
        // Ties among the people around the focus: dotted grey, so they stay visible in black
        // and white without competing with the focus' own ties.
        l.color = conflict ? kConflictRed : kGrey;
        l.style = conflict ? LineStyle::Solid : LineStyle::Dotted;
        l.width = conflict ? 1.0 : 1.2;
        l.relation = id;
        l.role = Line::Role::Network;
        out.lines.push_back(std::move(l));
        out.legend.insert(conflict ? "tie.stress" : "tie.among");
    }

    // Symbols first, then their names, placed where they overlap no symbol and no other
    // name: below the symbol, else above, right, left, or further below.
    auto emit_symbol = [&](PersonId id, bool is_focus) {
        const Person& p = *c.person(id);
        Symbol s = make_symbol(p, pos[id], is_focus ? S * 1.3 : S);
        if (p.is_professional()) {
            s.shape = Shape::Box;
            s.w = S * 1.3;
            s.h = S * 0.85;
            out.legend.insert("professional");
        }
        s.pinned = p.network_pin.has_value();
        s.index_person = is_focus || p.index_person;
        s.risk = p.risk && opt.show_notes;  // risk annotations are hidden when drawing together
        if (s.risk) out.legend.insert("risk");
        if (p.abroad) out.legend.insert("abroad");
        out.symbols.push_back(s);
        taken.push_back(s.bounds());
    };
    for (const auto& a : alters) emit_symbol(a.id, false);
    emit_symbol(focus, true);

    auto overlaps = [&](const Rect& r) {
        return std::any_of(taken.begin(), taken.end(),
                           [&](const Rect& t) { return r.x0 < t.x1 && t.x0 < r.x1 && r.y0 < t.y1 && t.y0 < r.y1; });
    };
    // Ring names on a sector divider, where nobody stands: the first divider (from the one
    // left of the household) where the name touches no symbol.
    for (int ring = 1; ring <= 3; ++ring) {
        Label rl;
        rl.text = std::string(tr("ring." + std::to_string(ring), opt.lang));
        rl.size = 7.5 * opt.scale;
        rl.color = kGrey;
        const double r = ring == 1 ? boundary[1] * 0.62 : (boundary[ring - 1] + boundary[ring]) / 2;
        const double w = text_width(rl.text, rl.size);
        Rect box{};
        for (int d = 0; d <= kSectorCount; ++d) {
            rl.pos = polar(r, start[static_cast<std::size_t>(d % kSectorCount)]);
            box = {rl.pos.x - w / 2, rl.pos.y - rl.size * 0.6, rl.pos.x + w / 2, rl.pos.y + rl.size * 0.6};
            if (!overlaps(box) || d == kSectorCount) break;
        }
        taken.push_back(box);
        out.labels.push_back(std::move(rl));
    }
    auto shorten = [](std::string t, std::size_t max_cp) {
        std::size_t cps = 0, i = 0;
        for (; i < t.size(); ++i)
            if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80 && ++cps > max_cp) break;
        if (i < t.size()) t = t.substr(0, i) + "\u2026";
        return t;
    };
    auto emit_names = [&](PersonId id, bool is_focus) {
        const Person& p = *c.person(id);
        const Symbol& s = *out.symbol_of(id);
        std::vector<Label> block;
        auto add = [&](std::string text, double size, Color color, bool bold, bool prof) {
            if (text.empty()) return;
            Label l;
            l.text = std::move(text);
            l.size = size;
            l.color = color;
            l.bold = bold;
            l.person = id;
            l.professional_only = prof;
            l.halo = true;  // ties radiate from the focus and pass near names: keep names readable
            block.push_back(std::move(l));
        };
        add(shorten(p.given.empty() ? p.display_name() : p.given, 18), (is_focus ? 10.5 : 9) * opt.scale, kInk, is_focus, false);
        if (p.is_professional()) {
            std::string role = p.function;
            if (!p.organisation.empty()) role += (role.empty() ? "" : ", ") + p.organisation;
            add(shorten(role, 24), 7.5 * opt.scale, kGrey, false, false);
            if (p.coordinator) {
                add(std::string(tr("legend.coordinator", opt.lang)), 7.5 * opt.scale, kSupport, true, false);
                out.legend.insert("coordinator");
            }
        }
        if (p.abroad) add("\u2708 " + std::string(tr("legend.abroad", opt.lang)), 7.5 * opt.scale, kGrey, false, false);
        if (p.risk && opt.show_notes && !p.risk_note.empty()) add("! " + shorten(p.risk_note, 28), 7.5 * opt.scale, kRisk, true, true);
        double bw = 0, bh = 0;
        for (const auto& l : block) {
            bw = std::max(bw, text_width(l.text, l.size) * (l.bold ? 1.1 : 1.0));
            bh += l.size * 1.25;
        }
        const Rect sb = s.bounds();
        const double gap = 2 * opt.scale;
        const double cx = s.center.x, cy = s.center.y;
        // Candidate blocks (x0, y0): below, above, right, left, then further out below/above.
        const std::array<Point, 6> cand = {Point{cx - bw / 2, sb.y1 + gap}, Point{cx - bw / 2, sb.y0 - gap - bh},
                                           Point{sb.x1 + gap * 2, cy - bh / 2}, Point{sb.x0 - gap * 2 - bw, cy - bh / 2},
                                           Point{cx - bw / 2, sb.y1 + gap + S * 0.6}, Point{cx - bw / 2, sb.y0 - gap - bh - S * 0.6}};
        std::size_t pick = 0;
        for (std::size_t k = 0; k < cand.size(); ++k) {
            const Rect r{cand[k].x, cand[k].y, cand[k].x + bw, cand[k].y + bh};
            if (!overlaps(r)) {
                pick = k;
                break;
            }
        }
        const Point o = cand[pick];
        taken.push_back({o.x, o.y, o.x + bw, o.y + bh});
        const Align align = pick == 2 ? Align::Left : pick == 3 ? Align::Right : Align::Center;
        const double x = align == Align::Left ? o.x : align == Align::Right ? o.x + bw : o.x + bw / 2;
        double y = o.y;
        for (auto& l : block) {
            l.align = align;
            l.pos = {x, y + l.size * 0.62};
            y += l.size * 1.25;
            out.labels.push_back(std::move(l));
        }
    };
    emit_names(focus, true);
    for (const auto& a : alters) emit_names(a.id, false);
    out.compute_bounds(12 * opt.scale);
    return out;
}

}  // namespace kring
