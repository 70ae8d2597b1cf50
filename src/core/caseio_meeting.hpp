// Case-file sections of the netwerkberaad and snapshots ("meeting", "snapshots"), hooked
// into serialize_case/parse_case (caseio.cpp). Both sections are optional and left out
// when empty, so cases without them are saved exactly as before (format version 1).
#pragma once

#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace kring {

// Appends the sections after "relations". Invitees, offers and agreements that refer to
// persons no longer in the case are left out (see without_missing_persons).
void write_meeting_sections(nlohmann::ordered_json& root, const Case& c);

// Reads the sections into c.info (persons must already be loaded). Returns "" or a
// message "path: what", e.g. "meeting.invitees[2].person: no person \"p99\" in this case".
[[nodiscard]] std::string read_meeting_sections(const nlohmann::json& root, Case& c);

}  // namespace kring
