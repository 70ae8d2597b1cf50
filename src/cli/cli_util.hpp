// Small helpers shared by the kring subcommands.
#pragma once

#include "core/caseio.hpp"
#include "core/i18n.hpp"

#include <optional>
#include <string>

namespace kring::cli {

// Loads a case or prints the loader's message ("kring: FILE:line:col: ...") on stderr.
std::optional<Case> load_or_report(const std::string& path);
// Language from --lang, else $KRING_LANG / $LANG, else Dutch.
Lang pick_lang(const std::string& option);

}  // namespace kring::cli
