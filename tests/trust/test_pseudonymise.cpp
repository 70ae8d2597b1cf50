// Pseudonymised copies for sharing: initials or role labels, dates as years, no notes.
#include "core/pseudonymise.hpp"
#include "core/validate.hpp"
#include "unit/test_helpers.hpp"

using namespace kring;
using namespace kring::test;

namespace {

struct Family {
    Case c;
    PersonId kim, mother, father, oma, brother, stepdad, neighbour, coach, sister;
    Family() {
        History h;
        auto p = [&](std::string given, std::string family, Sex s, std::string birth, Category cat = Category::Family) {
            Person x = make_person(std::move(given), s, std::move(birth), cat);
            x.family = std::move(family);
            x.notes = "vertrouwelijke notitie over " + x.given;
            return add(c, h, std::move(x));
        };
        kim = p("Kim", "van der Berg", Sex::Female, "2014-03-02", Category::Household);
        mother = p("Anna Maria", "de Vries", Sex::Female, "1985-07-11", Category::Household);
        father = p("Jan-Willem", "van der Berg", Sex::Male, "~1983");
        oma = p("Greet", "de Vries", Sex::Female, "1958");
        brother = p("Tim", "van der Berg", Sex::Male, "2011-01-05", Category::Household);
        sister = p("Lotte", "van der Berg", Sex::Female, "2016-09-09", Category::Household);
        stepdad = p("Rachid", "El Amrani", Sex::Male, "1980");
        neighbour = p("Els", "Jansen", Sex::Female, "", Category::Neighbour);
        Person pro = make_person("Sanne", Sex::Female, "", Category::Professional);
        pro.family = "Bakker";
        pro.function = "gezinscoach";
        pro.organisation = "Wijkteam Noord";
        coach = add(c, h, pro);
        Person k = *c.person(kim);
        k.index_person = true;
        k.risk_note = "let op";
        REQUIRE(h.execute(c, cmd::update_person(c, k)).ok());
        for (PersonId child : {kim, brother, sister})
            for (PersonId parent : {mother, father})
                REQUIRE(h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, parent, child))).ok());
        REQUIRE(h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, oma, mother))).ok());
        Relation div = tie(RelationKind::Partner, mother, father);
        div.partner = PartnerStatus::Divorced;
        div.start = *PartialDate::parse("2008-06-01");
        div.note = "vechtscheiding";
        REQUIRE(h.execute(c, cmd::add_relation(c, div)).ok());
        Relation now = tie(RelationKind::Partner, mother, stepdad);
        now.partner = PartnerStatus::Cohabiting;
        REQUIRE(h.execute(c, cmd::add_relation(c, now)).ok());
        Relation sup = tie(RelationKind::Support, neighbour, mother);
        sup.note = "past op de kinderen";
        REQUIRE(h.execute(c, cmd::add_relation(c, sup)).ok());
        Household hh;
        hh.name = "Gezin De Vries";
        hh.address = "Dorpsstraat 1, Ergens";
        REQUIRE(h.execute(c, cmd::add_household(c, hh)).ok());
        CaseInfo info = c.info;
        info.name = "Familie Van der Berg";
        info.worker = "S. Bakker";
        info.notes = "zorgen over school";
        info.date = *PartialDate::parse("2026-11-23");
        REQUIRE(h.execute(c, cmd::set_info(c, info)).ok());
    }
};

std::string everything_text(const Case& c) { return serialize_case(c); }

}  // namespace

TEST_CASE("initials") {
    CHECK(initials("Anna Maria de Vries") == "A.M.d.V.");
    CHECK(initials("Jan-Willem van der Berg") == "J.W.v.d.B.");
    CHECK(initials("Özlem 't Hart") == "Ö.t.H.");
    CHECK(initials("") == "");
}

TEST_CASE("pseudonymised with initials: no names, notes, addresses or exact dates remain") {
    Family f;
    Case p = pseudonymise(f.c, PseudonymMode::Initials, Lang::Nl);
    CHECK(p.person(f.kim)->display_name() == "K.v.d.B.");
    CHECK(p.person(f.mother)->display_name() == "A.M.d.V.");
    CHECK(p.person(f.coach)->function == "gezinscoach");
    CHECK(p.person(f.kim)->birth.str() == "2014");
    CHECK(p.person(f.father)->birth.str() == "~1983");
    CHECK(p.info.date.str() == "2026");
    const std::string all = everything_text(p);
    for (const char* secret : {"Kim", "Anna", "Vries", "Berg", "Rachid", "Jansen", "notitie", "vechtscheiding",
                               "past op", "Dorpsstraat", "Gezin De Vries", "Familie", "S. Bakker", "zorgen",
                               "let op", "2014-03", "1985-07", "2008-06"})
        CHECK_MESSAGE(all.find(secret) == std::string::npos, "still in the pseudonymised case: " << secret);
    // The structure is unchanged.
    CHECK(p.persons().size() == f.c.persons().size());
    CHECK(p.relations().size() == f.c.relations().size());
    CHECK(p.households().size() == f.c.households().size());
    CHECK(p.person(f.kim)->index_person);
    CHECK(validate(p).size() == validate(f.c).size());
}

TEST_CASE("pseudonymised with role labels, seen from the index person") {
    Family f;
    Case p = pseudonymise(f.c, PseudonymMode::Roles, Lang::Nl);
    CHECK(p.person(f.kim)->display_name() == "cliënt");
    CHECK(p.person(f.mother)->display_name() == "moeder");
    CHECK(p.person(f.father)->display_name() == "vader");
    CHECK(p.person(f.oma)->display_name() == "oma");
    CHECK(p.person(f.brother)->display_name() == "broer");
    CHECK(p.person(f.sister)->display_name() == "zus");
    CHECK(p.person(f.stepdad)->display_name() == "partner van moeder");
    CHECK(p.person(f.neighbour)->display_name() == "buur");
    CHECK(p.person(f.coach)->display_name() == "gezinscoach");
    CHECK(p.person(f.coach)->organisation == "Wijkteam Noord");
    CHECK(p.info.name == "Casus (gepseudonimiseerd)");
    CHECK(p.household(f.c.households().begin()->first)->name == "Huishouden 1");

    Case en = pseudonymise(f.c, PseudonymMode::Roles, Lang::En);
    CHECK(en.person(f.oma)->display_name() == "grandmother");
    CHECK(en.person(f.stepdad)->display_name() == "partner of mother");
}

TEST_CASE("repeated role labels are numbered in birth order") {
    Case c;
    History h;
    PersonId mum = add(c, h, make_person("M", Sex::Female, "1980"));
    Person idx = *c.person(mum);
    idx.index_person = true;
    REQUIRE(h.execute(c, cmd::update_person(c, idx)).ok());
    PersonId young = add(c, h, make_person("Y", Sex::Unknown, "2012"));
    PersonId old = add(c, h, make_person("O", Sex::Unknown, "2009"));
    for (PersonId ch : {young, old})
        REQUIRE(h.execute(c, cmd::add_relation(c, tie(RelationKind::ParentChild, mum, ch))).ok());
    Case p = pseudonymise(c, PseudonymMode::Roles, Lang::Nl);
    CHECK(p.person(old)->display_name() == "kind 1");
    CHECK(p.person(young)->display_name() == "kind 2");
}

TEST_CASE("pseudonymise copes with relations to missing persons and an empty case") {
    Case c;
    Person a;
    a.id = PersonId(1);
    a.given = "A";
    c.put(a);
    Relation r;
    r.id = RelationId(1);
    r.kind = RelationKind::ParentChild;
    r.a = PersonId(99);
    r.b = PersonId(1);
    c.put(r);
    Case p = pseudonymise(c, PseudonymMode::Roles, Lang::Nl);
    CHECK(p.persons().size() == 1);
    CHECK(pseudonymise(Case{}, PseudonymMode::Roles, Lang::En).persons().empty());
}
