// The state of the running app, shared by the views and panels. The Case is only changed
// through App::execute / undo / redo (commands with undo), never directly by a view.
#pragma once

#include "canvas.hpp"
#include "fonts.hpp"

#include "core/commands.hpp"
#include "core/crypto.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"

#include <imgui.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kring::app {

class DiagramView;
struct ScriptRunner;

enum class ViewMode { Genogram, Network, Both };
enum class ViewKind { Genogram, Network };

// What the palette offers after a relation was drawn from one person to another.
enum class RelationChoice { Partner, ParentOf, ChildOf, Emotional, Support, Contact, Risk };

// Quick actions on a selected person.
enum class QuickAdd { Partner, Child, Parent, Sibling, Twin };

struct StatusMessage {
    std::string text;
    bool error = false;
    double until = 0;  // ImGui time
};

struct RenameState {
    PersonId person;
    ViewKind view = ViewKind::Genogram;
    std::string text;
    bool focus = false;  // give the field keyboard focus next frame
};

struct RelationDraft {
    PersonId a, b;
    ImVec2 at;
    bool open = false;
};

enum class PendingAction { None, Open, OpenPath, New, Quit };

struct App {
    App();
    ~App();

    // --- the document
    Case doc;
    std::uint64_t generation = 0;  // bumped when the document is replaced
    History history;
    std::filesystem::path path;  // empty: not saved yet
    std::string load_error;      // shown in a banner until dismissed
    std::unique_ptr<Secret> passphrase;  // set when the case file is encrypted: saved encrypted again

    // --- presentation
    Lang lang = Lang::Nl;
    ViewMode mode = ViewMode::Genogram;
    bool together = false;  // "samen tekenen": large, simple, no professional notes
    bool show_legend = true;
    bool show_quick_list = false;
    bool show_inspector = true;
    bool show_meeting = false;
    float ui_scale = 1.0f;  // the screen's content scale (high-DPI): panels, fonts and handles grow with it  // the netwerkberaad panel instead of the inspector
    FontSet fonts;
    std::unique_ptr<DiagramView> genogram;
    std::unique_ptr<DiagramView> network;
    DiagramView* active_view = nullptr;  // the view the user last worked in

    // --- interaction
    PersonId selected;
    std::set<PersonId> multi;      // box-selected persons (selected is one of them)
    std::vector<PersonId> confirm_delete_many;  // "delete these N persons?" is open
    std::optional<RenameState> rename;
    RelationDraft relation_draft;
    PersonId confirm_delete;
    StatusMessage status;
    std::string search;
    bool focus_search = false;

    // --- files, dialogs, session
    PendingAction pending = PendingAction::None;  // waiting for "save changes?" answer
    std::filesystem::path pending_path;
    bool ask_unsaved = false;
    bool quit = false;             // leave the main loop
    std::vector<std::filesystem::path> recent;
    double last_autosave = 0;
    std::uint64_t autosaved_revision = 0;
    std::optional<std::filesystem::path> recovery_offer;  // recovery file found at start
    bool allow_recovery = true;
    bool persist = true;  // write recent files / touch the recovery file (off in test runs)

    // --- scripted runs and tests
    std::map<std::string, std::pair<ImVec2, ImVec2>> ui_rects;  // named widgets of this frame
    std::vector<std::string> drawn_labels;                        // labels drawn in the last frame
    int persons_drawn = 0;
    bool record_drawn = false;

    // Runs a command through the history; shows the refusal reason when refused.
    bool execute(Command cmd);
    bool undo();
    bool redo();
    [[nodiscard]] bool dirty() const { return history.dirty(doc); }
    [[nodiscard]] std::string_view t(std::string_view key) const { return tr(key, lang); }
    // A size in pixels at 100% scale, scaled for this screen.
    [[nodiscard]] float px(float v) const { return v * ui_scale; }
    void say(std::string text, bool error = false);
    // Remembers the last item's rectangle under `id` (scripts click widgets by name).
    void mark(const std::string& id);

    // Replaces the document (after a load or "new"); resets history and selection.
    void set_document(Case c, std::filesystem::path p);
    void select(PersonId p);
    void center_on(PersonId p);
    void request_fit();  // each view shows the whole drawing
    void refit();        // each view fitted again as it last was (the view mode changed)
    [[nodiscard]] std::string title() const;
};

// A person's name for the UI: the display name, or a placeholder for an unnamed person.
[[nodiscard]] std::string person_name(const App& app, PersonId id);

}  // namespace kring::app
