// The network analysis (core/analysis.hpp) beside the network map: key figures and the
// findings in plain language, shown in the side panel when no person is selected.
// Professional content: never shown in "samen tekenen" mode.
#pragma once

#include "app_state.hpp"

namespace kring::app {

// Draws the analysis section into the current ImGui window (the inspector).
void draw_analysis_section(App& app);

}  // namespace kring::app
