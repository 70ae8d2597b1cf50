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
    auto lang_opt = std::make_shared<std::string>();
    sub->add_option("CASE", *path, "case file (.kring)")->required();
    sub->add_flag("-q,--quiet", *quiet, "print only problems, no summary");
    sub->add_option("--lang", *lang_opt, "nl (default) or en");
    sub->callback([path, quiet, lang_opt, &exit_code] {
        const Lang lang = pick_lang(*lang_opt);
        auto c = load_or_report(*path);
        if (!c) {
            exit_code = 1;
            return;
        }
        auto problems = validate(*c, lang);
        int errors = 0, warnings = 0;
        for (const auto& p : problems) {
            bool err = p.severity == Severity::Error;
            (err ? errors : warnings)++;
            std::cout << *path << ": " << tr(err ? "problem.error" : "problem.warning", lang) << " [" << p.code
                      << "]: " << p.message << "\n";
        }
        if (!*quiet)
            std::cout << *path << ": "
                      << trf("problem.summary", lang,
                             {{"persons", std::to_string(c->persons().size())},
                              {"relations", std::to_string(c->relations().size())},
                              {"errors", std::to_string(errors)},
                              {"warnings", std::to_string(warnings)}})
                      << "\n";
        exit_code = errors ? 1 : 0;
    });
}

}  // namespace kring::cli
