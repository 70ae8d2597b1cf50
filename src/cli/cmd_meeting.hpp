// Netwerkberaad and snapshots on the command line: `kring snapshot`, `kring meeting`, and
// the printed documents behind `kring print --view meeting|compare` (cmd_print.cpp).
#pragma once

#include "core/model.hpp"
#include "print/print.hpp"

#include <string>

namespace kring::cli {

struct MeetingPrintArgs {
    std::string view;        // "meeting" or "compare"
    std::string from, to;    // compare: snapshot labels; `to` empty or "now" = the case as it is
    std::string out;         // output path (SVG/PNG: one file per page, "-2", "-3" ... appended)
    bool sharing = false;    // --no-notes: leave out contact details and professional notes
};

// Prints the meeting documents or a snapshot comparison; returns the exit code.
int print_meeting_views(const Case& c, const MeetingPrintArgs& args, const PrintOptions& opt);

}  // namespace kring::cli
