// GEDCOM date values -> PartialDate (see parse_gedcom_date in import_gedcom.hpp).
#include "core/import_gedcom.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

namespace kring {

namespace {

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

int month_of(std::string_view t) {
    struct M {
        std::string_view name;
        int month;
    };
    static constexpr M months[] = {
        {"JAN", 1},      {"JANUARY", 1},  {"JANUARI", 1},   {"FEB", 2},       {"FEBRUARY", 2},  {"FEBRUARI", 2},
        {"MAR", 3},      {"MARCH", 3},    {"MAART", 3},     {"MRT", 3},       {"APR", 4},       {"APRIL", 4},
        {"MAY", 5},      {"MEI", 5},      {"JUN", 6},       {"JUNE", 6},      {"JUNI", 6},      {"JUL", 7},
        {"JULY", 7},     {"JULI", 7},     {"AUG", 8},       {"AUGUST", 8},    {"AUGUSTUS", 8},  {"SEP", 9},
        {"SEPT", 9},     {"SEPTEMBER", 9}, {"OCT", 10},     {"OCTOBER", 10},  {"OKT", 10},      {"OKTOBER", 10},
        {"NOV", 11},     {"NOVEMBER", 11}, {"DEC", 12},     {"DECEMBER", 12}};
    for (const auto& m : months)
        if (m.name == t) return m.month;
    return 0;
}

enum class Word { None, About, Before, After, Between, And, From, To, Dash };

Word word_of(std::string_view t) {
    static constexpr std::pair<std::string_view, Word> words[] = {
        {"ABT", Word::About},      {"ABOUT", Word::About},    {"CA", Word::About},        {"CIRCA", Word::About},
        {"C", Word::About},        {"CIR", Word::About},      {"OMSTREEKS", Word::About}, {"ONGEVEER", Word::About},
        {"ROND", Word::About},     {"EST", Word::About},      {"ESTIMATED", Word::About}, {"CAL", Word::About},
        {"CALC", Word::About},     {"CALCULATED", Word::About}, {"INT", Word::About},     {"BEF", Word::Before},
        {"BEFORE", Word::Before},  {"VOOR", Word::Before},    {"V\xC3\x93\xC3\x93R", Word::Before},
        {"AFT", Word::After},      {"AFTER", Word::After},    {"NA", Word::After},        {"BET", Word::Between},
        {"BETWEEN", Word::Between}, {"TUSSEN", Word::Between}, {"AND", Word::And},        {"EN", Word::And},
        {"FROM", Word::From},      {"VAN", Word::From},       {"TO", Word::To},           {"TOT", Word::To},
        {"-", Word::Dash}};
    for (const auto& [n, w] : words)
        if (n == t) return w;
    return Word::None;
}

struct Simple {
    PartialDate date;
    bool dual = false;  // "1715/16"
    std::string problem;
};

// [day] [month] year, or a year alone.
std::optional<Simple> parse_simple(const std::vector<std::string>& t, std::size_t from, std::size_t to) {
    if (from >= to) return std::nullopt;
    Simple s;
    std::size_t i = from;
    std::string_view year_tok = t[to - 1];
    int year = 0;
    if (auto slash = year_tok.find('/'); slash != std::string_view::npos) {
        std::string_view y = year_tok.substr(0, slash), alt = year_tok.substr(slash + 1);
        if (!all_digits(y) || !all_digits(alt) || alt.size() > 2 || y.size() > 4) return std::nullopt;
        year = to_int(y) + 1;  // old-style/new-style year: the new-style (later) one
        s.dual = true;
    } else {
        if (!all_digits(year_tok) || year_tok.size() > 4) return std::nullopt;
        year = to_int(year_tok);
    }
    if (year < 1) return std::nullopt;
    s.date.year = year;
    const std::size_t n = to - from;
    if (n == 1) return s;
    int month = month_of(t[to - 2]);
    if (!month) return std::nullopt;
    s.date.month = month;
    if (n == 2) return s;
    if (n != 3 || !all_digits(t[i]) || t[i].size() > 2) return std::nullopt;
    int day = to_int(t[i]);
    if (day < 1 || day > days_in_month(year, month)) {
        s.problem = "impossible day " + t[i] + " in the date; the day was left out";
        return s;
    }
    s.date.day = day;
    return s;
}

}  // namespace

GedcomDate parse_gedcom_date(std::string_view text) {
    GedcomDate out;
    std::size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos) return out;
    std::size_t e = text.find_last_not_of(" \t");
    std::string s = upper_ascii(text.substr(b, e - b + 1));
    if (s.front() == '(') {
        out.exact = false;
        out.problem = "a date phrase, not a date";
        return out;
    }
    // INT 1900 (text): the interpretation in parentheses is kept in the notes only.
    if (auto p = s.find('('); p != std::string::npos) {
        s = s.substr(0, p);
        out.exact = false;
    }
    // Calendar escapes, at the start or before each date of a range.
    for (auto at = s.find("@#D"); at != std::string::npos; at = s.find("@#D")) {
        auto close = s.find('@', at + 3);
        std::string cal = close == std::string::npos ? s.substr(at + 3) : s.substr(at + 3, close - at - 3);
        s.erase(at, close == std::string::npos ? std::string::npos : close + 1 - at);
        if (cal == "JULIAN") {
            out.exact = false;
        } else if (cal != "GREGORIAN") {
            out.exact = false;
            out.problem = "not a Gregorian date (calendar " + cal + ")";
            return out;
        }
    }
    // B.C. dates cannot be kept.
    {
        std::string compact;
        for (char c : s)
            if (c != '.' && c != ' ') compact += c;
        if (compact.ends_with("BC") || compact.ends_with("BCE") || compact.find("BC)") != std::string::npos) {
            out.exact = false;
            out.problem = "a date before the year 1 (B.C.)";
            return out;
        }
    }
    // ISO dates: 1980-05-12, 1980-05.
    if (s.size() >= 7 && all_digits(std::string_view(s).substr(0, 4)) && s[4] == '-') {
        std::string iso = s;
        while (!iso.empty() && iso.back() == ' ') iso.pop_back();
        if (auto d = PartialDate::parse(iso)) {
            out.date = *d;
            return out;
        }
    }
    std::vector<std::string> tok;
    {
        std::string cur;
        auto flush = [&] {
            if (!cur.empty()) tok.push_back(cur);
            cur.clear();
        };
        for (char c : s) {
            if (c == ' ' || c == '.' || c == ',' || c == '\t') {
                flush();
            } else if (c == '-') {
                flush();
                tok.emplace_back("-");
            } else {
                cur += c;
            }
        }
        flush();
    }
    if (tok.empty()) {
        out.exact = false;
        out.problem = "an empty date";
        return out;
    }
    std::size_t i = 0;
    Word first = word_of(tok[0]);
    if (first == Word::About || first == Word::Before || first == Word::After || first == Word::Between ||
        first == Word::From || first == Word::To)
        i = 1;
    // Split at AND / TO / - for ranges.
    std::size_t split = tok.size();
    for (std::size_t k = i; k < tok.size(); ++k) {
        Word w = word_of(tok[k]);
        if (w == Word::And || w == Word::To || w == Word::Dash) {
            split = k;
            break;
        }
    }
    auto fail = [&] {
        out.date = {};
        out.exact = false;
        out.problem = "not a date kring can read";
        return out;
    };
    auto a = parse_simple(tok, i, split);
    if (split == tok.size()) {
        if (!a) return fail();
        out.date = a->date;
        if (!a->problem.empty()) out.problem = a->problem;
        if (a->dual || !a->problem.empty()) out.exact = false;
        if (first != Word::None) {
            out.exact = false;
            out.date.approximate = true;  // ABT/EST/CAL/INT/BEF/AFT: approximate
            if (first == Word::From || first == Word::To) out.date.approximate = false;
        }
        return out;
    }
    // A range: BET a AND b, FROM a TO b, a - b.
    auto bdate = parse_simple(tok, split + 1, tok.size());
    out.exact = false;
    if (!a && !bdate) {
        // "FROM x" is handled above; here neither side is a date.
        return fail();
    }
    if (a && bdate) {
        const PartialDate& x = a->date;
        const PartialDate& y = bdate->date;
        if (x.year == y.year && x.month == y.month && x.month) {
            out.date.year = x.year;
            out.date.month = x.month;
        } else {
            out.date.year = (x.year + y.year) / 2;
        }
        out.date.approximate = true;
        if (first == Word::From || word_of(tok[split]) == Word::To) out.date = x;  // a period: its start
        return out;
    }
    out.date = a ? a->date : bdate->date;
    out.date.approximate = true;
    return out;
}

std::string format_gedcom_date(const PartialDate& d) {
    static constexpr const char* months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                             "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    if (d.empty()) return {};
    std::string s = d.approximate ? "ABT " : "";
    if (d.month >= 1 && d.month <= 12) {
        if (d.day) s += std::to_string(d.day) + " ";
        s += months[d.month - 1];
        s += ' ';
    }
    s += std::to_string(d.year);
    return s;
}

}  // namespace kring
