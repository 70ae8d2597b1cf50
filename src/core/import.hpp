// Import of genealogy files (GEDCOM 5.5/5.5.1, Gramps XML plain or gzip) into a kring case,
// and the generation filter that turns a big family tree into a workable genogram.
//
// What an import brings in (the same rules for every format, see build_case):
//  - persons: given name, family name (with prefixes such as "van der"), nickname/call name,
//    sex, birth and death dates, deceased (a death, burial or cremation event, or born more
//    than kPresumedDeadAge years ago), notes;
//  - families: a partnership (Partner relation) when the family has two partners, and a
//    parent-child relation from each partner to each child with its kind (biological,
//    adopted, foster, step, unknown). A family with one partner is a single-parent family;
//    a family without partners cannot be drawn and is counted with a warning.
//  - partner status: divorced (DIV, annulment) > separated > married (a marriage event, or a
//    Gramps family of type Married / Civil Union) > engaged > cohabiting. A GEDCOM family
//    without any marriage record is imported as *cohabiting*: GEDCOM does not say the couple
//    married, and a genogram should not claim it. The report counts these so the worker can
//    correct them.
//  - dates: exact dates as they are; ABT/EST/CAL/INT/BEF/AFT dates approximate ("~1897");
//    ranges (BET..AND, FROM..TO) the midpoint year, approximate. Every date that is not
//    exact, not Gregorian or not readable is also kept word for word in the notes
//    ("Geboren: BET 1899 AND 1905"), so nothing is silently lost.
//  - twins: children of one family with the same complete birth date (day, month, year).
//  - everything else (places, sources, other events, custom tags) is skipped and counted in
//    ImportReport::skipped_tags by path, e.g. "INDI.BIRT.PLAC".
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kring {

struct ImportReport {
    int persons = 0;
    int families = 0;      // all families of the source: partnerships + single-parent + without parents
    int relations = 0;     // relations created in the case
    std::vector<std::string> warnings;          // "FILE:LINE: what" (line 0 = no line)
    std::map<std::string, int> skipped_tags;    // tag path -> count, e.g. "INDI.BIRT.PLAC"

    // Details for the summary.
    std::string format;              // "GEDCOM 5.5.1", "Gramps XML"
    std::string encoding;            // "UTF-8", "ANSEL", ...
    std::string source_program;      // HEAD.SOUR / Gramps version, when known
    int partnerships = 0;            // families with two partners
    int single_parent_families = 0;  // families with one partner
    int families_without_parents = 0;
    int parent_child = 0;
    int twins = 0;                   // twin relations found from equal birth dates
    int unmarried_default = 0;       // partnerships without any marriage record (-> cohabiting)
    int inexact_dates = 0;           // dates kept word for word in the notes
    int dropped_dates = 0;           // dates that could not be used at all (B.C., unreadable)
    int presumed_deceased = 0;       // no death record, born more than kPresumedDeadAge years ago
};

// A person without any death record who was born more than this many years ago is imported
// as deceased (as genealogy programs do), and counted in the report.
inline constexpr int kPresumedDeadAge = 110;

struct ImportOptions {
    Lang lang = Lang::Nl;     // language of the labels written into notes ("Geboren: ...")
    bool infer_twins = true;  // twin relations for equal complete birth dates within a family
};

struct ImportResult {
    Case value;
    ImportReport report;
    std::string error;  // empty on success; "FILE:LINE: what" for the user
    // Source id (GEDCOM xref without '@', Gramps id such as "I0044") -> kring person id.
    std::map<std::string, PersonId> source_ids;
    [[nodiscard]] bool ok() const { return error.empty(); }
};

inline constexpr std::uintmax_t kMaxImportBytes = 512ull * 1024 * 1024;  // files and inflated gzip

enum class ImportFormat { Unknown, Gedcom, GrampsXml, GrampsGzip, GrampsPackage };

// The format from the content (GEDCOM "0 HEAD" in any supported encoding, Gramps XML, gzip
// magic, Gramps package = gzip'd tar). `path` only adds a hint when the content says nothing.
[[nodiscard]] ImportFormat detect_format(std::string_view bytes);
[[nodiscard]] std::string_view format_name(ImportFormat f);

[[nodiscard]] ImportResult import_bytes(std::string_view bytes, const std::string& origin, const ImportOptions& opt = {});
[[nodiscard]] ImportResult import_file(const std::filesystem::path& path, const ImportOptions& opt = {});

// ---------------------------------------------------------------- the generation filter

// Keeps the index person with `up` generations of ancestors and `down` generations of
// descendants, plus (by default):
//  - siblings: the other children of every kept ancestor (the index's brothers and sisters,
//    aunts and uncles, ...), but not their descendants;
//  - partners: every partner (also former partners) of every kept person, and every other
//    parent of a kept child, so that each child in the genogram has both parents drawn.
// Relations between kept persons are kept; persons get compact new ids (p1..pN) in their
// original order, the index person is marked as index. `up`/`down` < 0 mean "all".
struct GenerationFilter {
    int up = 2;
    int down = 1;
    bool siblings = true;
    bool partners = true;
};
[[nodiscard]] Case filter_generations(const Case& c, PersonId index, const GenerationFilter& f);

// Brings the persons and relations of `src` into `target` (importing into an existing case).
// A person of `src` that clearly is a person already in `target` (same given name, family
// name and sex, and birth dates that do not contradict, the only such candidate) is matched
// instead of duplicated; relations already present are not added twice. The imported index
// flag is dropped when `target` has an index person. Returns the number of matched persons
// and fills `id_map` (src id -> target id) when given.
struct MergeStats {
    int added_persons = 0;
    int matched_persons = 0;
    int added_relations = 0;
};
MergeStats merge_into(Case& target, const Case& src, std::map<PersonId, PersonId>* id_map = nullptr);

// A readable summary of an import for the command line and the app ("42 personen, ...").
[[nodiscard]] std::string import_summary(const ImportReport& r, Lang lang, std::size_t max_warnings = 20);

// Finds a person for the --index option: a source id ("I0044" or "@I0044@"), a kring id
// ("p12"), or a name (exact display name, else a unique part of it, case-insensitive).
// On failure returns nullopt and sets `error` (not found / ambiguous, with candidates).
[[nodiscard]] std::optional<PersonId> resolve_person(const Case& c, const std::map<std::string, PersonId>& source_ids,
                                                     std::string_view spec, std::string& error);

// ---------------------------------------------------------------- shared by the importers

// A family tree as read from a source file, before it becomes a case.
struct SourceEvent {
    bool present = false;
    PartialDate date;
    std::string original;  // the date text, when it is not kept exactly by `date`
};

struct SourcePerson {
    std::string id;  // source id (xref without '@', Gramps id)
    int line = 0;
    std::string given, family, nickname;
    Sex sex = Sex::Unknown;
    SourceEvent birth, death;
    bool deceased = false;
    std::vector<std::string> notes;  // note paragraphs, in order
};

struct SourceChild {
    int person = -1;  // index into SourceTree::persons
    ParentKind father = ParentKind::Biological;
    ParentKind mother = ParentKind::Biological;
    std::string father_text, mother_text;  // original wording when it is not a standard kind
};

struct SourceFamily {
    std::string id;
    int line = 0;
    int father = -1, mother = -1;  // indices into SourceTree::persons
    std::vector<SourceChild> children;
    std::optional<PartnerStatus> status;  // explicit status (e.g. Gramps type, kring's own tag)
    bool married_hint = false;            // the source says married without a marriage event
    bool no_partner_relation = false;     // kring export: two parents without a partner line
    SourceEvent marriage, divorce, separation, engagement;
    // kring's own export tags (_KRING_START/_KRING_END/_KRING_CONSANG): partnership dates
    // that standard GEDCOM cannot attach to the status, and consanguinity.
    PartialDate start, end;
    bool consanguineous = false;
    std::vector<std::string> notes;
};

struct SourceTree {
    std::vector<SourcePerson> persons;
    std::vector<SourceFamily> families;
};

// Turns a source tree into a case following the rules above; fills the counts of `report`.
void build_case(const SourceTree& tree, const ImportOptions& opt, const std::string& origin, ImportResult& out);

// A label for notes written by the importer ("Geboren" / "Born").
[[nodiscard]] std::string import_label(std::string_view key, Lang lang);

// Maps the wording of a child's relation to a parent (GEDCOM PEDI, _FREL/_MREL, Gramps
// mrel/frel: "birth", "Natural", "Adopted", "Stepchild", "Foster", ...). Unknown wording gives
// ParentKind::Unknown and `standard` = false.
[[nodiscard]] ParentKind parent_kind_from_text(std::string_view text, bool& standard);

}  // namespace kring
