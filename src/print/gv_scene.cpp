#include "print/gv_scene.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>

namespace kring::print_detail {

namespace {

// Graphviz keeps global state (error handler, plugin registry, statics in layouts):
// one render at a time.
std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

// Everything agerr() reports while a GvScene is alive goes here instead of stderr.
std::string* g_messages = nullptr;

int capture_message(char* msg) {
    if (g_messages && msg) g_messages->append(msg);
    return 0;
}

char* cs(const char* s) { return const_cast<char*>(s); }

// One Graphviz context for the whole process, created on first use (under the mutex) and
// never freed: Graphviz 2.42's pango plugin caches a font name across contexts, so
// freeing a context and creating another one reads freed memory (found with ASan).
GVC_t* graphviz_context() {
    static GVC_t* gvc = gvContext();
    return gvc;
}

// Locale-independent number for attribute values.
std::string num(double v) {
    if (!std::isfinite(v)) v = 0;
    if (std::fabs(v) < 5e-4) v = 0;  // no "-0.000"
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
    if (ec != std::errc()) return "0";
    std::string s(buf, end);
    // Trim trailing zeros: "12.500" -> "12.5", "3.000" -> "3".
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string style_name(LineStyle s) {
    switch (s) {
        case LineStyle::Dashed: return "dashed";
        case LineStyle::Dotted: return "dotted";
        case LineStyle::Solid: break;
    }
    return "solid";
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if invalid.
std::size_t utf8_len(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range code points are invalid.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return n;
}

}  // namespace

std::string gv_color(Color c) {
    static const char* hex = "0123456789abcdef";
    std::string s = "#";
    for (int shift = 28; shift >= 0; shift -= 4) s += hex[(c >> shift) & 0xF];
    return s;
}

std::string gv_escape_label(std::string_view utf8, Align align) {
    const char* eol = align == Align::Left ? "\\l" : align == Align::Right ? "\\r" : "\\n";
    std::string out;
    out.reserve(utf8.size() + 8);
    for (std::size_t i = 0; i < utf8.size();) {
        const char c = utf8[i];
        const std::size_t n = utf8_len(utf8, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD replacement character
            ++i;
            continue;
        }
        if (n > 1) {
            out.append(utf8.substr(i, n));
        } else if (c == '\\') {
            out += "\\\\";  // Graphviz escapes: \N, \G, \n, \l ... must stay literal
        } else if (c == '&') {
            out += "&amp;";  // Graphviz decodes HTML entities even in plain labels
        } else if (c == '\n') {
            out += eol;
        } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
            out += c;
        }  // other control characters (\r, \t, ...) are dropped
        i += n;
    }
    // Left/right justification applies to lines ended by \l or \r, so the last one too.
    if (align != Align::Center) out += eol;
    return out;
}

struct GvScene::Impl {
    std::unique_lock<std::mutex> lock{graphviz_mutex()};
    std::string messages;
    agusererrf previous_handler = nullptr;
    agerrlevel_t previous_level = AGWARN;
    Agraph_t* g = nullptr;
    double page_w = 0, page_h = 0;
    int counter = 0;

    Impl(double w, double h) : page_w(w), page_h(h) {
        g_messages = &messages;
        previous_handler = agseterrf(capture_message);
        previous_level = agseterr(AGWARN);
        agreseterrors();
        Agdesc_t desc = Agundirected;
        g = agopen(cs("kring"), desc, nullptr);
        declare();
        // The page: two invisible corner points fix the bounding box (nop2 ignores "bb").
        corner(0, 0);
        corner(page_w, page_h);
        // The page is exactly page_w x page_h even when a (never drawn) text box sticks out.
        agsafeset(g, cs("viewport"),
                  cs((num(page_w) + "," + num(page_h) + ",1," + num(page_w / 2) + "," + num(page_h / 2)).c_str()),
                  cs(""));
    }

    ~Impl() {
        if (g) agclose(g);
        agseterrf(previous_handler);
        agseterr(previous_level);
        g_messages = nullptr;
    }

    void declare() {
        const auto graph = [&](const char* n, const char* v) { agattr(g, AGRAPH, cs(n), cs(v)); };
        graph("bgcolor", "white");
        graph("splines", "true");
        graph("notranslate", "true");
        graph("pad", "0");
        graph("margin", "0");
        graph("charset", "UTF-8");
        graph("dpi", "72");
        // Empty default = Graphviz's own default for that shape/kind.
        for (const char* n : {"id", "class", "style", "peripheries", "margin", "fillcolor"})
            agattr(g, AGNODE, cs(n), cs(""));
        agattr(g, AGNODE, cs("label"), cs(""));  // never "\N"
        agattr(g, AGNODE, cs("shape"), cs("point"));
        agattr(g, AGNODE, cs("pos"), cs(""));
        agattr(g, AGNODE, cs("width"), cs("0"));
        agattr(g, AGNODE, cs("height"), cs("0"));
        agattr(g, AGNODE, cs("fixedsize"), cs("true"));
        agattr(g, AGNODE, cs("color"), cs("black"));
        agattr(g, AGNODE, cs("penwidth"), cs("1"));
        agattr(g, AGNODE, cs("fontname"), cs("DejaVu Sans"));
        agattr(g, AGNODE, cs("fontsize"), cs("10"));
        agattr(g, AGNODE, cs("fontcolor"), cs("black"));
        for (const char* n : {"id", "class", "pos"}) agattr(g, AGEDGE, cs(n), cs(""));
        agattr(g, AGEDGE, cs("style"), cs("solid"));
        agattr(g, AGEDGE, cs("color"), cs("black"));
        agattr(g, AGEDGE, cs("penwidth"), cs("1"));
        agattr(g, AGEDGE, cs("dir"), cs("none"));
        agattr(g, AGEDGE, cs("arrowhead"), cs("normal"));
        agattr(g, AGEDGE, cs("arrowtail"), cs("normal"));
        agattr(g, AGEDGE, cs("arrowsize"), cs("1"));
    }

    static void set(void* obj, const char* name, const std::string& value) {
        agset(obj, cs(name), cs(value.c_str()));
    }

    // Page point (y down) -> Graphviz point (y up), "x,y".
    std::string pt(Point p) const { return num(p.x) + "," + num(page_h - p.y); }

    Agnode_t* new_node(Point at) {
        const std::string name = "n" + std::to_string(++counter);
        Agnode_t* n = agnode(g, cs(name.c_str()), 1);
        set(n, "pos", pt(at) + "!");
        return n;
    }

    Agnode_t* invisible_point(Point at) {
        Agnode_t* n = new_node(at);
        set(n, "style", "invis");
        return n;
    }

    void corner(double x, double y) { invisible_point({x, y}); }
};

GvScene::GvScene(double page_w, double page_h) : impl_(std::make_unique<Impl>(page_w, page_h)) {}
GvScene::~GvScene() = default;

void GvScene::add_node(const NodeSpec& s) {
    if (!(s.w > 0) || !(s.h > 0)) return;
    Point c = s.center;
    double h = s.h;
    std::string shape = s.shape;
    if (shape == "triangle") {
        // Graphviz's triangle spans only 3/4 of the node height (apex at the top edge,
        // base at a quarter below the centre): enlarge and shift it so the triangle
        // fills exactly the requested box.
        h = s.h / 0.75;
        c.y += s.h / 2 - h / 4;  // base (y down) at centre + h/4 must equal s.center + s.h/2
    }
    Agnode_t* n = impl_->new_node(c);
    Impl::set(n, "shape", shape);
    Impl::set(n, "width", num(s.w / 72.0));
    Impl::set(n, "height", num(h / 72.0));
    Impl::set(n, "color", gv_color(s.stroke));
    Impl::set(n, "penwidth", num(s.penwidth));
    if (s.peripheries != 1) Impl::set(n, "peripheries", std::to_string(s.peripheries));
    std::string style;
    if (s.filled) {
        style = "filled";
        Impl::set(n, "fillcolor", gv_color(s.fill));
    }
    if (s.rounded) style += style.empty() ? "rounded" : ",rounded";
    if (!style.empty()) Impl::set(n, "style", style);
    if (!s.id.empty()) Impl::set(n, "id", s.id);
    if (!s.cls.empty()) Impl::set(n, "class", s.cls);
}

void GvScene::add_path(const PathSpec& s) {
    std::vector<Point> pts;
    pts.reserve(s.points.size() + 1);
    for (const Point& p : s.points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < 1e-6) continue;
        pts.push_back(p);
    }
    if (s.closed && pts.size() > 2 && std::hypot(pts.front().x - pts.back().x, pts.front().y - pts.back().y) >= 1e-6)
        pts.push_back(pts.front());
    if (pts.size() < 2) return;

    // Graphviz draws an arrowhead from the end of the spline to the e/s point: shorten the
    // polyline by the arrow's length (10 pt x arrowsize), shrinking the arrow on short ends.
    double arrowsize = std::max(0.05, s.arrowsize);
    const auto seg = [](Point a, Point b) { return std::hypot(b.x - a.x, b.y - a.y); };
    if (s.arrow_end) arrowsize = std::min(arrowsize, 0.08 * seg(pts[pts.size() - 2], pts.back()));
    if (s.arrow_start) arrowsize = std::min(arrowsize, 0.08 * seg(pts[0], pts[1]));
    if (s.arrow_start && s.arrow_end && pts.size() == 2) arrowsize = std::min(arrowsize, 0.04 * seg(pts[0], pts[1]));
    const double len = 10 * arrowsize;
    const auto pull = [&](Point from, Point toward) {
        const double d = seg(from, toward);
        return Point{from.x + (toward.x - from.x) * len / d, from.y + (toward.y - from.y) * len / d};
    };
    const Point true_start = pts.front(), true_end = pts.back();
    if (s.arrow_end) pts.back() = pull(pts.back(), pts[pts.size() - 2]);
    if (s.arrow_start) pts.front() = pull(pts.front(), pts[1]);

    // A polyline as a piecewise cubic Bezier: each segment a-b with control points at
    // its thirds (straight, never a zero-length tangent); 3n+1 points for n segments.
    std::string pos;
    if (s.arrow_start) pos += "s," + impl_->pt(true_start) + " ";
    if (s.arrow_end) pos += "e," + impl_->pt(true_end) + " ";
    pos += impl_->pt(pts[0]);
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const Point a = pts[i - 1], b = pts[i];
        const Point c1{a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3};
        const Point c2{a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3};
        pos += " " + impl_->pt(c1) + " " + impl_->pt(c2) + " " + impl_->pt(b);
    }

    Agnode_t* tail = impl_->invisible_point(pts.front());
    Agnode_t* head = impl_->invisible_point(pts.back());
    Agedge_t* e = agedge(impl_->g, tail, head, nullptr, 1);
    Impl::set(e, "pos", pos);
    Impl::set(e, "style", style_name(s.style));
    Impl::set(e, "color", gv_color(s.color));
    Impl::set(e, "penwidth", num(std::max(0.1, s.width)));
    if (s.arrow_start || s.arrow_end) {
        Impl::set(e, "dir", s.arrow_start && s.arrow_end ? "both" : s.arrow_end ? "forward" : "back");
        Impl::set(e, "arrowsize", num(arrowsize));
    }
    if (!s.id.empty()) Impl::set(e, "id", s.id);
    if (!s.cls.empty()) Impl::set(e, "class", s.cls);
}

void GvScene::add_text(const TextSpec& t) {
    if (t.text.empty() || !(t.size > 0)) return;
    // A borderless box with no margin: a left-justified (\l) line starts at the node's left
    // edge and a right-justified (\r) one ends at its right edge, so the node is placed
    // beside the anchor. Its width only needs to exceed the text (it is never drawn).
    // Twice the estimated advance (1.2 em a character; 2.8 em for a wide, CJK, one, which
    // covers the hex box Pango draws when no font has it).
    double longest = 0;
    for (std::size_t start = 0; start <= t.text.size();) {
        std::size_t end = t.text.find('\n', start);
        if (end == std::string::npos) end = t.text.size();
        longest = std::max(longest, text_width(t.text.substr(start, end - start), t.size));
        start = end + 1;
    }
    const double w = std::max(4.0, 2 * longest + 4);
    std::size_t lines = 1 + static_cast<std::size_t>(std::count(t.text.begin(), t.text.end(), '\n'));
    const double h = t.size * 1.2 * static_cast<double>(lines);
    Point c = t.pos;
    if (t.align == Align::Left) c.x += w / 2;
    if (t.align == Align::Right) c.x -= w / 2;
    Agnode_t* n = impl_->new_node(c);
    Impl::set(n, "shape", "plaintext");
    Impl::set(n, "margin", "0");
    Impl::set(n, "width", num(w / 72.0));
    Impl::set(n, "height", num(h / 72.0));
    Impl::set(n, "label", gv_escape_label(t.text, t.align));
    Impl::set(n, "fontname", t.bold ? "DejaVu Sans Bold" : "DejaVu Sans");
    Impl::set(n, "fontsize", num(t.size));
    Impl::set(n, "fontcolor", gv_color(t.color));
    if (!t.cls.empty()) Impl::set(n, "class", t.cls);
}

namespace {

// Graphviz's messages, one per line, without empty lines.
std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty()) out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

// SVG from the core renderer names the bold face as a family of its own; make it a
// proper family + weight so that viewers without that exact family name still work.
void fix_svg_fonts(std::string& svg) {
    const auto replace_all = [&](std::string_view from, std::string_view to) {
        for (std::size_t p = svg.find(from); p != std::string::npos; p = svg.find(from, p + to.size()))
            svg.replace(p, from.size(), to);
    };
    replace_all("font-family=\"DejaVu Sans Bold\"", "font-family=\"DejaVu Sans,sans-serif\" font-weight=\"bold\"");
    replace_all("font-family=\"DejaVu Sans\"", "font-family=\"DejaVu Sans,sans-serif\"");
}

}  // namespace

RenderOutput GvScene::render(std::string_view format, double dpi) {
    RenderOutput out;
    Impl& im = *impl_;
    std::string device;
    if (format == "pdf") device = "pdf:cairo";
    else if (format == "png") device = "png:cairo";
    else if (format == "svg") device = "svg:svg:core";
    else {
        out.error = "unknown output format '" + std::string(format) + "'";
        return out;
    }
    if (format == "png") impl_->set(im.g, "dpi", num(std::clamp(dpi, 36.0, 300.0)));

    GVC_t* gvc = graphviz_context();
    if (!gvc) {
        out.error = "Graphviz could not be initialised";
        return out;
    }
    const std::string base(format);
    const auto missing_plugin = [&] { return im.messages.find("not recognized") != std::string::npos; };
    if (gvLayout(gvc, im.g, "nop2") != 0) {
        out.error = missing_plugin()
                        ? "Graphviz's neato layout plugin (nop2) is not available: check that the plugin "
                          "configuration 'config6a' exists in Graphviz's plugin directory (run 'dot -c' as root)"
                        : "Graphviz layout failed";
    } else {
        char* data = nullptr;
        unsigned int length = 0;
        const int rc = gvRenderData(gvc, im.g, device.c_str(), &data, &length);
        if (rc == 0 && data && length > 0) out.bytes.assign(data, length);
        if (data) gvFreeRenderData(data);
        if (rc != 0 || out.bytes.empty()) {
            out.error = missing_plugin() ? "output format '" + base + "' is not available in this Graphviz installation "
                                           "(renderer '" + device + "' missing; check 'config6a' in Graphviz's plugin "
                                           "directory or run 'dot -c' as root)"
                                         : "Graphviz could not render format '" + base + "'";
        }
        gvFreeLayout(gvc, im.g);
    }

    for (std::string& line : split_lines(im.messages)) {
        // Text nodes are invisible boxes sized from an estimate; a script DejaVu lacks (Thai,
        // say) is drawn wider than estimated, which does not matter - not worth a warning.
        if (line.find("size too small for label") != std::string::npos) continue;
        const bool is_error = line.rfind("Error", 0) == 0;
        if (is_error && out.error.empty()) out.error = "Graphviz: " + line;
        else if (is_error) out.error += "; " + line;
        else out.warnings.push_back("Graphviz: " + line);
    }
    im.messages.clear();
    if (!out.error.empty()) out.bytes.clear();
    else if (format == "svg") fix_svg_fonts(out.bytes);
    return out;
}

}  // namespace kring::print_detail

#if defined(__SANITIZE_ADDRESS__)
// LeakSanitizer: Graphviz 2.42 and the pango/cairo/fontconfig stack it uses keep caches
// for the life of the process and leak a little per layout (neato's nop mode does not
// free its node list). Those are not kring's leaks; cgraph (agopen/agclose, which kring
// owns) is deliberately not suppressed. Any program linking the printer gets this.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libgvc.so\n"
           "leak:libgvplugin_pango.so\n"
           "leak:libgvplugin_neato_layout.so\n"
           "leak:libpango\n"
           "leak:libcairo.so\n"
           "leak:libfontconfig.so\n"
           "leak:libglib-2.0.so\n";
}
#endif
