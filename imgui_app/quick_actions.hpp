// Quick actions on a person: add partner/child/parent/sibling/twin, rename in place,
// delete with confirmation, and the palette that turns a drawn line into a relation.
// Everything goes through App::execute (commands with undo).
#pragma once

#include "app_state.hpp"

#include <string>

namespace kring::app {

class DiagramView;

void quick_add(App& app, PersonId of, QuickAdd what);
void start_rename(App& app, PersonId p, ViewKind view);
void add_relation_from_palette(App& app, PersonId a, PersonId b, RelationChoice choice);
// Forgets the genogram's recorded order (see App::execute), so that the layout orders
// everybody afresh for the fewest crossings; one undo step.
// Whether "tidy up" would change the genogram: an order is kept (CaseInfo::genogram_order)
// and the free layout orders the persons otherwise.
bool tidy_changes(App& app);
void tidy_genogram(App& app);

// "partner: Kevin Bakker", "ouder van Jayden Bakker", ... seen from `from`.
[[nodiscard]] std::string describe_relation(const App& app, const Relation& r, PersonId from);

// Drawn inside a view's window:
void draw_person_menu(App& app);                    // right-click menu on a person
void draw_canvas_menu(App& app);                    // right-click menu on the genogram's background
// "Tidy up" as a button at the genogram canvas's top right corner (`corner`), while tidying
// up would change the drawing (tidy_changes); hidden in "samen tekenen" mode.
void draw_tidy_button(App& app, ImVec2 corner);
void draw_quick_bar(App& app, DiagramView& view);   // floating buttons above the selection
void draw_rename(App& app, DiagramView& view);      // in-place name field
// Drawn at top level:
void draw_delete_confirm(App& app);
void draw_delete_many_confirm(App& app);  // box selection: one undo step for all
void draw_relation_palette(App& app);

}  // namespace kring::app
