#include "cli/cli_util.hpp"

#include <cstdlib>
#include <iostream>

namespace kring::cli {

std::optional<Case> load_or_report(const std::string& path) {
    LoadResult r = load_case_cli(path);
    if (!r.ok()) {
        std::cerr << "kring: " << r.error << "\n";
        return std::nullopt;
    }
    for (const auto& n : r.notes) std::cerr << "kring: note: " << n << "\n";
    return std::move(r.value);
}

Lang pick_lang(const std::string& option) {
    if (!option.empty()) return parse_lang(option);
    if (const char* e = std::getenv("KRING_LANG"); e && *e) return parse_lang(e);
    return Lang::Nl;
}

}  // namespace kring::cli
