#include "session.hpp"

#include "file_dialog.hpp"
#include "passphrase_prompt.hpp"

#include "core/caseio.hpp"
#include "core/crypto.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace kring::app {

namespace {

std::filesystem::path xdg(const char* var, const char* fallback) {
    if (const char* d = std::getenv(var); d && *d) return std::filesystem::path(d) / "kring";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / fallback / "kring";
    return std::filesystem::temp_directory_path() / "kring";
}

std::filesystem::path recovery_file() { return state_dir() / "recovery.kring"; }
std::filesystem::path recovery_origin() { return state_dir() / "recovery.origin"; }

void ensure_dir(const std::filesystem::path& d) {
    std::error_code ec;
    std::filesystem::create_directories(d, ec);
    std::filesystem::permissions(d, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
}

void run_pending(App& app) {
    const PendingAction a = app.pending;
    app.pending = PendingAction::None;
    switch (a) {
        case PendingAction::Open: open_file_dialog(app, FileDialogMode::Open); break;
        case PendingAction::OpenPath: open_case(app, app.pending_path); break;
        case PendingAction::New: new_case(app); break;
        case PendingAction::Quit:
            if (app.persist) remove_recovery();
            app.quit = true;
            break;
        case PendingAction::None: break;
    }
}

}  // namespace

std::filesystem::path config_dir() { return xdg("XDG_CONFIG_HOME", ".config"); }
std::filesystem::path state_dir() { return xdg("XDG_STATE_HOME", ".local/state"); }

void open_case(App& app, const std::filesystem::path& path) {
    if (is_encrypted_file(path)) {
        ask_passphrase(app, path, path, false);
        return;
    }
    LoadResult r = load_case(path);
    if (!r.ok()) {
        std::cerr << "kring-app: " << r.error << "\n";
        app.load_error = r.error;
        app.set_document(Case{}, {});
        return;
    }
    for (const auto& n : r.notes) std::cerr << "kring-app: " << path.string() << ": " << n << "\n";
    app.load_error.clear();
    app.set_document(std::move(r.value), path);
    add_recent(app, path);
    app.say(std::string(app.t("app.opened")) + " " + path.filename().string());
}

void new_case(App& app) {
    Case c;
    c.info.name = std::string(app.t("app.new_case_name"));
    app.set_document(std::move(c), {});
    app.load_error.clear();
}

bool save_as(App& app, const std::filesystem::path& path) {
    SaveResult r = app.passphrase ? save_case(app.doc, path, *app.passphrase) : save_case(app.doc, path);
    if (!r.ok()) {
        app.say(std::string(app.t("app.save_failed")) + " " + r.error, true);
        return false;
    }
    app.path = path;
    app.history.mark_saved(app.doc);
    add_recent(app, path);
    if (app.persist) remove_recovery();
    app.say(std::string(app.t("app.saved_to")) + " " + path.filename().string());
    if (app.pending != PendingAction::None) run_pending(app);
    return true;
}

bool save(App& app) {
    if (app.path.empty()) {
        open_file_dialog(app, FileDialogMode::SaveAs);
        return false;
    }
    return save_as(app, app.path);
}

void request(App& app, PendingAction action, std::filesystem::path path) {
    app.pending = action;
    app.pending_path = std::move(path);
    if (app.dirty()) app.ask_unsaved = true;
    else run_pending(app);
}

void draw_unsaved_prompt(App& app) {
    const char* id = "##unsaved";
    if (app.ask_unsaved && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.unsaved.title").data());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted(app.t("app.unsaved.text").data());
    ImGui::Spacing();
    const bool save_it = ImGui::Button(app.t("app.unsaved.save").data());
    app.mark("unsaved-save");
    ImGui::SameLine();
    const bool discard = ImGui::Button(app.t("app.unsaved.discard").data());
    app.mark("unsaved-discard");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(app.t("app.cancel").data()) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    app.mark("unsaved-cancel");
    if (save_it || discard || cancel) {
        app.ask_unsaved = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (cancel) app.pending = PendingAction::None;
    if (discard) {
        app.history.mark_saved(app.doc);  // the user chose to drop the changes
        run_pending(app);
    }
    if (save_it) save(app);  // runs the pending action once saved
}

void load_recent(App& app) {
    app.recent.clear();
    std::ifstream in(config_dir() / "recent.txt");
    std::string line;
    while (std::getline(in, line) && app.recent.size() < 10)
        if (!line.empty()) app.recent.emplace_back(line);
}

void add_recent(App& app, const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(path, ec);
    if (ec) abs = path;
    std::erase(app.recent, abs);
    app.recent.insert(app.recent.begin(), abs);
    if (app.recent.size() > 10) app.recent.resize(10);
    if (!app.persist) return;
    std::string text;
    for (const auto& p : app.recent) text += p.string() + "\n";
    ensure_dir(config_dir());
    (void)write_file_atomic(config_dir() / "recent.txt", text);
}

void autosave_tick(App& app, double interval) {
    if (!app.persist) return;
    const double now = ImGui::GetTime();
    if (now - app.last_autosave < interval) return;
    app.last_autosave = now;
    if (!app.dirty() || app.autosaved_revision == app.doc.revision()) return;
    ensure_dir(state_dir());
    // An encrypted case is autosaved encrypted with the same passphrase: no plaintext copy.
    const SaveResult saved =
        app.passphrase ? save_case(app.doc, recovery_file(), *app.passphrase) : save_case(app.doc, recovery_file());
    if (saved.ok()) {
        (void)write_file_atomic(recovery_origin(), app.path.string());
        app.autosaved_revision = app.doc.revision();
    }
    std::error_code ec;
    std::filesystem::remove(recovery_file().string() + ".bak", ec);
}

void remove_recovery() {
    std::error_code ec;
    std::filesystem::remove(recovery_file(), ec);
    std::filesystem::remove(recovery_file().string() + ".bak", ec);
    std::filesystem::remove(recovery_origin(), ec);
}

void mark_recovered(App& app) {
    app.history.mark_unsaved();                   // not saved yet: kept until the user saves
    app.autosaved_revision = app.doc.revision();  // the recovery file already holds it
    app.say(std::string(app.t("app.recovery.done")));
}

void check_recovery(App& app) {
    std::error_code ec;
    if (app.allow_recovery && std::filesystem::is_regular_file(recovery_file(), ec)) app.recovery_offer = recovery_file();
}

void draw_recovery_offer(App& app) {
    const char* id = "##recovery";
    if (app.recovery_offer && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.recovery.title").data());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted(app.t("app.recovery.text").data());
    std::string origin;
    {
        std::ifstream in(recovery_origin());
        std::getline(in, origin);
    }
    ImGui::Spacing();
    const bool recover = ImGui::Button(app.t("app.recovery.recover").data());
    app.mark("recovery-recover");
    ImGui::SameLine();
    const bool discard = ImGui::Button(app.t("app.recovery.discard").data());
    app.mark("recovery-discard");
    if (recover && is_encrypted_file(*app.recovery_offer)) {
        ask_passphrase(app, *app.recovery_offer, origin, true);
    } else if (recover) {
        LoadResult r = load_case(*app.recovery_offer);
        if (r.ok()) {
            app.set_document(std::move(r.value), origin);
            mark_recovered(app);
        } else {
            app.say(r.error, true);
        }
    }
    if (recover || discard) {
        if (discard) remove_recovery();
        app.recovery_offer.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace kring::app
