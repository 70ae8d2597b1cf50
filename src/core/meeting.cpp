#include "core/meeting.hpp"

#include <algorithm>
#include <set>

namespace kring {

namespace {
constexpr EnumName<InviteRole> kRoles[] = {{InviteRole::Family, "family"},
                                           {InviteRole::Network, "network"},
                                           {InviteRole::Professional, "professional"},
                                           {InviteRole::Chair, "chair"}};
constexpr EnumName<Consent> kConsents[] = {{Consent::Unknown, "unknown"}, {Consent::Yes, "yes"}, {Consent::No, "no"}};
constexpr EnumName<LifeDomain> kDomains[] = {
    {LifeDomain::Parenting, "parenting"}, {LifeDomain::Finances, "finances"},  {LifeDomain::Housing, "housing"},
    {LifeDomain::Health, "health"},       {LifeDomain::WorkSchool, "work-school"}, {LifeDomain::Social, "social"},
    {LifeDomain::Leisure, "leisure"},     {LifeDomain::Justice, "justice"}};
}  // namespace

std::span<const EnumName<InviteRole>> names(InviteRole) { return kRoles; }
std::span<const EnumName<Consent>> names(Consent) { return kConsents; }
std::span<const EnumName<LifeDomain>> names(LifeDomain) { return kDomains; }

std::string domain_name(LifeDomain d, Lang lang) {
    return std::string(tr("meeting.domain." + std::string(to_string(d)), lang));
}
std::string role_name(InviteRole r, Lang lang) {
    return std::string(tr("meeting.role." + std::string(to_string(r)), lang));
}
std::string consent_name(Consent c, Lang lang) {
    return std::string(tr("meeting.consent." + std::string(to_string(c)), lang));
}
std::string support_name(SupportType s, Lang lang) {
    return std::string(tr("support." + std::string(to_string(s)), lang));
}

MeetingGaps meeting_gaps(const Meeting& m) {
    MeetingGaps g;
    for (SupportType s : kSupportTypes)
        if (std::none_of(m.offers.begin(), m.offers.end(), [&](const Offer& o) { return o.support == s; }))
            g.support.push_back(s);
    for (const Goal& goal : m.goals) {
        if (std::find(g.domains.begin(), g.domains.end(), goal.domain) != g.domains.end()) continue;
        if (std::none_of(m.offers.begin(), m.offers.end(), [&](const Offer& o) { return o.domain == goal.domain; }))
            g.domains.push_back(goal.domain);
    }
    return g;
}

const Invitee* find_invitee(const Meeting& m, PersonId p) {
    for (const auto& i : m.invitees)
        if (i.person == p) return &i;
    return nullptr;
}

const Agreement* find_agreement(const Meeting& m, std::uint32_t id) {
    for (const auto& a : m.agreements)
        if (a.id == id) return &a;
    return nullptr;
}

std::uint32_t next_agreement_id(const Meeting& m) {
    std::uint32_t n = 0;
    for (const auto& a : m.agreements) n = std::max(n, a.id);
    return n + 1;
}

std::vector<const Agreement*> overdue_agreements(const Meeting& m, const PartialDate& today) {
    std::vector<const Agreement*> out;
    for (const auto& a : m.agreements)
        if (!a.done && !a.follow_up.empty() && a.follow_up.latest() < today.earliest()) out.push_back(&a);
    std::stable_sort(out.begin(), out.end(),
                     [](const Agreement* x, const Agreement* y) { return x->follow_up.earliest() < y->follow_up.earliest(); });
    return out;
}

std::vector<MeetingProblem> check_meeting(const Case& c) {
    std::vector<MeetingProblem> out;
    const Meeting& m = c.info.meeting;
    const auto need = [&](PersonId p, const std::string& path) {
        if (!c.person(p)) out.push_back({path, "no person \"" + p.str() + "\" in this case"});
    };
    std::set<PersonId> invited;
    for (std::size_t i = 0; i < m.invitees.size(); ++i) {
        const std::string path = "meeting.invitees[" + std::to_string(i) + "]";
        need(m.invitees[i].person, path + ".person");
        if (!invited.insert(m.invitees[i].person).second)
            out.push_back({path + ".person", m.invitees[i].person.str() + " is invited twice"});
    }
    for (std::size_t i = 0; i < m.offers.size(); ++i)
        need(m.offers[i].person, "meeting.offers[" + std::to_string(i) + "].person");
    std::set<std::uint32_t> ids;
    for (std::size_t i = 0; i < m.agreements.size(); ++i) {
        const Agreement& a = m.agreements[i];
        const std::string path = "meeting.agreements[" + std::to_string(i) + "]";
        if (!ids.insert(a.id).second)
            out.push_back({path + ".id", "agreement id \"a" + std::to_string(a.id) + "\" is used twice"});
        need(a.who, path + ".who");
        need(a.for_whom, path + ".for");
        if (a.who == a.for_whom) out.push_back({path + ".for", "an agreement needs two different persons"});
    }
    return out;
}

Meeting without_missing_persons(const Meeting& m, const Case& c) {
    Meeting out = m;
    const auto gone = [&](PersonId p) { return !c.person(p); };
    std::erase_if(out.invitees, [&](const Invitee& i) { return gone(i.person); });
    std::erase_if(out.offers, [&](const Offer& o) { return gone(o.person); });
    std::erase_if(out.agreements, [&](const Agreement& a) { return gone(a.who) || gone(a.for_whom); });
    return out;
}

}  // namespace kring
