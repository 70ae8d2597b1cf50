#include "layouts/legend.hpp"

#include "layouts/strokes.hpp"

#include <array>

namespace kring {

namespace {

// Fixed order, so the legend reads the same in every drawing.
constexpr std::array<const char*, 41> kOrder = {
    "male", "female", "unknown", "deceased", "index", "pregnancy", "miscarriage", "stillbirth", "abortion",
    "married", "cohabiting", "separated", "divorced", "consanguineous", "biological", "adopted", "foster", "step",
    "twins", "identical", "household", "emotion.close", "emotion.fused", "emotion.distant", "emotion.conflict",
    "emotion.hostile", "emotion.cut-off", "emotion.abuse", "emotion.neglect", "tie.strong", "tie.normal", "tie.weak",
    "tie.stress", "tie.among", "no-contact", "support", "professional", "coordinator", "risk", "abroad", ""};

Line stroke(std::vector<Point> pts, LineStyle style = LineStyle::Solid, double width = 1.6) {
    Line l;
    l.points = std::move(pts);
    l.style = style;
    l.width = width;
    l.color = kInk;
    l.role = Line::Role::Decoration;
    return l;
}

}  // namespace

LayoutResult layout_legend(const std::set<std::string>& keys, Lang lang) {
    LayoutResult out;
    const double row = 22, sample_w = 44, sym = 14;
    double y = 0;
    Label title;
    title.text = std::string(tr("legend", lang));
    title.bold = true;
    title.size = 11;
    title.align = Align::Left;
    title.pos = {0, y};
    out.labels.push_back(title);
    y += row;
    for (const char* key : kOrder) {
        std::string k = key;
        if (k.empty() || !keys.count(k)) continue;
        const Point c{sample_w / 2, y};
        const Point a{2, y}, b{sample_w - 2, y};
        Person p;
        auto symbol = [&](Sex sex, EntryKind kind = EntryKind::Person) {
            p.sex = sex;
            p.kind = kind;
            out.symbols.push_back(make_symbol(p, c, sym));
            return &out.symbols.back();
        };
        if (k == "male") symbol(Sex::Male);
        else if (k == "female") symbol(Sex::Female);
        else if (k == "unknown") symbol(Sex::Unknown);
        else if (k == "deceased") symbol(Sex::Male)->deceased = true;
        else if (k == "index") symbol(Sex::Female)->index_person = true;
        else if (k == "pregnancy") symbol(Sex::Unknown, EntryKind::Pregnancy);
        else if (k == "miscarriage") symbol(Sex::Unknown, EntryKind::Miscarriage);
        else if (k == "stillbirth") symbol(Sex::Male, EntryKind::Stillbirth);
        else if (k == "abortion") symbol(Sex::Unknown, EntryKind::Abortion);
        else if (k == "married") out.lines.push_back(stroke({a, b}));
        else if (k == "cohabiting") out.lines.push_back(stroke({a, b}, LineStyle::Dashed));
        else if (k == "separated" || k == "divorced") {
            out.lines.push_back(stroke({a, b}));
            emit_slashes(out, c, k == "separated" ? 1 : 2, 36);
        } else if (k == "consanguineous") {
            out.lines.push_back(stroke({{a.x, y - 2}, {b.x, y - 2}}));
            out.lines.push_back(stroke({{a.x, y + 2}, {b.x, y + 2}}));
        } else if (k == "biological") out.lines.push_back(stroke({{c.x, y - 8}, {c.x, y + 8}}));
        else if (k == "adopted") out.lines.push_back(stroke({{c.x, y - 8}, {c.x, y + 8}}, LineStyle::Dashed));
        else if (k == "foster" || k == "step") out.lines.push_back(stroke({{c.x, y - 8}, {c.x, y + 8}}, LineStyle::Dotted));
        else if (k == "twins" || k == "identical") {
            out.lines.push_back(stroke({{c.x, y - 8}, {c.x - 9, y + 8}}));
            out.lines.push_back(stroke({{c.x, y - 8}, {c.x + 9, y + 8}}));
            if (k == "identical") out.lines.push_back(stroke({{c.x - 4.5, y}, {c.x + 4.5, y}}));
        } else if (k == "household") {
            Line l = stroke(rounded_rect({a.x, y - 8, b.x, y + 8}, 5), LineStyle::Dashed, 1.4);
            l.color = kHousehold;
            l.closed = true;
            out.lines.push_back(l);
        } else if (k.rfind("emotion.", 0) == 0) {
            static const std::pair<const char*, EmotionKind> em[] = {
                {"emotion.close", EmotionKind::Close},     {"emotion.fused", EmotionKind::Fused},
                {"emotion.distant", EmotionKind::Distant}, {"emotion.conflict", EmotionKind::Conflict},
                {"emotion.hostile", EmotionKind::Hostile}, {"emotion.cut-off", EmotionKind::CutOff},
                {"emotion.abuse", EmotionKind::Abuse},     {"emotion.neglect", EmotionKind::Neglect}};
            for (const auto& [name, kind] : em)
                if (k == name) emit_emotional(out, a, b, kind);
        } else if (k == "tie.strong") emit_tie(out, a, b, TieStyle::Strong, false, false, false);
        else if (k == "tie.normal") emit_tie(out, a, b, TieStyle::Normal, false, false, false);
        else if (k == "tie.weak") emit_tie(out, a, b, TieStyle::Tenuous, false, false, false);
        else if (k == "tie.stress") emit_tie(out, a, b, TieStyle::Stressful, false, false, false);
        else if (k == "tie.among") {
            Line l = stroke({a, b}, LineStyle::Dotted, 1.2);
            l.color = kGrey;
            out.lines.push_back(l);
        } else if (k == "no-contact") emit_tie(out, a, b, TieStyle::NoContact, false, false, false);
        else if (k == "support") emit_tie(out, a, b, TieStyle::Normal, false, true, false);
        else if (k == "professional" || k == "coordinator") {
            Symbol* s = symbol(Sex::Unknown);
            s->shape = Shape::Box;
            s->w = sym * 1.4;
            s->fill = 0xF3F6FAFF;
            if (k == "coordinator") s->stroke = kSupport;
        } else if (k == "risk") {
            Symbol* s = symbol(Sex::Male);
            s->risk = true;
            out.lines.push_back(stroke({{a.x, y + 9}, {b.x, y + 9}}, LineStyle::Solid, 3.0));
            out.lines.back().color = kRisk;
        } else if (k == "abroad") {
            Label l;
            l.text = "\u2708";
            l.pos = c;
            l.size = 12;
            out.labels.push_back(l);
        }
        Label text;
        text.text = std::string(tr("legend." + k, lang));
        text.pos = {sample_w + 8, y};
        text.size = 9;
        text.align = Align::Left;
        out.labels.push_back(text);
        y += row;
    }
    out.compute_bounds(8);
    return out;
}

}  // namespace kring
