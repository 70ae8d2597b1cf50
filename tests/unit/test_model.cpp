// Model basics: ids, partial dates, queries, and validation (errors vs warnings).
#include "test_helpers.hpp"

#include "core/validate.hpp"

#include <algorithm>

using namespace kring;
using namespace kring::test;

TEST_CASE("strong ids print and parse") {
    CHECK(PersonId(12).str() == "p12");
    CHECK(RelationId(3).str() == "r3");
    CHECK(HouseholdId(1).str() == "h1");
    CHECK(PersonId::parse("p7") == PersonId(7));
    CHECK_FALSE(PersonId::parse("r7"));
    CHECK_FALSE(PersonId::parse("p"));
    CHECK_FALSE(PersonId::parse("p-1"));
    CHECK_FALSE(PersonId().valid());
}

TEST_CASE("partial dates") {
    CHECK(PartialDate::parse("1980")->str() == "1980");
    CHECK(PartialDate::parse("1980-05")->month == 5);
    CHECK(PartialDate::parse("~1980")->approximate);
    CHECK(PartialDate::parse("1980-05-12")->str() == "1980-05-12");
    CHECK(PartialDate::parse("~1980-05")->str() == "~1980-05");
    CHECK_FALSE(PartialDate::parse("1980-13"));
    CHECK_FALSE(PartialDate::parse("1981-02-29"));
    CHECK(PartialDate::parse("1980-02-29"));
    CHECK_FALSE(PartialDate::parse("12-05-1980"));
    CHECK_FALSE(PartialDate::parse("abc"));
    CHECK(certainly_before(*PartialDate::parse("1980"), *PartialDate::parse("1981-01-01")));
    CHECK_FALSE(certainly_before(*PartialDate::parse("1980"), *PartialDate::parse("1980-06")));
    CHECK(years_between(*PartialDate::parse("1980-05-12"), *PartialDate::parse("2020-05-11")) == 39);
    CHECK(years_between(*PartialDate::parse("1980-05-12"), *PartialDate::parse("2020-05-12")) == 40);
}

TEST_CASE("demo case: queries") {
    const Case c = load_demo();
    CHECK(c.persons().size() == 18);
    REQUIRE(c.index_person());
    const PersonId sanne = *c.index_person();
    CHECK(c.person(sanne)->given == "Sanne");
    CHECK(c.children_of(sanne).size() == 4);  // three children and a miscarriage
    // Partnerships in time order: Kevin (2011), Mehmet (2017), Ruud (2023).
    auto ps = c.partnerships_of(sanne);
    REQUIRE(ps.size() == 3);
    std::vector<std::string> partners;
    for (auto* r : ps) partners.push_back(c.person(r->other(sanne))->given);
    CHECK(partners == std::vector<std::string>{"Kevin", "Mehmet", "Ruud"});
    CHECK(validate(c).empty());
}

namespace {
bool has_code(const std::vector<Problem>& ps, const std::string& code, Severity sev) {
    return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) { return p.code == code && p.severity == sev; });
}
}  // namespace

TEST_CASE("validation separates errors from warnings") {
    // Files can contain anything; validation must find it. Build states directly with put().
    Case c;
    auto person = [&](std::uint32_t id, const char* given, const char* birth) {
        Person p = make_person(given, Sex::Female, birth);
        p.id = PersonId(id);
        c.put(p);
    };
    auto rel = [&](std::uint32_t id, RelationKind k, std::uint32_t a, std::uint32_t b) -> Relation {
        Relation r = tie(k, PersonId(a), PersonId(b));
        r.id = RelationId(id);
        c.put(r);
        return r;
    };
    person(1, "Oma", "1950");
    person(2, "Moeder", "1975");
    person(3, "Kind", "2000");

    SUBCASE("a clean case has no problems") { CHECK(validate(c).empty()); }
    SUBCASE("own ancestor") {
        rel(1, RelationKind::ParentChild, 1, 2);
        rel(2, RelationKind::ParentChild, 2, 3);
        rel(3, RelationKind::ParentChild, 3, 1);
        auto ps = validate(c);
        CHECK(has_code(ps, "own-ancestor", Severity::Error));
        CHECK(has_errors(ps));
    }
    SUBCASE("own parent") {
        rel(1, RelationKind::ParentChild, 2, 2);
        CHECK(has_code(validate(c), "own-parent", Severity::Error));
    }
    SUBCASE("more than two biological parents") {
        person(4, "X", "1970");
        rel(1, RelationKind::ParentChild, 1, 3);
        rel(2, RelationKind::ParentChild, 2, 3);
        rel(3, RelationKind::ParentChild, 4, 3);
        CHECK(has_code(validate(c), "too-many-parents", Severity::Error));
    }
    SUBCASE("child born before its parent") {
        rel(1, RelationKind::ParentChild, 3, 2);  // Kind (2000) parent of Moeder (1975)
        CHECK(has_code(validate(c), "child-before-parent", Severity::Error));
    }
    SUBCASE("death before birth") {
        Person p = *c.person(PersonId(2));
        p.deceased = true;
        p.death = *PartialDate::parse("1970");
        c.put(p);
        CHECK(has_code(validate(c), "death-before-birth", Severity::Error));
    }
    SUBCASE("relation to a missing person") {
        rel(1, RelationKind::Support, 1, 42);
        auto ps = validate(c);
        CHECK(has_code(ps, "dangling-relation", Severity::Error));
        auto it = std::find_if(ps.begin(), ps.end(), [](auto& p) { return p.code == "dangling-relation"; });
        CHECK(it->message.find("p42") != std::string::npos);
    }
    SUBCASE("warnings are not errors") {
        person(5, "Jong", "1990-01");
        person(6, "Kleinkind", "2001-06");
        rel(1, RelationKind::ParentChild, 5, 6);  // a parent at 12
        auto ps = validate(c);
        CHECK(has_code(ps, "young-parent", Severity::Warning));
        CHECK_FALSE(has_errors(ps));
    }
}
