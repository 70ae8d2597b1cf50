// GEDCOM import: encodings, line ends, relations to parents, dates, notes, unknown tags.
#include "core/import.hpp"
#include "core/import_gedcom.hpp"
#include "test_import_helpers.hpp"

#include <doctest/doctest.h>

using namespace kring;
using namespace kring::test;

namespace {

// A small family; {CHAR} is the header's character set. Names carry letters that every
// tested encoding can hold (José Müller, Zoë).
const std::string kFamily =
    "0 HEAD\n1 SOUR TEST\n2 VERS 1.0\n1 GEDC\n2 VERS 5.5.1\n2 FORM LINEAGE-LINKED\n1 CHAR {CHAR}\n"
    "0 @I1@ INDI\n1 NAME José /Müller/\n1 SEX M\n1 BIRT\n2 DATE 12 MAY 1980\n2 PLAC Utrecht\n"
    "0 @I2@ INDI\n1 NAME Zoë /de Vries/\n1 SEX F\n1 BIRT\n2 DATE ABT 1982\n"
    "0 @I3@ INDI\n1 NAME Kim /Müller/\n1 SEX U\n1 FAMC @F1@\n"
    "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I3@\n1 MARR\n2 DATE 1 JUN 2005\n"
    "0 TRLR\n";

void check_family(const ImportResult& r, const std::string& encoding) {
    INFO("encoding " << encoding);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.report.encoding == encoding);
    CHECK(r.report.persons == 3);
    CHECK(r.report.families == 1);
    const Case& c = r.value;
    const Person* jose = c.person(r.source_ids.at("I1"));
    const Person* zoe = c.person(r.source_ids.at("I2"));
    REQUIRE(jose);
    REQUIRE(zoe);
    CHECK(jose->given == "José");
    CHECK(jose->family == "Müller");
    CHECK(jose->sex == Sex::Male);
    CHECK(jose->birth.str() == "1980-05-12");
    CHECK(zoe->given == "Zoë");
    CHECK(zoe->family == "de Vries");
    CHECK(zoe->birth.str() == "~1982");
    const Relation* marriage = find_relation(c, RelationKind::Partner, jose->id, zoe->id);
    REQUIRE(marriage);
    CHECK(marriage->partner == PartnerStatus::Married);
    CHECK(marriage->start.str() == "2005-06-01");
    CHECK(find_relation(c, RelationKind::ParentChild, jose->id, r.source_ids.at("I3")));
    CHECK(find_relation(c, RelationKind::ParentChild, zoe->id, r.source_ids.at("I3")));
}

}  // namespace

TEST_CASE("gedcom: UTF-8 with and without BOM, UTF-16 LE and BE") {
    const std::string utf8 = replace_all(kFamily, "{CHAR}", "UTF-8");
    check_family(import_bytes(utf8, "t.ged"), "UTF-8");
    check_family(import_bytes("\xEF\xBB\xBF" + utf8, "t.ged"), "UTF-8");
    const std::string uni = replace_all(kFamily, "{CHAR}", "UNICODE");
    check_family(import_bytes(utf16(uni, false, true), "t.ged"), "UTF-16LE");
    check_family(import_bytes(utf16(uni, true, true), "t.ged"), "UTF-16BE");
    check_family(import_bytes(utf16(uni, false, false), "t.ged"), "UTF-16LE");  // no BOM
    check_family(import_bytes(utf16(uni, true, false), "t.ged"), "UTF-16BE");
}

TEST_CASE("gedcom: ANSEL, Windows-1252 and Latin-1") {
    // ANSEL puts the diacritic before its letter: E2 = acute, E8 = diaeresis.
    std::string ansel = replace_all(kFamily, "{CHAR}", "ANSEL");
    ansel = replace_all(ansel, "José", "Jos\xE2" "e");
    ansel = replace_all(ansel, "Müller", "M\xE8" "uller");
    ansel = replace_all(ansel, "Zoë", "Zo\xE8" "e");
    check_family(import_bytes(ansel, "t.ged"), "ANSEL");

    std::string latin = replace_all(kFamily, "José", "Jos\xE9");
    latin = replace_all(latin, "Müller", "M\xFCller");
    latin = replace_all(latin, "Zoë", "Zo\xEB");
    check_family(import_bytes(replace_all(latin, "{CHAR}", "ANSI"), "t.ged"), "Windows-1252");
    check_family(import_bytes(replace_all(latin, "{CHAR}", "ISO-8859-1"), "t.ged"), "ISO-8859-1");

    // Windows-1252 has letters in 0x80-0x9F that Latin-1 does not: Š (0x8A), € (0x80).
    std::string cp = replace_all(latin, "{CHAR}", "ANSI");
    cp = replace_all(cp, "0 @I3@ INDI\n1 NAME Kim", "0 @I3@ INDI\n1 NOTE 100 \x80\n1 NAME \x8Aimon");
    auto r = import_bytes(cp, "t.ged");
    REQUIRE(r.ok());
    const Person* kid = r.value.person(r.source_ids.at("I3"));
    CHECK(kid->given == "Šimon");
    CHECK(kid->notes == "100 €");

    // A header that says ANSEL over UTF-8 text (as in Gramps' sample.ged): read as UTF-8, with a warning.
    auto wrong = import_bytes(replace_all(kFamily, "{CHAR}", "ANSEL"), "t.ged");
    check_family(wrong, "UTF-8");
    CHECK(wrong.report.warnings.size() == 1);
}

TEST_CASE("gedcom: CR, LF and CRLF line ends give the same case") {
    const std::string lf = replace_all(kFamily, "{CHAR}", "UTF-8");
    auto a = import_bytes(lf, "t.ged");
    auto b = import_bytes(replace_all(lf, "\n", "\r\n"), "t.ged");
    auto c = import_bytes(replace_all(lf, "\n", "\r"), "t.ged");
    check_family(a, "UTF-8");
    check_family(b, "UTF-8");
    check_family(c, "UTF-8");
    CHECK(a.value == b.value);
    CHECK(a.value == c.value);
}

TEST_CASE("gedcom: relation to each parent: _FREL/_MREL, PEDI and ADOP") {
    const std::string g =
        "0 HEAD\n1 CHAR UTF-8\n"
        "0 @D@ INDI\n1 NAME Dad /A/\n1 SEX M\n"
        "0 @M@ INDI\n1 NAME Mum /B/\n1 SEX F\n"
        "0 @C1@ INDI\n1 NAME Ad /A/\n1 FAMC @F1@\n"
        "0 @C2@ INDI\n1 NAME Fo /A/\n1 FAMC @F1@\n2 PEDI foster\n"
        "0 @C3@ INDI\n1 NAME St /A/\n1 ADOP\n2 FAMC @F1@\n3 ADOP HUSB\n"
        "0 @C4@ INDI\n1 NAME Go /A/\n"
        "0 @F1@ FAM\n1 HUSB @D@\n1 WIFE @M@\n"
        "1 CHIL @C1@\n2 _FREL Adopted\n2 _MREL Natural\n"
        "1 CHIL @C2@\n1 CHIL @C3@\n"
        "1 CHIL @C4@\n2 _FREL Stepchild\n2 _MREL Godchild\n"
        "0 TRLR\n";
    auto r = import_bytes(g, "t.ged");
    REQUIRE_MESSAGE(r.ok(), r.error);
    const Case& c = r.value;
    auto id = [&](const char* s) { return r.source_ids.at(s); };
    auto kind = [&](const char* parent, const char* child) {
        const Relation* x = find_relation(c, RelationKind::ParentChild, id(parent), id(child));
        REQUIRE(x);
        return x->parent;
    };
    CHECK(kind("D", "C1") == ParentKind::Adopted);
    CHECK(kind("M", "C1") == ParentKind::Biological);
    CHECK(kind("D", "C2") == ParentKind::Foster);
    CHECK(kind("M", "C2") == ParentKind::Foster);
    CHECK(kind("D", "C3") == ParentKind::Adopted);
    CHECK(kind("M", "C3") == ParentKind::Biological);
    CHECK(kind("D", "C4") == ParentKind::Step);
    CHECK(kind("M", "C4") == ParentKind::Unknown);
    const Relation* god = find_relation(c, RelationKind::ParentChild, id("M"), id("C4"));
    CHECK(god->note.find("Godchild") != std::string::npos);  // the wording is kept
    CHECK(r.report.parent_child == 8);
    // No marriage record: cohabiting, counted for the summary.
    CHECK(find_relation(c, RelationKind::Partner, id("D"), id("M"))->partner == PartnerStatus::Cohabiting);
    CHECK(r.report.unmarried_default == 1);
}

TEST_CASE("gedcom: dates") {
    struct Case_ {
        const char* text;
        const char* expect;
        bool exact;
        bool problem;
    };
    const Case_ cases[] = {
        {"12 MAY 1980", "1980-05-12", true, false},     {"MAY 1980", "1980-05", true, false},
        {"1980", "1980", true, false},                  {"ABT 1897", "~1897", false, false},
        {"abt. 1897", "~1897", false, false},           {"EST 1850", "~1850", false, false},
        {"CAL 1900", "~1900", false, false},            {"BEF 23 JUL 1930", "~1930-07-23", false, false},
        {"AFT 1966", "~1966", false, false},            {"BET 1899 AND 1905", "~1902", false, false},
        {"BET. 1899 - 1905", "~1902", false, false},    {"FROM 1800 TO 1805", "1800", false, false},
        {"INT 1900 (about then)", "~1900", false, false}, {"1715/16", "1716", false, false},
        {"@#DJULIAN@ 24 APR 1827", "1827-04-24", false, false},
        {"@#DHEBREW@ 1 TSH 5700", "", false, true},     {"44 B.C.", "", false, true},
        {"(unknown)", "", false, true},                 {"1980-05-12", "1980-05-12", true, false},
        {"ca. 1900", "~1900", false, false},            {"omstreeks 1900", "~1900", false, false},
        {"voor 1900", "~1900", false, false},           {"tussen 1899 en 1905", "~1902", false, false},
        {"3 mei 1980", "1980-05-03", true, false},      {"okt 1980", "1980-10", true, false},
        {"31 FEB 1980", "1980-02", false, true},        {"hello", "", false, true},
        {"", "", true, false}};
    for (const auto& t : cases) {
        INFO("date \"" << t.text << "\"");
        GedcomDate d = parse_gedcom_date(t.text);
        CHECK(d.date.str() == t.expect);
        CHECK(d.exact == t.exact);
        CHECK(d.problem.empty() == !t.problem);
    }
}

TEST_CASE("gedcom: inexact dates are kept word for word in the notes; deceased without a date") {
    const std::string g =
        "0 HEAD\n1 CHAR UTF-8\n"
        "0 @I1@ INDI\n1 NAME A /B/\n1 BIRT\n2 DATE BET 1899 AND 1905\n1 DEAT Y\n"
        "0 @I2@ INDI\n1 NAME C /D/\n1 BIRT\n2 DATE 44 B.C.\n1 BURI\n2 PLAC Rome\n"
        "0 @I3@ INDI\n1 NAME E /F/\n1 BIRT\n2 DATE 1800\n"
        "0 TRLR\n";
    auto r = import_bytes(g, "t.ged");
    REQUIRE(r.ok());
    const Person* a = r.value.person(r.source_ids.at("I1"));
    CHECK(a->birth.str() == "~1902");
    CHECK(a->deceased);
    CHECK(a->death.empty());
    CHECK(a->notes == "Geboren: BET 1899 AND 1905");
    const Person* c = r.value.person(r.source_ids.at("I2"));
    CHECK(c->birth.empty());
    CHECK(c->deceased);  // a burial
    CHECK(c->notes == "Geboren: 44 B.C.");
    CHECK(r.report.inexact_dates == 1);
    CHECK(r.report.dropped_dates == 1);
    CHECK(r.report.skipped_tags.at("INDI.BURI.PLAC") == 1);
    // Born more than 110 years ago without any death record: deceased, and counted.
    CHECK(r.value.person(r.source_ids.at("I3"))->deceased);
    CHECK(r.report.presumed_deceased == 1);
    CHECK(import_summary(r.report, Lang::En).find("1 persons without a death record") != std::string::npos);
    ImportOptions en;
    en.lang = Lang::En;
    auto e = import_bytes(g, "t.ged", en);
    CHECK(e.value.person(e.source_ids.at("I1"))->notes == "Born: BET 1899 AND 1905");
}

TEST_CASE("gedcom: CONC/CONT notes, note records, unknown tags counted, bad lines warned") {
    const std::string g =
        "0 HEAD\n1 CHAR UTF-8\n"
        "0 @I1@ INDI\n1 NAME A /B/\n1 NOTE First line con\n2 CONC tinues\n2 CONT Second line\n"
        "1 NOTE @N1@\n1 _CUSTOM something\n2 _DEEPER x\n1 BIRT\n2 PLAC Here\n2 DATE 1950\n1 OCCU Baker\n"
        "this is not gedcom\n"
        "0 @N1@ NOTE A shared\n1 CONT note\n"
        "0 @S1@ SOUR\n1 TITL A book\n"
        "0 @X1@ _EVENT\n"
        "0 TRLR\n";
    auto r = import_bytes(g, "t.ged");
    REQUIRE_MESSAGE(r.ok(), r.error);
    const Person* a = r.value.person(r.source_ids.at("I1"));
    CHECK(a->notes == "First line continues\nSecond line\nA shared\nnote");
    CHECK(a->birth.str() == "1950");
    const auto& sk = r.report.skipped_tags;
    CHECK(sk.at("INDI._CUSTOM") == 1);
    CHECK(sk.at("INDI.BIRT.PLAC") == 1);
    CHECK(sk.at("INDI.OCCU") == 1);
    CHECK(sk.at("SOUR") == 1);
    CHECK(sk.at("_EVENT") == 1);
    CHECK_FALSE(sk.contains("INDI._CUSTOM._DEEPER"));  // inside a skipped tag
    REQUIRE(r.report.warnings.size() == 1);
    CHECK(r.report.warnings[0].find("t.ged:15:") == 0);
    std::string summary = import_summary(r.report, Lang::En);
    CHECK(summary.find("INDI._CUSTOM 1") != std::string::npos);
    CHECK(summary.find("1 warnings") != std::string::npos);
}

TEST_CASE("gedcom: broken input gives a message, never a crash") {
    CHECK_FALSE(import_bytes("", "e.ged").ok());
    CHECK(import_bytes("hello world", "x.txt").error.find("x.txt: not a GEDCOM") == 0);
    auto cut = import_bytes("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME A /B/\n1 FAMC @F9@\n0 @F1@ FAM\n1 HUSB @I7@\n",
                            "cut.ged");
    REQUIRE(cut.ok());
    CHECK(cut.report.persons == 1);
    CHECK(cut.report.warnings.size() == 4);  // missing family, missing person, no TRLR, family without parents
    // Random bytes after a valid start.
    std::string junk = "0 HEAD\n";
    for (int i = 0; i < 3000; ++i) junk += static_cast<char>((i * 7919) % 256);
    auto j = import_bytes(junk, "junk.ged");
    CHECK(j.ok());
}

TEST_CASE("gedcom: Gramps' sample.ged and example.ged give Gramps' own counts") {
    if (have_shared("sample.ged")) {
        auto r = import_file(shared_gramps_dir() / "sample.ged");
        REQUIRE_MESSAGE(r.ok(), r.error);
        CHECK(r.report.persons == 42);
        CHECK(r.report.families == 15);
        CHECK(r.value.persons().size() == 42);
        // Two children adopted by both parents (ADOP ... FAMC ... ADOP BOTH).
        int adopted = 0;
        for (const auto& [id, rel] : r.value.relations())
            if (rel.kind == RelationKind::ParentChild && rel.parent == ParentKind::Adopted) ++adopted;
        CHECK(adopted == 4);
        CHECK(r.report.inexact_dates >= 10);
    }
    if (have_shared("example.ged")) {
        auto r = import_file(shared_gramps_dir() / "example.ged");
        REQUIRE_MESSAGE(r.ok(), r.error);
        CHECK(r.report.format == "GEDCOM 5.5.1");
        CHECK(r.report.persons == 2157);
        CHECK(r.report.families == 762);
        CHECK(r.value.persons().size() == 2157);
    }
}
