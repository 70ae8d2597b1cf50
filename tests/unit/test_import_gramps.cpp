// Gramps XML import (plain, gzip, package), and the same families as from Gramps' GEDCOM.
#include "core/caseio.hpp"
#include "core/import.hpp"
#include "core/import_gramps.hpp"
#include "core/import_xml.hpp"
#include "test_import_helpers.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>
#include <iterator>
#include <set>

using namespace kring;
using namespace kring::test;

namespace {

std::string gzip(std::string_view in) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&zs, in.size()) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

const char* kSmall = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE database PUBLIC "-//Gramps//DTD Gramps XML 1.7.1//EN"
"http://gramps-project.org/xml/1.7.1/grampsxml.dtd">
<database xmlns="http://gramps-project.org/xml/1.7.1/">
  <header><created date="2020-01-01" version="5.1.5"/></header>
  <events>
    <event handle="_e1" id="E1"><type>Birth</type><dateval val="1950-03-04"/></event>
    <event handle="_e2" id="E2"><type>Death</type><dateval val="2001" type="about"/></event>
    <event handle="_e3" id="E3"><type>Marriage</type><daterange start="1970" stop="1972"/></event>
    <event handle="_e4" id="E4"><type>Birth</type><dateval val="1975-06-01"/></event>
    <event handle="_e5" id="E5"><type>Birth</type><dateval val="1975-06-01"/></event>
    <event handle="_e6" id="E6"><type>Occupation</type></event>
  </events>
  <people>
    <person handle="_p1" id="I1"><gender>M</gender>
      <name type="Birth Name"><first>Jan</first><call>Jan</call><surname prefix="van der">Berg</surname></name>
      <eventref hlink="_e1" role="Primary"/><eventref hlink="_e2" role="Primary"/><eventref hlink="_e6" role="Primary"/>
      <noteref hlink="_n1"/><address><street>x</street></address>
    </person>
    <person handle="_p2" id="I2"><gender>F</gender>
      <name type="Birth Name"><first>Els &amp; Co</first><surname>Jansen</surname></name></person>
    <person handle="_p3" id="I3"><gender>U</gender><name><first>Tim</first><surname>Berg</surname></name>
      <eventref hlink="_e4" role="Primary"/></person>
    <person handle="_p4" id="I4"><gender>F</gender><name><first>Tom</first><surname>Berg</surname></name>
      <eventref hlink="_e5" role="Primary"/></person>
  </people>
  <families>
    <family handle="_f1" id="F1"><rel type="Married"/>
      <father hlink="_p1"/><mother hlink="_p2"/><eventref hlink="_e3" role="Family"/>
      <childref hlink="_p3"/><childref hlink="_p4" mrel="Adopted" frel="Stepchild"/>
    </family>
  </families>
  <notes><note handle="_n1" id="N1" type="Person Note"><text>Line &lt;one&gt;
line two</text></note></notes>
  <places><placeobj handle="_pl" id="P1" type="City"><pname value="X"/></placeobj></places>
</database>
)";

void check_small(const ImportResult& r) {
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.report.persons == 4);
    CHECK(r.report.families == 1);
    CHECK(r.report.source_program == "Gramps 5.1.5");
    const Case& c = r.value;
    const Person* jan = c.person(r.source_ids.at("I1"));
    CHECK(jan->given == "Jan");
    CHECK(jan->family == "van der Berg");
    CHECK(jan->birth.str() == "1950-03-04");
    CHECK(jan->death.str() == "~2001");
    CHECK(jan->deceased);
    CHECK(jan->notes == "Line <one>\nline two\nOverleden: ABT 2001");
    CHECK(c.person(r.source_ids.at("I2"))->given == "Els & Co");
    const Relation* m = find_relation(c, RelationKind::Partner, jan->id, r.source_ids.at("I2"));
    REQUIRE(m);
    CHECK(m->partner == PartnerStatus::Married);
    CHECK(m->start.str() == "~1971");
    const Relation* step = find_relation(c, RelationKind::ParentChild, jan->id, r.source_ids.at("I4"));
    REQUIRE(step);
    CHECK(step->parent == ParentKind::Step);
    CHECK(find_relation(c, RelationKind::ParentChild, r.source_ids.at("I2"), r.source_ids.at("I4"))->parent ==
          ParentKind::Adopted);
    CHECK(find_relation(c, RelationKind::ParentChild, jan->id, r.source_ids.at("I3"))->parent ==
          ParentKind::Biological);
    CHECK(r.report.twins == 1);  // same complete birth date in one family
    CHECK(r.report.skipped_tags.at("event Occupation") == 1);
    CHECK(r.report.skipped_tags.at("person.address") == 1);
    CHECK(r.report.skipped_tags.at("places") == 1);
}

}  // namespace

TEST_CASE("gramps: plain, gzip-compressed and truncated XML") {
    check_small(import_bytes(kSmall, "s.gramps"));
    auto gz = import_bytes(gzip(kSmall), "s.gramps");
    check_small(gz);
    CHECK(gz.report.format == "Gramps XML (gzip)");
    CHECK(detect_format(kSmall) == ImportFormat::GrampsXml);
    CHECK(detect_format(gzip(kSmall)) == ImportFormat::GrampsGzip);

    std::string cut(kSmall);
    cut.resize(cut.size() / 2);
    auto bad = import_bytes(cut, "cut.gramps");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error.find("cut.gramps: line") == 0);
    std::string gzcut = gzip(kSmall);
    gzcut.resize(gzcut.size() - 20);
    auto bad2 = import_bytes(gzcut, "cut.gramps");
    CHECK_FALSE(bad2.ok());
    CHECK(bad2.error.find("cut short") != std::string::npos);
    CHECK_FALSE(import_bytes("<?xml version=\"1.0\"?><html/>", "x.xml").ok());
}

TEST_CASE("xml reader: entities, CDATA, comments, errors with lines") {
    auto d = xml::parse("<?xml version='1.0'?>\n<!-- c -->\n<a x='1 &amp; 2'><b>t&#233;&#x41;</b><![CDATA[<raw>]]></a>");
    REQUIRE(d.ok());
    CHECK(d.at(0).attr("x") == "1 & 2");
    CHECK(d.at(d.at(0).children[0]).text == "t\xC3\xA9" "A");
    CHECK(d.at(0).text == "<raw>");
    auto e = xml::parse("<a>\n<b>\n</c></a>");
    CHECK(e.error == "line 3: </c> where </b> was expected");
    CHECK_FALSE(xml::parse("<a>&bogus;</a>").ok());
    CHECK_FALSE(xml::parse("").ok());
}

TEST_CASE("gramps: example.gramps gives Gramps' counts and the same families as example.ged") {
    if (!have_shared("example.gramps") || !have_shared("example.ged")) return;
    auto x = import_file(shared_gramps_dir() / "example.gramps");
    REQUIRE_MESSAGE(x.ok(), x.error);
    CHECK(x.report.persons == 2157);
    CHECK(x.report.families == 762);
    auto g = import_file(shared_gramps_dir() / "example.ged");
    REQUIRE_MESSAGE(g.ok(), g.error);
    // Gramps' GEDCOM export kept the ids, so both imports can be compared person by person.
    REQUIRE(x.source_ids.size() == g.source_ids.size());
    std::map<PersonId, std::string> gx, gg;
    for (const auto& [sid, pid] : x.source_ids) gx[pid] = sid;
    for (const auto& [sid, pid] : g.source_ids) gg[pid] = sid;
    int name_diff = 0, sex_diff = 0, birth_diff = 0;
    for (const auto& [sid, pid] : x.source_ids) {
        REQUIRE(g.source_ids.contains(sid));
        const Person* a = x.value.person(pid);
        const Person* b = g.value.person(g.source_ids.at(sid));
        name_diff += a->given != b->given || a->family != b->family;
        sex_diff += a->sex != b->sex;
        // Gramps wrote its few Islamic-calendar dates into the GEDCOM as if they were Gregorian;
        // kring keeps them as text in the notes instead.
        if (a->notes.find("Islamic calendar") == std::string::npos) birth_diff += a->birth != b->birth;
    }
    CHECK(name_diff == 0);
    CHECK(sex_diff == 0);
    CHECK(birth_diff == 0);
    auto ties = [](const ImportResult& r, const std::map<PersonId, std::string>& back) {
        std::set<std::tuple<std::string, std::string, int, int>> out;
        for (const auto& [id, rel] : r.value.relations()) {
            if (rel.kind != RelationKind::ParentChild && rel.kind != RelationKind::Partner) continue;
            std::string a = back.at(rel.a), b = back.at(rel.b);
            if (rel.kind == RelationKind::Partner && b < a) std::swap(a, b);
            out.emplace(a, b, static_cast<int>(rel.kind),
                        rel.kind == RelationKind::ParentChild ? static_cast<int>(rel.parent) : 0);
        }
        return out;
    };
    auto tx = ties(x, gx), tg = ties(g, gg);
    CHECK(tx.size() == tg.size());
    CHECK(tx == tg);
}

TEST_CASE("gramps: invalid UTF-8 in a name is replaced, reported, and the case saves (fuzzer regression)") {
    const std::filesystem::path input = std::filesystem::path(KRING_TEST_DATA_DIR) / ".." / "fuzz-corpus" / "gramps" /
                                        "regression-invalid-utf8-name";
    std::ifstream in(input, std::ios::binary);
    REQUIRE(in);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ImportResult r = import_bytes(bytes, "kapot.gramps");
    REQUIRE_MESSAGE(r.ok(), r.error);
    bool warned = false;
    for (const auto& w : r.report.warnings) warned |= w.find("invalid UTF-8") != std::string::npos;
    CHECK(warned);
    const std::string saved = serialize_case(r.value);
    auto back = parse_case(saved, "terug.kring");
    CHECK_MESSAGE(back.ok(), back.error);
}

TEST_CASE("gramps: a date with absurdly many digits is dropped, not overflowed (fuzzer regression)") {
    std::string xml = kSmall;
    const std::string from = R"(start="1970")";
    REQUIRE(xml.find(from) != std::string::npos);
    xml.replace(xml.find(from), from.size(), R"(start="11111111111111111111111111970")");
    ImportResult r = import_bytes(xml, "datum.gramps");
    REQUIRE_MESSAGE(r.ok(), r.error);
    ImportResult plain = import_bytes(kSmall, "klein.gramps");
    REQUIRE(plain.ok());
    CHECK(r.value.persons().size() == plain.value.persons().size());
    CHECK(r.value.relations().size() == plain.value.relations().size());
    auto back = parse_case(serialize_case(r.value), "terug.kring");
    CHECK_MESSAGE(back.ok(), back.error);
}
