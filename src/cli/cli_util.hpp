// Small helpers shared by the kring subcommands.
#pragma once

#include "core/caseio.hpp"
#include "core/i18n.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace kring::cli {

// Loads a case or prints the loader's message ("kring: FILE:line:col: ...") on stderr.
std::optional<Case> load_or_report(const std::string& path);
// Adds --passphrase-file to a subcommand that reads case files (cmd_crypt.cpp).
void add_passphrase_option(CLI::App& sub);
// load_case, and for an encrypted file the passphrase from --passphrase-file or, when that
// was not given, asked on the terminal (once per run).
[[nodiscard]] LoadResult load_case_cli(const std::string& path);
// Language from --lang, else $KRING_LANG / $LANG, else Dutch.
Lang pick_lang(const std::string& option);

}  // namespace kring::cli
