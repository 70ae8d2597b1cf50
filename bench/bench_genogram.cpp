// bench-genogram: kring's genogram layout engine against Graphviz dot (union-node
// encoding: one node per person, one small node per couple, partner -> couple -> child),
// on the same cases in the same run. Crossings are counted the same way for both: the
// union-node graph drawn with straight edges between node centres.
//
//   bench-genogram [--json] [--sizes 100,500,2000] [--pdf DIR]
//
// --pdf DIR also prints the demo and a 200-person generated family to DIR (A3 landscape).
#include "core/caseio.hpp"
#include "core/generate.hpp"
#include "layouts/genogram.hpp"
#include "layouts/genogram_metrics.hpp"
#include "layouts/legend.hpp"
#include "print/print.hpp"

#if __has_include("core/import.hpp")
#include "core/import.hpp"
#define KRING_HAVE_IMPORT 1
#endif

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace kring;

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

struct DotRun {
    double ms = 0;
    int crossings = 0;
    double width = 0, height = 0;
};

// Graphviz dot on the union-node encoding of the genogram's family ties.
DotRun run_dot(GVC_t* gvc, const Case& c) {
    std::vector<PersonId> persons;
    for (const auto& [id, p] : c.persons())
        if (in_genogram(c, p)) persons.push_back(id);
    std::unordered_map<PersonId, std::vector<PersonId>> parents;
    std::unordered_map<PersonId, int> index;
    for (std::size_t i = 0; i < persons.size(); ++i) index[persons[i]] = static_cast<int>(i);
    std::map<std::pair<PersonId, PersonId>, std::vector<PersonId>> unions;
    for (const auto& [id, r] : c.relations()) {
        if (!index.count(r.a) || !index.count(r.b) || r.a == r.b) continue;
        if (r.kind == RelationKind::ParentChild) parents[r.b].push_back(r.a);
        if (r.kind == RelationKind::Partner) unions[{std::min(r.a, r.b), std::max(r.a, r.b)}];
    }
    for (auto& [child, ps] : parents) {
        std::sort(ps.begin(), ps.end());
        std::pair<PersonId, PersonId> key{ps[0], ps.size() > 1 ? ps[1] : PersonId()};
        unions[key].push_back(child);
    }

    DotRun run;
    double t0 = now_ms();
    Agraph_t* g = agopen(const_cast<char*>("g"), Agdirected, nullptr);
    agattr(g, AGRAPH, const_cast<char*>("nodesep"), const_cast<char*>("0.25"));
    agattr(g, AGRAPH, const_cast<char*>("ranksep"), const_cast<char*>("0.4"));
    agattr(g, AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
    agattr(g, AGNODE, const_cast<char*>("width"), const_cast<char*>("0.75"));
    agattr(g, AGNODE, const_cast<char*>("height"), const_cast<char*>("0.56"));
    agattr(g, AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    std::vector<Agnode_t*> pn(persons.size());
    for (std::size_t i = 0; i < persons.size(); ++i) pn[i] = agnode(g, const_cast<char*>(persons[i].str().c_str()), 1);
    std::vector<Agnode_t*> un;
    std::vector<std::pair<int, int>> edges;  // indices into nodes: persons first, then unions
    int k = 0;
    for (const auto& [key, kids] : unions) {
        if (kids.empty()) continue;
        std::string name = "u" + std::to_string(k++);
        Agnode_t* u = agnode(g, name.data(), 1);
        agsafeset(u, const_cast<char*>("shape"), const_cast<char*>("point"), const_cast<char*>(""));
        agsafeset(u, const_cast<char*>("width"), const_cast<char*>("0.05"), const_cast<char*>(""));
        agsafeset(u, const_cast<char*>("height"), const_cast<char*>("0.05"), const_cast<char*>(""));
        int ui = static_cast<int>(persons.size() + un.size());
        un.push_back(u);
        for (PersonId p : {key.first, key.second})
            if (p) {
                agedge(g, pn[static_cast<std::size_t>(index[p])], u, nullptr, 1);
                edges.push_back({index[p], ui});
            }
        for (PersonId ch : kids) {
            agedge(g, u, pn[static_cast<std::size_t>(index[ch])], nullptr, 1);
            edges.push_back({ui, index[ch]});
        }
    }
    gvLayout(gvc, g, "dot");
    run.ms = now_ms() - t0;
    std::vector<Point> nodes;
    for (Agnode_t* n : pn) nodes.push_back({ND_coord(n).x, -ND_coord(n).y});
    for (Agnode_t* n : un) nodes.push_back({ND_coord(n).x, -ND_coord(n).y});
    run.crossings = count_crossings(nodes, edges);
    boxf bb = GD_bb(g);
    run.width = bb.UR.x - bb.LL.x;
    run.height = bb.UR.y - bb.LL.y;
    gvFreeLayout(gvc, g);
    agclose(g);
    return run;
}

struct Row {
    std::string name;
    int persons = 0;
    double ms = 0, dot_ms = 0;
    int crossings = 0, dot_crossings = 0, overlaps = 0, lines_through_symbols = 0, label_overlaps = 0;
    double width = 0, height = 0, dot_width = 0, dot_height = 0;
    int partners_adjacent = 0, partners = 0, sibships_in_order = 0, sibships = 0;
};

Row measure(GVC_t* gvc, const std::string& name, const Case& c) {
    Row row;
    row.name = name;
    GenogramOptions opt;
    opt.reference_date = {2026, 1, 1, false};
    // Time: best of several runs (the first warms caches).
    int reps = c.persons().size() > 1000 ? 3 : 7;
    double best = 1e300;
    for (int i = 0; i < reps; ++i) {
        double t0 = now_ms();
        LayoutResult r = layout_genogram(c, opt);
        best = std::min(best, now_ms() - t0);
    }
    row.ms = best;
    GenogramMetrics m = measure_genogram(c, opt);
    row.persons = m.persons;
    row.crossings = m.crossings;
    row.overlaps = m.symbol_overlaps;
    row.lines_through_symbols = m.lines_through_symbols;
    row.label_overlaps = m.label_overlaps;
    row.width = m.width;
    row.height = m.height;
    row.partners = m.partners;
    row.partners_adjacent = m.partners_adjacent;
    row.sibships = m.sibships;
    row.sibships_in_order = m.sibships_in_order;
    DotRun d = run_dot(gvc, c);
    row.dot_ms = d.ms;
    row.dot_crossings = d.crossings;
    row.dot_width = d.width;
    row.dot_height = d.height;
    return row;
}

void print_pdf(const Case& c, const std::string& path) {
    GenogramOptions opt;
    LayoutResult r = layout_genogram(c, opt);
    PrintOptions po;
    po.paper = PaperSize::A3;
    po.case_name = c.info.name;
    po.view_title = "Genogram";
    po.min_text_pt = 6;  // a big family becomes a poster rather than unreadable
    PrintResult res = render_document(r, layout_legend(r.legend, Lang::Nl), po);
    if (!res.ok()) {
        std::fprintf(stderr, "print %s: %s\n", path.c_str(), res.error.c_str());
        return;
    }
    std::ofstream(path, std::ios::binary) << res.bytes;
    for (const auto& w : res.warnings) std::fprintf(stderr, "%s: %s\n", path.c_str(), w.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    std::vector<int> sizes{100, 500, 2000};
    std::string pdf_dir;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--json") json = true;
        else if (a == "--sizes" && i + 1 < argc) {
            sizes.clear();
            std::string s = argv[++i];
            for (std::size_t p = 0; p < s.size();) {
                std::size_t q = s.find(',', p);
                sizes.push_back(std::stoi(s.substr(p, q - p)));
                p = q == std::string::npos ? s.size() : q + 1;
            }
        } else if (a == "--pdf" && i + 1 < argc) pdf_dir = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench-genogram [--json] [--sizes 100,500,2000] [--pdf DIR]\n");
            return 2;
        }
    }
    GVC_t* gvc = gvContext();
    std::vector<Row> rows;
    const std::filesystem::path demo = std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring";
    if (auto loaded = load_case(demo); loaded.ok()) {
        rows.push_back(measure(gvc, "demo", loaded.value));
        if (!pdf_dir.empty()) print_pdf(loaded.value, pdf_dir + "/genogram-demo.pdf");
    } else {
        std::fprintf(stderr, "demo case not loaded (%s): skipped\n", demo.c_str());
    }
    for (int n : sizes) {
        GenerateOptions go;
        go.persons = n;
        go.seed = 7;
        if (const char* e = std::getenv("KRING_GEN_INLAW")) go.in_law_parents = std::atof(e);
        if (const char* e = std::getenv("KRING_GEN_JOIN")) go.join_existing = std::atof(e);
        rows.push_back(measure(gvc, "generated-" + std::to_string(n), generate_family(go)));
    }
    if (!pdf_dir.empty()) {
        GenerateOptions go;
        go.persons = 200;
        go.seed = 7;
        print_pdf(generate_family(go), pdf_dir + "/genogram-generated-200.pdf");
    }
#ifdef KRING_HAVE_IMPORT
    const std::filesystem::path ged = std::filesystem::path(KRING_SHARED_DATA_DIR) / "gramps" / "example.ged";
    if (std::filesystem::exists(ged)) {
        ImportResult imp = import_file(ged);
        if (imp.ok()) rows.push_back(measure(gvc, "gramps-example", imp.value));
        else std::fprintf(stderr, "gramps example not imported: %s\n", imp.error.c_str());
    } else {
        std::fprintf(stderr, "%s absent: real-tree case skipped\n", ged.c_str());
    }
#endif
    gvFreeContext(gvc);

    std::printf("%-18s %7s %9s %9s %7s %9s %9s %8s %6s %6s %10s %10s\n", "case", "persons", "kring ms", "dot ms",
                "speedup", "crossings", "dot cross", "overlaps", "thru", "labels", "kring w x h", "dot w x h");
    for (const Row& r : rows)
        std::printf("%-18s %7d %9.2f %9.1f %6.0fx %9d %9d %8d %6d %6d %5.0fx%-5.0f %5.0fx%-5.0f\n", r.name.c_str(),
                    r.persons, r.ms, r.dot_ms, r.dot_ms / std::max(r.ms, 1e-3), r.crossings, r.dot_crossings, r.overlaps,
                    r.lines_through_symbols, r.label_overlaps, r.width, r.height, r.dot_width, r.dot_height);
    if (json) {
        std::string out = "{\"cases\":[";
        char buf[1024];
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            std::snprintf(buf, sizeof buf,
                          "%s{\"name\":\"%s\",\"persons\":%d,\"ms\":%.3f,\"dot_ms\":%.3f,\"crossings\":%d,"
                          "\"dot_crossings\":%d,\"overlaps\":%d,\"speedup\":%.1f,\"lines_through_symbols\":%d,"
                          "\"label_overlaps\":%d,\"width\":%.0f,\"height\":%.0f,\"dot_width\":%.0f,\"dot_height\":%.0f,"
                          "\"partners_adjacent\":%d,\"partners\":%d,\"sibships_in_order\":%d,\"sibships\":%d}",
                          i ? "," : "", r.name.c_str(), r.persons, r.ms, r.dot_ms, r.crossings, r.dot_crossings,
                          r.overlaps, r.dot_ms / std::max(r.ms, 1e-3), r.lines_through_symbols, r.label_overlaps,
                          r.width, r.height, r.dot_width, r.dot_height, r.partners_adjacent, r.partners,
                          r.sibships_in_order, r.sibships);
            out += buf;
        }
        out += "]}";
        std::printf("%s\n", out.c_str());
    }
    return 0;
}
