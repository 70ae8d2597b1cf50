// kring import FILE -o CASE [--index ID --up N --down N]
// kring import FILE --into CASE --index ID [--up N --down N] [-o OUT]
#include "cli/cli_util.hpp"
#include "cli/commands.hpp"
#include "core/import.hpp"

#include <filesystem>
#include <iostream>

namespace kring::cli {

namespace {

struct ImportArgs {
    std::string file, out, into, index, lang;
    int up = 2, down = 1;
    bool up_set = false, down_set = false;
    bool no_siblings = false, no_partners = false, force = false, quiet = false;
};

}  // namespace

void register_import(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand(
        "import", "Import a GEDCOM (5.5/5.5.1) or Gramps XML file (.gramps, plain or gzip) into a case");
    auto a = std::make_shared<ImportArgs>();
    sub->add_option("FILE", a->file, "GEDCOM or Gramps XML file (the format is read from the content)")->required();
    sub->add_option("-o,--output", a->out, "case file to write (.kring)");
    sub->add_option("--into", a->into, "existing case to add the imported family to (saved with a .bak backup)");
    sub->add_option("--index", a->index,
                    "index person: source id (I0044), kring id (p12) or name; keeps only the generations around them");
    sub->add_option("--up", a->up, "generations of ancestors to keep (default 2; -1 = all)")
        ->check(CLI::Range(-1, 1000))
        ->each([a](const std::string&) { a->up_set = true; });
    sub->add_option("--down", a->down, "generations of descendants to keep (default 1; -1 = all)")
        ->check(CLI::Range(-1, 1000))
        ->each([a](const std::string&) { a->down_set = true; });
    sub->add_flag("--no-siblings", a->no_siblings, "with --index: leave out brothers, sisters, aunts and uncles");
    sub->add_flag("--no-partners", a->no_partners, "with --index: leave out partners who are not parents of kept children");
    sub->add_flag("--force", a->force, "overwrite an existing -o file (the old one is kept as .bak)");
    sub->add_flag("-q,--quiet", a->quiet, "print only problems");
    sub->add_option("--lang", a->lang, "nl (default) or en: summary and labels written into notes");
    sub->callback([a, &exit_code] {
        exit_code = 1;
        const Lang lang = pick_lang(a->lang);
        if (a->out.empty() && a->into.empty()) {
            std::cerr << "kring: import: give -o CASE (a new case) or --into CASE (an existing case)\n";
            exit_code = 2;
            return;
        }
        if ((a->up_set || a->down_set || a->no_siblings || a->no_partners) && a->index.empty()) {
            std::cerr << "kring: import: --up/--down/--no-siblings/--no-partners need --index PERSON\n";
            exit_code = 2;
            return;
        }
        const std::string target = a->out.empty() ? a->into : a->out;
        std::error_code ec;
        if (a->into.empty() && std::filesystem::exists(target, ec) && !a->force) {
            std::cerr << "kring: " << target
                      << ": already exists; use --force to replace it, or --into to add to it\n";
            exit_code = 2;
            return;
        }
        std::optional<Case> existing;
        if (!a->into.empty()) {
            existing = load_or_report(a->into);
            if (!existing) return;
        }
        ImportOptions opt;
        opt.lang = lang;
        ImportResult res = import_file(a->file, opt);
        if (!res.ok()) {
            std::cerr << "kring: " << res.error << "\n";
            return;
        }
        if (!a->quiet) std::cout << import_summary(res.report, lang);
        else
            for (const auto& w : res.report.warnings) std::cerr << "kring: warning: " << w << "\n";
        Case imported = std::move(res.value);
        if (!a->index.empty()) {
            std::string err;
            auto idx = resolve_person(imported, res.source_ids, a->index, err);
            if (!idx) {
                std::cerr << "kring: --index " << a->index << ": " << err << "\n";
                exit_code = 2;
                return;
            }
            GenerationFilter f;
            f.up = a->up;
            f.down = a->down;
            f.siblings = !a->no_siblings;
            f.partners = !a->no_partners;
            const std::size_t total = imported.persons().size();
            const std::string name = imported.person(*idx)->display_name();
            imported = filter_generations(imported, *idx, f);
            if (!a->quiet) {
                std::cout << trf("import.summary.filtered", lang,
                                 {{"person", name},
                                  {"up", a->up < 0 ? "*" : std::to_string(a->up)},
                                  {"down", a->down < 0 ? "*" : std::to_string(a->down)},
                                  {"kept", std::to_string(imported.persons().size())},
                                  {"total", std::to_string(total)}})
                          << "\n";
            }
        }
        Case result;
        if (existing) {
            result = std::move(*existing);
            MergeStats st = merge_into(result, imported);
            if (!a->quiet) {
                std::cout << trf("import.summary.merged", lang,
                                 {{"case", a->into},
                                  {"added", std::to_string(st.added_persons)},
                                  {"matched", std::to_string(st.matched_persons)},
                                  {"relations", std::to_string(st.added_relations)}})
                          << "\n";
            }
        } else {
            result = std::move(imported);
            result.info.name = std::filesystem::path(a->file).stem().string();
            result.info.notes = trf("import.case_notes", lang,
                                    {{"file", std::filesystem::path(a->file).filename().string()},
                                     {"format", res.report.format + ", " + res.report.encoding},
                                     {"date", today().str()}});
        }
        if (auto saved = save_case(result, target); !saved.ok()) {
            std::cerr << "kring: " << saved.error << "\n";
            return;
        }
        if (!a->quiet) std::cout << trf("import.summary.saved", lang, {{"file", target}}) << "\n";
        exit_code = 0;
    });
}

}  // namespace kring::cli
