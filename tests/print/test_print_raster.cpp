// Printed output as PDF and PNG, checked with poppler's pdfinfo / pdftoppm.
#include "print_fixtures.hpp"

#include "core/generate.hpp"
#include "layouts/genogram.hpp"
#include "layouts/legend.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace kring;
using namespace kring::test;

namespace {

struct PageSize {
    double w = 0, h = 0;
};

PageSize pdf_page_size(const std::filesystem::path& pdf) {
    const std::string info = run("pdfinfo '" + pdf.string() + "' 2>/dev/null");
    PageSize s;
    const auto p = info.find("Page size:");
    if (p != std::string::npos) std::sscanf(info.c_str() + p, "Page size: %lf x %lf", &s.w, &s.h);
    return s;
}

// Dark pixels of a binary PGM (P5) written by `pdftoppm -gray`; -1 if unreadable.
long dark_pixels(const std::filesystem::path& pgm) {
    const std::string data = read_file(pgm);
    int w = 0, h = 0, maxval = 0, consumed = 0;
    if (std::sscanf(data.c_str(), "P5 %d %d %d%n", &w, &h, &maxval, &consumed) != 3) return -1;
    const std::size_t start = static_cast<std::size_t>(consumed) + 1;  // one whitespace byte
    if (maxval != 255 || data.size() < start + static_cast<std::size_t>(w) * h) return -1;
    long dark = 0;
    for (std::size_t i = start; i < start + static_cast<std::size_t>(w) * h; ++i)
        if (static_cast<unsigned char>(data[i]) < 128) ++dark;
    return dark;
}

bool has_pdftools() { return !run("command -v pdfinfo && command -v pdftoppm").empty(); }

}  // namespace

TEST_CASE("PDF: exact paper sizes and a visible drawing") {
    REQUIRE_MESSAGE(has_pdftools(), "pdfinfo/pdftoppm (poppler-utils) are needed for this test");
    TempDir dir;
    struct Case {
        PaperSize paper;
        Orientation orientation;
        double w, h;
        const char* name;
    };
    for (const Case& c : {Case{PaperSize::A4, Orientation::Portrait, 595, 842, "a4p"},
                          Case{PaperSize::A3, Orientation::Landscape, 1191, 842, "a3l"},
                          Case{PaperSize::A4, Orientation::Landscape, 842, 595, "a4l"}}) {
        CAPTURE(c.name);
        const PrintResult r = render_document(sample_drawing(), sample_legend(), options(OutputFormat::Pdf, c.paper, c.orientation));
        REQUIRE_MESSAGE(r.ok(), r.error);
        REQUIRE(r.bytes.rfind("%PDF", 0) == 0);
        const auto pdf = dir.file(std::string(c.name) + ".pdf");
        write_file(pdf, r.bytes);
        const PageSize s = pdf_page_size(pdf);
        CHECK(s.w == doctest::Approx(c.w).epsilon(0.004));  // within ~2 pt
        CHECK(s.h == doctest::Approx(c.h).epsilon(0.004));
        CHECK(run("pdfinfo '" + pdf.string() + "' | grep '^Pages:'").find("1") != std::string::npos);
    }

    // Rasterise A4 portrait and look for ink.
    const auto pdf = dir.file("a4p.pdf");
    run("pdftoppm -gray -r 50 -singlefile '" + pdf.string() + "' '" + dir.file("page").string() + "' 2>/dev/null");
    const long dark = dark_pixels(dir.file("page.pgm"));
    CHECK(dark > 200);
}

TEST_CASE("PDF: fonts are embedded DejaVu Sans and the UTF-8 names survive") {
    REQUIRE(has_pdftools());
    TempDir dir;
    const PrintResult r = render_document(sample_drawing(), sample_legend(), options(OutputFormat::Pdf));
    REQUIRE_MESSAGE(r.ok(), r.error);
    const auto pdf = dir.file("doc.pdf");
    write_file(pdf, r.bytes);
    const std::string fonts = run("pdffonts '" + pdf.string() + "' 2>/dev/null");
    CHECK(fonts.find("DejaVuSans") != std::string::npos);
    CHECK(fonts.find("DejaVuSans-Bold") != std::string::npos);
    const std::string text = run("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
    CHECK(text.find("Özdemir") != std::string::npos);
    CHECK(text.find("Nguyễn") != std::string::npos);
    CHECK(text.find("Şahin") != std::string::npos);
    CHECK(text.find("vertrouwelijk") != std::string::npos);
}

TEST_CASE("PDF: an empty drawing still renders a page with the title block") {
    REQUIRE(has_pdftools());
    TempDir dir;
    const PrintResult r = render_document(LayoutResult{}, LayoutResult{}, options(OutputFormat::Pdf, PaperSize::A4, Orientation::Portrait));
    REQUIRE_MESSAGE(r.ok(), r.error);
    const auto pdf = dir.file("empty.pdf");
    write_file(pdf, r.bytes);
    CHECK(pdf_page_size(pdf).w == doctest::Approx(595).epsilon(0.004));
    const std::string text = run("pdftotext '" + pdf.string() + "' - 2>/dev/null");
    CHECK(text.find("Familie Özdemir") != std::string::npos);
    CHECK(text.find("vertrouwelijk") != std::string::npos);
}

TEST_CASE("PNG: signature and size follow the paper and dpi") {
    PrintOptions opt = options(OutputFormat::Png, PaperSize::A4, Orientation::Portrait);
    opt.png_dpi = 72;
    const PrintResult r = render_document(sample_drawing(), sample_legend(), opt);
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.bytes.size() > 24);
    CHECK(r.bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    // IHDR: width and height, big-endian, at bytes 16..23.
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(r.bytes[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(r.bytes[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(r.bytes[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(r.bytes[at + 3]));
    };
    CHECK(be32(16) == doctest::Approx(595).epsilon(0.01));
    CHECK(be32(20) == doctest::Approx(842).epsilon(0.01));
}

TEST_CASE("PDF: a genogram too big for the paper at the minimum text size is split over sheets of it") {
    REQUIRE(has_pdftools());
    TempDir dir;
    GenerateOptions go;
    go.persons = 200;
    const Case c = generate_family(go);
    const LayoutResult r = layout_genogram(c);
    double smallest = 1e9;
    for (const Label& l : r.labels) smallest = std::min(smallest, l.size);
    PrintOptions po = options(OutputFormat::Pdf, PaperSize::A4, Orientation::Landscape);
    po.lang = Lang::En;
    po.case_name = "Family Test";
    po.view_title = "Genogram";
    po.min_text_pt = 6;
    const PrintResult res = render_document(r, layout_legend(r.legend, Lang::En), po);
    REQUIRE_MESSAGE(res.ok(), res.error);
    CHECK(res.scale * smallest >= 6 - 1e-6);  // text on the sheets at 6 pt or more
    REQUIRE(res.warnings.size() == 1);
    CHECK(res.warnings[0].find("split over") != std::string::npos);
    const auto pdf = dir.file("poster.pdf");
    write_file(pdf, res.bytes);
    int pages = 0;
    std::sscanf(run("pdfinfo '" + pdf.string() + "' | grep '^Pages:'").c_str(), "Pages: %d", &pages);
    CHECK(pages >= 3);  // the overview and at least two sheets
    // Every page is a sheet of the chosen paper.
    const std::string sizes = run("pdfinfo -f 1 -l " + std::to_string(pages) + " '" + pdf.string() + "'");
    int a4 = 0;
    for (std::size_t p = sizes.find("size:"); p != std::string::npos; p = sizes.find("size:", p + 1)) {
        double w = 0, h = 0;
        std::sscanf(sizes.c_str() + p, "size: %lf x %lf", &w, &h);
        a4 += std::abs(w - 842) < 2 && std::abs(h - 595) < 2;
    }
    CHECK(a4 == pages);
    // Page 1 is the overview; the others say which sheet they are and carry ink.
    CHECK(run("pdftotext -f 1 -l 1 '" + pdf.string() + "' -").find("overview") != std::string::npos);
    const std::string second = run("pdftotext -f 2 -l 2 '" + pdf.string() + "' -");
    CHECK(second.find("sheet 1 of " + std::to_string(pages - 1) + ", row 1, column 1") != std::string::npos);
    CHECK(second.find("Family Test") != std::string::npos);
    CHECK(second.find("confidential") != std::string::npos);
    run("pdftoppm -gray -r 30 -f 2 -l 2 -singlefile '" + pdf.string() + "' '" + dir.file("sheet").string() + "' 2>/dev/null");
    CHECK(dark_pixels(dir.file("sheet.pgm")) > 500);

    // Asked for one page: one larger page, as before.
    po.split_pages = false;
    const PrintResult one = render_document(r, layout_legend(r.legend, Lang::En), po);
    REQUIRE(one.ok());
    write_file(dir.file("one.pdf"), one.bytes);
    CHECK(run("pdfinfo '" + dir.file("one.pdf").string() + "' | grep '^Pages:'").find(" 1") != std::string::npos);
    CHECK(pdf_page_size(dir.file("one.pdf")).w > 2000);
}
