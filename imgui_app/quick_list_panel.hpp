// The quick list (groslijst): everyone around the family in one list, grouped by circle,
// with a filter; a click selects and centres the person, "+" adds someone to a circle.
#pragma once

#include "app_state.hpp"

namespace kring::app {

void draw_quick_list(App& app, ImVec2 pos, ImVec2 size);

}  // namespace kring::app
