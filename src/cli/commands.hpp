// The `kring` command line: one file per subcommand, each registering itself on the app.
#pragma once

#include <CLI/CLI.hpp>

namespace kring::cli {

// Each register_* adds a subcommand with its options and callback. A callback reports
// problems on stderr and sets the exit code through `exit_code`.
void register_validate(CLI::App& app, int& exit_code);
void register_print(CLI::App& app, int& exit_code);
void register_analyze(CLI::App& app, int& exit_code);
void register_snapshot(CLI::App& app, int& exit_code);  // cmd_meeting.cpp
void register_meeting(CLI::App& app, int& exit_code);   // cmd_meeting.cpp
void register_import(CLI::App& app, int& exit_code);
void register_export(CLI::App& app, int& exit_code);
void register_crypt(CLI::App& app, int& exit_code);  // after validate and print: adds --passphrase-file to them

}  // namespace kring::cli
