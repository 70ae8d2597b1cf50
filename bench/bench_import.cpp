// bench-import: kring's import of Gramps' example tree (GEDCOM and Gramps XML) against
// Gramps' own command-line import of the same file, in the same run.
//
//   bench-import [--json] [--repeat N] [--no-gramps] [FILE...]
//
// Without FILEs: ../shared/data/gramps/example.ged and example.gramps. Gramps runs as
// `gramps -y -C <new tree> -i FILE` with a temporary GRAMPSHOME (so the user's own trees are
// never touched); its time includes its start-up, as a user experiences it. For GEDCOM input
// the bench also sends kring's own GEDCOM export of the tree through Gramps (import, then
// export to .gramps, read back by kring) and reports what Gramps took in.
#include "core/caseio.hpp"
#include "core/export.hpp"
#include "core/import.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::optional<std::string> find_gramps() {
    if (const char* env = std::getenv("KRING_GRAMPS"); env && *env) return std::string(env);
    for (const char* p : {"/usr/bin/gramps", "/usr/local/bin/gramps"})
        if (::access(p, X_OK) == 0) return std::string(p);
    return std::nullopt;
}

// Gramps' import time in ms, or nullopt when it failed.
std::optional<double> gramps_import_ms(const std::string& gramps, const fs::path& file, std::string& note) {
    std::string tmpl = (fs::temp_directory_path() / "kring-bench-gramps-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
        note = "cannot make a temporary folder";
        return std::nullopt;
    }
    const fs::path home = tmpl;
    const std::string cmd = "GRAMPSHOME=" + quote(home.string()) + " LANG=C.UTF-8 " + quote(gramps) +
                            " -y -C benchtree -i " + quote(file.string()) + " > " +
                            quote((home / "log.txt").string()) + " 2>&1";
    const auto t0 = Clock::now();
    const int st = std::system(cmd.c_str());
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::error_code ec;
    const bool ok = st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    if (!ok) note = "gramps exited with status " + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    fs::remove_all(home, ec);
    if (!ok) return std::nullopt;
    return ms;
}

// kring -> GEDCOM -> `gramps -i ... -e out.gramps` -> kring: how many persons and families
// Gramps took from kring's GEDCOM export. Returns false when Gramps failed.
bool gramps_round_trip(const std::string& gramps, const kring::Case& c, int& persons, int& families,
                       std::string& note) {
    std::string tmpl = (fs::temp_directory_path() / "kring-bench-rt-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return false;
    const fs::path home = tmpl;
    const fs::path ged = home / "kring.ged", out = home / "back.gramps";
    bool ok = kring::write_file_atomic(ged, kring::export_gedcom(c)).ok();
    if (ok) {
        const std::string cmd = "GRAMPSHOME=" + quote(home.string()) + " LANG=C.UTF-8 " + quote(gramps) +
                                " -y -C roundtrip -i " + quote(ged.string()) + " -e " + quote(out.string()) + " > " +
                                quote((home / "log.txt").string()) + " 2>&1";
        const int st = std::system(cmd.c_str());
        ok = st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    if (ok) {
        kring::ImportResult back = kring::import_file(out);
        ok = back.ok();
        if (!ok) note = back.error;
        persons = back.report.persons;
        families = back.report.families;
    }
    std::error_code ec;
    fs::remove_all(home, ec);
    return ok;
}

struct Row {
    std::string file;
    int persons = 0;
    int families = 0;
    double ms = 0;
    int rt_persons = -1, rt_families = -1;  // after the round trip through Gramps
    std::optional<double> gramps_ms;
    std::string note;
};

std::string json_str(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        o += c;
    }
    return o + "\"";
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false, use_gramps = true, round_trip = true;
    int repeat = 5;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--json") json = true;
        else if (a == "--no-gramps") use_gramps = false;
        else if (a == "--no-round-trip") round_trip = false;
        else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (a == "--help" || a == "-h") {
            std::cout << "usage: bench-import [--json] [--repeat N] [--no-gramps] [--no-round-trip] [FILE...]\n";
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "bench-import: unknown option " << a << "\n";
            return 2;
        } else files.emplace_back(a);
    }
    if (files.empty()) {
        const fs::path dir = fs::path(KRING_SHARED_DATA_DIR) / "gramps";
        for (const char* n : {"example.ged", "example.gramps"})
            if (fs::exists(dir / n)) files.push_back(dir / n);
        if (files.empty()) std::cerr << "bench-import: no test data in " << dir.string() << "; nothing to measure\n";
    }
    std::optional<std::string> gramps = use_gramps ? find_gramps() : std::nullopt;
    if (use_gramps && !gramps) std::cerr << "bench-import: gramps is not installed; measuring kring only\n";

    std::vector<Row> rows;
    for (const auto& f : files) {
        Row row;
        row.file = f.filename().string();
        std::vector<double> times;
        for (int k = 0; k < repeat; ++k) {
            const auto t0 = Clock::now();
            std::ifstream in(f, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            kring::ImportResult r = kring::import_bytes(ss.str(), f.string());
            times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            if (!r.ok()) {
                std::cerr << "bench-import: " << r.error << "\n";
                return 1;
            }
            row.persons = r.report.persons;
            row.families = r.report.families;
        }
        std::sort(times.begin(), times.end());
        row.ms = times[times.size() / 2];
        if (gramps) row.gramps_ms = gramps_import_ms(*gramps, f, row.note);
        if (gramps && round_trip && f.extension() == ".ged") {
            std::ifstream in(f, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            kring::ImportResult r = kring::import_bytes(ss.str(), f.string());
            if (!gramps_round_trip(*gramps, r.value, row.rt_persons, row.rt_families, row.note))
                row.note += " round trip through Gramps failed";
        }
        rows.push_back(row);
    }

    std::printf("%-18s %8s %9s %11s %12s %9s\n", "file", "persons", "families", "kring ms", "gramps ms", "speed-up");
    for (const auto& r : rows) {
        std::printf("%-18s %8d %9d %11.2f ", r.file.c_str(), r.persons, r.families, r.ms);
        if (r.gramps_ms)
            std::printf("%12.0f %8.0fx\n", *r.gramps_ms, *r.gramps_ms / std::max(r.ms, 1e-3));
        else
            std::printf("%12s %9s\n", "-", "-");
        if (r.rt_persons >= 0)
            std::printf("  round trip kring -> GEDCOM -> Gramps: Gramps read %d persons, %d families (of %d, %d)\n",
                        r.rt_persons, r.rt_families, r.persons, r.families);
        if (!r.note.empty()) std::printf("  (%s)\n", r.note.c_str());
    }
    std::printf("kring: median of %d runs, reading the file included; gramps: one run of `gramps -C -i` "
                "(start-up included)\n", repeat);
    if (json) {
        std::string o = "{\"cases\":[";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            char buf[64];
            o += i ? "," : "";
            o += "{\"file\":" + json_str(r.file) + ",\"persons\":" + std::to_string(r.persons) +
                 ",\"families\":" + std::to_string(r.families);
            std::snprintf(buf, sizeof buf, "%.3f", r.ms);
            o += std::string(",\"ms\":") + buf;
            if (r.gramps_ms) {
                std::snprintf(buf, sizeof buf, "%.1f", *r.gramps_ms);
                o += std::string(",\"gramps_ms\":") + buf;
                std::snprintf(buf, sizeof buf, "%.1f", *r.gramps_ms / std::max(r.ms, 1e-3));
                o += std::string(",\"speedup\":") + buf;
            } else {
                o += ",\"gramps_ms\":null";
            }
            if (r.rt_persons >= 0)
                o += ",\"gramps_roundtrip_persons\":" + std::to_string(r.rt_persons) +
                     ",\"gramps_roundtrip_families\":" + std::to_string(r.rt_families);
            o += "}";
        }
        o += "]}";
        std::cout << o << std::endl;
    }
    return 0;
}
