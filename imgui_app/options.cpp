#include "options.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace kring::app {

namespace {

bool to_int(std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool parse_scale(const std::string& s, float& out) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !(v >= 0.5 && v <= 4.0)) return false;
    out = static_cast<float>(v);
    return true;
}

const char* usage() {
    return "usage: kring-app [CASE.kring] [options]\n"
           "  --view genogram|network|both   view to start with (default genogram)\n"
           "  --lang nl|en                   language (default nl)\n"
           "  --together                     start in \"samen tekenen\" mode\n"
           "  --size WxH                     window size in pixels (default 1400x900)\n"
           "  --scale F                      size of text and panels, e.g. 1.5 (default: the screen's\n"
           "                                 scale, or KRING_UI_SCALE)\n"
           "testing:\n"
           "  --screenshot FILE.png          render, save the window as PNG and exit\n"
           "  --frames N                     frames to render before the screenshot (default 5)\n"
           "  --script FILE                  replay scripted input (one step per frame), then exit\n"
           "  --dump-drawn FILE              write the labels drawn in the last frame, then exit\n"
           "  --no-recovery                  do not offer to recover an autosaved case\n"
           "  --autosave SECONDS             autosave this often, also in scripted runs (tests of recovery)\n";
}

std::string parse_options(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            o.help = true;
        } else if (a == "--version") {
            o.version = true;
        } else if (a == "--screenshot") {
            if (!value(o.screenshot)) return "--screenshot needs a file name";
        } else if (a == "--frames") {
            if (!value(v) || !to_int(v, o.frames) || o.frames < 1 || o.frames > 100000)
                return "--frames needs a number of frames (1 or more)";
        } else if (a == "--view") {
            if (!value(v)) return "--view needs genogram, network or both";
            if (v == "genogram") o.view = ViewMode::Genogram;
            else if (v == "network") o.view = ViewMode::Network;
            else if (v == "both") o.view = ViewMode::Both;
            else return "--view: unknown view '" + v + "' (use genogram, network or both)";
        } else if (a == "--lang") {
            if (!value(v) || (v != "nl" && v != "en")) return "--lang needs nl or en";
            o.lang = parse_lang(v);
        } else if (a == "--size") {
            if (!value(v)) return "--size needs WxH, e.g. 1400x900";
            const auto x = v.find('x');
            int w = 0, h = 0;
            if (x == std::string::npos || !to_int(std::string_view(v).substr(0, x), w) ||
                !to_int(std::string_view(v).substr(x + 1), h) || w < 320 || h < 240 || w > 8192 || h > 8192)
                return "--size: '" + v + "' is not a size such as 1400x900 (at least 320x240)";
            o.width = w;
            o.height = h;
        } else if (a == "--scale") {
            if (!value(v) || !parse_scale(v, o.scale)) return "--scale needs a number from 0.5 to 4, e.g. 1.5";
        } else if (a == "--script") {
            if (!value(o.script)) return "--script needs a file name";
        } else if (a == "--dump-drawn") {
            if (!value(o.dump_drawn)) return "--dump-drawn needs a file name";
        } else if (a == "--together") {
            o.together = true;
        } else if (a == "--autosave") {
            char* end = nullptr;
            if (!value(v)) return "--autosave needs a number of seconds";
            o.autosave = std::strtod(v.c_str(), &end);
            if (end != v.c_str() + v.size() || !(o.autosave >= 0.05 && o.autosave <= 3600))
                return "--autosave: '" + v + "' is not a number of seconds from 0.05 to 3600";
        } else if (a == "--no-recovery") {
            o.no_recovery = true;
        } else if (!a.empty() && a[0] == '-') {
            return "unknown option '" + a + "'";
        } else if (o.case_path.empty()) {
            o.case_path = a;
        } else {
            return "more than one case file given ('" + o.case_path + "' and '" + a + "')";
        }
    }
    return {};
}

}  // namespace kring::app
