// Files of a session: open, save, save as, recent files, autosave to a recovery file and
// the offer to recover after a crash, and the "save changes?" prompt.
#pragma once

#include "app_state.hpp"

#include <filesystem>

namespace kring::app {

// Folder for settings (recent files): $XDG_CONFIG_HOME/kring or ~/.config/kring.
[[nodiscard]] std::filesystem::path config_dir();
// Folder for the recovery file: $XDG_STATE_HOME/kring or ~/.local/state/kring.
[[nodiscard]] std::filesystem::path state_dir();

// Loads a case. On failure the loader's message is shown (banner + stderr) and an empty
// case is opened instead; the app never refuses to start.
void open_case(App& app, const std::filesystem::path& path);
void new_case(App& app);
// Saves to app.path (or asks for a path when there is none). Returns true when saved.
bool save(App& app);
bool save_as(App& app, const std::filesystem::path& path);

// Runs an action that would discard the current document, asking first when there are
// unsaved changes ("Opslaan / Niet opslaan / Annuleren").
void request(App& app, PendingAction action, std::filesystem::path path = {});
void draw_unsaved_prompt(App& app);

void load_recent(App& app);
void add_recent(App& app, const std::filesystem::path& path);

// Autosave: every `interval` seconds while there are unsaved changes, the case is
// written to the recovery file (owner-only). A clean save or exit removes it.
void autosave_tick(App& app, double interval = 60.0);
void remove_recovery();
// At start: is there a recovery file from a session that did not end cleanly?
void check_recovery(App& app);
// After the recovered case became the document: it counts as unsaved until saved.
void mark_recovered(App& app);
void draw_recovery_offer(App& app);

}  // namespace kring::app
