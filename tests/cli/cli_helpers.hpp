// Running the kring command line as a process in tests.
#pragma once

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kring::test {

struct Run {
    int status = -1;     // exit status
    std::string output;  // stdout and stderr together
};

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return q + "'";
}

// Runs a shell command line and captures its output and exit status.
inline Run run_shell(const std::string& cmdline) {
    Run r;
    FILE* f = ::popen((cmdline + " 2>&1").c_str(), "r");
    REQUIRE(f != nullptr);
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) r.output.append(buf.data(), n);
    int st = ::pclose(f);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return r;
}

// Runs `kring ARGS` (arguments are passed through the shell as written).
inline Run kring_cli(const std::string& args) { return run_shell(quote(KRING_CLI) + " " + args); }

inline std::string demo_case() { return (std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring").string(); }

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct CliTempDir {
    std::filesystem::path path;
    CliTempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "kring-cli-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~CliTempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline bool have_program(const std::string& name) { return run_shell("command -v " + name + " >/dev/null").status == 0; }

}  // namespace kring::test
