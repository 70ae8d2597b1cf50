#include "print/meeting_documents.hpp"

#include "core/snapshot.hpp"
#include "layouts/compare_map.hpp"
#include "layouts/legend.hpp"
#include "layouts/meeting_sheet.hpp"

namespace kring {

namespace {

std::string t(std::string_view key, Lang lang) { return std::string(tr(key, lang)); }

}  // namespace

std::vector<DocumentPage> meeting_document_pages(const Case& c, Lang L, bool sharing) {
    std::vector<DocumentPage> pages;
    MeetingSheetOptions mo;
    mo.lang = L;
    mo.show_contact = !sharing;
    DocumentPage inv;
    inv.drawing = layout_invitation_list(c, mo);
    inv.view_title = t("meeting.page.invitations", L);
    pages.push_back(std::move(inv));
    DocumentPage map;
    map.drawing = layout_meeting_map(c, mo);
    map.legend = layout_legend(map.drawing.legend, L);
    if (!c.info.meeting.invitees.empty())
        append_legend_symbol(map.legend, 0x1565C0FF, kWhite, false, t("meeting.legend.invited", L));
    map.view_title = t("meeting.page.map", L);
    map.orientation = Orientation::Landscape;
    pages.push_back(std::move(map));
    DocumentPage sheet;
    sheet.drawing = layout_meeting_sheet(c, mo);
    sheet.view_title = t("meeting.page.sheet", L);
    pages.push_back(std::move(sheet));
    if (!c.info.meeting.agreements.empty()) {
        DocumentPage agreements;
        agreements.drawing = layout_agreements_sheet(c, mo);
        agreements.view_title = t("meeting.page.agreements", L);
        pages.push_back(std::move(agreements));
    }
    return pages;
}

std::optional<std::vector<DocumentPage>> compare_document_pages(const Case& c, const std::string& from_label,
                                                                const std::string& to_label, Lang L, bool sharing,
                                                                const PartialDate& now_date, std::string* error) {
    const auto missing = [&](std::string what) {
        std::string labels;
        for (const auto& s : c.info.snapshots) labels += (labels.empty() ? "" : ", ") + s.label;
        if (error) *error = what + " (" + (labels.empty() ? t("compare.cli.none", L) : labels) + ")";
        return std::nullopt;
    };
    const Snapshot* from = find_snapshot(c, from_label);
    if (from_label.empty()) return missing(t("compare.cli.need_from", L));
    if (!from) return missing(trf("compare.cli.no_snapshot", L, {{"label", from_label}}));
    Snapshot now;
    const Snapshot* to = nullptr;
    if (to_label.empty() || to_label == "now") {
        now = make_snapshot(c, t("compare.now", L), now_date);
        to = &now;
    } else if (!(to = find_snapshot(c, to_label))) {
        return missing(trf("compare.cli.no_snapshot", L, {{"label", to_label}}));
    }
    CompareOptions co;
    co.lang = L;
    co.show_notes = !sharing;
    std::vector<DocumentPage> pages;
    DocumentPage map;
    map.drawing = layout_compare_map(*from, *to, co);
    map.legend = layout_legend(map.drawing.legend, L);
    append_legend_symbol(map.legend, kJoinedColor, kJoinedFill, false, t("compare.legend.joined", L));
    append_legend_symbol(map.legend, kLeftColor, kWhite, true, t("compare.legend.left", L));
    append_legend_line(map.legend, kJoinedColor, LineStyle::Solid, t("compare.legend.added", L));
    append_legend_line(map.legend, kLeftColor, LineStyle::Dashed, t("compare.legend.removed", L));
    append_legend_line(map.legend, kChangedColor, LineStyle::Solid, t("compare.legend.changed", L));
    map.view_title = t("compare.title", L) + ": " + from->label + " \u2192 " + to->label;
    map.orientation = Orientation::Landscape;
    pages.push_back(std::move(map));
    DocumentPage table;
    table.drawing = layout_compare_table(*from, *to, co);
    table.view_title = t("compare.title", L);
    pages.push_back(std::move(table));
    DocumentPage tl;
    tl.drawing = layout_timeline(c, L, now_date);
    tl.view_title = t("timeline.title", L);
    pages.push_back(std::move(tl));
    return pages;
}

}  // namespace kring
