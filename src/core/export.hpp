// Export of a case to the formats other programs read:
//  - GraphML (Gephi, Cytoscape, yEd): every person and relation attribute as a <key>;
//  - CSV: a persons table and a relations table (RFC 4180; Gephi's "Id/Label" and
//    "Source/Target/Type" columns, so both import as node and edge tables);
//  - DOT (Graphviz);
//  - GEDCOM 5.5.1 (UTF-8) of the family part (persons and family ties), which genealogy
//    programs such as Gramps import. kring's partner statuses and dates that GEDCOM cannot
//    express are written as _KRING_* tags that kring reads back.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kring {

enum class ExportFormat { Gedcom, GraphML, Csv, Dot };

[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view s);  // "gedcom", "ged", "graphml", ...

struct ExportOptions {
    bool include_notes = true;  // false: leave out notes, risk notes and risk flags (for sharing)
    Lang lang = Lang::Nl;
};

struct ExportedFile {
    std::string suffix;  // "" for the one output file; "-persons.csv" / "-relations.csv" for CSV
    std::string bytes;
};

struct ExportResult {
    std::vector<ExportedFile> files;
    std::vector<std::string> warnings;  // what the format could not hold
};

[[nodiscard]] ExportResult export_case(const Case& c, ExportFormat f, const ExportOptions& opt = {});

[[nodiscard]] std::string export_graphml(const Case& c, const ExportOptions& opt = {});
[[nodiscard]] std::string export_dot(const Case& c, const ExportOptions& opt = {});
[[nodiscard]] std::string export_csv_persons(const Case& c, const ExportOptions& opt = {});
[[nodiscard]] std::string export_csv_relations(const Case& c, const ExportOptions& opt = {});
// `warnings` (optional) receives what was left out.
[[nodiscard]] std::string export_gedcom(const Case& c, const ExportOptions& opt = {},
                                        std::vector<std::string>* warnings = nullptr);

// One CSV field, quoted when needed (RFC 4180).
[[nodiscard]] std::string csv_field(std::string_view s);
// Text escaped for XML content and attribute values (invalid XML characters are dropped).
[[nodiscard]] std::string xml_escape(std::string_view s);

}  // namespace kring
