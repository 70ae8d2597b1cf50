// Edit commands for the netwerkberaad and snapshots. Like every edit they are Commands
// (core/commands.hpp): run them through History::execute so they can be undone.
// Meeting data and snapshots live in CaseInfo, so their changes are InfoChanges.
#pragma once

#include "core/commands.hpp"
#include "core/i18n.hpp"

#include <string>

namespace kring::cmd {

// Replaces the whole preparation/agreement record (invitees, question, goals, offers...).
Command set_meeting(const Case& c, Meeting m);

// Records an agreement and draws it on the map: a support relation from `who` to
// `for_whom` of the agreement's support type, starting at the meeting date, whose note
// says what was agreed and when it is followed up. One undo step. Assigns a.id when 0.
// `lang` is the language of the relation's note. Empty command + *error when refused
// (unknown person, same person twice).
Command add_agreement(Case& c, Agreement a, Lang lang, std::string* error = nullptr);
// Marks an agreement done / not done (the support relation stays: the support happened).
Command set_agreement_done(const Case& c, std::uint32_t id, bool done);
// Removes an agreement and its support relation.
Command remove_agreement(const Case& c, std::uint32_t id);

// A snapshot of the case as it is now. Refused (empty command + *error) when the label is
// empty or already used.
Command take_snapshot(const Case& c, const std::string& label, PartialDate date, std::string* error = nullptr);
Command remove_snapshot(const Case& c, const std::string& label);

// The note on an agreement's support relation: "Afspraak a1: … (opvolgen 01-10-2026)".
[[nodiscard]] std::string agreement_note(const Agreement& a, Lang lang);

}  // namespace kring::cmd
