// Printed output as SVG: structure, persons, text, options.
#include "print_fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <regex>

using namespace kring;
using namespace kring::test;

namespace {

// The ids of all `<g ... class="node person">` elements, in document order.
std::vector<std::string> person_ids(const std::string& svg) {
    std::vector<std::string> ids;
    static const std::regex g(R"re(<g id="([^"]*)" class="node person">)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), g); it != std::sregex_iterator(); ++it)
        ids.push_back((*it)[1]);
    return ids;
}

std::string trimmed_end(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("parse print options") {
    CHECK(parse_format("pdf") == OutputFormat::Pdf);
    CHECK(parse_format("SVG") == OutputFormat::Svg);
    CHECK(parse_format("png") == OutputFormat::Png);
    CHECK_FALSE(parse_format("jpg"));
    CHECK_FALSE(parse_format(""));
    CHECK(parse_paper("a4") == PaperSize::A4);
    CHECK(parse_paper("A3") == PaperSize::A3);
    CHECK_FALSE(parse_paper("letter"));
    CHECK(parse_orientation("portrait") == Orientation::Portrait);
    CHECK(parse_orientation("Landscape") == Orientation::Landscape);
    CHECK_FALSE(parse_orientation("sideways"));
    CHECK(format_name(OutputFormat::Png) == "png");
}

TEST_CASE("paper sizes and title-block dates") {
    const auto a4 = paper_points(PaperSize::A4, Orientation::Portrait);
    CHECK(a4.w == doctest::Approx(595.28).epsilon(0.001));
    CHECK(a4.h == doctest::Approx(841.89).epsilon(0.001));
    const auto a3 = paper_points(PaperSize::A3, Orientation::Landscape);
    CHECK(a3.w == doctest::Approx(1190.55).epsilon(0.001));
    CHECK(a3.h == doctest::Approx(841.89).epsilon(0.001));

    CHECK(format_print_date(PartialDate{2026, 11, 23, false}, Lang::Nl) == "23-11-2026");
    CHECK(format_print_date(PartialDate{2026, 11, 23, false}, Lang::En) == "2026-11-23");
    CHECK(format_print_date(PartialDate{2026, 3, 0, false}, Lang::Nl) == "03-2026");
    CHECK(format_print_date(PartialDate{1958, 0, 0, true}, Lang::En) == "~1958");
    CHECK(format_print_date(PartialDate{}, Lang::Nl).empty());
}

TEST_CASE("SVG: one person node per symbol, UTF-8 text, title block") {
    const LayoutResult drawing = sample_drawing();
    const PrintResult r = render_document(drawing, sample_legend(), options(OutputFormat::Svg));
    REQUIRE_MESSAGE(r.ok(), r.error);
    const std::string& svg = r.bytes;
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(trimmed_end(svg).ends_with("</svg>"));
    CHECK(count(svg, "<svg ") == 1);

    // Exactly one person element per Symbol, with the person's id; legend symbols are
    // not persons.
    const auto ids = person_ids(svg);
    REQUIRE(ids.size() == drawing.symbols.size());
    for (const Symbol& s : drawing.symbols) CHECK(std::count(ids.begin(), ids.end(), s.person.str()) == 1);
    CHECK(count(svg, "class=\"node legend_symbol\"") == 2);

    // Names come out as UTF-8 text, escaped for XML, backslashes literal.
    CHECK(svg.find(">Mehmet Özdemir<") != std::string::npos);
    CHECK(svg.find(">Lan Nguyễn<") != std::string::npos);
    CHECK(svg.find(">Ayşe Şahin<") != std::string::npos);
    CHECK(svg.find(">Straße 5 \\N &amp; &quot;x&quot;<") != std::string::npos);
    const std::string text = xml_unescape(svg);

    // Title block and legend.
    CHECK(svg.find("Familie Özdemir") != std::string::npos);
    CHECK(svg.find(">Genogram<") != std::string::npos);
    CHECK(text.find(">afgedrukt 23-11-2026<") != std::string::npos);
    CHECK(svg.find(">vertrouwelijk<") != std::string::npos);
    CHECK(svg.find(">Legenda<") != std::string::npos);
    CHECK(svg.find("font-weight=\"bold\"") != std::string::npos);

    // Page: A4 landscape.
    CHECK(svg.find("width=\"842pt\" height=\"595pt\"") != std::string::npos);
    // Lines: the dashed partner line, the arrow of the descent line, deceased cross.
    CHECK(svg.find("stroke-dasharray") != std::string::npos);
    CHECK(count(svg, "class=\"edge line deceased\"") == 4);  // the father's X and the abortion's
    CHECK(count(svg, "class=\"edge line descent\"") == 1);
    CHECK(count(svg, "class=\"node risk\"") == 2);  // badge + "!"
    CHECK(svg.find("zorgen over school") != std::string::npos);
    CHECK(r.scale == doctest::Approx(1.0));
    CHECK(r.warnings.empty());
}

TEST_CASE("SVG: positions are not mirrored and keep the drawing's proportions") {
    const PrintResult r = render_document(sample_drawing(), LayoutResult{}, options(OutputFormat::Svg));
    REQUIRE_MESSAGE(r.ok(), r.error);
    // The core SVG renderer writes polygon points in a y-up frame with negative y. The
    // father (p1, at y=100) must be above the child (p3, y=250) on paper, and left of
    // the mother (p2, x=300).
    // Boxes are <polygon points="x,y ...">; take the first corner.
    auto first_point = [&](const std::string& id) -> Point {
        const auto g = r.bytes.find("<g id=\"" + id + "\"");
        if (g == std::string::npos) return {-1, -1};
        static const std::regex num(R"re(points="([-0-9.]+),([-0-9.]+))re");
        std::smatch m;
        const std::string rest = r.bytes.substr(g, 600);
        if (!std::regex_search(rest, m, num)) return {-1, -1};
        return {std::stod(m[1]), std::stod(m[2])};
    };
    const Point father = first_point("p1");
    const Point child = first_point("p3");
    REQUIRE(father.x > 0);
    REQUIRE(child.x > 0);
    CHECK(father.y < child.y);  // more negative = higher on the page
    // 150 pt apart in the layout, drawn at scale 1.
    CHECK(child.y - father.y == doctest::Approx(150).epsilon(0.01));
    const std::size_t p2 = r.bytes.find("<g id=\"p2\"");
    REQUIRE(p2 != std::string::npos);
    static const std::regex cx(R"re(cx="([-0-9.]+)")re");
    std::smatch m;
    const std::string rest = r.bytes.substr(p2, 400);
    REQUIRE(std::regex_search(rest, m, cx));
    CHECK(father.x < std::stod(m[1]));
}

TEST_CASE("SVG: hide_professional drops professional-only content and risk badges") {
    PrintOptions opt = options(OutputFormat::Svg);
    opt.hide_professional = true;
    const PrintResult r = render_document(sample_drawing(), sample_legend(), opt);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.bytes.find("zorgen over school") == std::string::npos);
    CHECK(r.bytes.find("class=\"node risk\"") == std::string::npos);
    CHECK(r.bytes.find("stroke-dasharray=\"1,5\"") == std::string::npos);  // the dotted note line
    CHECK(person_ids(r.bytes).size() == sample_drawing().symbols.size());
}

TEST_CASE("SVG: English title block, no confidential mark when not asked") {
    PrintOptions opt = options(OutputFormat::Svg);
    opt.lang = Lang::En;
    opt.confidential = false;
    const PrintResult r = render_document(sample_drawing(), sample_legend(), opt);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(xml_unescape(r.bytes).find(">printed 2026-11-23<") != std::string::npos);
    CHECK(r.bytes.find(">Legend<") != std::string::npos);
    CHECK(r.bytes.find("confidential") == std::string::npos);
    CHECK(r.bytes.find("vertrouwelijk") == std::string::npos);
}

TEST_CASE("SVG: the title block tells the case's date (peildatum) from the day it is printed") {
    // The case's date is the day the drawing's ages are computed at; the title block said
    // "afgedrukt" (printed) with it, a date the document was not printed on.
    PrintOptions opt = options(OutputFormat::Svg);
    opt.date = PartialDate{2026, 12, 6, false};
    opt.as_of = PartialDate{2026, 11, 23, false};
    std::string text = xml_unescape(render_document(sample_drawing(), sample_legend(), opt).bytes);
    CHECK(text.find(">peildatum 23-11-2026<") != std::string::npos);
    CHECK(text.find(">afgedrukt 06-12-2026<") != std::string::npos);
    CHECK(text.find(">afgedrukt 23-11-2026<") == std::string::npos);
    opt.lang = Lang::En;
    text = xml_unescape(render_document(sample_drawing(), sample_legend(), opt).bytes);
    CHECK(text.find(">as of 2026-11-23<") != std::string::npos);
    CHECK(text.find(">printed 2026-12-06<") != std::string::npos);
    // Printed on the case's date, or a case without one: only the day printed.
    for (const PartialDate& as_of : {PartialDate{2026, 12, 6, false}, PartialDate{}}) {
        opt.as_of = as_of;
        text = xml_unescape(render_document(sample_drawing(), sample_legend(), opt).bytes);
        CHECK(text.find(">printed 2026-12-06<") != std::string::npos);
        CHECK(text.find("as of") == std::string::npos);
    }
}

TEST_CASE("SVG: an empty drawing still prints a page with the title block") {
    const PrintResult r = render_document(LayoutResult{}, LayoutResult{}, options(OutputFormat::Svg));
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(person_ids(r.bytes).empty());
    CHECK(r.bytes.find("Familie Özdemir") != std::string::npos);
    CHECK(r.bytes.find(">vertrouwelijk<") != std::string::npos);
    CHECK(trimmed_end(r.bytes).ends_with("</svg>"));

    PrintOptions no_name = options(OutputFormat::Svg);
    no_name.case_name.clear();
    no_name.view_title.clear();
    no_name.date = {};  // today
    const PrintResult t = render_document(LayoutResult{}, LayoutResult{}, no_name);
    REQUIRE_MESSAGE(t.ok(), t.error);
    CHECK(t.bytes.find(">vertrouwelijk<") != std::string::npos);
}

TEST_CASE("a large drawing is scaled down to fit, with a warning when text gets too small") {
    LayoutResult big = sample_drawing();
    // Shift a copy of everything far to the right: the drawing becomes ~6000 pt wide.
    const LayoutResult base = big;
    for (int k = 1; k <= 15; ++k) {
        for (Symbol s : base.symbols) {
            s.center.x += 400.0 * k;
            s.person = PersonId(s.person.value() + 10 * static_cast<std::uint32_t>(k));
            big.symbols.push_back(s);
        }
        for (Label l : base.labels) {
            l.pos.x += 400.0 * k;
            big.labels.push_back(l);
        }
    }
    big.compute_bounds(20);
    const PrintResult r = render_document(big, sample_legend(), options(OutputFormat::Svg, PaperSize::A3));
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.scale < 0.25);
    CHECK(person_ids(r.bytes).size() == big.symbols.size());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("6 pt") != std::string::npos);
}

TEST_CASE("degenerate input does not crash") {
    LayoutResult r;
    Line single;
    single.points = {{10, 10}};
    r.lines.push_back(single);
    Line same;
    same.points = {{10, 10}, {10, 10}, {10, 10}};
    same.arrow_end = true;
    r.lines.push_back(same);
    Line tiny;  // arrow longer than the line
    tiny.points = {{0, 0}, {2, 0}};
    tiny.arrow_end = tiny.arrow_start = true;
    r.lines.push_back(tiny);
    Symbol zero;
    zero.person = PersonId(7);
    zero.w = 0;
    r.symbols.push_back(zero);
    Symbol nan;
    nan.person = PersonId(8);
    nan.center = {std::nan(""), 5};
    r.symbols.push_back(nan);
    Label bad;
    bad.text = std::string("bad \xC3\x28 utf8 \xFF end");
    bad.pos = {5, 5};
    r.labels.push_back(bad);
    const PrintResult res = render_document(r, LayoutResult{}, options(OutputFormat::Svg));
    REQUIRE_MESSAGE(res.ok(), res.error);
    CHECK(res.bytes.find("bad \xEF\xBF\xBD( utf8 \xEF\xBF\xBD end") != std::string::npos);
}

TEST_CASE("a very long case name is shortened to fit the title block") {
    PrintOptions opt = options(OutputFormat::Svg, PaperSize::A4, Orientation::Portrait);
    opt.case_name = "Familie " + std::string(200, 'x') + " Özdemir";
    const PrintResult r = render_document(sample_drawing(), sample_legend(), opt);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.bytes.find("Familie xxxx") != std::string::npos);
    CHECK(r.bytes.find("xxx\u2026<") != std::string::npos);
    CHECK(r.bytes.find(std::string(200, 'x')) == std::string::npos);
}
