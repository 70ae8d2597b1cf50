// Printable pages of a netwerkberaad: the invitation list and the meeting sheet (the
// question, goals per life domain, offers, gaps, agreements and overdue follow-ups), and
// simple tables drawn as lines and labels that other documents reuse.
// Each function returns one page's drawing as a LayoutResult (points, y down).
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "layouts/layout_result.hpp"

#include <string>
#include <vector>

namespace kring {

// A date as printed on meeting documents: dd-mm-yyyy in Dutch, as stored in English.
[[nodiscard]] std::string date_text(const PartialDate& d, Lang lang);

// A table of text cells. Cells wrap to their column width; the header row is bold.
struct TableSpec {
    std::vector<std::string> header;
    std::vector<double> widths;  // points per column
    std::vector<std::vector<std::string>> rows;
    std::vector<Color> row_colors;  // optional text colour per row (default black)
    double size = 8.5;              // font size of the cells
};

// Draws a table with its top-left corner at (x, y); returns the y below it.
double append_table(LayoutResult& out, const TableSpec& t, double x, double y);
// A heading (bold) at (x, y); returns the y below it.
double append_heading(LayoutResult& out, const std::string& text, double x, double y, double size = 13);
// Wrapped text of at most `width` points starting at (x, y); returns the y below it.
double append_paragraph(LayoutResult& out, const std::string& text, double x, double y, double width,
                        double size = 9.5, Color color = kBlack, bool bold = false);
// Splits text into lines of at most `width` points (estimated with text_width).
[[nodiscard]] std::vector<std::string> wrap_text(const std::string& text, double width, double size);

// Width of the pages' content in points (fits A4 portrait at 1:1).
inline constexpr double kSheetWidth = 530;
// Bounds of a text page: always the full sheet width, so short pages stay left-aligned.
void finish_sheet(LayoutResult& out);

struct MeetingSheetOptions {
    Lang lang = Lang::Nl;
    PartialDate today;          // for overdue follow-ups (empty = today())
    bool show_contact = true;   // print how to reach invitees (false for copies that are handed out)
};

// Invitation list: who is invited, their role, relation to the family, the parent's
// consent, how to reach them and when they are available.
[[nodiscard]] LayoutResult layout_invitation_list(const Case& c, const MeetingSheetOptions& opt = {});
// Meeting sheet: question, goals, offers and the gaps nobody fills.
[[nodiscard]] LayoutResult layout_meeting_sheet(const Case& c, const MeetingSheetOptions& opt = {});
// After the meeting: the agreements (who, what, for whom, by when, follow-up, status) and
// the overdue follow-ups.
[[nodiscard]] LayoutResult layout_agreements_sheet(const Case& c, const MeetingSheetOptions& opt = {});
// The network map drawn for the meeting: invitees highlighted, the central question above it.
[[nodiscard]] LayoutResult layout_meeting_map(const Case& c, const MeetingSheetOptions& opt = {});

}  // namespace kring
