// The inspector: every attribute of the selected person (each edit one undoable
// command), the person's relations, and the case details when nobody is selected.
#pragma once

#include "app_state.hpp"

namespace kring::app {

void draw_inspector(App& app, ImVec2 pos, ImVec2 size);
// Relations of a person, each editable (relation_editor.cpp).
void draw_relations_section(App& app, PersonId p);

}  // namespace kring::app
