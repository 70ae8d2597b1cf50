// kring analyze, run as a process: Dutch report, --json figures, --focus on a child,
// --pdf report, a folder with progress and a CSV summary, and clear errors.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

Run run(const std::string& args) {
    const fs::path err = fs::temp_directory_path() / ("kring-analyze-err-" + std::to_string(getpid()));
    const std::string cmd = std::string("'") + KRING_CLI + "' " + args + " 2>'" + err.string() + "'";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) r.out.append(buf.data(), n);
    const int st = pclose(p);
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    std::ifstream e(err);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    fs::remove(err);
    return r;
}

std::string demo() { return std::string("'") + KRING_ASSETS_DIR + "/demo/familie-demo.kring'"; }

struct Temp {
    fs::path path = fs::temp_directory_path() / ("kring-analyze-" + std::to_string(getpid()));
    Temp() { fs::create_directories(path); }
    ~Temp() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("kring analyze: Dutch report, English, JSON figures and a child as focus") {
    const Run nl = run("analyze " + demo());
    REQUIRE(nl.code == 0);
    CHECK(nl.out.find("Netwerkanalyse: Gezin De Vries (demo)") != std::string::npos);
    CHECK(nl.out.find("Niemand biedt financiële steun.") != std::string::npos);
    CHECK(nl.out.find("5 hulpverleners betrokken, geen regisseur aangewezen.") != std::string::npos);

    const Run en = run("analyze --lang en " + demo());
    REQUIRE(en.code == 0);
    CHECK(en.out.find("Nobody provides financial support.") != std::string::npos);

    const Run js = run("analyze --json " + demo());
    REQUIRE(js.code == 0);
    const auto j = nlohmann::json::parse(js.out);
    CHECK(j["focus"]["id"] == "p1");
    CHECK(j["size"] == 15);
    CHECK(j["professionals"] == 5);
    CHECK(j["missing_support"] == nlohmann::json::array({"financial"}));
    CHECK(j["risk_persons"].size() == 1);
    CHECK(j["persons"].size() == 16);

    const Run child = run("analyze --json --focus p2 " + demo());
    REQUIRE(child.code == 0);
    CHECK(nlohmann::json::parse(child.out)["focus"]["id"] == "p2");

    const Run bad = run("analyze --focus p999 " + demo());
    CHECK(bad.code == 1);
    CHECK(bad.err.find("p999") != std::string::npos);
    const Run missing = run("analyze /nonexistent/case.kring");
    CHECK(missing.code == 1);
    CHECK(missing.err.find("no such file") != std::string::npos);
}

TEST_CASE("kring analyze --pdf writes a one-page report, owner-only") {
    Temp t;
    const fs::path pdf = t.path / "rapport.pdf";
    const Run r = run("analyze " + demo() + " --pdf '" + pdf.string() + "'");
    REQUIRE(r.code == 0);
    REQUIRE(fs::exists(pdf));
    std::ifstream f(pdf, std::ios::binary);
    std::string head(5, '\0');
    f.read(head.data(), 5);
    CHECK(head == "%PDF-");
    CHECK(fs::file_size(pdf) > 10000);
    CHECK((fs::status(pdf).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
}

TEST_CASE("kring analyze FOLDER: progress on stderr, CSV summary, unreadable files reported") {
    Temp t;
    fs::copy_file(fs::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring", t.path / "a.kring");
    fs::copy_file(fs::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring", t.path / "b.kring");
    std::ofstream(t.path / "c.kring") << "{ not a case";
    const fs::path csv = t.path / "overzicht.csv";
    const Run r = run("analyze '" + t.path.string() + "' --csv '" + csv.string() + "'");
    CHECK(r.code == 1);  // one file could not be read
    CHECK(r.err.find("1/3 a.kring") != std::string::npos);
    CHECK(r.err.find("3/3 c.kring") != std::string::npos);
    CHECK(r.err.find("2 of 3 cases analysed") != std::string::npos);
    std::ifstream f(csv);
    std::vector<std::string> lines;
    for (std::string l; std::getline(f, l);) lines.push_back(l);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].rfind("file,case,focus,alters", 0) == 0);
    CHECK(lines[1].rfind("a.kring,Gezin De Vries (demo),p1,15,10,5,", 0) == 0);
    CHECK(lines[3].rfind("c.kring,", 0) == 0);

    const Run pdf = run("analyze '" + t.path.string() + "' --pdf x.pdf");
    CHECK(pdf.code == 2);
}
