#include "core/i18n.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

namespace kring {

namespace {

struct Entry {
    std::string_view key, nl, en;
};

// The translation table, split by area (one .inc file per owner), all in one table.
constexpr Entry kTable[] = {
#include "i18n/model.inc"
#include "i18n/layout.inc"
#include "i18n/print.inc"
#include "i18n/app.inc"
#include "i18n/validate.inc"
#include "i18n/trust.inc"
#include "i18n/interop.inc"
#include "i18n/meeting.inc"
#include "i18n/genogram.inc"
};

const std::unordered_map<std::string_view, const Entry*>& index() {
    static const auto map = [] {
        std::unordered_map<std::string_view, const Entry*> m;
        for (const auto& e : kTable) m.emplace(e.key, &e);
        return m;
    }();
    return map;
}

}  // namespace

std::string_view tr(std::string_view key, Lang lang) {
    const auto& m = index();
    auto it = m.find(key);
    if (it == m.end()) return key;
    return lang == Lang::En ? it->second->en : it->second->nl;
}

Lang parse_lang(std::string_view s) {
    if (s.size() >= 2 && std::tolower(static_cast<unsigned char>(s[0])) == 'e' &&
        std::tolower(static_cast<unsigned char>(s[1])) == 'n')
        return Lang::En;
    return Lang::Nl;
}

std::string_view lang_code(Lang lang) { return lang == Lang::En ? "en" : "nl"; }

std::size_t translation_count() { return std::size(kTable); }
std::string_view translation_key(std::size_t i) { return kTable[i].key; }

std::string trf(std::string_view key, Lang lang, std::initializer_list<TrArg> args) {
    std::string out(tr(key, lang));
    for (const auto& a : args) {
        const std::string ph = "{" + std::string(a.name) + "}";
        for (auto pos = out.find(ph); pos != std::string::npos; pos = out.find(ph, pos + a.value.size()))
            out.replace(pos, ph.size(), a.value);
    }
    return out;
}

}  // namespace kring
