// A simple in-app file browser for opening, saving and exporting (no native dialog
// dependency): folders first, then .kring files (or the export format), a name field,
// recent files, and a clear message when something cannot be read or written.
#pragma once

#include "app_state.hpp"

namespace kring::app {

// Export: the current view. MeetingDocuments / CompareDocuments: the netwerkberaad
// documents and a snapshot comparison as one PDF (print/meeting_documents.hpp).
enum class FileDialogMode { Open, SaveAs, Export, MeetingDocuments, CompareDocuments };

// What a documents export prints.
struct DocumentRequest {
    std::string from, to;  // snapshots to compare ("now" or empty `to`: the case as it is)
    bool sharing = false;   // for the family or network: no contact details, no professional notes
};

void open_file_dialog(App& app, FileDialogMode mode, DocumentRequest request = {});
void draw_file_dialog(App& app);
[[nodiscard]] bool file_dialog_open();

// Exports the current view through the printer (same options as `kring print`).
// Returns an error message or ""; `note` gets the printer's first warning, if any (e.g.
// that a large drawing was split over several sheets).
[[nodiscard]] std::string export_view(App& app, const std::filesystem::path& out, int format, bool a3,
                                      bool portrait, std::string* note = nullptr);
// Prints the netwerkberaad documents or a comparison to one PDF (as `kring print --view
// meeting|compare`). Returns an error message or "".
[[nodiscard]] std::string export_documents(App& app, const std::filesystem::path& out, FileDialogMode mode,
                                           const DocumentRequest& request);

}  // namespace kring::app
