// kring export CASE --format gedcom|graphml|csv|dot -o OUT
#include "cli/cli_util.hpp"
#include "cli/commands.hpp"
#include "core/export.hpp"

#include <filesystem>
#include <iostream>

namespace kring::cli {

namespace {
struct ExportArgs {
    std::string path, format, out, lang;
    bool no_notes = false;
};
}  // namespace

void register_export(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("export", "Export a case to GEDCOM (family part), GraphML, CSV or DOT");
    auto a = std::make_shared<ExportArgs>();
    sub->add_option("CASE", a->path, "case file (.kring)")->required();
    sub->add_option("--format", a->format,
                    "gedcom, graphml, csv or dot (default: from the extension of -o); csv writes "
                    "OUT-persons.csv and OUT-relations.csv");
    sub->add_option("-o,--output", a->out, "output file")->required();
    sub->add_flag("--no-notes", a->no_notes, "leave out professional notes and risk annotations (for sharing)");
    sub->add_option("--lang", a->lang, "nl (default) or en");
    sub->callback([a, &exit_code] {
        exit_code = 1;
        namespace fs = std::filesystem;
        std::string fmt = a->format;
        if (fmt.empty()) {
            fmt = fs::path(a->out).extension().string();
            if (!fmt.empty()) fmt.erase(0, 1);
        }
        auto format = parse_export_format(fmt);
        if (!format) {
            std::cerr << "kring: unknown export format \"" << fmt << "\" (use --format gedcom, graphml, csv or dot)\n";
            exit_code = 2;
            return;
        }
        auto c = load_or_report(a->path);
        if (!c) return;
        ExportOptions opt;
        opt.include_notes = !a->no_notes;
        opt.lang = pick_lang(a->lang);
        ExportResult res = export_case(*c, *format, opt);
        std::string base = a->out;
        if (*format == ExportFormat::Csv && fs::path(base).extension() == ".csv")
            base = (fs::path(base).parent_path() / fs::path(base).stem()).string();
        for (const auto& f : res.files) {
            const std::string path = f.suffix.empty() ? a->out : base + f.suffix;
            if (auto saved = write_file_atomic(path, f.bytes); !saved.ok()) {
                std::cerr << "kring: " << saved.error << "\n";
                return;
            }
            std::string line(tr("export.saved", opt.lang));
            if (auto p = line.find("{file}"); p != std::string::npos) line.replace(p, 6, path);
            std::cout << line << "\n";
        }
        for (const auto& w : res.warnings) std::cerr << "kring: note: " << w << "\n";
        exit_code = 0;
    });
}

}  // namespace kring::cli
