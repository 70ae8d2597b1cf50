// Command line of kring-app.
#pragma once

#include "app_state.hpp"

#include <optional>
#include <string>

namespace kring::app {

struct Options {
    std::string case_path;        // empty: the bundled demo case
    std::string screenshot;       // write the framebuffer as PNG after the last frame, then exit
    int frames = 5;               // frames to render before the screenshot
    std::optional<ViewMode> view;
    std::optional<Lang> lang;
    int width = 1400, height = 900;
    float scale = 0;              // UI scale; 0: the screen's content scale (or KRING_UI_SCALE)
    std::string script;           // replay scripted input, then exit
    std::string dump_drawn;       // write the labels drawn in the last frame
    bool together = false;        // start in "samen tekenen" mode
    bool no_recovery = false;     // do not offer to recover an autosaved case
    double autosave = 0;          // testing: autosave every N seconds, also in scripted runs (0: every minute, not in scripted runs)
    bool help = false;
    bool version = false;

    // Runs headless-style (a fixed number of frames or a script) and exits by itself.
    [[nodiscard]] bool batch() const { return !screenshot.empty() || !script.empty() || !dump_drawn.empty(); }
};

// Parses argv; returns an error message for bad input (the caller prints usage).
[[nodiscard]] std::string parse_options(int argc, char** argv, Options& out);
[[nodiscard]] const char* usage();
// A UI scale such as "1.5" (0.5 to 4); false when it is not one.
[[nodiscard]] bool parse_scale(const std::string& s, float& out);

}  // namespace kring::app
