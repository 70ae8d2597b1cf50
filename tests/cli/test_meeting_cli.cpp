// kring print --view meeting|compare, kring snapshot and kring meeting, run as processes.
#include "cli_helpers.hpp"

#include <doctest/doctest.h>

using namespace kring::test;

namespace {

std::string beraad_case() {
    return (std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo-beraad.kring").string();
}

// Pages of a PDF according to pdfinfo, or -1.
int pdf_pages(const std::string& pdf) {
    auto info = run_shell("pdfinfo " + quote(pdf));
    auto p = info.output.find("Pages:");
    if (info.status != 0 || p == std::string::npos) return -1;
    return std::stoi(info.output.substr(p + 6));
}

// Renders every page with pdftoppm; returns the number of PNG files written.
int rendered_pages(const CliTempDir& dir, const std::string& pdf, const std::string& stem) {
    auto r = run_shell("pdftoppm -png -r 30 " + quote(pdf) + " " + quote(dir / stem));
    if (r.status != 0) return -1;
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path))
        if (e.path().filename().string().rfind(stem + "-", 0) == 0 && e.path().extension() == ".png" &&
            std::filesystem::file_size(e.path()) > 1000)
            ++n;
    return n;
}

}  // namespace

TEST_CASE("kring print --view meeting: invitation list, map and meeting sheet in one PDF") {
    if (!have_program("pdftoppm") || !have_program("pdfinfo")) {
        MESSAGE("skipped: pdftoppm/pdfinfo (poppler-utils) not installed");
        return;
    }
    CliTempDir dir;
    const std::string pdf = dir / "beraad.pdf";
    auto r = kring_cli("print " + quote(beraad_case()) + " --view meeting -o " + quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(slurp(pdf).rfind("%PDF-", 0) == 0);
    CHECK(pdf_pages(pdf) == 4);  // invitations, map, sheet, agreements
    CHECK(rendered_pages(dir, pdf, "meet") == 4);
    auto text = run_shell("pdftotext -layout " + quote(pdf) + " -");
    if (text.status == 0) {
        CHECK(text.output.find("uitnodigingslijst") != std::string::npos);
        CHECK(text.output.find("06-1234 5678") != std::string::npos);
        CHECK(text.output.find("opvolging te") != std::string::npos);
    }
    // Sharing copy in English: no contact details.
    const std::string shared = dir / "shared.pdf";
    r = kring_cli("print " + quote(beraad_case()) + " --view meeting --no-notes --lang en -o " + quote(shared));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(pdf_pages(shared) == 4);
    text = run_shell("pdftotext -layout " + quote(shared) + " -");
    if (text.status == 0) {
        CHECK(text.output.find("invitation list") != std::string::npos);
        CHECK(text.output.find("06-1234 5678") == std::string::npos);
    }
}

TEST_CASE("kring print --view compare: map with differences and table") {
    if (!have_program("pdftoppm") || !have_program("pdfinfo")) {
        MESSAGE("skipped: pdftoppm/pdfinfo (poppler-utils) not installed");
        return;
    }
    CliTempDir dir;
    const std::string pdf = dir / "cmp.pdf";
    auto r = kring_cli("print " + quote(beraad_case()) + " --view compare --from intake --to 'na netwerkberaad' -o " +
                       quote(pdf));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(pdf_pages(pdf) == 3);  // map, table, timeline
    CHECK(rendered_pages(dir, pdf, "cmp") == 3);
    auto text = run_shell("pdftotext -layout " + quote(pdf) + " -");
    if (text.status == 0) {
        CHECK(text.output.find("Bianca Kok") != std::string::npos);
        CHECK(text.output.find("vertrokken") != std::string::npos);
    }
    // Against the case as it is now, as SVG: one file per page.
    const std::string svg = dir / "cmp.svg";
    r = kring_cli("print " + quote(beraad_case()) + " --view compare --from intake --lang en -o " + quote(svg));
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(std::filesystem::exists(svg));
    CHECK(std::filesystem::exists(dir / "cmp-2.svg"));
    CHECK(slurp(dir / "cmp-2.svg").find("Comparison") != std::string::npos);
    CHECK(slurp(dir / "cmp-3.svg").find("Timeline") != std::string::npos);

    r = kring_cli("print " + quote(beraad_case()) + " --view compare --from nope -o " + quote(dir / "x.pdf"));
    CHECK(r.status == 2);
    CHECK(r.output.find("geen momentopname \"nope\"") != std::string::npos);
    CHECK(r.output.find("intake, na netwerkberaad") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "x.pdf"));
}

TEST_CASE("kring snapshot and kring meeting") {
    CliTempDir dir;
    const std::string c = dir / "case.kring";
    std::filesystem::copy_file(beraad_case(), c);
    auto r = kring_cli("snapshot " + quote(c) + " --label 'zes maanden later' --date 2027-03-01");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("momentopname \"zes maanden later\" opgeslagen") != std::string::npos);
    r = kring_cli("snapshot " + quote(c) + " --list");
    CHECK(r.status == 0);
    CHECK(r.output.find("intake") != std::string::npos);
    CHECK(r.output.find("zes maanden later\t01-03-2027") != std::string::npos);
    const std::string before = slurp(c);
    r = kring_cli("snapshot " + quote(c) + " --label intake");
    CHECK(r.status == 2);
    CHECK(r.output.find("already") != std::string::npos);
    CHECK(slurp(c) == before);
    r = kring_cli("snapshot " + quote(c) + " --label x --date 2027-13-01");
    CHECK(r.status == 2);
    CHECK(slurp(c) == before);
    CHECK(kring_cli("validate " + quote(c)).status == 0);

    r = kring_cli("meeting " + quote(c) + " --today 2026-11-23 --lang en");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("2 agreement(s) not followed up in time") != std::string::npos);
    CHECK(r.output.find("a3\tfollow-up overdue") != std::string::npos);
    r = kring_cli("meeting " + quote(c) + " --done a3 --today 2026-11-23 --lang en");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("a3\tdone") != std::string::npos);
    CHECK(r.output.find("1 agreement(s) not followed up in time") != std::string::npos);
    r = kring_cli("meeting " + quote(c) + " --done a99");
    CHECK(r.status == 2);
    r = kring_cli("meeting " + quote(c) + " --timeline --lang en");
    CHECK(r.status == 0);
    CHECK(r.output.find("2026-03-02\tsnapshot \"intake\"") == 0);
    CHECK(r.output.find("2027-03-01\tsnapshot \"zes maanden later\"") != std::string::npos);
}
