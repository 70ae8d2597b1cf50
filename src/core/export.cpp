// GraphML, CSV and DOT export (GEDCOM is in export_gedcom.cpp).
#include "core/export.hpp"

#include "core/enums.hpp"

#include <cctype>
#include <cstdio>

namespace kring {

std::optional<ExportFormat> parse_export_format(std::string_view s) {
    std::string t(s);
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "gedcom" || t == "ged") return ExportFormat::Gedcom;
    if (t == "graphml") return ExportFormat::GraphML;
    if (t == "csv") return ExportFormat::Csv;
    if (t == "dot" || t == "gv") return ExportFormat::Dot;
    return std::nullopt;
}

std::string csv_field(std::string_view in) {
    // Spreadsheets run cells that start with = + - @ as formulas (CSV injection): a name or
    // note typed as "=HYPERLINK(...)" must stay text. Prefix such cells with an apostrophe.
    std::string guarded;
    std::string_view s = in;
    if (!in.empty() && (in.front() == '=' || in.front() == '+' || in.front() == '@' || in.front() == '\t' ||
                        in.front() == '\r' ||
                        (in.front() == '-' && !(in.size() > 1 && std::isdigit(static_cast<unsigned char>(in[1])))))) {
        guarded = "'" + std::string(in);
        s = guarded;
    }
    if (s.find_first_of(",\"\r\n") == std::string_view::npos && (s.empty() || (s.front() != ' ' && s.back() != ' ')))
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
            out += c;
        }
    }
    return out;
}

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// One attribute column shared by the GraphML, CSV and DOT writers.
enum class Type { String, Boolean, Int, Double };
struct Column {
    const char* name;
    Type type;
};

constexpr Column kPersonColumns[] = {
    {"label", Type::String},       {"given", Type::String},       {"family", Type::String},
    {"nickname", Type::String},    {"sex", Type::String},         {"kind", Type::String},
    {"birth", Type::String},       {"death", Type::String},       {"deceased", Type::Boolean},
    {"category", Type::String},    {"organisation", Type::String}, {"function", Type::String},
    {"coordinator", Type::Boolean}, {"index", Type::Boolean},     {"abroad", Type::Boolean},
    {"risk", Type::Boolean},       {"risk_note", Type::String},   {"household", Type::String},
    {"household_name", Type::String}, {"notes", Type::String},    {"genogram_x", Type::Double},
    {"genogram_y", Type::Double},  {"network_x", Type::Double},   {"network_y", Type::Double}};

constexpr Column kRelationColumns[] = {
    {"label", Type::String},      {"kind", Type::String},       {"status", Type::String},
    {"consanguineous", Type::Boolean}, {"parent", Type::String}, {"identical", Type::Boolean},
    {"emotion", Type::String},    {"abuse", Type::String},      {"support", Type::String},
    {"direction", Type::String},  {"strength", Type::Int},      {"frequency", Type::String},
    {"mode", Type::String},       {"closeness", Type::Int},     {"critical", Type::Boolean},
    {"worries", Type::Boolean},   {"no_contact", Type::Boolean}, {"known_years", Type::Int},
    {"start", Type::String},      {"end", Type::String},        {"note", Type::String}};

using Values = std::vector<std::pair<const char*, std::string>>;  // only the columns that apply

const char* b(bool v) { return v ? "true" : "false"; }

Values person_values(const Case& c, const Person& p, const ExportOptions& opt) {
    Values v;
    v.emplace_back("label", p.display_name());
    v.emplace_back("given", p.given);
    v.emplace_back("family", p.family);
    if (!p.nickname.empty()) v.emplace_back("nickname", p.nickname);
    v.emplace_back("sex", std::string(to_string(p.sex)));
    v.emplace_back("kind", std::string(to_string(p.kind)));
    if (!p.birth.empty()) v.emplace_back("birth", p.birth.str());
    if (!p.death.empty()) v.emplace_back("death", p.death.str());
    v.emplace_back("deceased", b(p.deceased));
    v.emplace_back("category", std::string(to_string(p.category)));
    if (!p.organisation.empty()) v.emplace_back("organisation", p.organisation);
    if (!p.function.empty()) v.emplace_back("function", p.function);
    v.emplace_back("coordinator", b(p.coordinator));
    v.emplace_back("index", b(p.index_person));
    v.emplace_back("abroad", b(p.abroad));
    if (opt.include_notes) {
        v.emplace_back("risk", b(p.risk));
        if (!p.risk_note.empty()) v.emplace_back("risk_note", p.risk_note);
    }
    if (p.household) {
        v.emplace_back("household", p.household.str());
        if (const Household* h = c.household(p.household)) v.emplace_back("household_name", h->name);
    }
    if (opt.include_notes && !p.notes.empty()) v.emplace_back("notes", p.notes);
    if (p.genogram_pin) {
        v.emplace_back("genogram_x", num(p.genogram_pin->x));
        v.emplace_back("genogram_y", num(p.genogram_pin->y));
    }
    if (p.network_pin) {
        v.emplace_back("network_x", num(p.network_pin->x));
        v.emplace_back("network_y", num(p.network_pin->y));
    }
    return v;
}

std::string relation_label(const Relation& r) {
    switch (r.kind) {
    case RelationKind::Partner: return std::string(to_string(r.partner));
    case RelationKind::ParentChild: return std::string(to_string(r.parent));
    case RelationKind::Twin: return r.identical ? "identical twin" : "twin";
    case RelationKind::Emotional: return std::string(to_string(r.emotion));
    case RelationKind::Support: return std::string(to_string(r.support));
    case RelationKind::Contact: return std::string(to_string(r.frequency));
    }
    return {};
}

Values relation_values(const Relation& r, const ExportOptions& opt) {
    Values v;
    v.emplace_back("label", relation_label(r));
    v.emplace_back("kind", std::string(to_string(r.kind)));
    switch (r.kind) {
    case RelationKind::Partner:
        v.emplace_back("status", std::string(to_string(r.partner)));
        v.emplace_back("consanguineous", b(r.consanguineous));
        break;
    case RelationKind::ParentChild: v.emplace_back("parent", std::string(to_string(r.parent))); break;
    case RelationKind::Twin: v.emplace_back("identical", b(r.identical)); break;
    case RelationKind::Emotional:
        v.emplace_back("emotion", std::string(to_string(r.emotion)));
        if (r.emotion == EmotionKind::Abuse) v.emplace_back("abuse", std::string(to_string(r.abuse)));
        break;
    case RelationKind::Support:
        v.emplace_back("support", std::string(to_string(r.support)));
        v.emplace_back("direction", std::string(to_string(r.direction)));
        v.emplace_back("strength", std::to_string(r.strength));
        break;
    case RelationKind::Contact:
        v.emplace_back("frequency", std::string(to_string(r.frequency)));
        v.emplace_back("mode", std::string(to_string(r.mode)));
        v.emplace_back("closeness", std::to_string(r.closeness));
        v.emplace_back("critical", b(r.critical));
        v.emplace_back("worries", b(r.worries));
        v.emplace_back("no_contact", b(r.no_contact));
        v.emplace_back("known_years", std::to_string(r.known_years));
        break;
    }
    if (!r.start.empty()) v.emplace_back("start", r.start.str());
    if (!r.end.empty()) v.emplace_back("end", r.end.str());
    if (opt.include_notes && !r.note.empty()) v.emplace_back("note", r.note);
    return v;
}

// Relations with a direction: parent -> child, support from the giver, abuse from the abuser.
bool directed(const Relation& r) {
    return r.kind == RelationKind::ParentChild || (r.kind == RelationKind::Support && r.direction != Direction::Both) ||
           (r.kind == RelationKind::Emotional && r.emotion == EmotionKind::Abuse);
}

// Source and target in the direction of the relation (support "receives": b gives to a).
std::pair<PersonId, PersonId> ends(const Relation& r) {
    if (r.kind == RelationKind::Support && r.direction == Direction::Receives) return {r.b, r.a};
    return {r.a, r.b};
}

const char* type_name(Type t) {
    switch (t) {
    case Type::String: return "string";
    case Type::Boolean: return "boolean";
    case Type::Int: return "int";
    case Type::Double: return "double";
    }
    return "string";
}

}  // namespace

std::string export_graphml(const Case& c, const ExportOptions& opt) {
    std::string o;
    o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    o += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    o += "  <!-- kring case \"" + xml_escape(c.info.name) + "\": persons are nodes, relations are edges -->\n";
    for (const auto& col : kPersonColumns)
        o += std::string("  <key id=\"n_") + col.name + "\" for=\"node\" attr.name=\"" + col.name + "\" attr.type=\"" +
             type_name(col.type) + "\"/>\n";
    for (const auto& col : kRelationColumns)
        o += std::string("  <key id=\"e_") + col.name + "\" for=\"edge\" attr.name=\"" + col.name + "\" attr.type=\"" +
             type_name(col.type) + "\"/>\n";
    o += "  <graph id=\"" + xml_escape(c.info.name.empty() ? std::string("kring") : c.info.name) +
         "\" edgedefault=\"undirected\">\n";
    for (const auto& [id, p] : c.persons()) {
        o += "    <node id=\"" + id.str() + "\">\n";
        for (const auto& [k, v] : person_values(c, p, opt))
            o += std::string("      <data key=\"n_") + k + "\">" + xml_escape(v) + "</data>\n";
        o += "    </node>\n";
    }
    for (const auto& [id, r] : c.relations()) {
        auto [s, t] = ends(r);
        o += "    <edge id=\"" + id.str() + "\" source=\"" + s.str() + "\" target=\"" + t.str() + "\"" +
             (directed(r) ? " directed=\"true\"" : "") + ">\n";
        for (const auto& [k, v] : relation_values(r, opt))
            o += std::string("      <data key=\"e_") + k + "\">" + xml_escape(v) + "</data>\n";
        o += "    </edge>\n";
    }
    o += "  </graph>\n</graphml>\n";
    return o;
}

namespace {

template <std::size_t N>
std::string csv_table(const Column (&cols)[N], const std::vector<std::string>& lead_names,
                      const std::vector<std::pair<std::vector<std::string>, Values>>& rows) {
    std::string o;
    bool first = true;
    for (const auto& n : lead_names) {
        o += (first ? "" : ",") + csv_field(n);
        first = false;
    }
    for (const auto& col : cols) {
        if (std::string_view(col.name) == "label") continue;  // the lead "Label" column
        o += "," + csv_field(col.name);
    }
    o += "\r\n";
    for (const auto& [lead, values] : rows) {
        for (std::size_t i = 0; i < lead.size(); ++i) o += (i ? "," : "") + csv_field(lead[i]);
        for (const auto& col : cols) {
            if (std::string_view(col.name) == "label") continue;
            o += ',';
            for (const auto& [k, v] : values)
                if (std::string_view(k) == col.name) {
                    o += csv_field(v);
                    break;
                }
        }
        o += "\r\n";
    }
    return o;
}

}  // namespace

std::string export_csv_persons(const Case& c, const ExportOptions& opt) {
    std::vector<std::pair<std::vector<std::string>, Values>> rows;
    for (const auto& [id, p] : c.persons()) rows.push_back({{id.str(), p.display_name()}, person_values(c, p, opt)});
    return csv_table(kPersonColumns, {"Id", "Label"}, rows);
}

std::string export_csv_relations(const Case& c, const ExportOptions& opt) {
    std::vector<std::pair<std::vector<std::string>, Values>> rows;
    for (const auto& [id, r] : c.relations()) {
        auto [s, t] = ends(r);
        rows.push_back({{id.str(), s.str(), t.str(), directed(r) ? "Directed" : "Undirected", relation_label(r)},
                        relation_values(r, opt)});
    }
    return csv_table(kRelationColumns, {"Id", "Source", "Target", "Type", "Label"}, rows);
}

namespace {

std::string dot_quote(std::string_view s) {
    std::string o = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') o += '\\';
        if (ch == '\n') {
            o += "\\n";
            continue;
        }
        if (ch == '\r') continue;
        o += ch;
    }
    return o + "\"";
}

}  // namespace

std::string export_dot(const Case& c, const ExportOptions& opt) {
    std::string o = "// kring case " + dot_quote(c.info.name) + "\n";
    o += "digraph kring {\n";
    o += "  graph [label=" + dot_quote(c.info.name) + ", fontname=\"DejaVu Sans\"];\n";
    o += "  node [fontname=\"DejaVu Sans\", style=filled, fillcolor=white];\n";
    o += "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";
    for (const auto& [id, p] : c.persons()) {
        std::string label = p.display_name();
        if (!p.birth.empty() || !p.death.empty()) {
            label += "\n" + p.birth.str();
            if (p.deceased) label += " \u2020 " + p.death.str();
        }
        if (!p.function.empty()) label += "\n" + p.function;
        const char* shape = p.sex == Sex::Male ? "box" : p.sex == Sex::Female ? "ellipse" : "diamond";
        o += "  " + id.str() + " [label=" + dot_quote(label) + ", shape=" + shape;
        if (p.index_person) o += ", peripheries=2";
        if (p.deceased) o += ", fillcolor=\"#dddddd\"";
        if (p.is_professional()) o += ", style=\"filled,dashed\"";
        if (opt.include_notes && p.risk) o += ", color=red";
        o += ", category=" + dot_quote(to_string(p.category)) + "];\n";
    }
    for (const auto& [id, r] : c.relations()) {
        auto [s, t] = ends(r);
        o += "  " + s.str() + " -> " + t.str() + " [id=" + id.str() + ", kind=" + dot_quote(to_string(r.kind));
        if (!directed(r)) o += ", dir=none";
        std::string style;
        switch (r.kind) {
        case RelationKind::Partner:
            o += ", penwidth=2";
            if (is_ended(r.partner)) style = "dashed";
            o += ", label=" + dot_quote(relation_label(r));
            break;
        case RelationKind::ParentChild:
            if (r.parent != ParentKind::Biological) {
                style = "dashed";
                o += ", label=" + dot_quote(relation_label(r));
            }
            break;
        case RelationKind::Twin: style = "bold"; break;
        case RelationKind::Emotional:
            o += std::string(", color=") +
                 (r.emotion == EmotionKind::Close || r.emotion == EmotionKind::Fused ? "darkgreen" : "red");
            o += ", label=" + dot_quote(relation_label(r));
            if (r.emotion == EmotionKind::CutOff || r.emotion == EmotionKind::Distant) style = "dotted";
            break;
        case RelationKind::Support:
            o += ", color=blue, label=" + dot_quote(relation_label(r));
            break;
        case RelationKind::Contact: style = "dotted"; break;
        }
        if (!style.empty()) o += ", style=" + style;
        o += "];\n";
    }
    o += "}\n";
    return o;
}

ExportResult export_case(const Case& c, ExportFormat f, const ExportOptions& opt) {
    ExportResult r;
    switch (f) {
    case ExportFormat::GraphML: r.files.push_back({"", export_graphml(c, opt)}); break;
    case ExportFormat::Dot: r.files.push_back({"", export_dot(c, opt)}); break;
    case ExportFormat::Csv:
        r.files.push_back({"-persons.csv", export_csv_persons(c, opt)});
        r.files.push_back({"-relations.csv", export_csv_relations(c, opt)});
        break;
    case ExportFormat::Gedcom: r.files.push_back({"", export_gedcom(c, opt, &r.warnings)}); break;
    }
    if (!opt.include_notes) r.warnings.push_back(std::string(tr("export.notes_left_out", opt.lang)));
    return r;
}

}  // namespace kring
