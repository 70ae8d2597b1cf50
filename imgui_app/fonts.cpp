#include "fonts.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace kring::app {

namespace {

const ImWchar* glyph_ranges(ImGuiIO& io) {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        b.AddRanges(io.Fonts->GetGlyphRangesVietnamese());  // Basic Latin + Vietnamese
        static const ImWchar extra[] = {
            0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
            0x0100, 0x024F,  // Latin Extended-A and -B
            0x0300, 0x036F,  // combining diacritics (decomposed input)
            0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
            0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
            0x2030, 0x203A,
            0x20AC, 0x20AC,  // euro
            0x2190, 0x2199,  // arrows
            0x21B6, 0x21B7,  // undo / redo arrows
            0x2212, 0x2212,  // minus
            0x25B2, 0x25C0,  // small triangles
            0x2640, 0x2642,  // sex signs
            0x2708, 0x2708,  // aeroplane: network abroad
            0x2713, 0x2717,  // check marks
            0,
        };
        b.AddRanges(extra);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

std::filesystem::path font_dir() {
    if (const char* d = std::getenv("KRING_FONT_DIR"); d && *d) return d;
    return "/usr/share/fonts/truetype/dejavu";
}

ImFont* add(ImGuiIO& io, const std::filesystem::path& file, float size) {
    ImFontConfig cfg;
    // Small text gets horizontal oversampling for crispness; large text does not need it
    // (and would make the atlas needlessly big).
    cfg.OversampleH = size <= 20 ? 2 : 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = size <= 20;
    return io.Fonts->AddFontFromFileTTF(file.c_str(), size, &cfg, glyph_ranges(io));
}

}  // namespace

ImFont* FontSet::pick(float px, bool want_bold) const {
    const auto& list = want_bold && !bold.empty() ? bold : regular;
    if (list.empty()) return ImGui::GetFont();
    for (ImFont* f : list)
        if (f->FontSize >= px * 0.9f) return f;
    return list.back();
}

FontSet load_fonts(ImGuiIO& io, float ui_size, float canvas_scale) {
    FontSet fs;
    const auto dir = font_dir();
    const auto regular = dir / "DejaVuSans.ttf";
    const auto bold = dir / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(regular, ec)) {
        fs.error = "font not found: " + regular.string() +
                   " (install fonts-dejavu-core); names with letters such as \xC5\x9E, \xC4\x9E or \xE1\xBB\x85 may not show";
        ImFont* def = io.Fonts->AddFontDefault();
        fs.ui = fs.ui_bold = fs.ui_big = fs.ui_small = def;
        fs.regular = {def};
        return fs;
    }
    const bool have_bold = std::filesystem::is_regular_file(bold, ec);
    const auto& bold_file = have_bold ? bold : regular;

    fs.ui = add(io, regular, ui_size);  // first font = ImGui's default font
    fs.ui_small = add(io, regular, ui_size * 0.85f);
    fs.ui_bold = add(io, bold_file, ui_size);
    fs.ui_big = add(io, regular, ui_size * 1.5f);
    for (float s : {13.0f, 20.0f, 32.0f, 48.0f}) fs.regular.push_back(add(io, regular, std::round(s * canvas_scale)));
    for (float s : {13.0f, 20.0f, 32.0f, 48.0f}) fs.bold.push_back(add(io, bold_file, std::round(s * canvas_scale)));
    for (ImFont* f : {fs.ui, fs.ui_small, fs.ui_bold, fs.ui_big})
        if (!f) fs.error = "could not read font " + regular.string();
    if (!fs.error.empty()) {
        io.Fonts->Clear();
        ImFont* def = io.Fonts->AddFontDefault();
        FontSet fallback;
        fallback.error = fs.error;
        fallback.ui = fallback.ui_bold = fallback.ui_big = fallback.ui_small = def;
        fallback.regular = {def};
        return fallback;
    }
    return fs;
}

}  // namespace kring::app
