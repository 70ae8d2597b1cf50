// Hand-made drawings for the print tests, and small helpers to inspect the output.
#pragma once

#include "print/print.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kring::test {

// A little family: father (deceased, square), mother (circle), index child (square),
// a diamond, a pregnancy triangle; a dashed partner line, a zigzag (conflict) polyline,
// a descent line with an arrow, and labels with non-ASCII names.
inline LayoutResult sample_drawing() {
    LayoutResult r;
    auto sym = [&](std::uint32_t id, Shape shape, double x, double y) -> Symbol& {
        Symbol s;
        s.person = PersonId(id);
        s.shape = shape;
        s.center = {x, y};
        r.symbols.push_back(s);
        return r.symbols.back();
    };
    sym(1, Shape::Square, 100, 100).deceased = true;
    sym(2, Shape::Circle, 300, 100).fill = 0xFCE4ECFF;
    Symbol& child = sym(3, Shape::Square, 150, 250);
    child.index_person = true;
    child.risk = true;
    sym(4, Shape::Diamond, 250, 250);
    Symbol& preg = sym(5, Shape::Triangle, 350, 250);
    preg.w = 30;
    preg.h = 30;
    Symbol& miscarriage = sym(6, Shape::SmallCircle, 400, 200);
    miscarriage.w = miscarriage.h = 12;
    miscarriage.filled = true;
    Symbol& abortion = sym(7, Shape::Cross, 430, 200);
    abortion.w = abortion.h = 12;

    Line partner;  // dashed: e.g. living together
    partner.points = {{120, 100}, {280, 100}};
    partner.style = LineStyle::Dashed;
    partner.role = Line::Role::Family;
    partner.relation = RelationId(1);
    r.lines.push_back(partner);

    Line descent;
    descent.points = {{200, 100}, {200, 175}, {150, 175}, {150, 228}};
    descent.role = Line::Role::Descent;
    descent.arrow_end = true;
    r.lines.push_back(descent);

    Line conflict;  // zigzag between the two children
    conflict.role = Line::Role::Emotional;
    conflict.color = 0xD32F2FFF;
    for (int i = 0; i <= 8; ++i)
        conflict.points.push_back({172.0 + i * 7.0, 250.0 + (i % 2 ? -6.0 : 6.0)});
    r.lines.push_back(conflict);

    Line note;  // a professional-only marker
    note.points = {{60, 300}, {400, 300}};
    note.style = LineStyle::Dotted;
    note.professional_only = true;
    r.lines.push_back(note);

    auto label = [&](std::string text, double x, double y, Align a = Align::Center) -> Label& {
        Label l;
        l.text = std::move(text);
        l.pos = {x, y};
        l.align = a;
        r.labels.push_back(l);
        return r.labels.back();
    };
    label("Mehmet Özdemir", 100, 135);
    label("Lan Nguyễn", 300, 135);
    label("Ayşe Şahin", 150, 285).bold = true;
    label("Straße 5 \\N & \"x\"", 250, 285);
    label("1982", 82, 70, Align::Right);
    label("zorgen over school", 370, 250, Align::Left).professional_only = true;
    r.compute_bounds(20);
    r.legend = {"male", "female", "deceased"};
    return r;
}

inline LayoutResult sample_legend() {
    LayoutResult r;
    Symbol m;
    m.shape = Shape::Square;
    m.center = {10, 10};
    m.w = m.h = 16;
    r.symbols.push_back(m);
    Symbol f = m;
    f.shape = Shape::Circle;
    f.center = {10, 34};
    r.symbols.push_back(f);
    Line l;
    l.points = {{2, 58}, {18, 58}};
    l.style = LineStyle::Dashed;
    r.lines.push_back(l);
    for (auto [text, y] : {std::pair{"man", 10.0}, {"vrouw", 34.0}, {"samenwonend", 58.0}}) {
        Label lb;
        lb.text = text;
        lb.pos = {26, y};
        lb.align = Align::Left;
        lb.size = 9;
        r.labels.push_back(lb);
    }
    r.compute_bounds(2);
    return r;
}

inline PrintOptions options(OutputFormat f, PaperSize p = PaperSize::A4, Orientation o = Orientation::Landscape) {
    PrintOptions opt;
    opt.format = f;
    opt.paper = p;
    opt.orientation = o;
    opt.case_name = "Familie Özdemir";
    opt.view_title = "Genogram";
    opt.date = PartialDate{2026, 11, 23, false};
    return opt;
}

// Counts non-overlapping occurrences of `needle`.
inline std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// Decodes the XML character references Graphviz writes (&#45; for '-', &amp; ...).
inline std::string xml_unescape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        const std::string ent = s.substr(i + 1, semi - i - 1);
        if (ent == "amp") out += '&';
        else if (ent == "lt") out += '<';
        else if (ent == "gt") out += '>';
        else if (ent == "quot") out += '"';
        else if (ent == "apos") out += '\'';
        else if (ent.size() > 1 && ent[0] == '#' && ent[1] != 'x') {
            const long cp = std::strtol(ent.c_str() + 1, nullptr, 10);
            if (cp > 0 && cp < 0x80) out += static_cast<char>(cp);
            else out += "?";  // not needed by these tests
        } else {
            out += s.substr(i, semi - i + 1);
        }
        i = semi;
    }
    return out;
}

// A fresh temporary directory, removed at scope exit.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "kring-print-XXXXXX").string();
        if (char* p = mkdtemp(tmpl.data())) path = p;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path.empty()) std::filesystem::remove_all(path, ec);
    }
    [[nodiscard]] std::filesystem::path file(const std::string& name) const { return path / name; }
};

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs a shell command and returns its standard output ("" on failure).
inline std::string run(const std::string& cmd) {
    std::string out;
    if (FILE* f = popen(cmd.c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        pclose(f);
    }
    return out;
}

}  // namespace kring::test
