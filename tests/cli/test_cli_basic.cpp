// The kring command line, run as a process: validate, print.
#include "cli_helpers.hpp"

#include "core/caseio.hpp"

#include <regex>
#include <set>

using namespace kring;
using namespace kring::test;

TEST_CASE("kring validate: clean case, errors, and unreadable files") {
    CliTempDir dir;
    auto ok = kring_cli("validate --lang en " + quote(demo_case()));
    CHECK_MESSAGE(ok.status == 0, ok.output);
    CHECK(ok.output.find("0 error(s)") != std::string::npos);
    auto nl = kring_cli("validate --lang nl " + quote(demo_case()));
    CHECK_MESSAGE(nl.output.find("18 personen, 49 relaties; 0 fout(en), 0 waarschuwing(en)") != std::string::npos, nl.output);

    // A person recorded as their own parent: an error, exit status 1, with the name.
    std::ofstream(dir / "eigen-ouder.kring") << R"({"format": "kring", "version": 1,
      "persons": [{"id": "p1", "given": "Piet", "family": "Puk", "sex": "male"}],
      "relations": [{"id": "r1", "kind": "parent-child", "a": "p1", "b": "p1"}]})";
    auto bad = kring_cli("validate --lang en " + quote(dir / "eigen-ouder.kring"));
    CHECK(bad.status == 1);
    CHECK_MESSAGE(bad.output.find("Piet Puk") != std::string::npos, bad.output);
    CHECK(bad.output.find("own parent") != std::string::npos);
    auto bad_nl = kring_cli("validate --lang nl " + quote(dir / "eigen-ouder.kring"));
    CHECK_MESSAGE(bad_nl.output.find("fout [own-parent]: Piet Puk (p1) staat als eigen ouder genoteerd") != std::string::npos,
                  bad_nl.output);

    // A file that does not parse: exit status 1 and the place of the problem.
    std::ofstream(dir / "kapot.kring") << "{\n \"format\": \"kring\",\n \"version\": 1\n \"persons\": []\n}";
    auto broken = kring_cli("validate " + quote(dir / "kapot.kring"));
    CHECK(broken.status != 0);
    CHECK_MESSAGE(broken.output.find("kapot.kring:4:") != std::string::npos, broken.output);

    auto usage = kring_cli("validate");
    CHECK(usage.status == 2);
}

TEST_CASE("kring print svg: one node per person, parseable XML") {
    CliTempDir dir;
    for (const std::string view : {"genogram", "network"}) {
        CAPTURE(view);
        const std::string out = dir / (view + ".svg");
        auto r = kring_cli("print " + quote(demo_case()) + " --view " + view + " -o " + quote(out));
        REQUIRE_MESSAGE(r.status == 0, r.output);
        const std::string svg = slurp(out);
        REQUIRE(svg.find("<svg") != std::string::npos);
        CHECK(svg.find("</svg>") != std::string::npos);
        std::set<std::string> ids;
        std::regex node(R"re(<g id="(p\d+)" class="node person")re");
        for (auto it = std::sregex_iterator(svg.begin(), svg.end(), node); it != std::sregex_iterator(); ++it)
            ids.insert((*it)[1]);
        auto demo = load_case(demo_case());
        REQUIRE(demo.ok());
        if (view == "genogram") {
            // Family members only; professionals, friends and neighbours live on the map.
            // Ten persons and a miscarriage.
            CHECK(ids.size() == 11);
        } else {
            // The living network: everyone except the deceased grandfather and the miscarriage.
            CHECK(ids.size() == demo.value.persons().size() - 2);
        }
        // Names with diacritics come through as UTF-8.
        if (view == "genogram") CHECK(svg.find("Özdemir") != std::string::npos);
        CHECK(svg.find("vertrouwelijk") != std::string::npos);
        if (have_program("xmllint")) CHECK(run_shell("xmllint --noout " + quote(out)).status == 0);
    }
}

TEST_CASE("kring print pdf renders with pdftoppm, A3 landscape, English") {
    if (!have_program("pdftoppm")) {
        MESSAGE("skipped: pdftoppm (poppler-utils) not installed");
        return;
    }
    CliTempDir dir;
    const std::string pdf = dir / "genogram.pdf";
    auto r = kring_cli("print " + quote(demo_case()) + " --paper a3 --orientation landscape --lang en -o " + quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(slurp(pdf).rfind("%PDF", 0) == 0);
    auto info = run_shell("pdfinfo " + quote(pdf));
    CHECK_MESSAGE(info.output.find("1191 x 842 pts (A3)") != std::string::npos, info.output);  // A3 landscape
    auto png = run_shell("pdftoppm -png -r 30 " + quote(pdf) + " " + quote(dir / "page"));
    CHECK_MESSAGE(png.status == 0, png.output);
    CHECK(std::filesystem::exists(dir / "page-1.png"));
    CHECK(std::filesystem::file_size(dir / "page-1.png") > 2000);
    auto text = run_shell("pdftotext " + quote(pdf) + " -");
    CHECK_MESSAGE(text.output.find("confidential") != std::string::npos, text.output);
}

TEST_CASE("kring print: text that must stay large splits the PDF over sheets; --one-page keeps one page") {
    if (!have_program("pdfinfo")) {
        MESSAGE("skipped: pdfinfo (poppler-utils) not installed");
        return;
    }
    CliTempDir dir;
    const std::string pdf = dir / "sheets.pdf", one = dir / "one.pdf";
    auto r = kring_cli("print " + quote(demo_case()) + " --paper a4 --orientation portrait --min-text 24 --lang en -o " +
                       quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK_MESSAGE(r.output.find("split over") != std::string::npos, r.output);
    auto info = run_shell("pdfinfo " + quote(pdf));
    int pages = 0;
    if (auto p = info.output.find("Pages:"); p != std::string::npos) pages = std::atoi(info.output.c_str() + p + 6);
    CHECK_MESSAGE(pages >= 3, info.output);
    CHECK(info.output.find("595 x 842 pts (A4)") != std::string::npos);
    auto big = kring_cli("print " + quote(demo_case()) + " --paper a4 --orientation portrait --min-text 24 --one-page -o " +
                         quote(one));
    REQUIRE_MESSAGE(big.status == 0, big.output);
    auto info1 = run_shell("pdfinfo " + quote(one));
    CHECK_MESSAGE(info1.output.find("Pages:           1\n") != std::string::npos, info1.output);
    CHECK(info1.output.find("(A4)") == std::string::npos);
}

TEST_CASE("kring print: bad input never leaves a half-written file") {
    CliTempDir dir;
    std::ofstream(dir / "kapot.kring") << "{";
    auto r = kring_cli("print " + quote(dir / "kapot.kring") + " -o " + quote(dir / "uit.pdf"));
    CHECK(r.status != 0);
    CHECK_FALSE(std::filesystem::exists(dir / "uit.pdf"));
    auto fmt = kring_cli("print " + quote(demo_case()) + " -o " + quote(dir / "uit.docx"));
    CHECK(fmt.status != 0);
    CHECK_MESSAGE(fmt.output.find("docx") != std::string::npos, fmt.output);
    CHECK_FALSE(std::filesystem::exists(dir / "uit.docx"));
    // Output files are owner-only: they contain the same sensitive data.
    auto ok = kring_cli("print " + quote(demo_case()) + " -o " + quote(dir / "uit.svg"));
    REQUIRE(ok.status == 0);
    auto perms = std::filesystem::status(dir / "uit.svg").permissions();
    CHECK((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) == std::filesystem::perms::none);
}
