// Screenshots of the demo case in each view: the canvas is really drawn (ink in the
// canvas area, the expected number of persons drawn), in Dutch and English, and in
// "samen tekenen" mode.
#include "gui_helpers.hpp"

#include <array>

namespace {

using namespace kring::gui_test;

constexpr int kW = 1400, kH = 900;
// Canvas area in the default window: below the toolbar (48 px), above the status bar
// (28 px), left of the inspector (330 px).
constexpr int kCanvasX0 = 0, kCanvasY0 = 60, kCanvasX1 = kW - 340, kCanvasY1 = kH - 40;

struct Shot {
    Image img;
    RunResult run;
};

Shot shoot(const TempDir& dir, const std::string& name, std::vector<std::string> extra) {
    const fs::path png = dir / (name + ".png");
    std::vector<std::string> args{demo_case().string(), "--screenshot", png.string(), "--size",
                                  std::to_string(kW) + "x" + std::to_string(kH)};
    args.insert(args.end(), extra.begin(), extra.end());
    Shot s;
    s.run = run_app(args, dir);
    INFO("stderr: " << s.run.err);
    REQUIRE(s.run.status == 0);
    s.img = load_png(png);
    REQUIRE(s.img.w == kW);
    REQUIRE(s.img.h == kH);
    return s;
}

// Counts ink (dark pixels) in the left and right halves of a rectangle.
std::pair<int, int> ink_halves(const Image& img, int x0, int y0, int x1, int y1) {
    const int mid = (x0 + x1) / 2;
    return {dark_pixels(img, x0, y0, mid, y1), dark_pixels(img, mid, y0, x1, y1)};
}

}  // namespace

TEST_CASE("gui screenshot: genogram of the demo case") {
    if (!have_display()) return;
    TempDir dir;
    const Shot s = shoot(dir, "genogram", {"--view", "genogram"});
    CHECK_FALSE(uniform(s.img));
    // Symbols, lines and names: thousands of dark pixels in the canvas.
    CHECK(dark_pixels(s.img, kCanvasX0, kCanvasY0, kCanvasX1, kCanvasY1) > 5000);
    // All 17 persons and the miscarriage are in the genogram; 11 symbols stand for
    // persons of the family drawn (the network-only contacts are not in the genogram).
    CHECK(stdout_number(s.run.out, "persons-drawn-genogram") >= 11);
    CHECK(stdout_number(s.run.out, "persons-drawn-network") == 0);
}

TEST_CASE("gui screenshot: network map of the demo case") {
    if (!have_display()) return;
    TempDir dir;
    const Shot s = shoot(dir, "network", {"--view", "network"});
    CHECK(dark_pixels(s.img, kCanvasX0, kCanvasY0, kCanvasX1, kCanvasY1) > 3000);
    // Every living person of the demo case: 16 symbols (the focus and 15 others).
    CHECK(stdout_number(s.run.out, "persons-drawn-network") == 16);
    // The analysis is shown next to the map (inspector side): text there too.
    CHECK(dark_pixels(s.img, kW - 330, 440, kW, kH - 40) > 500);
}

TEST_CASE("gui screenshot: both views side by side share the window") {
    if (!have_display()) return;
    TempDir dir;
    const Shot s = shoot(dir, "both", {"--view", "both"});
    const auto [left, right] = ink_halves(s.img, kCanvasX0, kCanvasY0, kCanvasX1, kCanvasY1);
    CHECK(left > 2000);   // genogram
    CHECK(right > 1500);  // network map
    CHECK(stdout_number(s.run.out, "persons-drawn-genogram") >= 11);
    CHECK(stdout_number(s.run.out, "persons-drawn-network") == 16);
}

TEST_CASE("gui screenshot: English and samen tekenen") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path drawn = dir / "drawn.txt";
    const Shot en = shoot(dir, "english", {"--view", "network", "--lang", "en", "--dump-drawn", drawn.string()});
    const std::string labels = read_file(drawn);
    CHECK(labels.find("label\tProfessionals") != std::string::npos);
    CHECK(labels.find("Hulpverlening") == std::string::npos);
    CHECK(dark_pixels(en.img, kCanvasX0, kCanvasY0, kCanvasX1, kCanvasY1) > 3000);

    // "Samen tekenen": no side panel, so the canvas spans the window; risk text is gone.
    const Shot tog = shoot(dir, "together", {"--view", "network", "--together", "--dump-drawn", drawn.string()});
    const std::string shown = read_file(drawn);
    CHECK(shown.find("gebruikt drugs") == std::string::npos);
    CHECK(shown.find("Dennis") != std::string::npos);
    CHECK(stdout_number(tog.run.out, "persons-drawn-network") == 16);
    const auto [left, right] = ink_halves(tog.img, 0, 90, kW, kH - 10);
    CHECK(left + right > 3000);
}

TEST_CASE("gui screenshot: Unicode names are drawn with the DejaVu font") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path drawn = dir / "drawn.txt";
    const Shot s = shoot(dir, "unicode", {"--view", "both", "--dump-drawn", drawn.string()});
    const std::string labels = read_file(drawn);
    CHECK(labels.find("Özdemir") != std::string::npos);
    CHECK(labels.find("Esra") != std::string::npos);
    CHECK(s.run.err.find("font not found") == std::string::npos);
}

TEST_CASE("gui: a missing case file opens an empty case with a clear message") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path png = dir / "missing.png";
    const RunResult r = run_app({(dir / "nope.kring").string(), "--screenshot", png.string()}, dir);
    CHECK(r.status == 0);
    CHECK(r.err.find("nope.kring") != std::string::npos);
    CHECK(fs::exists(png));
}

namespace {

// The rectangle of a named widget in a --dump-drawn file: {x0, y0, x1, y1}.
std::array<float, 4> widget_rect(const std::string& drawn, const std::string& name) {
    std::istringstream in(drawn);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("widget\t" + name + "\t", 0) != 0) continue;
        std::istringstream f(line.substr(8 + name.size()));
        std::array<float, 4> r{};
        f >> r[0] >> r[1] >> r[2] >> r[3];
        return r;
    }
    return {0, 0, 0, 0};
}

}  // namespace

TEST_CASE("gui screenshot: on a high-DPI screen (scale 2) text, buttons and panels are twice as large") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path one = dir / "one.txt", two = dir / "two.txt";
    const Shot normal = shoot(dir, "scale1", {"--view", "network", "--dump-drawn", one.string()});
    const fs::path png = dir / "scale2.png";
    // (the same window size: Xvfb's screen in CI is not larger than 1600x1000)
    const RunResult r = run_app({demo_case().string(), "--view", "network", "--size", "1400x900", "--scale", "2",
                                 "--screenshot", png.string(), "--dump-drawn", two.string()},
                                dir);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    const std::string a = read_file(one), b = read_file(two);
    CHECK(a.find("scale\t1.0") != std::string::npos);
    CHECK(b.find("scale\t2.0") != std::string::npos);
    // The "fit" button: twice as high and wide (font and padding scaled together).
    const auto f1 = widget_rect(a, "fit"), f2 = widget_rect(b, "fit");
    REQUIRE(f1[3] - f1[1] > 10);
    CHECK((f2[3] - f2[1]) / (f1[3] - f1[1]) == doctest::Approx(2.0).epsilon(0.12));
    CHECK((f2[2] - f2[0]) / (f1[2] - f1[0]) == doctest::Approx(2.0).epsilon(0.12));
    // The side panel is twice as wide; the map still shows every person.
    CHECK(stdout_number(r.out, "persons-drawn-network") == stdout_number(normal.run.out, "persons-drawn-network"));
    const Image big = load_png(png);
    REQUIRE(big.w == 1400);
    CHECK(dark_pixels(big, 0, 120, 1400 - 680, 900 - 70) > 2000);
    // A bad scale is refused with a message, not ignored.
    const RunResult bad = run_app({demo_case().string(), "--scale", "9", "--screenshot", png.string()}, dir);
    CHECK(bad.status != 0);
    CHECK(bad.err.find("--scale") != std::string::npos);
}
