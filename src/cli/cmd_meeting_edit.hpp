// Entering the netwerkberaad from the command line: the editing options of `kring meeting`
// (date, question, invitees, goals, offers, agreements). Registered and run by
// register_meeting (cmd_meeting.cpp).
#pragma once

#include "core/commands.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kring::cli {

struct MeetingEditArgs {
    std::string date, question;
    std::string invite, role, consent, reach, availability;
    std::vector<std::string> uninvite;
    std::vector<std::string> goals, remove_goals;
    std::vector<std::string> offers, remove_offers;
    std::string agree, who, for_whom, support, domain, by, follow_up;
    std::vector<std::string> remove_agreements;
    // Options whose presence matters even when their value is empty ("--question ''" clears).
    CLI::Option *date_opt = nullptr, *question_opt = nullptr, *reach_opt = nullptr, *availability_opt = nullptr;
    CLI::Option *role_opt = nullptr, *consent_opt = nullptr, *who_opt = nullptr, *for_opt = nullptr;
    CLI::Option *support_opt = nullptr, *domain_opt = nullptr, *by_opt = nullptr, *follow_up_opt = nullptr;
    CLI::Option *agree_opt = nullptr, *invite_opt = nullptr;
};

// "a2" or "2" -> 2; nullopt when it is not an agreement number.
[[nodiscard]] std::optional<std::uint32_t> parse_agreement_id(const std::string& s);

// Adds --date, --question, --invite (--role, --consent, --reach, --availability), --uninvite,
// --goal, --remove-goal, --offer, --remove-offer, --agree (--who, --for, --support, --domain,
// --by, --follow-up) and --remove-agreement to `sub`.
void add_meeting_edit_options(CLI::App& sub, MeetingEditArgs& a);

// True when any editing option was given.
[[nodiscard]] bool has_meeting_edits(const MeetingEditArgs& a);

// Checks every option and applies the edits to `c` through `h`: the preparation (date,
// question, invitees, goals, offers) as one set_meeting, then removed and added agreements.
// Numbers (--remove-goal 2) refer to the lists as they were before this call; removals
// happen before additions. Returns 0, or 2 after a message on stderr when an option is
// wrong (nothing needs undoing: the caller saves only on 0). Warnings go to stderr.
int apply_meeting_edits(Case& c, History& h, const MeetingEditArgs& a, Lang lang);

}  // namespace kring::cli
