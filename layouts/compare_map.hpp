// Comparison of two snapshots as a drawing: the network map of everyone in either
// snapshot with persons who joined highlighted green, persons who left red and dashed,
// and ties that were added (green), removed (red, dashed) or changed (orange); and the
// differences as a table.
#pragma once

#include "core/i18n.hpp"
#include "core/snapshot.hpp"
#include "layouts/layout_result.hpp"

namespace kring {

inline constexpr Color kJoinedColor = 0x2E7D32FF;
inline constexpr Color kJoinedFill = 0xDCEFD9FF;
inline constexpr Color kLeftColor = 0xC62828FF;
inline constexpr Color kChangedColor = 0xE65100FF;

struct CompareOptions {
    Lang lang = Lang::Nl;
    bool show_notes = true;
};

// The map. `info` provides the case name; the focus is the index person of `to` (or `from`).
[[nodiscard]] LayoutResult layout_compare_map(const Snapshot& from, const Snapshot& to, const CompareOptions& opt = {});
// The differences as tables (persons joined/left, support per type, relations added,
// removed and changed).
[[nodiscard]] LayoutResult layout_compare_table(const Snapshot& from, const Snapshot& to, const CompareOptions& opt = {});

// The timeline of the case: snapshots, the netwerkberaad, agreements' deadlines and
// follow-ups in date order, as a table (overdue follow-ups in red, done in green).
[[nodiscard]] LayoutResult layout_timeline(const Case& c, Lang lang, const PartialDate& today);

// Extra legend rows below an existing legend: a sample symbol or line and its text.
void append_legend_symbol(LayoutResult& legend, Color stroke, Color fill, bool dashed, const std::string& text);
void append_legend_line(LayoutResult& legend, Color color, LineStyle style, const std::string& text);

}  // namespace kring
