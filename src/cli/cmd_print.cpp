// kring print CASE --view genogram|network --format pdf|svg|png -o OUT
#include "cli/cli_util.hpp"
#include "cli/cmd_meeting.hpp"
#include "cli/commands.hpp"
#include "core/pseudonymise.hpp"
#include "core/validate.hpp"
#include "layouts/genogram.hpp"
#include "layouts/legend.hpp"
#include "layouts/network_map.hpp"
#include "print/print.hpp"

#include <filesystem>
#include <iostream>

namespace kring::cli {

namespace {
struct PrintArgs {
    std::string path, view = "genogram", format, out, paper = "a4", orientation = "landscape", lang, focus;
    bool no_notes = false, one_page = false;
    double min_text = 6;  // pt; 0 = always fit the chosen paper
    std::string from, to;  // --view compare: snapshot labels
    std::string pseudonymise;  // "", "initials" or "roles"
};
}  // namespace

void register_print(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("print", "Print a genogram or network map to PDF, SVG or PNG");
    auto a = std::make_shared<PrintArgs>();
    sub->add_option("CASE", a->path, "case file (.kring)")->required();
    sub->add_option("--view", a->view, "genogram or network")->check(CLI::IsMember({"genogram", "network", "meeting", "compare"}));
    sub->add_option("--format", a->format, "pdf, svg or png (default: from the extension of -o)");
    sub->add_option("-o,--output", a->out, "output file")->required();
    sub->add_option("--paper", a->paper, "a4 or a3")->check(CLI::IsMember({"a4", "a3", "A4", "A3"}));
    sub->add_option("--orientation", a->orientation, "portrait or landscape")
        ->check(CLI::IsMember({"portrait", "landscape"}));
    sub->add_option("--lang", a->lang, "nl (default) or en");
    sub->add_option("--min-text", a->min_text,
                    "smallest text size in pt (default 6): a drawing too big for the paper at this size "
                    "is split over several sheets (PDF; the first is an overview) or printed on a larger "
                    "page (SVG, PNG, --one-page); 0 = always fit the paper")
        ->check(CLI::Range(0.0, 24.0));
    sub->add_flag("--one-page", a->one_page,
                  "PDF: one larger page (a poster, for a plotter) instead of several sheets of the paper");
    sub->add_option("--focus", a->focus, "network map: the person in the centre (id, e.g. p3)");
    sub->add_option("--from", a->from, "--view compare: label of the earlier snapshot");
    sub->add_option("--to", a->to, "--view compare: label of the later snapshot (default: the case now)");
    sub->add_flag("--no-notes", a->no_notes, "leave out professional notes and risk annotations (for sharing)");
    sub->add_option("--pseudonymise", a->pseudonymise,
                    "for sharing: names as initials or role labels, dates as years, notes and addresses left out")
        ->check(CLI::IsMember({"initials", "roles"}));
    sub->callback([a, &exit_code] {
        exit_code = 1;
        std::string fmt = a->format;
        if (fmt.empty()) {
            fmt = std::filesystem::path(a->out).extension().string();
            if (!fmt.empty()) fmt.erase(0, 1);
        }
        auto format = parse_format(fmt);
        if (!format) {
            std::cerr << "kring: unknown output format \"" << fmt << "\" (use --format pdf, svg or png)\n";
            exit_code = 2;
            return;
        }
        auto c = load_or_report(a->path);
        if (!c) return;
        auto problems = validate(*c);
        if (has_errors(problems))
            std::cerr << "kring: warning: " << a->path << " has errors (see kring validate); printing anyway\n";
        const Lang lang = pick_lang(a->lang);
        if (auto mode = parse_pseudonym_mode(a->pseudonymise)) *c = pseudonymise(*c, *mode, lang);
        PrintOptions opt;
        opt.format = *format;
        opt.paper = *parse_paper(a->paper);
        opt.orientation = *parse_orientation(a->orientation);
        opt.lang = lang;
        opt.case_name = c->info.name;
        opt.as_of = c->info.date;
        opt.hide_professional = a->no_notes;
        opt.min_text_pt = a->min_text;
        opt.split_pages = !a->one_page;
        if (a->view == "meeting" || a->view == "compare") {  // netwerkberaad documents (cmd_meeting.cpp)
            if (!a->pseudonymise.empty()) {
                std::cerr << "kring: --pseudonymise is not available for --view " << a->view
                          << " (its free text and snapshots can contain names)\n";
                exit_code = 2;
                return;
            }
            exit_code = print_meeting_views(*c, {a->view, a->from, a->to, a->out, a->no_notes}, opt);
            return;
        }
        LayoutResult drawing;
        if (a->view == "network") {
            NetworkOptions no;
            no.lang = lang;
            no.show_notes = !a->no_notes;
            if (!a->focus.empty()) {
                auto id = PersonId::parse(a->focus);
                if (!id || !c->person(*id)) {
                    std::cerr << "kring: --focus " << a->focus << ": no such person in " << a->path << "\n";
                    exit_code = 2;
                    return;
                }
                no.focus = *id;
            }
            drawing = layout_network(*c, no);
            opt.view_title = std::string(tr("view.network", lang));
            if (auto* f = c->person(no.focus ? no.focus : default_focus(*c)))
                opt.view_title += " \u2013 " + f->display_name();
        } else {
            GenogramOptions go;
            go.lang = lang;
            go.show_notes = !a->no_notes;
            drawing = layout_genogram(*c, go);
            opt.view_title = std::string(tr("view.genogram", lang));
        }
        PrintResult res = render_document(drawing, layout_legend(drawing.legend, lang), opt);
        if (!res.ok()) {
            std::cerr << "kring: cannot print " << a->path << ": " << res.error << "\n";
            return;
        }
        for (const auto& w : res.warnings) std::cerr << "kring: warning: " << w << "\n";
        if (auto saved = write_file_atomic(a->out, res.bytes); !saved.ok()) {
            std::cerr << "kring: " << saved.error << "\n";
            return;
        }
        exit_code = 0;
    });
}

}  // namespace kring::cli
