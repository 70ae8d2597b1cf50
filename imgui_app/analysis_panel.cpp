#include "analysis_panel.hpp"

#include "theme.hpp"

#include "core/analysis.hpp"
#include "core/enums.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kring::app {

namespace {

constexpr ImU32 kWarning = IM_COL32(191, 112, 0, 255);  // amber: needs attention

// The analysis is recomputed only when the case, its identity or the language changes.
struct Cached {
    Analysis a;
    std::uint64_t revision = ~0ull, generation = ~0ull;
    Lang lang = Lang::Nl;
    std::string error;
};

const Cached& analysis_of(const App& app) {
    static Cached c;
    if (c.revision != app.doc.revision() || c.generation != app.generation || c.lang != app.lang) {
        c.revision = app.doc.revision();
        c.generation = app.generation;
        c.lang = app.lang;
        c.error.clear();
        try {
            c.a = analyze(app.doc, {}, app.lang);
        } catch (const std::exception& e) {
            c.a = Analysis{};
            c.error = e.what();
        }
    }
    return c;
}

void figure(const char* label, const std::string& value) {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(std::max(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 12.0f, ImGui::GetContentRegionAvail().x * 0.62f));
    ImGui::TextUnformatted(value.c_str());
}

}  // namespace

void draw_analysis_section(App& app) {
    if (app.together) return;
    const Cached& c = analysis_of(app);
    const Analysis& a = c.a;
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.analysis.title").data());
    ImGui::PopFont();
    ImGui::Separator();
    if (!c.error.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kDanger), "%s", c.error.c_str());
        return;
    }
    if (!a.focus) {
        ImGui::TextDisabled("%s", app.t("app.analysis.none").data());
        return;
    }
    figure(app.t("app.analysis.focus").data(), person_name(app, a.focus));
    figure(app.t("app.analysis.size").data(), std::to_string(a.size));
    figure(app.t("app.analysis.informal").data(), std::to_string(a.informal) + " / " + std::to_string(a.professionals));
    char density[32];
    std::snprintf(density, sizeof density, "%.0f%%", std::isfinite(a.density) ? a.density * 100 : 0.0);
    figure(app.t("app.analysis.density").data(), density);

    ImGui::Spacing();
    ImGui::TextDisabled("%s", app.t("app.analysis.support").data());
    for (int i = 0; i < kSupportTypeCount; ++i) {
        const auto type = static_cast<SupportType>(i);
        const int n = a.support_count[static_cast<std::size_t>(i)];
        const std::string name(app.t("support." + std::string(to_string(type))));
        if (n == 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kWarning));
        ImGui::BulletText("%s: %d", name.c_str(), n);
        if (n == 0) ImGui::PopStyleColor();
    }

    if (!a.findings.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", app.t("app.analysis.findings").data());
        for (const Finding& f : a.findings) {
            const ImU32 col = f.level == Finding::Level::Risk        ? theme::kDanger
                              : f.level == Finding::Level::Attention ? kWarning
                                                                     : theme::kAccent;
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddCircleFilled({p.x + 5, p.y + h / 2}, 4.0f, col, 12);
            ImGui::SetCursorScreenPos({p.x + 16, p.y});
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(f.text.c_str());
            ImGui::PopTextWrapPos();
            if (f.subject && ImGui::IsItemClicked()) app.center_on(f.subject);
            if (f.subject && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::Spacing();
        }
    }
}

}  // namespace kring::app
