// Netwerkberaad (family network meeting): preparation (invitees, the central question,
// goals per life domain, offers) and the agreements made at the meeting. The data lives
// in Case::info.meeting (core/meeting_data.hpp); edits go through commands_meeting.hpp.
#pragma once

#include "core/enums.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"

#include <span>
#include <string>
#include <vector>

namespace kring {

// Stable spellings for case files and the command line (see core/enums.hpp).
std::span<const EnumName<InviteRole>> names(InviteRole);
std::span<const EnumName<Consent>> names(Consent);
std::span<const EnumName<LifeDomain>> names(LifeDomain);

inline constexpr LifeDomain kLifeDomains[] = {LifeDomain::Parenting, LifeDomain::Finances,   LifeDomain::Housing,
                                              LifeDomain::Health,    LifeDomain::WorkSchool, LifeDomain::Social,
                                              LifeDomain::Leisure,   LifeDomain::Justice};
inline constexpr SupportType kSupportTypes[] = {SupportType::Practical, SupportType::Financial, SupportType::Emotional,
                                                SupportType::Informational, SupportType::Childcare};

// Translated names ("Opvoeding", "Financiën en schulden", ...).
[[nodiscard]] std::string domain_name(LifeDomain d, Lang lang);
[[nodiscard]] std::string role_name(InviteRole r, Lang lang);
[[nodiscard]] std::string consent_name(Consent c, Lang lang);
[[nodiscard]] std::string support_name(SupportType s, Lang lang);

// What nobody offers: support types without any offer, and goals whose life domain has
// no offer (in goal order, each domain once).
struct MeetingGaps {
    std::vector<SupportType> support;
    std::vector<LifeDomain> domains;
    [[nodiscard]] bool empty() const { return support.empty() && domains.empty(); }
};
[[nodiscard]] MeetingGaps meeting_gaps(const Meeting& m);

[[nodiscard]] const Invitee* find_invitee(const Meeting& m, PersonId p);
[[nodiscard]] const Agreement* find_agreement(const Meeting& m, std::uint32_t id);
[[nodiscard]] std::uint32_t next_agreement_id(const Meeting& m);

// Open agreements whose follow-up date has certainly passed on `today` (a follow-up
// "2026-10" is overdue from 2026-11-01 on), oldest follow-up first.
[[nodiscard]] std::vector<const Agreement*> overdue_agreements(const Meeting& m, const PartialDate& today);

// A reference from the meeting data to something that does not exist.
struct MeetingProblem {
    std::string path;  // "meeting.invitees[2].person"
    std::string what;  // "no person \"p99\" in this case"
};
// Invitees, offers and agreements must refer to persons of the case; an agreement's
// `who` and `for_whom` differ; agreement ids are unique.
[[nodiscard]] std::vector<MeetingProblem> check_meeting(const Case& c);

// The meeting data without invitees, offers and agreements that refer to persons no
// longer in the case (saving writes this, so a removed person never makes a file unreadable).
[[nodiscard]] Meeting without_missing_persons(const Meeting& m, const Case& c);

}  // namespace kring
