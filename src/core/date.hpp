// Partial dates: genealogical and case data often only knows a year, or a month and year,
// or an approximate year ("~1958").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kring {

struct PartialDate {
    int year = 0;   // 0 = unknown (the whole date is empty)
    int month = 0;  // 0 = unknown
    int day = 0;    // 0 = unknown
    bool approximate = false;

    [[nodiscard]] bool empty() const { return year == 0; }
    // "", "1980", "1980-05", "1980-05-12"; approximate dates get a leading '~'.
    [[nodiscard]] std::string str() const;
    // Parses the form produced by str(). Returns nullopt for anything else
    // (including impossible months/days such as 1980-13 or 1981-02-29).
    static std::optional<PartialDate> parse(std::string_view s);

    // Earliest and latest day this date could stand for, as yyyymmdd numbers,
    // for comparisons that must not claim more precision than the data has.
    [[nodiscard]] long earliest() const;
    [[nodiscard]] long latest() const;

    bool operator==(const PartialDate&) const = default;
};

// True when `later` is certainly before `earlier` (e.g. death 1970 before birth 1980).
// Partial dates that overlap (1980 vs 1980-05) are never "certainly before".
[[nodiscard]] bool certainly_before(const PartialDate& a, const PartialDate& b);

// Whole years between two dates (age), or nullopt when either is unknown.
[[nodiscard]] std::optional<int> years_between(const PartialDate& from, const PartialDate& to);

// An age above this is not a life but an error in the data: a year mistyped (born "20"),
// or a death never recorded (genealogies: "born 1727", still living today). validate()
// warns of it (very-old), and the genogram shows no age then rather than "299".
constexpr int kOldestPlausibleAge = 120;

[[nodiscard]] bool is_leap_year(int y);
[[nodiscard]] int days_in_month(int y, int m);

// Today's date in local time (used for ages); tests pass explicit dates instead.
[[nodiscard]] PartialDate today();

} // namespace kring
