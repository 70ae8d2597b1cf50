// A simple in-app file browser for opening, saving and exporting (no native dialog
// dependency): folders first, then .kring files (or the export format), a name field,
// recent files, and a clear message when something cannot be read or written.
#pragma once

#include "app_state.hpp"

namespace kring::app {

enum class FileDialogMode { Open, SaveAs, Export };

void open_file_dialog(App& app, FileDialogMode mode);
void draw_file_dialog(App& app);
[[nodiscard]] bool file_dialog_open();

// Exports the current view through the printer (same options as `kring print`).
// Returns an error message or "".
[[nodiscard]] std::string export_view(App& app, const std::filesystem::path& out, int format, bool a3,
                                      bool portrait);

}  // namespace kring::app
