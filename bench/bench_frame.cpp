// bench-frame: CPU time to build one frame of the kring-app canvas — ImGui NewFrame, the
// canvas window, draw_layout of the cached LayoutResult (symbols, lines, labels with the
// app's fonts), Render — headless (an ImGui context without a window or GL backend), at
// 200 and 2,000 persons. Reference in the same run: raw ImGui drawing of the same number
// of circles, line segments and texts (the least any ImGui canvas could do). The layout
// itself is measured apart: the app recomputes it only when the model changes.
//
//   bench-frame [--json] [--sizes 200,2000] [--frames N]
//
// With --json the last line is {"cases":[{"persons","frame_ms","rss_mb",...}]}.
#if !__has_include("canvas.hpp") || !__has_include(<imgui.h>)
// Configured without the app (KRING_BUILD_APP=OFF): no ImGui, nothing to measure.
#include <cstdio>
int main() {
    std::fprintf(stderr, "bench-frame: built without the app (KRING_BUILD_APP=OFF); nothing to measure\n");
    return 0;
}
#else
#include "canvas.hpp"
#include "fonts.hpp"

#include "layouts/genogram.hpp"
#include "layouts/network_map.hpp"

#if __has_include("core/generate.hpp")
#include "core/generate.hpp"
#define KRING_HAVE_GENERATE 1
#endif

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace kring;
using namespace kring::app;

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double rss_mb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

// A family of about n persons: generations of couples with children, plus a network of
// friends, neighbours and professionals around the index person (a fifth of the case).
Case make_case(int n) {
    Case c;
#ifdef KRING_HAVE_GENERATE
    GenerateOptions g;
    g.persons = n * 4 / 5;
    g.seed = 7;
    c = generate_family(g);
#else
    std::mt19937 rng(7);
    std::vector<PersonId> open;
    auto add_person = [&](Sex sex, Category cat, int year) {
        Person p;
        p.id = c.new_person_id();
        p.sex = sex;
        p.category = cat;
        p.given = (sex == Sex::Male ? "Jan" : "Anna") + std::to_string(p.id.value());
        p.family = "Test";
        p.birth = *PartialDate::parse(std::to_string(year));
        c.put(p);
        return p.id;
    };
    auto relate = [&](RelationKind k, PersonId a, PersonId b) {
        Relation r;
        r.id = c.new_relation_id();
        r.kind = k;
        r.a = a;
        r.b = b;
        c.put(r);
    };
    open.push_back(add_person(Sex::Male, Category::Family, 1900));
    for (std::size_t i = 0; i < open.size() && static_cast<int>(c.persons().size()) < n * 4 / 5; ++i) {
        const PersonId a = open[i];
        const Person* pa = c.person(a);
        const int year = pa->birth.year + 28;
        const PersonId b = add_person(pa->sex == Sex::Male ? Sex::Female : Sex::Male, Category::Family, year - 28);
        relate(RelationKind::Partner, a, b);
        const int kids = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < kids; ++k) {
            const PersonId ch = add_person(rng() % 2 ? Sex::Male : Sex::Female, Category::Family, year + k * 2);
            relate(RelationKind::ParentChild, a, ch);
            relate(RelationKind::ParentChild, b, ch);
            open.push_back(ch);
        }
    }
#endif
    // The network: contacts of the last-born person (the index person).
    PersonId index = c.persons().rbegin()->first;
    {
        Person ip = *c.person(index);
        ip.index_person = true;
        c.put(ip);
    }
    const Category cats[] = {Category::Friend, Category::Neighbour, Category::SchoolWork, Category::Leisure,
                             Category::Professional};
    for (int i = 0; static_cast<int>(c.persons().size()) < n; ++i) {
        Person p;
        p.id = c.new_person_id();
        p.given = "Contact" + std::to_string(i);
        p.category = cats[i % 5];
        if (p.category == Category::Professional) p.function = "gezinscoach";
        c.put(p);
        Relation r;
        r.id = c.new_relation_id();
        r.kind = i % 3 == 0 ? RelationKind::Support : RelationKind::Contact;
        r.a = p.id;
        r.b = index;
        r.closeness = 1 + i % 3;
        c.put(r);
    }
    return c;
}

struct Measure {
    std::string view;
    std::string zoom;  // "fit": the whole drawing (as on opening); "100%": working zoom around the middle
    int persons = 0;
    int symbols = 0, lines = 0, labels = 0;
    double layout_ms = 0, frame_ms = 0, baseline_ms = 0, rss = 0;
    int vertices = 0;
};

constexpr float kW = 1400, kH = 900;

void begin_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {kW, kH};
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({kW, kH});
    ImGui::Begin("##canvas", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
}

int end_frame() {
    ImGui::End();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
}

template <class F>
double median_ms(int frames, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < frames; ++i) {
        const double t0 = now_ms();
        f();
        t.push_back(now_ms() - t0);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

Measure run(const std::string& view, bool fit, const Case& c, const FontSet& fonts, int frames) {
    Measure m;
    m.view = view;
    m.zoom = fit ? "fit" : "100%";
    m.persons = static_cast<int>(c.persons().size());
    LayoutResult lay;
    m.layout_ms = median_ms(3, [&] {
        lay = view == "genogram" ? layout_genogram(c) : layout_network(c);
    });
    // What the app shows on opening: the whole drawing fitted into the canvas.
    ViewTransform t;
    t.fit(lay.bounds, {0, 48}, {kW - 330, kH - 28}, 32.0f, 2.0);
    if (!fit) t.zoom_at({(kW - 330) / 2, kH / 2}, 1.0 / t.zoom);
    DrawOptions opt;
    opt.min_label_px = view == "genogram" ? 9.0f : 10.5f;
    DrawStats st;
    m.frame_ms = median_ms(frames, [&] {
        begin_frame();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect({0, 48}, {kW - 330, kH - 28}, true);
        st = draw_layout(dl, lay, t, fonts, opt);
        dl->PopClipRect();
        m.vertices = end_frame();
    });
    m.symbols = st.symbols;
    m.lines = st.lines;
    m.labels = st.labels;

    // Reference: the same number of shapes drawn as plain ImGui primitives — a circle
    // (fill + outline) per symbol, a segment per line point, one text per label drawn.
    std::size_t segments = 0;
    for (const Line& l : lay.lines) segments += l.points.size() > 1 ? l.points.size() - 1 : 0;
    m.baseline_ms = median_ms(frames, [&] {
        begin_frame();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (const Symbol& s : lay.symbols) {
            const ImVec2 p = t.to_screen(s.center);
            const float r = static_cast<float>(s.w * t.zoom / 2);
            dl->AddCircleFilled(p, r, IM_COL32_WHITE);
            dl->AddCircle(p, r, IM_COL32_BLACK, 0, 1.5f);
        }
        for (const Line& l : lay.lines)
            for (std::size_t i = 1; i < l.points.size(); ++i)
                dl->AddLine(t.to_screen(l.points[i - 1]), t.to_screen(l.points[i]), IM_COL32_BLACK, 1.5f);
        int n = 0;
        for (const Label& l : lay.labels) {
            if (n++ >= st.labels) break;
            dl->AddText(fonts.regular.empty() ? nullptr : fonts.regular.front(), 13.0f, t.to_screen(l.pos),
                        IM_COL32_BLACK, l.text.c_str());
        }
        end_frame();
    });
    (void)segments;
    m.rss = rss_mb();
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    std::vector<int> sizes{200, 2000};
    int frames = 60;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--sizes" && i + 1 < argc) {
            sizes.clear();
            std::string s = argv[++i];
            for (std::size_t p = 0; p <= s.size();) {
                const std::size_t q = std::min(s.find(',', p), s.size());
                const int v = std::atoi(s.substr(p, q - p).c_str());
                if (v > 0) sizes.push_back(v);
                p = q + 1;
            }
        } else if (a == "--frames" && i + 1 < argc) {
            frames = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: bench-frame [--json] [--sizes 200,2000] [--frames N]\n");
            return 2;
        }
    }
    if (sizes.empty()) {
        std::fprintf(stderr, "bench-frame: --sizes needs positive numbers, e.g. 200,2000\n");
        return 2;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {kW, kH};
    // As the app's OpenGL 3 backend: large draw lists are split at 64k vertices (16-bit indices).
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    const FontSet fonts = load_fonts(io);
    if (!fonts.error.empty()) std::fprintf(stderr, "bench-frame: %s\n", fonts.error.c_str());
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);  // builds the atlas; no GPU upload needed

    std::vector<Measure> all;
    for (int n : sizes) {
        const Case c = make_case(n);
        for (const char* view : {"genogram", "network"})
            for (bool fit : {true, false}) all.push_back(run(view, fit, c, fonts, frames));
    }

    std::printf("%-9s %5s %8s %8s %7s %7s %10s %10s %12s %8s\n", "view", "zoom", "persons", "symbols", "lines", "labels",
                "layout_ms", "frame_ms", "baseline_ms", "rss_mb");
    for (const Measure& m : all)
        std::printf("%-9s %5s %8d %8d %7d %7d %10.2f %10.3f %12.3f %8.1f\n", m.view.c_str(), m.zoom.c_str(), m.persons, m.symbols, m.lines,
                    m.labels, m.layout_ms, m.frame_ms, m.baseline_ms, m.rss);
    std::printf("frame = ImGui NewFrame + canvas draw lists + Render on the cached layout (median of %d);\n"
                "layout is recomputed only when the case changes. Targets: < 2 ms at 200, < 8 ms at 2000 persons.\n",
                frames);
    if (json) {
        std::string out = "{\"cases\":[";
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Measure& m = all[i];
            char buf[400];
            std::snprintf(buf, sizeof buf,
                          "%s{\"persons\":%d,\"view\":\"%s\",\"zoom\":\"%s\",\"frame_ms\":%.4f,\"layout_ms\":%.3f,\"baseline_ms\":%.4f,"
                          "\"symbols\":%d,\"vertices\":%d,\"rss_mb\":%.1f}",
                          i ? "," : "", m.persons, m.view.c_str(), m.zoom.c_str(), m.frame_ms, m.layout_ms, m.baseline_ms, m.symbols,
                          m.vertices, m.rss);
            out += buf;
        }
        out += "]}";
        std::printf("%s\n", out.c_str());
    }
    ImGui::DestroyContext();
    return 0;
}
#endif
