// One translation table for every text kring shows or prints. Dutch is the default.
// Keys are stable English identifiers; a missing translation falls back to the key.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace kring {

enum class Lang { Nl, En };

// Translated text for a key such as "married.short" ("h." / "m.").
[[nodiscard]] std::string_view tr(std::string_view key, Lang lang);

// tr() with placeholders filled in: trf("x", lang, {{"name", "Sanne"}}) replaces "{name}".
struct TrArg {
    std::string_view name;
    std::string value;
};
[[nodiscard]] std::string trf(std::string_view key, Lang lang, std::initializer_list<TrArg> args);
// Parses "nl" / "en" (also "NL", "en_GB.UTF-8" ...). Unknown -> Nl.
[[nodiscard]] Lang parse_lang(std::string_view s);
[[nodiscard]] std::string_view lang_code(Lang lang);
// Number of keys, for tests that check both languages are complete.
[[nodiscard]] std::size_t translation_count();
[[nodiscard]] std::string_view translation_key(std::size_t i);

}  // namespace kring
