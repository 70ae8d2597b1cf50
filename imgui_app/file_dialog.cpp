#include "file_dialog.hpp"

#include "diagram_view.hpp"
#include "session.hpp"
#include "theme.hpp"

#include "core/caseio.hpp"
#include "layouts/legend.hpp"
#include "layouts/network_map.hpp"
#include "print/meeting_documents.hpp"
#include "print/print.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>

namespace kring::app {

namespace {

struct Entry {
    std::string name;
    bool dir = false;
};

struct DialogState {
    bool open = false;
    bool request_open = false;
    FileDialogMode mode = FileDialogMode::Open;
    std::filesystem::path dir;
    std::string name;
    std::string error;
    std::vector<Entry> entries;
    int format = 0;  // 0 pdf, 1 svg, 2 png
    bool a3 = false;
    bool portrait = false;
    DocumentRequest request;  // MeetingDocuments / CompareDocuments
};

bool documents(FileDialogMode m) { return m == FileDialogMode::MeetingDocuments || m == FileDialogMode::CompareDocuments; }

DialogState& state() {
    static DialogState s;
    return s;
}

const char* kFormats[] = {"pdf", "svg", "png"};

std::string wanted_ext(const DialogState& s) {
    if (documents(s.mode)) return ".pdf";
    return s.mode == FileDialogMode::Export ? std::string(".") + kFormats[s.format] : ".kring";
}

void refresh(DialogState& s) {
    s.entries.clear();
    std::error_code ec;
    std::filesystem::directory_iterator it(s.dir, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) {
        s.error = s.dir.string() + ": " + ec.message();
        return;
    }
    const std::string ext = wanted_ext(s);
    for (const auto& e : it) {
        const std::string n = e.path().filename().string();
        if (n.empty() || n[0] == '.') continue;
        std::error_code ec2;
        const bool is_dir = e.is_directory(ec2);
        if (is_dir || e.path().extension() == ext) s.entries.push_back({n, is_dir});
    }
    std::sort(s.entries.begin(), s.entries.end(), [](const Entry& a, const Entry& b) {
        if (a.dir != b.dir) return a.dir;
        return a.name < b.name;
    });
}

void go_to(DialogState& s, std::filesystem::path dir) {
    std::error_code ec;
    auto canon = std::filesystem::weakly_canonical(dir, ec);
    s.dir = ec ? dir : canon;
    s.error.clear();
    refresh(s);
}

void accept(App& app, DialogState& s) {
    if (s.name.empty()) return;
    std::filesystem::path target = std::filesystem::path(s.name).is_absolute() ? std::filesystem::path(s.name)
                                                                               : s.dir / s.name;
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec)) {
        go_to(s, target);
        s.name.clear();
        return;
    }
    if (s.mode == FileDialogMode::Open) {
        if (!std::filesystem::is_regular_file(target, ec)) {
            s.error = std::string(app.t("app.file.not_found")) + " " + target.string();
            return;
        }
        s.open = false;
        open_case(app, target);
        return;
    }
    if (target.extension() != wanted_ext(s)) target += wanted_ext(s);
    if (s.mode == FileDialogMode::SaveAs) {
        if (save_as(app, target)) s.open = false;
        else s.error = app.status.text;
        return;
    }
    std::string note;
    const std::string err = documents(s.mode) ? export_documents(app, target, s.mode, s.request)
                                              : export_view(app, target, s.format, s.a3, s.portrait, &note);
    if (err.empty()) {
        s.open = false;
        app.say(std::string(app.t("app.exported_to")) + " " + target.filename().string() +
                (note.empty() ? "" : " \u2014 " + note));
    } else {
        s.error = err;
    }
}

}  // namespace

bool file_dialog_open() { return state().open; }

void open_file_dialog(App& app, FileDialogMode mode, DocumentRequest request) {
    DialogState& s = state();
    s.mode = mode;
    s.request = std::move(request);
    s.open = true;
    s.request_open = true;
    s.error.clear();
    std::filesystem::path dir = app.path.empty() ? std::filesystem::path() : app.path.parent_path();
    if (dir.empty()) {
        std::error_code ec;
        dir = std::filesystem::current_path(ec);
    }
    if (mode == FileDialogMode::Open) s.name.clear();
    else if (mode == FileDialogMode::SaveAs)
        s.name = app.path.empty() ? (app.doc.info.name.empty() ? "casus" : app.doc.info.name) + ".kring"
                                  : app.path.filename().string();
    else if (documents(mode))
        s.name = (app.path.empty() ? std::string("kring") : app.path.stem().string()) + "-" +
                 (mode == FileDialogMode::MeetingDocuments ? "netwerkberaad" : "vergelijking") + ".pdf";
    else
        s.name = (app.path.empty() ? std::string("kring") : app.path.stem().string()) + "-" +
                 (app.mode == ViewMode::Network ? "netwerkkaart" : "genogram") + "." + kFormats[s.format];
    go_to(s, dir);
}

std::string export_view(App& app, const std::filesystem::path& out, int format, bool a3, bool portrait,
                        std::string* note) {
    DiagramView& view = app.mode == ViewMode::Network ? *app.network : *app.genogram;
    const LayoutResult& drawing = view.layout(app);
    PrintOptions opt;
    opt.format = format == 1 ? OutputFormat::Svg : format == 2 ? OutputFormat::Png : OutputFormat::Pdf;
    opt.paper = a3 ? PaperSize::A3 : PaperSize::A4;
    opt.orientation = portrait ? Orientation::Portrait : Orientation::Landscape;
    opt.lang = app.lang;
    opt.case_name = app.doc.info.name;
    opt.as_of = app.doc.info.date;
    opt.hide_professional = app.together;
    opt.min_text_pt = 6;  // as `kring print`: several sheets or a larger page rather than illegible names
    if (view.spec().kind == ViewKind::Network) {
        opt.view_title = std::string(tr("view.network", app.lang));
        if (const Person* f = app.doc.person(default_focus(app.doc))) opt.view_title += " \u2013 " + f->display_name();
    } else {
        opt.view_title = std::string(tr("view.genogram", app.lang));
    }
    PrintResult res = render_document(drawing, layout_legend(drawing.legend, app.lang), opt);
    if (!res.ok()) return res.error;
    if (auto w = write_file_atomic(out, res.bytes); !w.ok()) return w.error;
    if (note && !res.warnings.empty()) *note = res.warnings.front();
    return {};
}

std::string export_documents(App& app, const std::filesystem::path& out, FileDialogMode mode,
                             const DocumentRequest& request) {
    PrintOptions opt;
    opt.format = OutputFormat::Pdf;
    opt.lang = app.lang;
    opt.case_name = app.doc.info.name;
    opt.as_of = app.doc.info.date;
    opt.hide_professional = request.sharing || app.together;
    opt.min_text_pt = 6;
    std::vector<DocumentPage> pages;
    if (mode == FileDialogMode::MeetingDocuments) {
        pages = meeting_document_pages(app.doc, app.lang, request.sharing);
    } else {
        std::string error;
        auto compare = compare_document_pages(app.doc, request.from, request.to, app.lang, request.sharing, today(), &error);
        if (!compare) return error;
        pages = std::move(*compare);
    }
    DocumentResult res = render_pages(pages, opt);
    if (!res.ok()) return res.error;
    if (res.files.size() != 1) return "expected one PDF file";
    if (auto w = write_file_atomic(out, res.files.front()); !w.ok()) return w.error;
    return {};
}

void draw_file_dialog(App& app) {
    DialogState& s = state();
    const char* id = "##file-dialog";
    if (s.request_open) {
        ImGui::OpenPopup(id);
        s.request_open = false;
    }
    const ImVec2 vp = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize({std::min(app.px(720.0f), vp.x - 40), std::min(app.px(560.0f), vp.y - 40)}, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar)) {
        s.open = false;
        return;
    }
    const char* title_key = s.mode == FileDialogMode::Open     ? "app.file.open_title"
                            : s.mode == FileDialogMode::SaveAs ? "app.file.save_title"
                            : s.mode == FileDialogMode::MeetingDocuments ? "app.file.meeting_title"
                            : s.mode == FileDialogMode::CompareDocuments ? "app.file.compare_title"
                                                                         : "app.file.export_title";
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t(title_key).data());
    ImGui::PopFont();

    // Current folder with an "up" button.
    if (ImGui::Button(app.t("app.file.up").data())) go_to(s, s.dir.parent_path());
    ImGui::SameLine();
    if (const char* home = std::getenv("HOME"); home && ImGui::Button(app.t("app.file.home").data())) go_to(s, home);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", s.dir.string().c_str());

    const float footer = ImGui::GetFrameHeightWithSpacing() * (s.mode == FileDialogMode::Export ? 4.2f : 3.2f);
    ImGui::BeginChild("##entries", {0, -footer}, true);
    if (s.mode == FileDialogMode::Open && !app.recent.empty()) {
        ImGui::TextDisabled("%s", app.t("app.file.recent").data());
        for (const auto& r : app.recent) {
            if (ImGui::Selectable(("  " + r.string()).c_str(), false, ImGuiSelectableFlags_DontClosePopups)) {
                s.name = r.string();
                accept(app, s);
            }
        }
        ImGui::Separator();
    }
    for (const Entry& e : s.entries) {
        const std::string label = (e.dir ? "\xE2\x96\xB8 " : "   ") + e.name + (e.dir ? "/" : "");
        const bool chosen = ImGui::Selectable(label.c_str(), s.name == e.name,
                                              ImGuiSelectableFlags_DontClosePopups | ImGuiSelectableFlags_AllowDoubleClick);
        if (chosen) {
            if (e.dir) {
                go_to(s, s.dir / e.name);
                break;
            }
            s.name = e.name;
            if (ImGui::IsMouseDoubleClicked(0)) accept(app, s);
        }
    }
    if (s.entries.empty()) ImGui::TextDisabled("%s", app.t("app.file.empty").data());
    ImGui::EndChild();

    if (s.mode == FileDialogMode::Export) {
        ImGui::TextUnformatted(app.t("app.file.format").data());
        for (int i = 0; i < 3; ++i) {
            ImGui::SameLine();
            if (ImGui::RadioButton(kFormats[i], s.format == i)) {
                s.format = i;
                refresh(s);
                const auto dot = s.name.rfind('.');
                if (dot != std::string::npos) s.name = s.name.substr(0, dot) + "." + kFormats[i];
            }
        }
        ImGui::SameLine(0, 24);
        ImGui::Checkbox("A3", &s.a3);
        ImGui::SameLine();
        ImGui::Checkbox(app.t("app.file.portrait").data(), &s.portrait);
    }
    ImGui::SetNextItemWidth(-260);
    const bool enter = ImGui::InputTextWithHint("##name", app.t("app.file.name_hint").data(), &s.name,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    app.mark("file-name");
    ImGui::SameLine();
    const char* ok_key = s.mode == FileDialogMode::Open ? "app.file.open" : s.mode == FileDialogMode::SaveAs
                                                                              ? "app.file.save"
                                                                              : "app.file.export";
    if (ImGui::Button(app.t(ok_key).data(), {120, 0}) || enter) accept(app, s);
    app.mark("file-ok");
    ImGui::SameLine();
    if (ImGui::Button(app.t("app.cancel").data(), {120, 0}) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        s.open = false;
        app.pending = PendingAction::None;  // e.g. "save before closing" was cancelled
    }
    if (!s.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        ImGui::TextWrapped("%s", s.error.c_str());
        ImGui::PopStyleColor();
    }
    if (!s.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace kring::app
