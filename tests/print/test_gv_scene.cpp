// The Graphviz wrapper under the printer: label escaping, colours, message capture.
#include "print/gv_scene.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kring;
using namespace kring::print_detail;

TEST_CASE("labels are escaped for Graphviz") {
    CHECK(gv_escape_label("Özdemir", Align::Center) == "Özdemir");
    CHECK(gv_escape_label("a\\b", Align::Center) == "a\\\\b");          // \ stays literal
    CHECK(gv_escape_label("\\N \\G", Align::Center) == "\\\\N \\\\G");  // no name substitution
    CHECK(gv_escape_label("Tom &amp; Jerry", Align::Center) == "Tom &amp;amp; Jerry");
    CHECK(gv_escape_label("\"quoted\"", Align::Center) == "\"quoted\"");
    CHECK(gv_escape_label("two\nlines", Align::Center) == "two\\nlines");
    CHECK(gv_escape_label("two\nlines", Align::Left) == "two\\llines\\l");
    CHECK(gv_escape_label("right", Align::Right) == "right\\r");
    CHECK(gv_escape_label("tab\there\r", Align::Center) == "tabhere");
    CHECK(gv_escape_label("bad\xFFx", Align::Center) == "bad\xEF\xBF\xBDx");
    CHECK(gv_escape_label("\xC0\xAF", Align::Center) == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(gv_escape_label("cut \xE1\xBB", Align::Center) == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(gv_escape_label("Nguyễn 😀", Align::Center) == "Nguyễn 😀");
}

TEST_CASE("colours are #RRGGBBAA") {
    CHECK(gv_color(0x000000FF) == "#000000ff");
    CHECK(gv_color(0xD32F2F80) == "#d32f2f80");
    CHECK(gv_color(0xFFFFFF00) == "#ffffff00");
}

TEST_CASE("Graphviz messages are captured, not printed") {
    RenderOutput out;
    {
        GvScene scene(200, 100);
        NodeSpec n;
        n.shape = "no-such-shape";
        n.center = {50, 50};
        n.w = n.h = 20;
        scene.add_node(n);
        out = scene.render("svg", 72);
    }
    REQUIRE_MESSAGE(out.error.empty(), out.error);
    CHECK(out.bytes.find("</svg>") != std::string::npos);
    CHECK(std::any_of(out.warnings.begin(), out.warnings.end(),
                      [](const std::string& w) { return w.find("no-such-shape") != std::string::npos; }));
}

TEST_CASE("unknown formats are reported by name") {
    GvScene scene(100, 100);
    const RenderOutput out = scene.render("bmp", 72);
    CHECK(out.bytes.empty());
    CHECK(out.error.find("bmp") != std::string::npos);
}

TEST_CASE("a page of exactly the requested size, even with text sticking out") {
    GvScene scene(300, 200);
    TextSpec t;
    t.text = "a long label that runs off the right edge of this small page";
    t.pos = {250, 100};
    t.align = Align::Left;
    scene.add_text(t);
    const RenderOutput out = scene.render("svg", 72);
    REQUIRE_MESSAGE(out.error.empty(), out.error);
    CHECK(out.bytes.find("width=\"300pt\" height=\"200pt\"") != std::string::npos);
}
