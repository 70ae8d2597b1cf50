// The slim top toolbar (file, view switch, undo/redo, add, search, fit, legend, quick list,
// "samen tekenen", language), the big toolbar of "samen tekenen" mode, the error banner
// and the status bar.
#pragma once

#include "app_state.hpp"

namespace kring::app {

void draw_toolbar(App& app, ImVec2 pos, ImVec2 size);
void draw_together_toolbar(App& app, ImVec2 pos, ImVec2 size);
// Height of the banner shown for a load error (0 when there is none).
[[nodiscard]] float banner_height(const App& app);
void draw_banner(App& app, ImVec2 pos, ImVec2 size);
void draw_statusbar(App& app, ImVec2 pos, ImVec2 size);

// Shared actions (also bound to keys in app.cpp).
void add_standalone_person(App& app);
void toggle_together(App& app);

}  // namespace kring::app
