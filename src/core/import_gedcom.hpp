// GEDCOM 5.5 / 5.5.1 reader: encodings (UTF-8 with or without BOM, UTF-16 LE/BE, ANSEL,
// Windows-1252, Latin-1), CR/LF/CRLF line ends, INDI/FAM/NOTE records, GEDCOM dates.
#pragma once

#include "core/import.hpp"

#include <string>
#include <string_view>

namespace kring {

// Reads a GEDCOM file's bytes into `out` (value, report, source ids, or error).
void import_gedcom(std::string_view bytes, const std::string& origin, const ImportOptions& opt, ImportResult& out);

// Whether `bytes` look like GEDCOM (first line "0 HEAD" or a level-0 record, in any of the
// supported encodings).
[[nodiscard]] bool looks_like_gedcom(std::string_view bytes);

// A GEDCOM date value as kring keeps it.
struct GedcomDate {
    PartialDate date;      // empty when nothing usable
    bool exact = true;     // false: keep the original text in the notes
    std::string problem;   // non-empty when the text could not be (fully) used, for a warning
};

// Parses DATE values: "12 MAY 1980", "MAY 1980", "1980", "ABT 1897", "EST 1850",
// "CAL 1900", "BEF 23 JUL 1930", "AFT 1966", "BET 1899 AND 1905", "FROM 1800 TO 1805",
// "INT 1900 (text)", "(text)", "1715/16" (dual year), "44 B.C.", calendar escapes
// "@#DJULIAN@", "@#DHEBREW@", "@#DFRENCH R@". Case-insensitive; tolerates periods ("ABT."),
// FTM's "BET. 1899 - 1905", ISO "1980-05-12", full English month names and the common Dutch
// forms ("ca.", "omstreeks", "voor", "na", "tussen .. en ..", "mei", "mrt", "okt").
[[nodiscard]] GedcomDate parse_gedcom_date(std::string_view text);

// A PartialDate in GEDCOM form: "12 MAY 1980", "MAY 1980", "1980", "ABT 1980" (approximate).
// Empty for an empty date.
[[nodiscard]] std::string format_gedcom_date(const PartialDate& d);

}  // namespace kring
