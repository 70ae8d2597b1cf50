// Small builders for hand-made cases in unit tests.
#pragma once

#include "core/caseio.hpp"
#include "core/commands.hpp"
#include "core/model.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace kring::test {

inline Person make_person(std::string given, Sex sex, std::string birth = "", Category cat = Category::Family) {
    Person p;
    p.given = std::move(given);
    p.family = "Test";
    p.sex = sex;
    if (!birth.empty()) p.birth = *PartialDate::parse(birth);
    p.category = cat;
    return p;
}

inline PersonId add(Case& c, History& h, Person p) {
    Command cmd = cmd::add_person(c, std::move(p));
    PersonId id = std::get<Change<Person>>(cmd.changes.front()).after->id;
    REQUIRE(h.execute(c, std::move(cmd)).ok());
    return id;
}

inline Relation tie(RelationKind kind, PersonId a, PersonId b) {
    Relation r;
    r.kind = kind;
    r.a = a;
    r.b = b;
    return r;
}

inline std::filesystem::path demo_path() { return std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring"; }

inline Case load_demo() {
    auto r = load_case(demo_path());
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.value;
}

// A fresh, empty, private temporary folder removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "kring-test-XXXXXX").string();
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

}  // namespace kring::test
