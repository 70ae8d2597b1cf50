// Export: CSV quoting, GraphML structure, DOT, and the GEDCOM round trip.
#include "core/caseio.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/import_xml.hpp"
#include "test_helpers.hpp"
#include "test_import_helpers.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kring;
using namespace kring::test;

namespace {

// RFC 4180 reader for the checks.
std::vector<std::vector<std::string>> read_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

// Family ties by person names, for comparing two cases.
std::set<std::string> family_ties(const Case& c, bool genealogy_only = false) {
    std::set<std::string> out;
    auto skip = [&](PersonId p) {
        const Person* x = c.person(p);
        return genealogy_only && (x->kind != EntryKind::Person || x->is_professional());
    };
    auto name = [&](PersonId p) {
        const Person* x = c.person(p);
        return x->display_name() + "/" + x->birth.str();
    };
    for (const auto& [id, r] : c.relations()) {
        if (skip(r.a) || skip(r.b)) continue;
        if (r.kind == RelationKind::ParentChild)
            out.insert("pc " + name(r.a) + " -> " + name(r.b) + " " + std::string(1, "BAFSU"[static_cast<int>(r.parent)]));
        if (r.kind == RelationKind::Partner) {
            std::string a = name(r.a), b = name(r.b);
            if (b < a) std::swap(a, b);
            out.insert("partner " + a + " + " + b + " " + std::to_string(static_cast<int>(r.partner)) + " " +
                       r.start.str() + " " + r.end.str());
        }
    }
    return out;
}

std::set<std::string> person_keys(const Case& c) {
    std::set<std::string> out;
    for (const auto& [id, p] : c.persons())
        out.insert(p.given + "|" + p.family + "|" + std::to_string(static_cast<int>(p.sex)) + "|" + p.birth.str() +
                   "|" + p.death.str() + "|" + (p.deceased ? "d" : "a"));
    return out;
}

}  // namespace

TEST_CASE("csv: RFC 4180 quoting and Gephi's columns") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field(" padded") == "\" padded\"");
    Case c = load_demo();
    Person& first = const_cast<Person&>(c.persons().begin()->second);
    first.notes = "Notes, with \"quotes\"\nand a line break";
    const std::string persons = export_csv_persons(c);
    auto rows = read_csv(persons);
    REQUIRE(rows.size() == c.persons().size() + 1);
    CHECK(rows[0][0] == "Id");
    CHECK(rows[0][1] == "Label");
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    std::size_t notes_col = 0;
    for (std::size_t i = 0; i < rows[0].size(); ++i)
        if (rows[0][i] == "notes") notes_col = i;
    REQUIRE(notes_col > 0);
    CHECK(rows[1][notes_col] == first.notes);
    auto rel = read_csv(export_csv_relations(c));
    REQUIRE(rel.size() == c.relations().size() + 1);
    CHECK(rel[0][0] == "Id");
    CHECK(rel[0][1] == "Source");
    CHECK(rel[0][2] == "Target");
    CHECK(rel[0][3] == "Type");
    for (const auto& row : rel) CHECK(row.size() == rel[0].size());
    // --no-notes: no notes anywhere.
    ExportOptions share;
    share.include_notes = false;
    CHECK(export_csv_persons(c, share).find("line break") == std::string::npos);
}

TEST_CASE("csv: cells that a spreadsheet would run as a formula stay text") {
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("+31 6 1234") == "'+31 6 1234");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("-cmd") == "'-cmd");
    CHECK(csv_field("-3") == "-3");  // a negative number is data, not a formula
    CHECK(csv_field("2") == "2");
}

TEST_CASE("graphml: well-formed, every attribute declared as a key, all persons and relations") {
    Case c = load_demo();
    const std::string g = export_graphml(c);
    xml::Document d = xml::parse(g);
    REQUIRE_MESSAGE(d.ok(), d.error);
    const xml::Element& root = d.at(0);
    CHECK(root.name == "graphml");
    std::set<std::string> keys;
    std::size_t nodes = 0, edges = 0;
    std::set<std::string> used;
    for (int k : root.children) {
        const auto& e = d.at(k);
        if (e.name == "key") keys.insert(std::string(e.attr("id")));
        if (e.name != "graph") continue;
        for (int n : e.children) {
            const auto& x = d.at(n);
            nodes += x.name == "node";
            edges += x.name == "edge";
            for (int dd : x.children) used.insert(std::string(d.at(dd).attr("key")));
        }
    }
    CHECK(nodes == c.persons().size());
    CHECK(edges == c.relations().size());
    CHECK(keys.size() == 45);
    for (const auto& k : used) CHECK_MESSAGE(keys.contains(k), k);
    CHECK(keys.contains("n_notes"));
    CHECK(keys.contains("e_strength"));
}

TEST_CASE("dot: one node per person, one edge per relation") {
    Case c = load_demo();
    const std::string dot = export_dot(c);
    CHECK(dot.find("digraph kring {") != std::string::npos);
    std::size_t arrows = 0;
    for (auto p = dot.find(" -> "); p != std::string::npos; p = dot.find(" -> ", p + 1)) ++arrows;
    CHECK(arrows == c.relations().size());
    for (const auto& [id, p] : c.persons()) CHECK(dot.find("  " + id.str() + " [label=") != std::string::npos);
    CHECK(dot.back() == '\n');
}

TEST_CASE("gedcom export: the demo's family part comes back the same") {
    Case c = load_demo();
    std::vector<std::string> warnings;
    const std::string ged = export_gedcom(c, {}, &warnings);
    CHECK(ged.starts_with("0 HEAD\n"));
    CHECK(ged.find("1 CHAR UTF-8\n") != std::string::npos);
    CHECK(ged.ends_with("0 TRLR\n"));
    CHECK_FALSE(warnings.empty());  // professionals and support relations are not genealogy
    for (std::size_t p = 0, n; p < ged.size(); p = n + 1) {
        n = ged.find('\n', p);
        CHECK(n - p <= 255);  // GEDCOM line length
    }
    auto back = import_bytes(ged, "demo.ged");
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.report.unmarried_default == 0);  // every status is explicit
    // Every family tie of the demo comes back with its kind and status.
    std::set<std::string> before = family_ties(c, true), after = family_ties(back.value);
    for (const auto& t : before) CHECK_MESSAGE(after.contains(t), t);
}

TEST_CASE("gedcom round trip: sample.ged -> kring -> GEDCOM -> kring gives the same persons and families") {
    if (!have_shared("sample.ged")) return;
    auto a = import_file(shared_gramps_dir() / "sample.ged");
    REQUIRE(a.ok());
    const std::string ged = export_gedcom(a.value);
    auto b = import_bytes(ged, "roundtrip.ged");
    REQUIRE_MESSAGE(b.ok(), b.error);
    CHECK(b.report.persons == a.report.persons);
    CHECK(person_keys(a.value) == person_keys(b.value));
    CHECK(family_ties(a.value) == family_ties(b.value));
    // Notes (with the kept date wording) are not doubled by the round trip.
    for (const auto& [id, p] : b.value.persons()) {
        const Person* orig = a.value.person(id);
        REQUIRE(orig);
        CHECK(p.notes == orig->notes);
    }
}
