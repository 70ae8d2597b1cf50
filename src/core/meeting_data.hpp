// Data of a netwerkberaad (family network meeting) and of dated snapshots of the case.
// Pure data, part of the model: included by core/model.hpp (after Person, Relation and
// Household, before CaseInfo). Include core/model.hpp, not this file; functions on this
// data are in core/meeting.hpp and core/snapshot.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kring {

// The role an invited person has at the meeting.
enum class InviteRole { Family, Network, Professional, Chair };
// Whether the parent agrees that this person is invited.
enum class Consent { Unknown, Yes, No };
// Life domains for the family's goals (the usual domains of a plan of approach).
enum class LifeDomain { Parenting, Finances, Housing, Health, WorkSchool, Social, Leisure, Justice };

struct Invitee {
    PersonId person;
    InviteRole role = InviteRole::Network;
    Consent consent = Consent::Unknown;
    std::string reach;         // how to reach them (phone, e-mail); stored only in the case file
    std::string availability;  // e.g. "evenings, not on Wednesdays"
    bool operator==(const Invitee&) const = default;
};

struct Goal {
    LifeDomain domain = LifeDomain::Parenting;
    std::string text;
    bool operator==(const Goal&) const = default;
};

// Support an invited person can offer, planned before the meeting.
struct Offer {
    PersonId person;
    SupportType support = SupportType::Practical;
    LifeDomain domain = LifeDomain::Parenting;  // the goal's domain it serves
    std::string description;
    bool operator==(const Offer&) const = default;
};

// An agreement made at the meeting: who does what for whom, by when, and when it is
// followed up. On the map it is a support relation (`relation`) from `who` to `for_whom`.
struct Agreement {
    std::uint32_t id = 0;  // 1, 2, ... within the case ("a1" in files)
    PersonId who;
    PersonId for_whom;
    SupportType support = SupportType::Practical;
    LifeDomain domain = LifeDomain::Parenting;
    std::string what;
    PartialDate by_when;
    PartialDate follow_up;
    bool done = false;
    RelationId relation;  // the support relation on the map (invalid: none)
    bool operator==(const Agreement&) const = default;
};

struct Meeting {
    PartialDate date;      // date of the netwerkberaad
    std::string question;  // the central question or worry
    std::vector<Invitee> invitees;
    std::vector<Goal> goals;
    std::vector<Offer> offers;
    std::vector<Agreement> agreements;
    [[nodiscard]] bool empty() const {
        return date.empty() && question.empty() && invitees.empty() && goals.empty() && offers.empty() &&
               agreements.empty();
    }
    bool operator==(const Meeting&) const = default;
};

// The persons, relations and households of the case at one moment ("intake", "after the
// netwerkberaad"). Ordered by id, like the case itself.
struct Snapshot {
    std::string label;
    PartialDate date;
    std::vector<Person> persons;
    std::vector<Relation> relations;
    std::vector<Household> households;
    bool operator==(const Snapshot&) const = default;
};

}  // namespace kring
