// Edit commands: every command can be undone and redone exactly, refused commands change
// nothing, and the revision counter moves with every change.
#include "test_helpers.hpp"

#include "core/validate.hpp"

#include <functional>

using namespace kring;
using namespace kring::test;

namespace {

// Runs `make` on a copy of `base`, then checks undo gives back `base` and redo gives the
// edited state again.
void check_undo_redo(const Case& base, const std::function<Command(Case&)>& make) {
    Case c = base;
    History h;
    Command cmd = make(c);
    REQUIRE_FALSE(cmd.empty());
    const auto rev0 = c.revision();
    auto res = h.execute(c, cmd);
    REQUIRE_MESSAGE(res.ok(), res.error);
    CHECK(c.revision() > rev0);
    const Case edited = c;
    CHECK_FALSE(edited == base);
    REQUIRE(h.can_undo());
    CHECK(h.undo_label() == cmd.label);
    REQUIRE(h.undo(c));
    CHECK(c == base);
    REQUIRE(h.can_redo());
    REQUIRE(h.redo(c));
    CHECK(c == edited);
    REQUIRE(h.undo(c));
    CHECK(c == base);
}

}  // namespace

TEST_CASE("every command undoes and redoes exactly") {
    const Case demo = load_demo();
    const PersonId sanne(1), jayden(2);
    REQUIRE(demo.person(sanne));
    REQUIRE(demo.person(jayden));

    SUBCASE("add person") { check_undo_redo(demo, [](Case& c) { return cmd::add_person(c, make_person("Nieuw", Sex::Female)); }); }
    SUBCASE("update person") {
        check_undo_redo(demo, [&](Case& c) {
            Person p = *c.person(sanne);
            p.given = "Sanna";
            p.notes = "andere notitie";
            return cmd::update_person(c, p);
        });
    }
    SUBCASE("remove person removes their relations too") {
        check_undo_redo(demo, [&](Case& c) {
            Command cmd = cmd::remove_person(c, sanne);
            CHECK(cmd.changes.size() == 1 + c.relations_of(sanne).size());
            return cmd;
        });
    }
    SUBCASE("add, update and remove relation") {
        check_undo_redo(demo, [&](Case& c) {
            Relation r = tie(RelationKind::Support, PersonId(12), sanne);
            r.support = SupportType::Financial;
            return cmd::add_relation(c, r);
        });
        const RelationId first = demo.relations().begin()->first;
        check_undo_redo(demo, [&](Case& c) {
            Relation r = *c.relation(first);
            r.note = "gewijzigd";
            return cmd::update_relation(c, r);
        });
        check_undo_redo(demo, [&](Case& c) { return cmd::remove_relation(c, first); });
    }
    SUBCASE("households") {
        check_undo_redo(demo, [](Case& c) { return cmd::add_household(c, Household{{}, "Nieuw adres", "Straat 1"}); });
        const HouseholdId h1 = demo.households().begin()->first;
        check_undo_redo(demo, [&](Case& c) {
            Household h = *c.household(h1);
            h.address = "Andere straat 2";
            return cmd::update_household(c, h);
        });
        check_undo_redo(demo, [&](Case& c) { return cmd::remove_household(c, h1); });
    }
    SUBCASE("case info") {
        check_undo_redo(demo, [](Case& c) {
            CaseInfo i = c.info;
            i.worker = "Iemand anders";
            return cmd::set_info(c, i);
        });
    }
    SUBCASE("pins") {
        check_undo_redo(demo, [&](Case& c) { return cmd::pin_genogram(c, jayden, Pin{10, 20}); });
        check_undo_redo(demo, [&](Case& c) { return cmd::pin_network(c, jayden, Pin{-5, 7}); });
    }
    SUBCASE("quick actions") {
        check_undo_redo(demo, [&](Case& c) { return cmd::add_partner(c, jayden, make_person("Eva", Sex::Female), PartnerStatus::Cohabiting); });
        check_undo_redo(demo, [&](Case& c) { return cmd::add_child(c, sanne, PersonId(7), make_person("Baby", Sex::Unknown, "2026")); });
        check_undo_redo(demo, [&](Case& c) { return cmd::add_parent(c, PersonId(7), make_person("Vader", Sex::Male)); });
    }
    SUBCASE("combined commands are one undo step") {
        check_undo_redo(demo, [&](Case& c) {
            std::vector<Command> parts;
            parts.push_back(cmd::add_person(c, make_person("A", Sex::Male)));
            parts.push_back(cmd::add_person(c, make_person("B", Sex::Female)));
            return cmd::combine("add two", std::move(parts));
        });
    }
}

TEST_CASE("quick actions create the expected ties") {
    Case c;
    History h;
    PersonId mother = add(c, h, make_person("Moeder", Sex::Female, "1990"));
    PersonId father = add(c, h, make_person("Vader", Sex::Male, "1988"));
    PersonId child;
    REQUIRE(h.execute(c, cmd::add_child(c, mother, father, make_person("Kind", Sex::Male, "2015"), ParentKind::Biological, &child)).ok());
    auto parents = c.parents_of(child);
    CHECK(parents.size() == 2);
    CHECK(c.children_of(mother) == std::vector<PersonId>{child});

    PersonId partner;
    REQUIRE(h.execute(c, cmd::add_partner(c, mother, make_person("Nieuwe partner", Sex::Male), PartnerStatus::Cohabiting, &partner)).ok());
    auto ps = c.partnerships_of(mother);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0]->partner == PartnerStatus::Cohabiting);
    CHECK(ps[0]->involves(partner));

    PersonId grandma;
    REQUIRE(h.execute(c, cmd::add_parent(c, mother, make_person("Oma", Sex::Female, "1960"), &grandma)).ok());
    CHECK(c.parents_of(mother) == std::vector<PersonId>{grandma});
}

TEST_CASE("impossible edits are refused and change nothing") {
    Case c;
    History h;
    PersonId a = add(c, h, make_person("Anna", Sex::Female, "1950"));
    PersonId b = add(c, h, make_person("Bert", Sex::Male, "1975"));
    PersonId k = add(c, h, make_person("Kees", Sex::Male, "2000"));
    REQUIRE(h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, a, b))).ok());
    REQUIRE(h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, b, k))).ok());
    const Case before = c;
    const auto rev = c.revision();

    SUBCASE("own parent") {
        auto res = h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, a, a)));
        CHECK_FALSE(res.ok());
        CHECK(res.error.find("own parent") != std::string::npos);
    }
    SUBCASE("own ancestor through a cycle") {
        auto res = h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, k, a)));
        CHECK_FALSE(res.ok());
        CHECK(res.error.find("own ancestor") != std::string::npos);
    }
    SUBCASE("three biological parents") {
        PersonId x = add(c, h, make_person("X", Sex::Male));
        PersonId y = add(c, h, make_person("Y", Sex::Female));
        REQUIRE(h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, x, k))).ok());
        auto res = h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, y, k)));
        CHECK_FALSE(res.ok());
        CHECK(res.error.find("more than two biological parents") != std::string::npos);
        // A foster parent is fine.
        Relation foster = tie(RelationKind::ParentChild, y, k);
        foster.parent = ParentKind::Foster;
        CHECK(h.execute(c, cmd::add_relation(c, foster)).ok());
        return;
    }
    SUBCASE("relation to a missing person") {
        auto res = h.execute(c, cmd::add_relation(c, tie(RelationKind::Support, a, PersonId(99))));
        CHECK_FALSE(res.ok());
        CHECK(res.error.find("does not exist") != std::string::npos);
    }
    CHECK(c == before);
    CHECK(c.revision() == rev);
}

TEST_CASE("dirty flag follows save, undo and redo") {
    Case c;
    History h;
    h.mark_saved(c);
    CHECK_FALSE(h.dirty(c));
    add(c, h, make_person("A", Sex::Male));
    CHECK(h.dirty(c));
    h.mark_saved(c);
    CHECK_FALSE(h.dirty(c));
    h.undo(c);
    CHECK(h.dirty(c));
    h.redo(c);
    CHECK_FALSE(h.dirty(c));  // back at the saved state
    h.undo(c);
    CHECK(h.dirty(c));
    // A new edit after undo clears the redo stack; the saved state is then out of reach.
    add(c, h, make_person("B", Sex::Female));
    CHECK_FALSE(h.can_redo());
    CHECK(h.dirty(c));
    h.undo(c);
    CHECK(h.dirty(c));  // empty case, but the save had person A
}

TEST_CASE("random edit sequences keep the model consistent and undo back to empty") {
    Case c;
    History h;
    std::uint32_t seed = 12345;
    auto rnd = [&](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    int done = 0;
    for (int step = 0; step < 400; ++step) {
        std::vector<PersonId> ids;
        for (auto& [id, p] : c.persons()) ids.push_back(id);
        const auto op = rnd(6);
        if (op == 0 || ids.size() < 2) {
            add(c, h, make_person("P" + std::to_string(step), rnd(2) ? Sex::Male : Sex::Female));
            ++done;
        } else if (op <= 3) {
            Relation r = tie(static_cast<RelationKind>(rnd(6)), ids[rnd(ids.size())], ids[rnd(ids.size())]);
            if (h.execute(c, cmd::add_relation(c, r)).ok()) ++done;
        } else if (op == 4) {
            if (h.execute(c, cmd::remove_person(c, ids[rnd(ids.size())])).ok()) ++done;
        } else if (h.can_undo()) {
            h.undo(c);
            if (rnd(2)) h.redo(c);
        }
        // Invariants an edit may never break.
        for (const auto& [id, r] : c.relations()) {
            REQUIRE(c.person(r.a));
            REQUIRE(c.person(r.b));
            REQUIRE(r.a != r.b);
        }
        REQUIRE(own_ancestors(c).empty());
    }
    CHECK(done > 100);
    while (h.undo(c)) {}
    CHECK(c.persons().empty());
    CHECK(c.relations().empty());
}

TEST_CASE("a case marked unsaved (recovered after a crash) stays dirty until saved") {
    Case c;
    History h;
    h.mark_saved(c);
    h.mark_unsaved();
    CHECK(h.dirty(c));  // nothing was edited, yet it is not on disk
    add(c, h, make_person("A", Sex::Male));
    h.undo(c);
    CHECK(h.dirty(c));  // undoing everything does not make it saved either
    h.mark_saved(c);
    CHECK_FALSE(h.dirty(c));
}
