// kring import / kring export as a user runs them.
#include "cli_helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace kring::test;

namespace {

const std::string kGed =
    "0 HEAD\r\n1 CHAR UTF-8\r\n"
    "0 @I1@ INDI\r\n1 NAME Jan /Smit/\r\n1 SEX M\r\n1 _MILT Navy\r\n"
    "0 @I2@ INDI\r\n1 NAME Els /Smit/\r\n1 SEX F\r\n"
    "0 @I3@ INDI\r\n1 NAME Ida /Smit/\r\n1 SEX F\r\n1 BIRT\r\n2 DATE ABT 1990\r\n"
    "0 @I4@ INDI\r\n1 NAME Kees /Smit/\r\n1 SEX M\r\n"
    "0 @F1@ FAM\r\n1 HUSB @I1@\r\n1 WIFE @I2@\r\n1 CHIL @I3@\r\n1 MARR Y\r\n"
    "0 @F2@ FAM\r\n1 WIFE @I3@\r\n1 CHIL @I4@\r\n"
    "0 TRLR\r\n";

void write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

}  // namespace

TEST_CASE("kring import: format from the content, a summary, and a case that validates") {
    CliTempDir tmp;
    write(tmp / "family.txt", kGed);  // the extension says nothing
    Run r = kring_cli("import " + quote(tmp / "family.txt") + " -o " + quote(tmp / "f.kring") + " --lang en");
    CHECK_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("4 persons, 2 families") != std::string::npos);
    CHECK(r.output.find("INDI._MILT 1") != std::string::npos);
    CHECK(r.output.find("1 inexact dates") != std::string::npos);
    CHECK(std::filesystem::exists(tmp / "f.kring"));
    CHECK((std::filesystem::status(tmp / "f.kring").permissions() & std::filesystem::perms::group_read) ==
          std::filesystem::perms::none);
    Run v = kring_cli("validate " + quote(tmp / "f.kring"));
    CHECK_MESSAGE(v.status == 0, v.output);
    // An existing file is not overwritten without --force.
    Run again = kring_cli("import " + quote(tmp / "family.txt") + " -o " + quote(tmp / "f.kring"));
    CHECK(again.status == 2);
    CHECK(again.output.find("already exists") != std::string::npos);
}

TEST_CASE("kring import: --index with generations, --into an existing case, clear errors") {
    CliTempDir tmp;
    write(tmp / "family.ged", kGed);
    Run r = kring_cli("import " + quote(tmp / "family.ged") + " -o " + quote(tmp / "g.kring") +
                      " --index I3 --up 0 --down 0 --no-partners --lang en");
    CHECK_MESSAGE(r.status == 0, r.output);
    CHECK(r.output.find("1 of 4 persons kept") != std::string::npos);
    Run into = kring_cli("import " + quote(tmp / "family.ged") + " --into " + quote(demo_case()) + " -o " +
                         quote(tmp / "demo+.kring") + " --index 'Ida Smit' --up 1 --down 1 --lang en");
    CHECK_MESSAGE(into.status == 0, into.output);
    CHECK(into.output.find("Added to") != std::string::npos);
    CHECK(kring_cli("validate " + quote(tmp / "demo+.kring")).status == 0);
    Run amb = kring_cli("import " + quote(tmp / "family.ged") + " -o " + quote(tmp / "h.kring") + " --index Smit");
    CHECK(amb.status == 2);
    CHECK(amb.output.find("4 persons match") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "h.kring"));
    write(tmp / "junk.ged", "hello");
    Run junk = kring_cli("import " + quote(tmp / "junk.ged") + " -o " + quote(tmp / "j.kring"));
    CHECK(junk.status == 1);
    CHECK(junk.output.find("junk.ged: not a GEDCOM file") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "j.kring"));
    CHECK(kring_cli("import " + quote(tmp / "family.ged")).status == 2);  // no -o / --into
}

TEST_CASE("kring export: gedcom, graphml, csv and dot files") {
    CliTempDir tmp;
    const std::string demo = quote(demo_case());
    Run g = kring_cli("export " + demo + " --format gedcom -o " + quote(tmp / "d.ged"));
    CHECK_MESSAGE(g.status == 0, g.output);
    CHECK(slurp(tmp / "d.ged").starts_with("0 HEAD"));
    Run back = kring_cli("import " + quote(tmp / "d.ged") + " -o " + quote(tmp / "back.kring"));
    CHECK_MESSAGE(back.status == 0, back.output);
    CHECK(kring_cli("export " + demo + " -o " + quote(tmp / "d.graphml")).status == 0);
    CHECK(slurp(tmp / "d.graphml").find("<graphml") != std::string::npos);
    CHECK(kring_cli("export " + demo + " --format dot -o " + quote(tmp / "d.dot")).status == 0);
    CHECK(slurp(tmp / "d.dot").starts_with("// kring case"));
    CHECK(kring_cli("export " + demo + " --format csv --no-notes -o " + quote(tmp / "d.csv")).status == 0);
    CHECK(slurp(tmp / "d-persons.csv").starts_with("Id,Label,"));
    CHECK(slurp(tmp / "d-relations.csv").starts_with("Id,Source,Target,Type,Label,"));
    Run bad = kring_cli("export " + demo + " --format xls -o " + quote(tmp / "d.xls"));
    CHECK(bad.status == 2);
    CHECK(bad.output.find("unknown export format") != std::string::npos);
    if (have_program("dot")) {
        Run dot = run_shell("dot -Tsvg " + quote(tmp / "d.dot") + " -o " + quote(tmp / "d.svg"));
        CHECK_MESSAGE(dot.status == 0, dot.output);
    }
}
