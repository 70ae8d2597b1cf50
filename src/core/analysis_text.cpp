// The analysis in words: the findings' sentences, the plain-language report and the JSON.
// The texts are kept in this file's own table (Dutch and English side by side) rather
// than in i18n.cpp, so that the analysis can grow its vocabulary on its own.
#include "core/analysis.hpp"
#include "core/enums.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace kring {

namespace {

struct Text {
    std::string_view key, nl, en;
};

// Placeholders: {subject} {persons} (a name list) {detail} {n0}..{n3} (numbers), {unit} /
// {Unit}: "het gezin" / "Het gezin" when the focus unit has several persons, else the
// focus's name (the unit size is the finding's last number).
constexpr Text kTexts[] = {
    // findings
    {"empty-case", "De casus bevat nog geen (levende) personen.", "The case has no (living) persons yet."},
    {"no-network", "Het netwerk van {subject} is nog leeg.", "The network of {subject} is still empty."},
    {"focus-alone", "{subject} heeft nog geen enkele relatie met iemand in het netwerk.",
     "{subject} has no relation with anyone in the network yet."},
    {"no-informal-network", "Geen eigen netwerk: buiten {unit} zijn alleen hulpverleners in beeld.",
     "No informal network: outside {unit} only professionals are involved."},
    {"small-network", "Klein eigen netwerk: buiten {unit} zijn maar {n0} mensen in beeld die geen hulpverlener zijn.",
     "Small informal network: outside {unit} only {n0} people are involved who are not professionals."},
    {"small-network.one", "Klein eigen netwerk: buiten {unit} is maar 1 persoon in beeld die geen hulpverlener is.",
     "Small informal network: outside {unit} only 1 person is involved who is not a professional."},
    {"no-support-recorded", "Er is nog geen steun vastgelegd.", "No support has been recorded yet."},
    {"no-practical-support", "Niemand biedt praktische steun.", "Nobody provides practical support."},
    {"no-financial-support", "Niemand biedt financiële steun.", "Nobody provides financial support."},
    {"no-emotional-support", "Niemand biedt emotionele steun.", "Nobody provides emotional support."},
    {"no-informational-support", "Niemand geeft advies of informatie.", "Nobody provides advice or information."},
    {"no-childcare-support", "Niemand helpt met de opvang van de kinderen.", "Nobody helps with looking after the children."},
    {"only-professional-practical-support", "Praktische steun komt alleen van hulpverleners.",
     "Practical support comes only from professionals."},
    {"only-professional-financial-support", "Financiële steun komt alleen van hulpverleners.",
     "Financial support comes only from professionals."},
    {"only-professional-emotional-support", "Emotionele steun komt alleen van hulpverleners.",
     "Emotional support comes only from professionals."},
    {"only-professional-informational-support", "Advies en informatie komen alleen van hulpverleners.",
     "Advice and information come only from professionals."},
    {"only-professional-childcare-support", "Hulp bij de opvang van de kinderen komt alleen van hulpverleners.",
     "Help with looking after the children comes only from professionals."},
    {"low-reciprocity", "{Unit} ontvangt veel maar geeft weinig terug: {n0} keer steun ontvangen, {n1} keer gegeven.",
     "{Unit} receives a lot but gives little back: support received: {n0}, given: {n1}."},
    {"no-coordinator", "{n0} hulpverleners betrokken, geen regisseur aangewezen.",
     "{n0} professionals involved, no coordinator appointed."},
    {"several-coordinators", "Meer dan één regisseur aangewezen: {persons}.", "More than one coordinator appointed: {persons}."},
    {"coordinator-not-connected", "De regisseur ({subject}) heeft geen contact met {persons}.",
     "The coordinator ({subject}) has no tie to {persons}."},
    {"professionals-not-connected", "De {n0} hulpverleners hebben onderling geen contact.",
     "The {n0} professionals have no ties with each other."},
    {"professional-pair-not-connected", "De hulpverleners {subject} en {persons} hebben geen contact met elkaar.",
     "The professionals {subject} and {persons} have no tie with each other."},
    {"professional-pairs-not-connected", "{n0} van de {n1} paren hulpverleners hebben onderling geen contact.",
     "{n0} of the {n1} pairs of professionals have no tie with each other."},
    {"more-professionals", "Meer hulpverleners ({n0}) dan mensen uit het eigen netwerk ({n1}).",
     "More professionals ({n0}) than people from the informal network ({n1})."},
    {"risk-contact", "Risicocontact: {subject}", "Risky contact: {subject}"},
    {"risk-contact.note", " ({detail})", " ({detail})"},
    {"risk-contact.reaches", ", heeft contact met {persons}", ", in contact with {persons}"},
    {"abuse", "Mishandeling vastgelegd: {subject} → {persons}.", "Abuse recorded: {subject} → {persons}."},
    {"abuse.kind", "Mishandeling ({detail}) vastgelegd: {subject} → {persons}.", "Abuse ({detail}) recorded: {subject} → {persons}."},
    {"abuse.1", "lichamelijk", "physical"},
    {"abuse.2", "emotioneel", "emotional"},
    {"abuse.3", "seksueel", "sexual"},
    {"neglect", "Verwaarlozing vastgelegd: {subject} → {persons}.", "Neglect recorded: {subject} → {persons}."},
    {"worries", "Zorgen over de kinderen in het contact tussen {subject} en {persons}.",
     "Worries about the children in the contact between {subject} and {persons}."},
    {"isolated", "Zonder enige relatie in het netwerk: {persons}.", "Not tied to anyone in the network: {persons}."},
    {"unreachable", "Niet via het netwerk verbonden met {subject}: {persons}.",
     "Not connected to {subject} through the network: {persons}."},
    {"children-without-network", "Kinderen zonder eigen netwerk buiten het gezin: {persons}.",
     "Children without a network of their own outside the family: {persons}."},
    {"children-without-network.one", "{persons} heeft geen eigen netwerk buiten het gezin.",
     "{persons} has no network of their own outside the family."},
    {"key-person", "{subject} is de enige verbinding met {persons}.", "{subject} is the only link to {persons}."},
    {"cut-off", "Contact verbroken tussen {subject} en {persons}.", "Contact cut off between {subject} and {persons}."},
    {"network-abroad", "{n0} mensen uit het netwerk wonen in het buitenland: {persons}.",
     "{n0} people in the network live abroad: {persons}."},
    {"network-abroad.one", "{persons} woont in het buitenland.", "{persons} lives abroad."},
    {"alters-unconnected", "De {n0} mensen rond {subject} kennen elkaar onderling niet (geen enkele verbinding).",
     "The {n0} people around {subject} do not know each other (not a single tie among them)."},
    {"important-no-contact", "{subject} is belangrijk voor {persons}, maar er is geen contact.",
     "{subject} matters to {persons}, but there is no contact."},
    {"important-no-contact.none", "{subject} is belangrijk, maar er is geen contact.", "{subject} matters, but there is no contact."},
    {"critical", "{subject} is kritisch over {persons}.", "{subject} is critical of {persons}."},
    {"conflict", "Conflict tussen {subject} en {persons}.", "Conflict between {subject} and {persons}."},
    // pieces
    {"unit", "het gezin", "the family"},
    {"Unit", "Het gezin", "The family"},
    {"and", " en ", " and "},
    {"others", "{n0} anderen", "{n0} others"},
    // report
    {"report.title", "Netwerkanalyse", "Network analysis"},
    {"report.focus", "Focus", "Focus"},
    {"report.unit", "Gezin", "Family"},
    {"report.network", "Netwerk", "Network"},
    {"report.network.value", "{n0} personen: {n1} uit het eigen netwerk, {n2} hulpverleners ({detail} informeel)",
     "{n0} persons: {n1} informal, {n2} professionals ({detail} informal)"},
    {"report.sectors", "Per sector", "Per sector"},
    {"report.support", "Steun aan {unit}", "Support to {unit}"},
    {"report.support.value", "{n0} (waarvan {n1} informeel)", "{n0} ({n1} informal)"},
    {"report.reciprocity", "Wederkerigheid", "Reciprocity"},
    {"report.reciprocity.value", "ontvangt {n0} keer, geeft {n1} keer (eigen netwerk)",
     "support received: {n0}, given: {n1} (informal network)"},
    {"report.structure", "Structuur", "Structure"},
    {"report.structure.value", "{n0} verbindingen; rond de focus kennen {n1} van de {n2} paren elkaar (dichtheid {detail})",
     "{n0} ties; around the focus {n1} of {n2} pairs know each other (density {detail})"},
    {"report.burt", "Burt (focus)", "Burt (focus)"},
    {"report.burt.value", "effectieve omvang {detail}", "effective size {detail}"},
    {"report.burt.constraint", "beperking", "constraint"},
    {"report.sampled", "Tussenpositie geschat uit {n0} personen.", "Betweenness estimated from {n0} sources."},
    {"report.findings", "Bevindingen", "Findings"},
    {"report.no-findings", "Geen bijzonderheden.", "Nothing stands out."},
    {"report.persons", "Personen", "Persons"},
    {"report.more-rows", "… en nog {n0} personen (alles staat in --json).", "… and {n0} more persons (all of them in --json)."},
    {"level.risk", "RISICO", "RISK"},
    {"level.attention", "AANDACHT", "ATTENTION"},
    {"level.info", "INFO", "INFO"},
    {"col.name", "Naam", "Name"},
    {"col.sector", "Sector", "Sector"},
    {"col.ties", "Band", "Ties"},
    {"col.gives", "Geeft", "Gives"},
    {"col.receives", "Krijgt", "Gets"},
    {"col.types", "Typen", "Types"},
    {"col.betweenness", "Tussen", "Betw."},
    {"col.key", "Sleutel", "Key"},
    {"col.esize", "Eff.omv", "Eff.size"},
    {"col.constraint", "Beperk", "Constr."},
    {"mark.focus", "focus", "focus"},
    {"mark.risk", "risico", "risk"},
    {"mark.child", "kind", "child"},
    {"mark.isolated", "los", "isolated"},
    {"yes", "ja", "yes"},
    {"sector.0", "Huishouden", "Household"},
    {"sector.1", "Familie", "Family"},
    {"sector.2", "Vrienden", "Friends"},
    {"sector.3", "Buren", "Neighbours"},
    {"sector.4", "School / werk", "School / work"},
    {"sector.5", "Vrije tijd / club / kerk", "Leisure / club / church"},
    {"sector.6", "Hulpverlening", "Professionals"},
    {"support.0", "praktisch", "practical"},
    {"support.1", "financieel", "financial"},
    {"support.2", "emotioneel", "emotional"},
    {"support.3", "advies/informatie", "advice/information"},
    {"support.4", "kinderopvang", "childcare"},
};

std::string_view text(std::string_view key, Lang lang) {
    for (const auto& t : kTexts)
        if (t.key == key) return lang == Lang::En ? t.en : t.nl;
    return {};
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
    return s;
}

std::string name_of(const Case& c, PersonId id) {
    const Person* p = c.person(id);
    return p ? p->display_name() : id.str();
}

constexpr std::size_t kMaxNames = 6;

// "A, B en C"; after kMaxNames names: "A, B, C, D, E, F en 3 anderen".
std::string name_list(const Case& c, const std::vector<PersonId>& ids, Lang lang) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < ids.size() && i < kMaxNames; ++i) names.push_back(name_of(c, ids[i]));
    if (ids.size() > kMaxNames)
        names.push_back(replace_all(std::string(text("others", lang)), "{n0}", std::to_string(ids.size() - kMaxNames)));
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? std::string(text("and", lang)) : std::string(", ");
        out += names[i];
    }
    return out;
}

std::string fill(std::string t, const Finding& f, const Case& c, Lang lang) {
    if (t.find("{unit}") != std::string::npos || t.find("{Unit}") != std::string::npos) {
        const bool family = f.numbers.empty() || f.numbers.back() > 1;
        const std::string name = name_of(c, f.subject);
        t = replace_all(std::move(t), "{unit}", family ? std::string(text("unit", lang)) : name);
        t = replace_all(std::move(t), "{Unit}", family ? std::string(text("Unit", lang)) : name);
    }
    for (std::size_t i = 0; i < f.numbers.size(); ++i)
        t = replace_all(std::move(t), "{n" + std::to_string(i) + "}", std::to_string(f.numbers[i]));
    if (t.find("{subject}") != std::string::npos) t = replace_all(std::move(t), "{subject}", name_of(c, f.subject));
    if (t.find("{persons}") != std::string::npos) t = replace_all(std::move(t), "{persons}", name_list(c, f.persons, lang));
    return replace_all(std::move(t), "{detail}", f.detail);
}

std::string fmt(double x, int decimals, Lang lang) {
    if (std::isnan(x)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    std::string s = buf;
    if (lang == Lang::Nl) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string percent(double share, Lang lang) { return fmt(100.0 * share, 0, lang) + "%"; }

// Display width of UTF-8 text (code points; enough for names and our labels).
std::size_t width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}
std::string pad(std::string s, std::size_t w, bool right = false) {
    const std::size_t have = width(s);
    if (have >= w) return s;
    const std::string space(w - have, ' ');
    return right ? space + s : s + space;
}
// Cut to at most w code points (names in the table).
std::string cut(const std::string& s, std::size_t w) {
    if (width(s) <= w) return s;
    std::string out;
    std::size_t cps = 0;
    for (char ch : s) {
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80 && ++cps > w - 1) break;
        out += ch;
    }
    return out + "…";
}

std::string line(std::string_view label, const std::string& value) { return pad(std::string(label) + ":", 20) + value + "\n"; }

}  // namespace

std::string_view level_name(Finding::Level level) {
    switch (level) {
        case Finding::Level::Risk: return "risk";
        case Finding::Level::Attention: return "attention";
        case Finding::Level::Info: return "info";
    }
    return "info";
}

std::string finding_text(const Finding& f, const Case& c, Lang lang) {
    if (f.key == "risk-contact") {
        std::string t = fill(std::string(text("risk-contact", lang)), f, c, lang);
        if (!f.detail.empty()) t += fill(std::string(text("risk-contact.note", lang)), f, c, lang);
        if (!f.persons.empty()) t += fill(std::string(text("risk-contact.reaches", lang)), f, c, lang);
        return t + ".";
    }
    if (f.key == "abuse" && !f.numbers.empty() && f.numbers[0] >= 1 && f.numbers[0] <= 3) {
        Finding g = f;
        g.detail = std::string(text("abuse." + std::to_string(f.numbers[0]), lang));
        return fill(std::string(text("abuse.kind", lang)), g, c, lang);
    }
    // ".one" variants for a single person / count.
    const bool one = (f.persons.size() == 1 && (f.key == "children-without-network" || f.key == "network-abroad")) ||
                     (f.key == "small-network" && !f.numbers.empty() && f.numbers[0] == 1);
    std::string_view t = one ? text(f.key + ".one", lang) : text(f.key, lang);
    if (f.key == "important-no-contact" && f.persons.empty()) t = text("important-no-contact.none", lang);
    if (t.empty()) return f.key;  // unknown key: never an empty line
    return fill(std::string(t), f, c, lang);
}

std::string analysis_text(const Analysis& a, const Case& c, Lang lang) {
    auto tx = [&](std::string_view key) { return std::string(text(key, lang)); };
    auto filled = [&](std::string_view key, std::vector<int> numbers, std::string detail = {}) {
        Finding f;
        f.subject = a.focus;
        f.numbers = std::move(numbers);
        f.detail = std::move(detail);
        return fill(tx(key), f, c, lang);
    };
    std::string out = tx("report.title");
    if (!c.info.name.empty()) out += ": " + c.info.name;
    out += "\n" + std::string(width(out), '=') + "\n";
    if (!a.focus.valid()) {
        for (const auto& f : a.findings) out += finding_text(f, c, lang) + "\n";
        return out;
    }
    const int unit = static_cast<int>(a.focus_unit.size());
    out += line(tx("report.focus"), name_of(c, a.focus) + " (" + a.focus.str() + ")");
    if (unit > 1) {
        std::vector<PersonId> others;
        for (PersonId p : a.focus_unit)
            if (p != a.focus) others.push_back(p);
        Finding f;
        f.persons = others;
        out += line(tx("report.unit"), fill("{persons}", f, c, lang));
    }
    out += line(tx("report.network"), filled("report.network.value", {a.size, a.informal, a.professionals}, percent(a.informal_share, lang)));
    std::string sectors;
    for (int s = 0; s < kNetworkSectorCount; ++s) {
        if (!sectors.empty()) sectors += ", ";
        sectors += tx("sector." + std::to_string(s)) + " " + std::to_string(a.per_sector[static_cast<std::size_t>(s)]);
    }
    out += line(tx("report.sectors"), sectors);
    std::string support;
    for (int t = 0; t < kSupportTypeCount; ++t) {
        if (!support.empty()) support += ", ";
        support += tx("support." + std::to_string(t)) + " " +
                   filled("report.support.value", {a.support_count[static_cast<std::size_t>(t)], a.support_informal[static_cast<std::size_t>(t)]});
    }
    out += line(filled("report.support", {unit}), support);
    out += line(tx("report.reciprocity"), filled("report.reciprocity.value", {a.unit_receives, a.unit_gives}));
    out += line(tx("report.structure"), filled("report.structure.value", {a.ties, a.alter_ties, static_cast<int>(std::min<long long>(a.alter_pairs, 2'000'000'000))}, fmt(a.density, 2, lang)));
    out += line(tx("report.burt"), filled("report.burt.value", {}, fmt(a.focus_effective_size, 2, lang)) + ", " +
                                       tx("report.burt.constraint") + " " + fmt(a.focus_constraint, 2, lang));
    if (a.betweenness_sources) out += filled("report.sampled", {a.betweenness_sources}) + "\n";

    out += "\n" + tx("report.findings") + "\n";
    if (a.findings.empty()) out += "  " + tx("report.no-findings") + "\n";
    std::size_t level_w = 0;
    for (auto lv : {"level.risk", "level.attention", "level.info"}) level_w = std::max(level_w, width(tx(lv)));
    for (const auto& f : a.findings)
        out += "  " + pad(tx("level." + std::string(level_name(f.level))), level_w) + "  " + finding_text(f, c, lang) + "\n";

    // Compact table: every person up to kMaxRows, focus first.
    constexpr std::size_t kMaxRows = 40;
    out += "\n" + tx("report.persons") + "\n";
    const std::vector<std::string> head = {tx("col.name"), tx("col.sector"), tx("col.ties"), tx("col.gives"), tx("col.receives"),
                                           tx("col.types"), tx("col.betweenness"), tx("col.key"), tx("col.esize"), tx("col.constraint"), ""};
    std::vector<std::vector<std::string>> rows;
    std::vector<const PersonFigures*> order;
    if (const auto* f = a.figures(a.focus)) order.push_back(f);
    for (const auto& f : a.persons)
        if (f.person != a.focus) order.push_back(&f);
    for (std::size_t i = 0; i < order.size() && i < kMaxRows; ++i) {
        const auto& f = *order[i];
        std::string marks;
        auto mark = [&](bool on, std::string_view key) {
            if (!on) return;
            if (!marks.empty()) marks += ", ";
            marks += tx(key);
        };
        mark(f.person == a.focus, "mark.focus");
        mark(f.child, "mark.child");
        mark(f.risk, "mark.risk");
        mark(f.isolated, "mark.isolated");
        rows.push_back({cut(name_of(c, f.person), 24), tx("sector." + std::to_string(static_cast<int>(f.sector))), std::to_string(f.degree),
                        std::to_string(f.gives), std::to_string(f.receives), std::to_string(f.multiplexity), fmt(f.betweenness, 3, lang),
                        f.articulation ? tx("yes") : "", fmt(f.effective_size, 2, lang), fmt(f.constraint, 2, lang), marks});
    }
    std::vector<std::size_t> w(head.size(), 0);
    for (std::size_t k = 0; k < head.size(); ++k) {
        w[k] = width(head[k]);
        for (const auto& r : rows) w[k] = std::max(w[k], width(r[k]));
    }
    auto emit = [&](const std::vector<std::string>& r) {
        std::string l = " ";
        for (std::size_t k = 0; k < r.size(); ++k) l += " " + pad(r[k], w[k], k >= 2 && k <= 9);
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
    };
    emit(head);
    for (const auto& r : rows) emit(r);
    if (order.size() > kMaxRows) out += "  " + filled("report.more-rows", {static_cast<int>(order.size() - kMaxRows)}) + "\n";
    return out;
}

std::string analysis_json(const Analysis& a, const Case& c) {
    using nlohmann::ordered_json;
    auto num = [](double x) { return std::isnan(x) ? ordered_json(nullptr) : ordered_json(x); };
    auto ids = [](const std::vector<PersonId>& v) {
        ordered_json arr = ordered_json::array();
        for (PersonId p : v) arr.push_back(p.str());
        return arr;
    };
    auto pairs = [](const std::vector<std::pair<PersonId, PersonId>>& v) {
        ordered_json arr = ordered_json::array();
        for (auto [x, y] : v) arr.push_back({x.str(), y.str()});
        return arr;
    };
    static constexpr const char* kSector[kNetworkSectorCount] = {"household", "family", "friends", "neighbours",
                                                                 "school-work", "leisure", "professionals"};
    ordered_json j;
    j["focus"] = a.focus.valid() ? ordered_json{{"id", a.focus.str()}, {"name", name_of(c, a.focus)}} : ordered_json(nullptr);
    j["focus_unit"] = ids(a.focus_unit);
    j["size"] = a.size;
    j["ties"] = a.ties;
    ordered_json sectors = ordered_json::object();
    for (int s = 0; s < kNetworkSectorCount; ++s) sectors[kSector[s]] = a.per_sector[static_cast<std::size_t>(s)];
    j["per_sector"] = sectors;
    j["informal"] = a.informal;
    j["professionals"] = a.professionals;
    j["informal_share"] = a.informal_share;
    ordered_json support = ordered_json::object();
    for (int t = 0; t < kSupportTypeCount; ++t)
        support[std::string(to_string(static_cast<SupportType>(t)))] = {{"received", a.support_count[static_cast<std::size_t>(t)]},
                                                                         {"informal", a.support_informal[static_cast<std::size_t>(t)]}};
    j["support"] = support;
    ordered_json missing = ordered_json::array();
    for (SupportType t : a.missing_support) missing.push_back(std::string(to_string(t)));
    j["missing_support"] = missing;
    j["support_relations"] = a.support_relations;
    j["unit_receives"] = a.unit_receives;
    j["unit_gives"] = a.unit_gives;
    j["density"] = a.density;
    j["focus_effective_size"] = num(a.focus_effective_size);
    j["focus_constraint"] = num(a.focus_constraint);
    j["betweenness_sources"] = a.betweenness_sources;
    j["isolated"] = ids(a.isolated);
    j["unreachable"] = ids(a.unreachable);
    j["children_without_network"] = ids(a.children_without_network);
    j["bridges"] = pairs(a.bridges);
    j["articulation_points"] = ids(a.articulation_points);
    j["risk_persons"] = ids(a.risk_persons);
    j["has_coordinator"] = a.has_coordinator;
    j["coordinators"] = ids(a.coordinators);
    j["unconnected_professional_pairs"] = a.unconnected_professional_pairs;
    j["unconnected_professionals"] = pairs(a.unconnected_professionals);
    j["abroad"] = a.abroad;
    j["alter_ties"] = a.alter_ties;
    j["alter_pairs"] = a.alter_pairs;
    j["conflicts"] = pairs(a.conflicts);
    j["important_no_contact"] = ids(a.important_no_contact);
    j["critical"] = ids(a.critical);
    ordered_json findings = ordered_json::array();
    for (const auto& f : a.findings) {
        ordered_json o;
        o["key"] = f.key;
        o["level"] = std::string(level_name(f.level));
        o["text"] = f.text;
        o["subject"] = f.subject.valid() ? ordered_json(f.subject.str()) : ordered_json(nullptr);
        o["persons"] = ids(f.persons);
        findings.push_back(std::move(o));
    }
    j["findings"] = findings;
    ordered_json persons = ordered_json::array();
    for (const auto& f : a.persons) {
        ordered_json o;
        o["id"] = f.person.str();
        o["name"] = name_of(c, f.person);
        o["sector"] = kSector[static_cast<int>(f.sector)];
        o["degree"] = f.degree;
        o["gives"] = f.gives;
        o["receives"] = f.receives;
        o["multiplexity"] = f.multiplexity;
        o["betweenness"] = f.betweenness;
        o["articulation"] = f.articulation;
        o["dependents"] = f.dependents;
        o["effective_size"] = num(f.effective_size);
        o["constraint"] = num(f.constraint);
        o["isolated"] = f.isolated;
        o["child"] = f.child;
        o["in_focus_unit"] = f.in_focus_unit;
        o["risk"] = f.risk;
        o["risk_reaches"] = ids(f.risk_reaches);
        persons.push_back(std::move(o));
    }
    j["persons"] = persons;
    // Strings from the case may hold invalid UTF-8; replace rather than throw.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kring
