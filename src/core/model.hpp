// The kring model: one graph of a family system. Persons and typed relations, plus
// households (addresses). Pure data; no UI, no rendering, no I/O.
#pragma once

#include "date.hpp"
#include "ids.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kring {

enum class Sex { Male, Female, Unknown, Other };

// Where a person stands relative to the family; also the sector on the network map.
enum class Category { Household, Family, Relative, Friend, Neighbour, SchoolWork, Leisure, Professional };

// Regular person or one of the special child entries of a genogram.
enum class EntryKind { Person, Pregnancy, Miscarriage, Stillbirth, Abortion };

enum class RelationKind { Partner, ParentChild, Twin, Emotional, Support, Contact };

enum class PartnerStatus { Married, Cohabiting, LivingApart, Engaged, Separated, Divorced, Widowed };
enum class ParentKind { Biological, Adopted, Foster, Step, Unknown };
enum class EmotionKind { Close, Fused, Distant, Conflict, Hostile, CutOff, Abuse, Neglect };
enum class AbuseKind { None, Physical, Emotional, Sexual };
enum class SupportType { Practical, Financial, Emotional, Informational, Childcare };
// Direction of support, seen from person a of the relation.
enum class Direction { Gives, Receives, Both };
enum class Frequency { Daily, Weekly, Monthly, Yearly, Rarely, Never };
enum class ContactMode { InPerson, Phone, Online, Mixed };

struct Pin {
    double x = 0;
    double y = 0;
    bool operator==(const Pin&) const = default;
};

struct Person {
    PersonId id;
    std::string given;
    std::string family;
    std::string nickname;
    Sex sex = Sex::Unknown;
    EntryKind kind = EntryKind::Person;
    PartialDate birth;
    PartialDate death;
    bool deceased = false;
    Category category = Category::Family;
    std::string organisation;  // professionals: e.g. "Wijkteam Noord"
    std::string function;      // professionals: e.g. "gezinscoach", "jeugdbeschermer"
    bool coordinator = false;  // professionals: regisseur of the help
    bool index_person = false;
    bool abroad = false;       // lives abroad (network abroad marker)
    bool risk = false;         // risky contact
    std::string risk_note;
    std::string notes;         // professional notes: hidden in "samen tekenen" mode
    HouseholdId household;     // invalid = not in a household of this case
    std::optional<Pin> genogram_pin;  // position fixed by hand in the genogram
    std::optional<Pin> network_pin;   // position fixed by hand on the network map

    [[nodiscard]] std::string display_name() const;  // "Given Family", or nickname, or "?"
    [[nodiscard]] bool is_professional() const { return category == Category::Professional; }
    bool operator==(const Person&) const = default;
};

// A relation between two persons. Which fields matter depends on `kind`:
//  Partner:     a, b, partner status, start (e.g. marriage), end (separation/divorce), consanguineous
//  ParentChild: a = parent, b = child, parent kind
//  Twin:        a, b, identical
//  Emotional:   a, b, emotion (+ abuse kind and direction a -> b for abuse), note
//  Support:     a, b, support type, direction (seen from a), strength 1..3, note
//  Contact:     a, b, frequency, mode, closeness 1..3 (1 = very close), critical, worries, no_contact, known_years
struct Relation {
    RelationId id;
    RelationKind kind = RelationKind::Partner;
    PersonId a;
    PersonId b;
    PartnerStatus partner = PartnerStatus::Married;
    bool consanguineous = false;
    ParentKind parent = ParentKind::Biological;
    bool identical = false;
    EmotionKind emotion = EmotionKind::Close;
    AbuseKind abuse = AbuseKind::None;
    SupportType support = SupportType::Practical;
    Direction direction = Direction::Gives;
    int strength = 2;
    Frequency frequency = Frequency::Weekly;
    ContactMode mode = ContactMode::InPerson;
    int closeness = 2;
    bool critical = false;
    bool worries = false;     // worries about the children
    bool no_contact = false;  // important, but no contact
    int known_years = 0;
    PartialDate start;
    PartialDate end;
    std::string note;

    [[nodiscard]] bool involves(PersonId p) const { return a == p || b == p; }
    [[nodiscard]] PersonId other(PersonId p) const { return a == p ? b : a; }
    bool operator==(const Relation&) const = default;
};

struct Household {
    HouseholdId id;
    std::string name;
    std::string address;
    bool operator==(const Household&) const = default;
};

}  // namespace kring
#include "core/meeting_data.hpp"  // Meeting, Snapshot: need Person, Relation, Household above
namespace kring {

struct CaseInfo {
    std::string name;
    std::string worker;
    PartialDate date;  // date of the genogram; empty = today
    std::string notes;
    Meeting meeting;                   // netwerkberaad preparation and agreements
    std::vector<Snapshot> snapshots;   // dated snapshots, in the order they were made
    // The order of the persons in the genogram as last drawn while editing (generation rows
    // top to bottom, each left to right). The genogram keeps it, so that an edit does not
    // reshuffle the drawing; empty = not recorded, the layout orders freely.
    std::vector<PersonId> genogram_order;
    bool operator==(const CaseInfo&) const = default;
};

// The whole case. Containers are ordered by id so iteration (and saving) is deterministic.
class Case {
public:
    CaseInfo info;

    [[nodiscard]] const std::map<PersonId, Person>& persons() const { return persons_; }
    [[nodiscard]] const std::map<RelationId, Relation>& relations() const { return relations_; }
    [[nodiscard]] const std::map<HouseholdId, Household>& households() const { return households_; }

    [[nodiscard]] const Person* person(PersonId id) const;
    [[nodiscard]] const Relation* relation(RelationId id) const;
    [[nodiscard]] const Household* household(HouseholdId id) const;

    // Fresh ids; never reused within a case (the counters are saved with the case).
    PersonId new_person_id() { return PersonId(++next_person_); }
    RelationId new_relation_id() { return RelationId(++next_relation_); }
    HouseholdId new_household_id() { return HouseholdId(++next_household_); }

    // Low-level setters used by edit commands and the loader. Application code changes
    // a case through commands (commands.hpp) so that every change can be undone.
    void put(Person p);
    void put(Relation r);
    void put(Household h);
    void erase(PersonId id) { persons_.erase(id); }
    void erase(RelationId id) { relations_.erase(id); }
    void erase(HouseholdId id) { households_.erase(id); }

    [[nodiscard]] std::uint64_t revision() const { return revision_; }
    void bump_revision() { ++revision_; }

    // Queries
    [[nodiscard]] std::vector<const Relation*> relations_of(PersonId p) const;
    [[nodiscard]] std::vector<PersonId> parents_of(PersonId child) const;
    [[nodiscard]] std::vector<PersonId> children_of(PersonId parent) const;
    [[nodiscard]] std::vector<const Relation*> partnerships_of(PersonId p) const;  // in time order
    [[nodiscard]] std::optional<PersonId> index_person() const;

    [[nodiscard]] std::uint32_t next_person_counter() const { return next_person_; }
    [[nodiscard]] std::uint32_t next_relation_counter() const { return next_relation_; }
    [[nodiscard]] std::uint32_t next_household_counter() const { return next_household_; }

    bool operator==(const Case& o) const {
        return info == o.info && persons_ == o.persons_ && relations_ == o.relations_ && households_ == o.households_;
    }

private:
    std::map<PersonId, Person> persons_;
    std::map<RelationId, Relation> relations_;
    std::map<HouseholdId, Household> households_;
    std::uint32_t next_person_ = 0;
    std::uint32_t next_relation_ = 0;
    std::uint32_t next_household_ = 0;
    std::uint64_t revision_ = 0;
};

// Whether a relation kind is one of the family ties drawn in the genogram.
[[nodiscard]] inline bool is_family_tie(RelationKind k) {
    return k == RelationKind::Partner || k == RelationKind::ParentChild || k == RelationKind::Twin;
}
// Partnerships that have ended.
[[nodiscard]] inline bool is_ended(PartnerStatus s) {
    return s == PartnerStatus::Separated || s == PartnerStatus::Divorced || s == PartnerStatus::Widowed;
}

} // namespace kring
