// The netwerkberaad panel (right side, instead of the inspector while it is open):
// prepare the meeting from the map — whom to invite and in which role, whether the parent
// agrees, the central question, goals per life domain, what each person can offer and the
// gaps nobody fills — then record the agreements (each becomes a support relation on the
// map) with their follow-up, and take dated snapshots of the network.
// Professional content: never shown in "samen tekenen" mode. Edits are commands
// (core/commands_meeting.hpp), so they can be undone.
#pragma once

#include "app_state.hpp"

namespace kring::app {

void draw_meeting_panel(App& app, ImVec2 pos, ImVec2 size);

}  // namespace kring::app
