// kring validate CASE: lists errors and warnings; exit 1 when there are errors.
#include "cli/cli_util.hpp"
#include "cli/commands.hpp"
#include "core/validate.hpp"

#include <iostream>

namespace kring::cli {

void register_validate(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("validate", "Check a case file: errors (impossible data) and warnings");
    auto path = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    sub->add_option("CASE", *path, "case file (.kring)")->required();
    sub->add_flag("-q,--quiet", *quiet, "print only problems, no summary");
    sub->callback([path, quiet, &exit_code] {
        auto c = load_or_report(*path);
        if (!c) {
            exit_code = 1;
            return;
        }
        auto problems = validate(*c);
        int errors = 0, warnings = 0;
        for (const auto& p : problems) {
            bool err = p.severity == Severity::Error;
            (err ? errors : warnings)++;
            std::cout << *path << ": " << (err ? "error" : "warning") << " [" << p.code << "]: " << p.message << "\n";
        }
        if (!*quiet)
            std::cout << *path << ": " << c->persons().size() << " persons, " << c->relations().size() << " relations; "
                      << errors << " error(s), " << warnings << " warning(s)\n";
        exit_code = errors ? 1 : 0;
    });
}

}  // namespace kring::cli
