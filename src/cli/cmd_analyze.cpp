// kring analyze CASE|FOLDER [--focus p3] [--lang nl|en] [--json] [--csv OUT] [--pdf OUT [--paper a3|a4]]
//
// One case: the findings, key figures and a compact table per person (or --json).
// A folder (a team's caseload): every *.kring file in it, a progress line on stderr and a
// CSV summary with one row per case (on stdout, or written to --csv OUT), or --json.
#include "cli/cli_util.hpp"
#include "cli/commands.hpp"
#include "core/analysis.hpp"
#include "core/caseio.hpp"
#include "core/enums.hpp"
#include "print/report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kring::cli {

namespace {

struct AnalyzeArgs {
    std::string path;
    std::string focus;
    std::string lang = "nl";
    bool json = false;
    std::string csv;  // "" = not asked; "-" = stdout
    std::string pdf;  // printable report (one case)
    std::string paper = "a3";
};

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

std::string fixed(double x, int decimals) {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(decimals);
    o << x;
    return o.str();
}

std::string join_ids(const std::vector<PersonId>& ids) {
    std::string out;
    for (PersonId p : ids) out += (out.empty() ? "" : " ") + p.str();
    return out;
}

const char* const kCsvHeader =
    "file,case,focus,alters,informal,professionals,informal_share,density,coordinator,missing_support,"
    "isolated,children_without_network,risk_persons,findings_risk,findings_attention,findings_info,error\n";

std::string csv_row(const std::string& file, const Case* c, const Analysis* a, const std::string& error) {
    std::vector<std::string> f(17);
    f[0] = file;
    if (c && a) {
        f[1] = c->info.name;
        f[2] = a->focus.valid() ? a->focus.str() : "";
        f[3] = std::to_string(a->size);
        f[4] = std::to_string(a->informal);
        f[5] = std::to_string(a->professionals);
        f[6] = fixed(a->informal_share, 3);
        f[7] = fixed(a->density, 3);
        f[8] = a->has_coordinator ? "yes" : "no";
        for (SupportType t : a->missing_support) f[9] += (f[9].empty() ? "" : " ") + std::string(to_string(t));
        f[10] = join_ids(a->isolated);
        f[11] = join_ids(a->children_without_network);
        f[12] = join_ids(a->risk_persons);
        f[13] = std::to_string(a->count(Finding::Level::Risk));
        f[14] = std::to_string(a->count(Finding::Level::Attention));
        f[15] = std::to_string(a->count(Finding::Level::Info));
    }
    f[16] = error;
    std::string row;
    for (std::size_t i = 0; i < f.size(); ++i) row += (i ? "," : "") + csv_field(f[i]);
    return row + "\n";
}

// Writes `bytes` to `target` ("-" or "" = stdout). Returns false after reporting on stderr.
bool emit(const std::string& target, const std::string& bytes) {
    if (target.empty() || target == "-") {
        std::cout << bytes << std::flush;
        return static_cast<bool>(std::cout);
    }
    const auto r = write_file_atomic(target, bytes);
    if (!r.ok()) std::cerr << "kring analyze: cannot write " << target << ": " << r.error << "\n";
    return r.ok();
}

int analyze_file(const AnalyzeArgs& args, Lang lang, PersonId focus) {
    LoadResult loaded = load_case_cli(args.path);
    if (!loaded.ok()) {
        std::cerr << "kring analyze: " << loaded.error << "\n";
        return 1;
    }
    Analysis a;
    try {
        a = analyze(loaded.value, AnalysisOptions{.focus = focus}, lang);
    } catch (const std::invalid_argument& e) {
        std::cerr << "kring analyze: " << args.path << ": " << e.what() << "\n";
        return 1;
    }
    bool ok = true;
    if (args.json) ok = emit("-", analysis_json(a, loaded.value) + "\n");
    else if (args.csv.empty() && args.pdf.empty()) ok = emit("-", analysis_text(a, loaded.value, lang));
    if (!args.csv.empty()) ok = emit(args.csv, kCsvHeader + csv_row(args.path, &loaded.value, &a, "")) && ok;
    if (!args.pdf.empty()) {
        PrintOptions po;
        po.lang = lang;
        po.paper = parse_paper(args.paper).value_or(PaperSize::A3);
        po.as_of = loaded.value.info.date;
        const PrintResult pr = render_report(loaded.value, a, po);
        if (!pr.ok()) {
            std::cerr << "kring analyze: " << args.pdf << ": " << pr.error << "\n";
            return 1;
        }
        for (const auto& w : pr.warnings) std::cerr << "kring analyze: warning: " << w << "\n";
        ok = emit(args.pdf, pr.bytes) && ok;
    }
    return ok ? 0 : 1;
}

int analyze_folder(const AnalyzeArgs& args, Lang lang) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(args.path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fec;
        if (it->path().extension() == ".kring" && it->is_regular_file(fec)) files.push_back(it->path());
    }
    if (ec) {
        std::cerr << "kring analyze: cannot read folder " << args.path << ": " << ec.message() << "\n";
        return 1;
    }
    if (files.empty()) {
        std::cerr << "kring analyze: no .kring files in " << args.path << "\n";
        return 1;
    }
    std::sort(files.begin(), files.end());
    const bool tty = isatty(STDERR_FILENO);
    std::string csv = kCsvHeader;
    nlohmann::ordered_json cases = nlohmann::ordered_json::array();
    int failed = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string file = files[i].string();
        const std::string name = files[i].filename().string();
        if (tty) std::cerr << "\r\033[K";
        std::cerr << "kring analyze: " << i + 1 << "/" << files.size() << " " << name << (tty ? "" : "\n") << std::flush;
        LoadResult loaded = load_case_cli(files[i].string());
        std::string error = loaded.error;
        Analysis a;
        if (error.empty()) {
            try {
                a = analyze(loaded.value, {}, lang);
            } catch (const std::exception& e) {
                error = file + ": " + e.what();
            }
        }
        if (!error.empty()) {
            ++failed;
            if (tty) std::cerr << "\n";
            std::cerr << "kring analyze: " << error << "\n";
            csv += csv_row(name, nullptr, nullptr, error);
            cases.push_back({{"file", name}, {"error", error}});
            continue;
        }
        csv += csv_row(name, &loaded.value, &a, "");
        if (args.json)
            cases.push_back({{"file", name}, {"analysis", nlohmann::ordered_json::parse(analysis_json(a, loaded.value))}});
    }
    if (tty) std::cerr << "\n";
    std::cerr << "kring analyze: " << files.size() - static_cast<std::size_t>(failed) << " of " << files.size()
              << " cases analysed" << (failed ? ", " + std::to_string(failed) + " could not be read" : std::string()) << "\n";
    bool ok = true;
    if (args.json) ok = emit("-", nlohmann::ordered_json{{"cases", cases}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (!args.json || !args.csv.empty()) ok = emit(args.csv, csv) && ok;
    return failed || !ok ? 1 : 0;
}

}  // namespace

void register_analyze(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<AnalyzeArgs>();
    CLI::App* sub = app.add_subcommand("analyze", "Network analysis of a case, or of every .kring file in a folder");
    sub->add_option("CASE", args->path, "case file (.kring), or a folder: analyse every .kring file in it")->required();
    sub->add_option("--focus", args->focus, "person at the centre, e.g. p3 (default: the index person)");
    sub->add_option("--lang", args->lang, "language of the report: nl (default) or en")
        ->check(CLI::IsMember({"nl", "en"}, CLI::ignore_case));
    sub->add_flag("--json", args->json, "print the figures as JSON");
    sub->add_option("--pdf", args->pdf, "write the printable report (map, figures, findings, table, legend) to this PDF");
    sub->add_option("--paper", args->paper, "paper for --pdf: a3 (default) or a4")->check(CLI::IsMember({"a3", "a4", "A3", "A4"}));
    sub->add_option("--csv", args->csv, "write a CSV summary (one row per case) to this file; - for stdout");
    sub->callback([args, &exit_code] {
        const Lang lang = (args->lang == "en" || args->lang == "EN" || args->lang == "En") ? Lang::En : Lang::Nl;
        std::error_code ec;
        const auto status = fs::status(args->path, ec);
        if (!fs::exists(status)) {
            std::cerr << "kring analyze: " << args->path << ": no such file or folder\n";
            exit_code = 1;
            return;
        }
        if (fs::is_directory(status)) {
            if (!args->pdf.empty()) {
                std::cerr << "kring analyze: --pdf writes the report of one case; give a case file, not a folder\n";
                exit_code = 2;
                return;
            }
            if (!args->focus.empty()) {
                std::cerr << "kring analyze: --focus names a person of one case; it cannot be used with a folder\n";
                exit_code = 2;
                return;
            }
            exit_code = analyze_folder(*args, lang);
            return;
        }
        PersonId focus;
        if (!args->focus.empty()) {
            auto id = PersonId::parse(args->focus);
            if (!id) {
                std::cerr << "kring analyze: --focus " << args->focus << ": expected a person id such as p3\n";
                exit_code = 2;
                return;
            }
            focus = *id;
        }
        exit_code = analyze_file(*args, lang, focus);
    });
}

}  // namespace kring::cli
