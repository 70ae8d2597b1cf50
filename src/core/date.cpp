#include "core/date.hpp"

#include <charconv>
#include <ctime>

namespace kring {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return (m == 2 && is_leap_year(y)) ? 29 : days[m - 1];
}

namespace {
std::string pad(int v, int width) {
    std::string s = std::to_string(v);
    while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
    return s;
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

std::string PartialDate::str() const {
    if (empty()) return {};
    std::string s = approximate ? "~" : "";
    s += pad(year, 4);
    if (month) {
        s += '-' + pad(month, 2);
        if (day) s += '-' + pad(day, 2);
    }
    return s;
}

std::optional<PartialDate> PartialDate::parse(std::string_view s) {
    PartialDate d;
    if (s.empty()) return d;
    if (s.front() == '~') {
        d.approximate = true;
        s.remove_prefix(1);
    }
    // yyyy[-mm[-dd]]
    auto dash1 = s.find('-');
    std::string_view ys = s.substr(0, dash1);
    if (ys.size() != 4 || !parse_int(ys, d.year) || d.year < 1) return std::nullopt;
    if (dash1 == std::string_view::npos) return d;
    std::string_view rest = s.substr(dash1 + 1);
    auto dash2 = rest.find('-');
    std::string_view ms = rest.substr(0, dash2);
    if (ms.size() != 2 || !parse_int(ms, d.month) || d.month < 1 || d.month > 12) return std::nullopt;
    if (dash2 == std::string_view::npos) return d;
    std::string_view ds = rest.substr(dash2 + 1);
    if (ds.size() != 2 || !parse_int(ds, d.day) || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

long PartialDate::earliest() const {
    if (empty()) return 0;
    int y = approximate ? year - 2 : year;
    return y * 10000L + (month ? month : 1) * 100L + (day ? day : 1);
}

long PartialDate::latest() const {
    if (empty()) return 0;
    int y = approximate ? year + 2 : year;
    int m = month ? month : 12;
    int dd = day ? day : days_in_month(y, m);
    return y * 10000L + m * 100L + dd;
}

bool certainly_before(const PartialDate& a, const PartialDate& b) {
    if (a.empty() || b.empty()) return false;
    return a.latest() < b.earliest();
}

std::optional<int> years_between(const PartialDate& from, const PartialDate& to) {
    if (from.empty() || to.empty()) return std::nullopt;
    int years = to.year - from.year;
    if (from.month && to.month) {
        if (to.month < from.month || (to.month == from.month && from.day && to.day && to.day < from.day)) --years;
    }
    if (years < 0) return std::nullopt;
    return years;
}

PartialDate today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    PartialDate d;
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    return d;
}

}  // namespace kring
