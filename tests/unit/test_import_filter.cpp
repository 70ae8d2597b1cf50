// The generation filter, finding the index person, and importing into an existing case.
#include "core/import.hpp"
#include "test_import_helpers.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kring;
using namespace kring::test;

namespace {

// Four generations around Ida (the index):
//   GGF+GGM -> GF ;  GF+GM -> Father, Aunt ;  Aunt+Uncle -> Cousin
//   Father+Mother -> Ida, Bro ;  Father+Stepmum (later) ;  Bro -> Nephew
//   Ida+Partner -> Kid -> Grandkid ;  Ida+Ex (divorced)
const std::string kTree =
    "0 HEAD\n1 CHAR UTF-8\n"
    "0 @GGF@ INDI\n1 NAME Great /Grand/\n1 SEX M\n"
    "0 @GGM@ INDI\n1 NAME Greta /Grand/\n1 SEX F\n"
    "0 @GF@ INDI\n1 NAME Gerrit /Grand/\n1 SEX M\n"
    "0 @GM@ INDI\n1 NAME Grietje /Oma/\n1 SEX F\n"
    "0 @FA@ INDI\n1 NAME Frank /Grand/\n1 SEX M\n"
    "0 @MO@ INDI\n1 NAME Mia /Moeder/\n1 SEX F\n"
    "0 @SM@ INDI\n1 NAME Stella /Stief/\n1 SEX F\n"
    "0 @AU@ INDI\n1 NAME Anna /Grand/\n1 SEX F\n"
    "0 @UN@ INDI\n1 NAME Udo /Oom/\n1 SEX M\n"
    "0 @CO@ INDI\n1 NAME Cor /Oom/\n1 SEX M\n"
    "0 @IDA@ INDI\n1 NAME Ida /Grand/\n1 SEX F\n1 BIRT\n2 DATE 1990\n"
    "0 @BRO@ INDI\n1 NAME Bram /Grand/\n1 SEX M\n"
    "0 @NE@ INDI\n1 NAME Noah /Grand/\n1 SEX M\n"
    "0 @PA@ INDI\n1 NAME Piet /Partner/\n1 SEX M\n"
    "0 @EX@ INDI\n1 NAME Evert /Ex/\n1 SEX M\n"
    "0 @KID@ INDI\n1 NAME Kees /Partner/\n1 SEX M\n"
    "0 @GK@ INDI\n1 NAME Guus /Partner/\n1 SEX M\n"
    "0 @F1@ FAM\n1 HUSB @GGF@\n1 WIFE @GGM@\n1 CHIL @GF@\n1 MARR Y\n"
    "0 @F2@ FAM\n1 HUSB @GF@\n1 WIFE @GM@\n1 CHIL @FA@\n1 CHIL @AU@\n1 MARR Y\n"
    "0 @F3@ FAM\n1 HUSB @UN@\n1 WIFE @AU@\n1 CHIL @CO@\n"
    "0 @F4@ FAM\n1 HUSB @FA@\n1 WIFE @MO@\n1 CHIL @IDA@\n1 CHIL @BRO@\n1 MARR Y\n1 DIV Y\n"
    "0 @F5@ FAM\n1 HUSB @FA@\n1 WIFE @SM@\n1 MARR\n2 DATE 2001\n"
    "0 @F6@ FAM\n1 HUSB @BRO@\n1 CHIL @NE@\n"
    "0 @F7@ FAM\n1 HUSB @PA@\n1 WIFE @IDA@\n1 CHIL @KID@\n"
    "0 @F8@ FAM\n1 HUSB @EX@\n1 WIFE @IDA@\n1 DIV\n2 DATE 2010\n"
    "0 @F9@ FAM\n1 HUSB @KID@\n1 CHIL @GK@\n"
    "0 TRLR\n";

std::set<std::string> names(const Case& c) {
    std::set<std::string> out;
    for (const auto& [id, p] : c.persons()) out.insert(p.given);
    return out;
}

}  // namespace

TEST_CASE("generation filter: index with generations up and down, siblings and partners") {
    auto r = import_bytes(kTree, "tree.ged");
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.value.persons().size() == 17);
    const PersonId ida = r.source_ids.at("IDA");

    GenerationFilter f;  // up 2, down 1, siblings, partners
    Case c = filter_generations(r.value, ida, f);
    CHECK(names(c) == std::set<std::string>{"Gerrit", "Grietje", "Frank", "Mia", "Stella", "Anna", "Udo", "Ida",
                                            "Bram", "Piet", "Evert", "Kees"});
    // Ids are compact and the index is marked.
    CHECK(c.persons().rbegin()->first == PersonId(static_cast<std::uint32_t>(c.persons().size())));
    REQUIRE(c.index_person());
    CHECK(c.person(*c.index_person())->given == "Ida");
    // Relations between kept persons are kept; none point outside.
    for (const auto& [id, rel] : c.relations()) {
        CHECK(c.person(rel.a));
        CHECK(c.person(rel.b));
    }
    int partners = 0;
    for (const auto& [id, rel] : c.relations()) partners += rel.kind == RelationKind::Partner;
    CHECK(partners == 6);  // GF+GM, UN+AU, FA+MO, FA+SM, PA+IDA, EX+IDA

    f.up = 0;
    f.down = -1;
    f.siblings = false;
    f.partners = false;
    CHECK(names(filter_generations(r.value, ida, f)) == std::set<std::string>{"Ida", "Kees", "Guus"});
    f.up = -1;
    f.down = 0;
    CHECK(names(filter_generations(r.value, ida, f)) ==
          std::set<std::string>{"Ida", "Frank", "Mia", "Gerrit", "Grietje", "Great", "Greta"});
}

TEST_CASE("resolve_person: source id, kring id, name, ambiguity") {
    auto r = import_bytes(kTree, "tree.ged");
    REQUIRE(r.ok());
    std::string err;
    CHECK(resolve_person(r.value, r.source_ids, "IDA", err) == r.source_ids.at("IDA"));
    CHECK(resolve_person(r.value, r.source_ids, "@IDA@", err) == r.source_ids.at("IDA"));
    CHECK(resolve_person(r.value, r.source_ids, "p1", err) == PersonId(1));
    CHECK(resolve_person(r.value, r.source_ids, "ida grand", err) == r.source_ids.at("IDA"));
    CHECK(resolve_person(r.value, r.source_ids, "Stief", err) == r.source_ids.at("SM"));
    CHECK_FALSE(resolve_person(r.value, r.source_ids, "Grand", err));
    CHECK(err.find("persons match \"Grand\"") != std::string::npos);
    CHECK(err.find("IDA  Ida Grand (1990)") != std::string::npos);
    CHECK_FALSE(resolve_person(r.value, r.source_ids, "Nobody", err));
    CHECK(err.find("no person \"Nobody\"") == 0);
}

TEST_CASE("merge_into: an imported family joins an existing case; the same person is recognised") {
    auto r = import_bytes(kTree, "tree.ged");
    REQUIRE(r.ok());
    Case existing;
    Person ida;
    ida.id = existing.new_person_id();
    ida.given = "Ida";
    ida.family = "Grand";
    ida.sex = Sex::Female;
    ida.index_person = true;
    ida.category = Category::Household;
    ida.notes = "client";
    existing.put(ida);
    Person worker;
    worker.id = existing.new_person_id();
    worker.given = "Wil";
    worker.category = Category::Professional;
    existing.put(worker);

    GenerationFilter f;
    f.up = 1;
    f.down = 1;
    Case part = filter_generations(r.value, r.source_ids.at("IDA"), f);
    std::map<PersonId, PersonId> map;
    MergeStats st = merge_into(existing, part, &map);
    CHECK(st.matched_persons == 1);
    CHECK(st.added_persons == static_cast<int>(part.persons().size()) - 1);
    CHECK(existing.persons().size() == part.persons().size() + 1);
    // The existing Ida keeps her data and is still the only index person.
    CHECK(existing.person(PersonId(1))->notes == "client");
    int index = 0;
    for (const auto& [id, p] : existing.persons()) index += p.index_person;
    CHECK(index == 1);
    CHECK(existing.parents_of(PersonId(1)).size() == 2);
    // Merging again adds nothing new.
    Case again = existing;
    MergeStats st2 = merge_into(again, part);
    CHECK(st2.added_relations <= st.added_relations);
}
