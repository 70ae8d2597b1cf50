// docs/case-format.schema.json describes the case files kring writes: the demo case, an
// imported family tree and a hand-made case with every relation kind validate against it,
// and a broken case does not. Uses python3's jsonschema module; skips clearly without it.
#include "core/caseio.hpp"
#include "core/import.hpp"
#include "test_helpers.hpp"
#include "test_import_helpers.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

using namespace kring;
using namespace kring::test;

namespace {

const std::filesystem::path kSchema = std::filesystem::path(KRING_ASSETS_DIR).parent_path() / "docs" / "case-format.schema.json";

bool have_jsonschema() {
    static const bool ok = std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0;
    return ok;
}

// Validates a JSON file; returns the validator's output ("" when valid), or "ERROR..." on failure.
std::string validate(const std::filesystem::path& file) {
    const std::string cmd =
        "python3 -c 'import json,sys,jsonschema\n"
        "s=json.load(open(sys.argv[1]))\n"
        "jsonschema.Draft202012Validator.check_schema(s)\n"
        "v=jsonschema.Draft202012Validator(s)\n"
        "errs=sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: e.json_path)\n"
        "print(\"\\n\".join(e.json_path+\": \"+e.message for e in errs[:10]))' '" +
        kSchema.string() + "' '" + file.string() + "' 2>&1";
    FILE* f = ::popen(cmd.c_str(), "r");
    REQUIRE(f);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    int st = ::pclose(f);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) return "ERROR " + out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

Case every_kind() {
    Case c;
    auto person = [&](const char* given, Sex sex) {
        Person p;
        p.id = c.new_person_id();
        p.given = given;
        p.sex = sex;
        c.put(p);
        return p.id;
    };
    PersonId a = person("A", Sex::Male), b = person("B", Sex::Female), k = person("K", Sex::Other);
    Person pro;
    pro.id = c.new_person_id();
    pro.given = "P";
    pro.category = Category::Professional;
    pro.coordinator = true;
    pro.risk = true;
    pro.risk_note = "x";
    pro.genogram_pin = Pin{1.5, -2};
    pro.kind = EntryKind::Person;
    c.put(pro);
    c.info.genogram_order = {k, a, b};
    Household h;
    h.id = c.new_household_id();
    h.name = "H";
    c.put(h);
    for (RelationKind kind : {RelationKind::Partner, RelationKind::ParentChild, RelationKind::Twin,
                              RelationKind::Emotional, RelationKind::Support, RelationKind::Contact}) {
        Relation r;
        r.id = c.new_relation_id();
        r.kind = kind;
        r.a = a;
        r.b = kind == RelationKind::ParentChild ? k : b;
        r.emotion = EmotionKind::Abuse;
        r.abuse = AbuseKind::Emotional;
        r.known_years = 3;
        r.critical = true;
        r.start = *PartialDate::parse("~1990-02");
        r.note = "n";
        c.put(r);
    }
    return c;
}

}  // namespace

TEST_CASE("case format schema: the demo, an import and every relation kind validate; a broken case does not") {
    REQUIRE(std::filesystem::exists(kSchema));
    if (!have_jsonschema()) {
        MESSAGE("skipped: python3 with the jsonschema module is not installed (Debian: python3-jsonschema)");
        return;
    }
    CHECK(validate(demo_path()) == "");
    TempDir tmp;
    REQUIRE(write_file_atomic(tmp / "all.kring", serialize_case(every_kind())).ok());
    CHECK(validate(tmp / "all.kring") == "");
    if (have_shared("sample.ged")) {
        auto r = import_file(shared_gramps_dir() / "sample.ged");
        REQUIRE(r.ok());
        REQUIRE(write_file_atomic(tmp / "sample.kring", serialize_case(r.value)).ok());
        CHECK(validate(tmp / "sample.kring") == "");
    }
    std::string bad = serialize_case(every_kind());
    bad = replace_all(bad, "\"sex\": \"other\"", "\"sex\": \"robot\"");
    bad = replace_all(bad, "\"start\": \"~1990-02\"", "\"start\": \"1990-13\"");
    REQUIRE(write_file_atomic(tmp / "bad.kring", bad).ok());
    const std::string errors = validate(tmp / "bad.kring");
    CHECK(errors.find("$.persons[2].sex") != std::string::npos);
    CHECK(errors.find("$.relations[0].start") != std::string::npos);
}
