// kring meeting CASE [--date D] [--question TEXT]
//                    [--invite PERSON [--role R] [--consent C] [--reach TEXT] [--availability TEXT]]
//                    [--uninvite PERSON]... [--goal DOMAIN:TEXT]... [--remove-goal N]...
//                    [--offer PERSON:SUPPORT:DOMAIN:DESCRIPTION]... [--remove-offer N]...
//                    [--agree WHAT --who PERSON --for PERSON [--support S] [--domain D] [--by D] [--follow-up D]]
//                    [--remove-agreement aN]...
#include "cli/cmd_meeting_edit.hpp"

#include "core/commands_meeting.hpp"
#include "core/meeting.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

namespace kring::cli {

namespace {

std::string t(std::string_view key, Lang lang) { return std::string(tr(key, lang)); }

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// `--goal "x:y"`: the option and its value as the user typed them, for messages.
std::string arg_text(std::string_view option, const std::string& value) {
    return std::string(option) + " \"" + value + "\"";
}

bool given(const CLI::Option* o) { return o && o->count() > 0; }

// "a, b, c": the spellings of an enum as in the case file format.
template <class E>
std::string spellings() {
    std::string out;
    for (const auto& n : names(E{})) out += (out.empty() ? "" : ", ") + std::string(n.name);
    return out;
}

std::string person_label(const Person& p) { return p.id.str() + " " + p.display_name(); }

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& s : parts) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// The role a person gets when invited without --role.
InviteRole default_role(const Person& p) {
    switch (p.category) {
    case Category::Professional: return InviteRole::Professional;
    case Category::Household:
    case Category::Family:
    case Category::Relative: return InviteRole::Family;
    default: return InviteRole::Network;
    }
}

// Reads the options; every problem is reported on stderr and makes ok() false.
class Reader {
public:
    Reader(const Case& c, Lang lang) : c_(c), L_(lang) {}
    [[nodiscard]] bool ok() const { return ok_; }

    void fail(const std::string& message) {
        std::cerr << "kring: " << message << "\n";
        ok_ = false;
    }

    // A person by id ("p3") or by exact display name, ignoring case. `word` is the part of
    // the option's `value` that names the person.
    std::optional<PersonId> person(std::string_view option, const std::string& value) {
        return person(option, value, value);
    }
    std::optional<PersonId> person(std::string_view option, const std::string& value, const std::string& word) {
        const std::string arg = arg_text(option, value);
        const std::string v = trim(word);
        if (auto id = PersonId::parse(v); id && c_.person(*id)) return *id;
        std::vector<const Person*> exact, similar;
        const std::string want = lower(v);
        for (const auto& [id, p] : c_.persons()) {
            const std::string name = lower(p.display_name());
            if (!want.empty() && name == want) exact.push_back(&p);
            else if (!want.empty() && name.find(want) != std::string::npos) similar.push_back(&p);
        }
        if (exact.size() == 1) return exact.front()->id;
        std::vector<std::string> labels;
        if (exact.size() > 1) {
            for (const Person* p : exact) labels.push_back(person_label(*p));
            fail(trf("meeting.cli.edit.ambiguous", L_, {{"arg", arg}, {"list", join(labels)}}));
            return std::nullopt;
        }
        std::string message = trf("meeting.cli.edit.no_person", L_, {{"arg", arg}});
        if (!similar.empty()) {
            for (const Person* p : similar) labels.push_back(person_label(*p));
            message += "; " + trf("meeting.cli.edit.similar", L_, {{"list", join(labels)}});
        } else {
            for (const auto& [id, p] : c_.persons()) labels.push_back(person_label(p));
            message += "; " + trf("meeting.cli.edit.persons", L_, {{"list", join(labels)}});
        }
        fail(message);
        return std::nullopt;
    }

    // person(), refusing a deceased person and the genogram's other entries (miscarriage...):
    // they cannot be invited, offer support or take on an agreement.
    std::optional<PersonId> living(std::string_view option, const std::string& value) {
        return living(option, value, value);
    }
    std::optional<PersonId> living(std::string_view option, const std::string& value, const std::string& word) {
        auto id = person(option, value, word);
        if (!id) return std::nullopt;
        const Person& p = *c_.person(*id);
        if (p.kind != EntryKind::Person) {
            fail(trf("meeting.cli.edit.not_a_person", L_, {{"arg", arg_text(option, value)}}));
            return std::nullopt;
        }
        if (p.deceased || !p.death.empty()) {
            fail(trf("meeting.cli.edit.deceased", L_, {{"arg", arg_text(option, value)}, {"name", p.display_name()}}));
            return std::nullopt;
        }
        return id;
    }

    // An enum spelled as in the case file format (any case).
    template <class E>
    std::optional<E> choice(std::string_view option, const std::string& value, const std::string& word,
                            std::string_view what_key) {
        if (auto e = from_string<E>(lower(trim(word)))) return e;
        fail(trf("meeting.cli.edit.bad_choice", L_,
                 {{"arg", arg_text(option, value)}, {"word", word}, {"what", t(what_key, L_)}, {"choices", spellings<E>()}}));
        return std::nullopt;
    }
    std::optional<LifeDomain> domain(std::string_view option, const std::string& value, const std::string& word) {
        return choice<LifeDomain>(option, value, word, "meeting.cli.what.domain");
    }
    std::optional<SupportType> support(std::string_view option, const std::string& value, const std::string& word) {
        return choice<SupportType>(option, value, word, "meeting.cli.what.support");
    }

    // A date such as 2026-09-15 or 2026-09; "" = no date.
    std::optional<PartialDate> date(std::string_view option, const std::string& value) {
        const std::string v = trim(value);
        if (v.empty()) return PartialDate{};
        auto d = PartialDate::parse(v);
        if (!d || d->approximate) {
            fail(trf("meeting.cli.edit.bad_date", L_, {{"arg", arg_text(option, value)}}));
            return std::nullopt;
        }
        return d;
    }

    // A 1-based number into a list of `size` entries; returns the 0-based index.
    std::optional<std::size_t> number(std::string_view option, const std::string& value, std::size_t size) {
        const std::string v = trim(value);
        const std::string arg = arg_text(option, value);
        if (size == 0) {
            fail(trf("meeting.cli.edit.empty_list", L_, {{"arg", arg}}));
            return std::nullopt;
        }
        const bool digits = !v.empty() && v.size() <= 6 && v.find_first_not_of("0123456789") == std::string::npos;
        const std::size_t n = digits ? std::stoul(v) : 0;
        if (n < 1 || n > size) {
            fail(trf("meeting.cli.edit.bad_number", L_, {{"arg", arg}, {"n", std::to_string(size)}}));
            return std::nullopt;
        }
        return n - 1;
    }

private:
    const Case& c_;
    Lang L_;
    bool ok_ = true;
};

// DOMAIN:TEXT and the like: `value` split at its first `parts - 1` colons (the last
// part, a free text, may hold colons itself), or nullopt when there are too few.
std::optional<std::vector<std::string>> split_fields(const std::string& value, std::size_t parts) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t i = 0; i + 1 < parts; ++i) {
        const auto colon = value.find(':', from);
        if (colon == std::string::npos) return std::nullopt;
        out.push_back(value.substr(from, colon - from));
        from = colon + 1;
    }
    out.push_back(trim(value.substr(from)));
    return out;
}

std::string name_of(const Case& c, PersonId id) {
    const Person* p = c.person(id);
    return p ? p->display_name() : id.str();
}

// Removes the entries at `indices` (0-based, any order, duplicates allowed).
template <class T>
void erase_at(std::vector<T>& v, std::vector<std::size_t> indices) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    for (auto it = indices.rbegin(); it != indices.rend(); ++it) v.erase(v.begin() + static_cast<std::ptrdiff_t>(*it));
}

}  // namespace

std::optional<std::uint32_t> parse_agreement_id(const std::string& s) {
    const std::string v = trim(s);
    const std::string digits = (!v.empty() && (v[0] == 'a' || v[0] == 'A')) ? v.substr(1) : v;
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return static_cast<std::uint32_t>(std::stoul(digits));
}

void add_meeting_edit_options(CLI::App& sub, MeetingEditArgs& a) {
    // Repeatable options take one value per occurrence, so the case file can come last.
    const auto each = [](CLI::Option* o) { return o->allow_extra_args(false); };
    a.date_opt = sub.add_option("--date", a.date, "set the date of the netwerkberaad, e.g. 2026-09-15 (\"\" clears it)");
    a.question_opt = sub.add_option("--question", a.question, "set the central question or worry");
    a.invite_opt = sub.add_option("--invite", a.invite,
                                  "invite a person (id such as p3, or the exact name); when already invited, "
                                  "change only the fields given");
    a.role_opt = sub.add_option("--role", a.role,
                                "with --invite: family, network, professional or chair (new invitees: from "
                                "the person's category)");
    a.consent_opt = sub.add_option("--consent", a.consent, "with --invite: does the parent agree? unknown, yes or no");
    a.reach_opt = sub.add_option("--reach", a.reach, "with --invite: how to reach them (phone, e-mail)");
    a.availability_opt = sub.add_option("--availability", a.availability, "with --invite: when they are available");
    each(sub.add_option("--uninvite", a.uninvite, "take a person off the invitation list (their offers stay)"));
    each(sub.add_option("--goal", a.goals,
                        "add a goal, DOMAIN:TEXT (domains: " + spellings<LifeDomain>() + "); repeatable"));
    each(sub.add_option("--remove-goal", a.remove_goals, "remove goal N (1 = first, as listed); repeatable"));
    each(sub.add_option("--offer", a.offers,
                        "add an offer, PERSON:SUPPORT:DOMAIN:DESCRIPTION (support: " + spellings<SupportType>() +
                            "); repeatable"));
    each(sub.add_option("--remove-offer", a.remove_offers, "remove offer N (1 = first, as listed); repeatable"));
    a.agree_opt = sub.add_option("--agree", a.agree,
                                 "record an agreement: what was agreed (needs --who and --for); draws a support "
                                 "relation on the map");
    a.who_opt = sub.add_option("--who", a.who, "with --agree: the person who does it");
    a.for_opt = sub.add_option("--for", a.for_whom, "with --agree: the person it is for");
    a.support_opt = sub.add_option("--support", a.support, "with --agree: kind of support (default practical)");
    a.domain_opt = sub.add_option("--domain", a.domain, "with --agree: life domain (default parenting)");
    a.by_opt = sub.add_option("--by", a.by, "with --agree: date it is done by");
    a.follow_up_opt = sub.add_option("--follow-up", a.follow_up, "with --agree: date it is followed up");
    each(sub.add_option("--remove-agreement", a.remove_agreements,
                        "remove an agreement (e.g. a2) and its support relation; repeatable"));
}

bool has_meeting_edits(const MeetingEditArgs& a) {
    for (const CLI::Option* o : {a.date_opt, a.question_opt, a.invite_opt, a.role_opt, a.consent_opt, a.reach_opt,
                                 a.availability_opt, a.agree_opt, a.who_opt, a.for_opt, a.support_opt, a.domain_opt,
                                 a.by_opt, a.follow_up_opt})
        if (given(o)) return true;
    return !a.uninvite.empty() || !a.goals.empty() || !a.remove_goals.empty() || !a.offers.empty() ||
           !a.remove_offers.empty() || !a.remove_agreements.empty();
}

int apply_meeting_edits(Case& c, History& h, const MeetingEditArgs& a, Lang L) {
    Reader in(c, L);
    const Meeting& old = c.info.meeting;
    Meeting m = old;  // the preparation after the edits
    std::vector<std::string> warnings;

    if (given(a.date_opt))
        if (auto d = in.date("--date", a.date)) m.date = *d;
    if (given(a.question_opt)) m.question = trim(a.question);

    // Invitees: first who is taken off the list, then who is invited or changed.
    std::vector<PersonId> uninvited;
    for (const auto& v : a.uninvite) {
        auto id = in.person("--uninvite", v);
        if (!id) continue;
        if (!find_invitee(old, *id)) {
            in.fail(trf("meeting.cli.edit.not_invited", L, {{"arg", arg_text("--uninvite", v)}, {"name", name_of(c, *id)}}));
            continue;
        }
        std::erase_if(m.invitees, [&](const Invitee& i) { return i.person == *id; });
        uninvited.push_back(*id);
    }
    if (given(a.invite_opt)) {
        if (auto id = in.living("--invite", a.invite)) {
            auto it = std::find_if(m.invitees.begin(), m.invitees.end(), [&](const Invitee& i) { return i.person == *id; });
            if (it == m.invitees.end()) {
                Invitee fresh;
                fresh.person = *id;
                fresh.role = default_role(*c.person(*id));
                m.invitees.push_back(fresh);
                it = std::prev(m.invitees.end());
            }
            if (given(a.role_opt))
                if (auto r = in.choice<InviteRole>("--role", a.role, a.role, "meeting.cli.what.role")) it->role = *r;
            if (given(a.consent_opt))
                if (auto k = in.choice<Consent>("--consent", a.consent, a.consent, "meeting.cli.what.consent"))
                    it->consent = *k;
            if (given(a.reach_opt)) it->reach = trim(a.reach);
            if (given(a.availability_opt)) it->availability = trim(a.availability);
        }
    } else {
        for (const auto* o : {a.role_opt, a.consent_opt, a.reach_opt, a.availability_opt})
            if (given(o)) in.fail(trf("meeting.cli.edit.needs_invite", L, {{"option", o->get_name()}}));
    }

    // Goals and offers: numbers refer to the lists before this call; removals first.
    std::vector<std::size_t> goal_gone, offer_gone;
    for (const auto& v : a.remove_goals)
        if (auto i = in.number("--remove-goal", v, old.goals.size())) goal_gone.push_back(*i);
    for (const auto& v : a.remove_offers)
        if (auto i = in.number("--remove-offer", v, old.offers.size())) offer_gone.push_back(*i);
    erase_at(m.goals, goal_gone);
    erase_at(m.offers, offer_gone);
    for (const auto& v : a.goals) {
        auto f = split_fields(v, 2);
        if (!f) {
            in.fail(trf("meeting.cli.edit.goal_format", L, {{"arg", arg_text("--goal", v)}}));
            continue;
        }
        auto d = in.domain("--goal", v, (*f)[0]);
        if (!d) continue;
        if ((*f)[1].empty()) {
            in.fail(trf("meeting.cli.edit.empty_text", L, {{"arg", arg_text("--goal", v)}}));
            continue;
        }
        m.goals.push_back({*d, (*f)[1]});
    }
    for (const auto& v : a.offers) {
        auto f = split_fields(v, 4);
        if (!f) {
            in.fail(trf("meeting.cli.edit.offer_format", L, {{"arg", arg_text("--offer", v)}}));
            continue;
        }
        auto who = in.living("--offer", v, (*f)[0]);
        auto s = who ? in.support("--offer", v, (*f)[1]) : std::nullopt;
        auto d = s ? in.domain("--offer", v, (*f)[2]) : std::nullopt;
        if (!d) continue;
        if ((*f)[3].empty()) {
            in.fail(trf("meeting.cli.edit.empty_text", L, {{"arg", arg_text("--offer", v)}}));
            continue;
        }
        if (!find_invitee(m, *who))
            warnings.push_back(trf("meeting.cli.edit.offer_not_invited", L, {{"name", name_of(c, *who)}}));
        m.offers.push_back({*who, *s, *d, (*f)[3]});
    }
    for (PersonId p : uninvited) {
        if (find_invitee(m, p)) continue;  // invited again in this call
        std::vector<std::string> numbers;
        for (std::size_t i = 0; i < m.offers.size(); ++i)
            if (m.offers[i].person == p) numbers.push_back(std::to_string(i + 1));
        if (!numbers.empty())
            warnings.push_back(trf("meeting.cli.edit.offers_remain", L, {{"name", name_of(c, p)}, {"list", join(numbers)}}));
    }

    // Agreements.
    std::vector<std::uint32_t> agreements_gone;
    for (const auto& v : a.remove_agreements) {
        auto id = parse_agreement_id(v);
        if (!id || !find_agreement(old, *id)) {
            in.fail(trf("meeting.cli.no_agreement", L, {{"id", v}}));
            continue;
        }
        if (std::find(agreements_gone.begin(), agreements_gone.end(), *id) == agreements_gone.end())
            agreements_gone.push_back(*id);
    }
    std::optional<Agreement> agreement;
    if (given(a.agree_opt)) {
        Agreement ag;
        ag.what = trim(a.agree);
        if (ag.what.empty()) in.fail(t("meeting.cli.edit.agree_empty", L));
        if (!given(a.who_opt) || !given(a.for_opt)) in.fail(t("meeting.cli.edit.agree_who_for", L));
        auto who = given(a.who_opt) ? in.living("--who", a.who) : std::nullopt;
        auto for_whom = given(a.for_opt) ? in.living("--for", a.for_whom) : std::nullopt;
        if (given(a.support_opt))
            if (auto s = in.support("--support", a.support, a.support)) ag.support = *s;
        if (given(a.domain_opt))
            if (auto d = in.domain("--domain", a.domain, a.domain)) ag.domain = *d;
        if (given(a.by_opt))
            if (auto d = in.date("--by", a.by)) ag.by_when = *d;
        if (given(a.follow_up_opt))
            if (auto d = in.date("--follow-up", a.follow_up)) ag.follow_up = *d;
        if (who && for_whom) {
            ag.who = *who;
            ag.for_whom = *for_whom;
            if (*who == *for_whom) in.fail(trf("meeting.cli.edit.agree_same", L, {{"name", name_of(c, *who)}}));
        }
        agreement = std::move(ag);
    } else {
        for (const auto* o : {a.who_opt, a.for_opt, a.support_opt, a.domain_opt, a.by_opt, a.follow_up_opt})
            if (given(o)) in.fail(trf("meeting.cli.edit.needs_agree", L, {{"option", o->get_name()}}));
    }
    if (!in.ok()) return 2;

    // Everything checked: apply. The agreement's support relation starts at the (new) meeting date.
    const auto run = [&](Command cmd) {
        if (auto r = h.execute(c, std::move(cmd)); !r.ok()) {
            std::cerr << "kring: " << r.error << "\n";
            return false;
        }
        return true;
    };
    if (!run(cmd::set_meeting(c, std::move(m)))) return 2;
    for (std::uint32_t id : agreements_gone)
        if (!run(cmd::remove_agreement(c, id))) return 2;
    if (agreement) {
        std::string error;
        Command add = cmd::add_agreement(c, std::move(*agreement), L, &error);
        if (add.empty()) {
            std::cerr << "kring: --agree: " << error << "\n";
            return 2;
        }
        if (!run(std::move(add))) return 2;
    }
    for (const auto& w : warnings) std::cerr << "kring: warning: " << w << "\n";
    return 0;
}

}  // namespace kring::cli
