// Scripted input for GUI tests (--script FILE): one step per frame through the real ImGui
// input path (pre-1.87 API: io.MousePos, io.MouseDown, io.KeysDown, io.KeyCtrl,
// AddInputCharacter), set between the backend's NewFrame and ImGui::NewFrame.
//
// Script lines (blank lines and lines starting with '#' are ignored):
//   move-to X Y | move-by DX DY | move-to-person P | move-to-handle P | move-to-ui NAME
//   move-to-cell SECTOR RING (an empty spot of the network map; sectors 0..6, rings 1..3)
//   click [left|right|middle] | double-click | mouse-down | mouse-up
//   click-person P | click-ui NAME | drag-to-person P [DX DY] | drag-by DX DY | drag-to X Y
//   key SPEC (e.g. ctrl+z, ctrl+shift+z, f11, escape, enter, delete, f) | type TEXT
//   wheel N | wait N | hold shift|ctrl|none (modifier kept down over the next steps)
//   assert-persons N | assert-relations N | assert-selected P|none | assert-name P TEXT
//   assert-relation KIND A B | assert-drawn TEXT | assert-not-drawn TEXT | assert-dirty yes|no
//   assert-centred P (near the middle of a view) | assert-in-view P (anywhere in a view) | assert-under-mouse P | assert-multi N (persons box-selected)
//   assert-mode genogram|network|both | assert-together yes|no
//   assert-ui NAME | assert-no-ui NAME (a named widget was / was not drawn in the last frame)
//   assert-status TEXT (the status bar's message contains TEXT)
//   save FILE | dump-case FILE | dump-drawn FILE | screenshot FILE | echo TEXT | quit
// Persons are given by id (p3). Failed assertions are reported on stderr as
// "FILE:LINE: ..." and make the app exit with status 1 at the end.
#pragma once

#include "app_state.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kring::app {

struct ScriptStep {
    std::string op;
    std::vector<std::string> args;
    std::string rest;  // everything after the op (for type / echo / assert-name)
    int line = 0;
};

struct ScriptRunner {
    std::string file;
    std::vector<ScriptStep> steps;
    std::size_t pc = 0;
    int sub = 0;  // frame within a multi-frame step
    int warmup = 3;  // frames to render before the first step (views lay out and fit)
    ImVec2 mouse{-1, -1};
    bool down[3] = {false, false, false};
    std::vector<int> keys;  // keys held this frame
    bool ctrl = false, shift = false, alt = false;
    bool held_shift = false, held_ctrl = false;  // set by "hold"
    ImVec2 drag_from{0, 0}, drag_to{0, 0};
    int failures = 0;
    bool quit = false;
    std::string screenshot;  // set by a "screenshot" step: save after this frame

    [[nodiscard]] bool done() const { return quit || pc >= steps.size(); }
    // Applies this frame's input; runs checks and file steps. Call before ImGui::NewFrame.
    void before_frame(App& app, ImGuiIO& io);

private:
    void fail(const ScriptStep& s, const std::string& what);
    void next() {
        ++pc;
        sub = 0;
    }
};

// Reads a script; returns an error message ("FILE:LINE: ...") or "".
[[nodiscard]] std::string load_script(const std::filesystem::path& path, ScriptRunner& out);

// Writes the labels drawn in the last frame, one per line ("label\tTEXT"), the persons
// drawn ("person\tpN"), the named widgets ("widget\tNAME\tX0\tY0\tX1\tY1") and the UI
// scale ("scale\tS") — used by tests and scripts.
bool write_drawn(const App& app, const std::filesystem::path& path);

}  // namespace kring::app
