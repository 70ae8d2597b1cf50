// kring: the command-line tool for batch work and tests.
#include "cli/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"kring - genograms and network maps for youth care (case files stay on this computer)", "kring"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "kring 0.1.0");
    int exit_code = 0;
    kring::cli::register_validate(app, exit_code);
    kring::cli::register_print(app, exit_code);
    kring::cli::register_analyze(app, exit_code);
    kring::cli::register_snapshot(app, exit_code);
    kring::cli::register_meeting(app, exit_code);
    kring::cli::register_import(app, exit_code);
    kring::cli::register_export(app, exit_code);
    kring::cli::register_crypt(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    return exit_code;
}
