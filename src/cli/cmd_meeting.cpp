// kring snapshot CASE --label LABEL [--date D] | --list
// kring meeting CASE [--timeline] [--today D] [--done aN | --reopen aN] [editing options]
// (the editing options -- date, question, invitees, goals, offers, agreements -- are in
// cmd_meeting_edit.cpp)
#include "cli/cmd_meeting.hpp"

#include "cli/cli_util.hpp"
#include "cli/cmd_meeting_edit.hpp"
#include "cli/commands.hpp"
#include "core/commands_meeting.hpp"
#include "core/crypto.hpp"
#include "core/meeting.hpp"
#include "core/snapshot.hpp"
#include "print/documents.hpp"
#include "print/meeting_documents.hpp"

#include <algorithm>
#include <iostream>

namespace kring::cli {

namespace {

std::string t(std::string_view key, Lang lang) { return std::string(tr(key, lang)); }

bool save_or_report(const Case& c, const std::string& path) {
    if (auto r = save_case(c, path); !r.ok()) {
        std::cerr << "kring: " << r.error << "\n";
        return false;
    }
    return true;
}

std::optional<PartialDate> parse_date_option(const std::string& s, const char* option) {
    if (s.empty()) return today();
    auto d = PartialDate::parse(s);
    if (!d || d->approximate) {
        std::cerr << "kring: " << option << " " << s << ": expected a date like 2026-09-15\n";
        return std::nullopt;
    }
    return d;
}

std::string name_of(const Case& c, PersonId id) {
    const Person* p = c.person(id);
    return p ? p->display_name() : id.str();
}

std::string show_date(const PartialDate& d, Lang lang) { return format_print_date(d, lang); }

std::string listed_name(const Case& c, PersonId id) { return name_of(c, id) + " (" + id.str() + ")"; }

void print_timeline(const Case& c, Lang L) {
    for (const auto& e : timeline(c)) {
        std::string what;
        switch (e.kind) {
        case TimelineEntry::Kind::Snapshot: what = t("timeline.snapshot", L) + " \"" + e.label + "\""; break;
        case TimelineEntry::Kind::Meeting: what = t("timeline.meeting", L); break;
        case TimelineEntry::Kind::AgreementDue:
            what = t("timeline.due", L) + " a" + std::to_string(e.agreement) + ": " + e.label;
            break;
        case TimelineEntry::Kind::FollowUp:
            what = t("timeline.follow_up", L) + " a" + std::to_string(e.agreement) + ": " + e.label;
            break;
        }
        if (e.done) what += " (" + t("meeting.status.done", L) + ")";
        std::cout << (e.date.empty() ? "?" : show_date(e.date, L)) << "\t" << what << "\n";
    }
}

// What plain `kring meeting CASE` prints: the meeting, its invitees, numbered goals and
// offers (the numbers --remove-goal and --remove-offer take), agreements and gaps.
void print_summary(const Case& c, const PartialDate& today_date, Lang L) {
    const Meeting& m = c.info.meeting;
    if (m.empty()) {
        std::cout << t("meeting.cli.no_meeting", L) << "\n";
        return;
    }
    if (!m.date.empty()) std::cout << t("meeting.date", L) << ": " << show_date(m.date, L) << "\n";
    if (!m.question.empty()) std::cout << t("meeting.question", L) << ": " << m.question << "\n";
    std::cout << trf("meeting.cli.counts", L,
                     {{"invitees", std::to_string(m.invitees.size())}, {"agreements", std::to_string(m.agreements.size())}})
              << "\n";
    for (const auto& i : m.invitees) {
        std::cout << t("meeting.cli.invited", L) << "\t" << listed_name(c, i.person) << "\t" << role_name(i.role, L)
                  << "\t" << t("meeting.col.consent", L) << ": " << consent_name(i.consent, L);
        if (!i.reach.empty()) std::cout << "\t" << t("meeting.col.reach", L) << ": " << i.reach;
        if (!i.availability.empty()) std::cout << "\t" << t("meeting.col.availability", L) << ": " << i.availability;
        std::cout << "\n";
    }
    for (std::size_t n = 0; n < m.goals.size(); ++n)
        std::cout << t("meeting.cli.goal", L) << " " << n + 1 << "\t" << domain_name(m.goals[n].domain, L) << ": "
                  << m.goals[n].text << "\n";
    for (std::size_t n = 0; n < m.offers.size(); ++n) {
        const Offer& o = m.offers[n];
        std::cout << t("meeting.cli.offer", L) << " " << n + 1 << "\t" << listed_name(c, o.person) << "\t"
                  << support_name(o.support, L) << "\t" << domain_name(o.domain, L) << ": " << o.description << "\n";
    }
    const auto overdue = overdue_agreements(m, today_date);
    for (const auto& ag : m.agreements) {
        const bool late = std::find(overdue.begin(), overdue.end(), &ag) != overdue.end();
        std::cout << "a" << ag.id << "\t"
                  << (ag.done ? t("meeting.status.done", L) : late ? t("meeting.status.overdue", L) : t("meeting.status.open", L))
                  << "\t" << name_of(c, ag.who) << " \u2192 " << name_of(c, ag.for_whom) << ": " << ag.what;
        if (!ag.by_when.empty()) std::cout << " (" << t("meeting.by_when", L) << " " << show_date(ag.by_when, L) << ")";
        if (!ag.follow_up.empty()) std::cout << " [" << t("meeting.follow_up", L) << " " << show_date(ag.follow_up, L) << "]";
        std::cout << "\n";
    }
    if (!overdue.empty())
        std::cout << trf("meeting.overdue.count", L, {{"n", std::to_string(overdue.size())}}) << "\n";
    const MeetingGaps gaps = meeting_gaps(m);
    for (LifeDomain d : gaps.domains) std::cout << t("meeting.gaps.domains", L) << ": " << domain_name(d, L) << "\n";
}

}  // namespace

int print_meeting_views(const Case& c, const MeetingPrintArgs& args, const PrintOptions& base) {
    const Lang L = base.lang;
    std::vector<DocumentPage> pages;
    if (args.view == "meeting") {
        if (c.info.meeting.empty())
            std::cerr << "kring: warning: " << t("meeting.cli.no_meeting", L) << "\n";
        pages = meeting_document_pages(c, L, args.sharing);
    } else {
        std::string error;
        auto compare = compare_document_pages(c, args.from, args.to, L, args.sharing,
                                              base.date.empty() ? today() : base.date, &error);
        if (!compare) {
            std::cerr << "kring: " << error << "\n";
            return 2;
        }
        pages = std::move(*compare);
    }
    DocumentResult res = render_pages(pages, base);
    if (!res.ok()) {
        std::cerr << "kring: cannot print: " << res.error << "\n";
        return 1;
    }
    for (const auto& w : res.warnings) std::cerr << "kring: warning: " << w << "\n";
    for (std::size_t i = 0; i < res.files.size(); ++i) {
        const std::string path = page_file_name(args.out, i + 1);
        if (auto saved = write_file_atomic(path, res.files[i]); !saved.ok()) {
            std::cerr << "kring: " << saved.error << "\n";
            return 1;
        }
        if (res.files.size() > 1 && i > 0) std::cerr << "kring: " << trf("meeting.cli.page_written", L, {{"file", path}}) << "\n";
    }
    return 0;
}

namespace {

struct SnapshotArgs {
    std::string path, label, date, lang, remove;
    bool list = false;
};

struct MeetingArgs {
    std::string path, today, done, reopen, lang;
    bool timeline = false;
    MeetingEditArgs edit;
};

}  // namespace

void register_snapshot(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("snapshot", "Take a dated snapshot of a case's network (stored in the case file)");
    auto a = std::make_shared<SnapshotArgs>();
    sub->add_option("CASE", a->path, "case file (.kring)")->required();
    sub->add_option("--label", a->label, "name of the snapshot, e.g. intake");
    sub->add_option("--date", a->date, "date of the snapshot (default: today), e.g. 2026-03-02");
    sub->add_flag("--list", a->list, "list the snapshots in the case");
    sub->add_option("--remove", a->remove, "remove the snapshot with this label");
    sub->add_option("--lang", a->lang, "nl (default) or en");
    sub->callback([a, &exit_code] {
        exit_code = 1;
        const Lang L = pick_lang(a->lang);
        auto c = load_or_report(a->path);
        if (!c) return;
        if (a->list || (a->label.empty() && a->remove.empty())) {
            if (c->info.snapshots.empty()) std::cout << t("compare.cli.none", L) << "\n";
            for (const auto& s : c->info.snapshots)
                std::cout << s.label << "\t" << show_date(s.date, L) << "\t" << s.persons.size() << " "
                          << t("meeting.cli.persons", L) << ", " << s.relations.size() << " "
                          << t("meeting.cli.relations", L) << "\n";
            exit_code = 0;
            return;
        }
        // Saving rewrites the file as plain JSON: refuse encrypted files rather than
        // silently writing the case unencrypted.
        if (is_encrypted_file(a->path)) {
            std::cerr << "kring: " << a->path << ": " << t("meeting.cli.encrypted", L) << "\n";
            return;
        }
        History h;
        std::string error;
        Command cmd;
        if (!a->remove.empty()) {
            if (!find_snapshot(*c, a->remove)) {
                std::cerr << "kring: " << trf("compare.cli.no_snapshot", L, {{"label", a->remove}}) << "\n";
                exit_code = 2;
                return;
            }
            cmd = cmd::remove_snapshot(*c, a->remove);
        } else {
            auto date = parse_date_option(a->date, "--date");
            if (!date) {
                exit_code = 2;
                return;
            }
            cmd = cmd::take_snapshot(*c, a->label, *date, &error);
            if (cmd.empty()) {
                std::cerr << "kring: " << error << "\n";
                exit_code = 2;
                return;
            }
        }
        if (auto r = h.execute(*c, std::move(cmd)); !r.ok()) {
            std::cerr << "kring: " << r.error << "\n";
            return;
        }
        if (!save_or_report(*c, a->path)) return;
        if (a->remove.empty())
            std::cout << trf("meeting.cli.snapshot_taken", L, {{"label", a->label}}) << "\n";
        exit_code = 0;
    });
}

void register_meeting(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("meeting",
                                   "Netwerkberaad: enter the preparation and agreements, see overdue follow-ups and the "
                                   "timeline of a case");
    auto a = std::make_shared<MeetingArgs>();
    sub->add_option("CASE", a->path, "case file (.kring)")->required();
    sub->add_option("--today", a->today, "date to check follow-ups against (default: today)");
    sub->add_flag("--timeline", a->timeline, "list snapshots, the meeting and agreements in date order");
    sub->add_option("--done", a->done, "mark an agreement done (e.g. a2) and save");
    sub->add_option("--reopen", a->reopen, "mark an agreement not done (e.g. a2) and save");
    add_meeting_edit_options(*sub, a->edit);
    sub->add_option("--lang", a->lang, "nl (default) or en");
    sub->callback([a, &exit_code] {
        exit_code = 1;
        const Lang L = pick_lang(a->lang);
        const bool editing = has_meeting_edits(a->edit) || !a->done.empty() || !a->reopen.empty();
        // Refused before the passphrase is asked: saving would write the case unencrypted.
        if (editing && is_encrypted_file(a->path)) {
            std::cerr << "kring: " << a->path << ": " << t("meeting.cli.encrypted", L) << "\n";
            return;
        }
        auto c = load_or_report(a->path);
        if (!c) return;
        auto today_date = parse_date_option(a->today, "--today");
        if (!today_date) {
            exit_code = 2;
            return;
        }
        std::optional<std::uint32_t> done_id;
        if (!a->done.empty() || !a->reopen.empty()) {
            const std::string& which = a->done.empty() ? a->reopen : a->done;
            done_id = parse_agreement_id(which);
            if (!done_id || !find_agreement(c->info.meeting, *done_id)) {
                std::cerr << "kring: " << trf("meeting.cli.no_agreement", L, {{"id", which}}) << "\n";
                exit_code = 2;
                return;
            }
        }
        if (editing) {
            // Every edit is checked before anything changes; the file is written once, at the end.
            History h;
            if (int rc = apply_meeting_edits(*c, h, a->edit, L); rc != 0) {
                exit_code = rc;
                return;
            }
            if (done_id) (void)h.execute(*c, cmd::set_agreement_done(*c, *done_id, a->reopen.empty()));
            if (h.dirty(*c) && !save_or_report(*c, a->path)) return;
        }
        if (a->timeline) {
            print_timeline(*c, L);
        } else {
            print_summary(*c, *today_date, L);
        }
        exit_code = 0;
    });
}

}  // namespace kring::cli
