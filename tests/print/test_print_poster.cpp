// Large drawings with a minimum text size: the page grows instead of the text shrinking.
#include "core/generate.hpp"
#include "layouts/genogram.hpp"
#include "layouts/legend.hpp"
#include "print/print.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

using namespace kring;

TEST_CASE("print: a big genogram with a minimum text size becomes a poster, not illegible") {
    GenerateOptions go;
    go.persons = 200;
    Case c = generate_family(go);
    LayoutResult r = layout_genogram(c);
    PrintOptions po;
    po.format = OutputFormat::Svg;
    po.lang = Lang::En;
    po.min_text_pt = 6;
    PrintResult res = render_document(r, layout_legend(r.legend, Lang::En), po);
    REQUIRE(res.ok());
    // The smallest genogram text ends up at 6 pt or more on paper.
    double smallest = 1e9;
    for (const Label& l : r.labels) smallest = std::min(smallest, l.size);
    CHECK(res.scale * smallest >= 6 - 1e-6);
    REQUIRE(res.warnings.size() == 1);
    CHECK(res.warnings[0].find("poster") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(res.bytes, m, std::regex(R"(<svg width="(\d+)pt")")));
    CHECK(std::stod(m[1]) > 2000);  // far wider than A4
    // Trimmed to what it holds: a wide family on a page of its own shape, not a blank A-shape.
    REQUIRE(std::regex_search(res.bytes, m, std::regex(R"(<svg width="(\d+)pt" height="(\d+)pt")")));
    CHECK(std::stod(m[2]) < std::stod(m[1]) / 2);

    po.min_text_pt = 0;  // the default: one page, scaled down, with the small-text warning
    PrintResult small = render_document(r, layout_legend(r.legend, Lang::En), po);
    REQUIRE(small.ok());
    CHECK(small.scale * smallest < 6);
}
