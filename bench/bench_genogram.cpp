// bench-genogram: kring's genogram layout engine against Graphviz dot (union-node
// encoding: one node per person, one small node per couple, partner -> couple -> child),
// on the same cases in the same run. Crossings are counted the same way for both: the
// union-node graph drawn with straight edges between node centres.
//
// Plain dot is free to break the rules a genogram keeps (it puts younger siblings left of
// older ones: counted and shown), so dot also runs told those rules - partners on one rank
// (rank=same), a couple's children in birth order (ordering=out) - as a second reference.
// Told those rules, dot still draws partners apart: how often someone stands between two
// partners is shown for both dot runs and for kring. A third run keeps partners side by side
// as well: each run of partners is one record node with a field per person, each line at its
// person's field - dot under every rule kring keeps - and a fourth the same with birth order
// left free, to show what that rule costs dot.
//
//   bench-genogram [--json] [--sizes 100,500,2000] [--seed 7] [--in-law-parents P] [--join P] [--pdf DIR]
//
// --seed, --in-law-parents and --join choose other generated families (GenerateOptions:
// the share of married-in partners who come with their own parents, and of partners taken
// from another branch of the tree). --pdf DIR also prints the demo and a 200-person
// generated family to DIR (A3 landscape).
#include "core/caseio.hpp"
#include "core/generate.hpp"
#include "layouts/genogram.hpp"
#include "layouts/genogram_internal.hpp"
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
#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

using namespace kring;

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Crossings among the lines of descent alone (couple's node -> child), leaving out the
// lines from each partner to the couple's node: in both encodings a child's edge runs
// from the higher (union) index to the lower (person) one, a partner's the other way.
int descent_crossings(const std::vector<Point>& nodes, const std::vector<std::pair<int, int>>& edges) {
    std::vector<std::pair<int, int>> down;
    for (const auto& e : edges)
        if (e.first > e.second) down.push_back(e);
    return count_crossings(nodes, down);
}

struct DotRun {
    double ms = 0;
    int crossings = 0;
    int descent_crossings = 0;  // among the lines of descent alone
    double width = 0, height = 0;
    int out_of_birth_order = 0;  // pairs of neighbouring siblings drawn younger-left
    int partners_off_row = 0;
    int partners_apart = 0;  // partners on one rank with someone drawn between them
    // The rules dot was told and did not keep: siblings out of birth order, partners off their row.
    [[nodiscard]] int rules_broken() const { return out_of_birth_order + partners_off_row; }
};

// How dot is asked to draw the genogram.
enum class DotMode {
    Plain,   // the union-node encoding, nothing more
    Rules,   // partners on one rank (rank=same), a couple's children in birth order (ordering=out)
    Blocks,  // as Rules, and partners side by side: each run of partners is one record node
    BlocksFree,  // partners side by side, but birth order left free (no ordering=out)
};

// The runs of partners dot draws as one node (DotMode::Blocks): persons joined by a couple
// (recorded or the two parents of a child), each run in the order of a walk along its
// couples from one end, so that every couple of a chain stands side by side (of three or
// more partners of one person, as in kring, not all can be beside them).
std::vector<std::vector<std::size_t>> partner_blocks(const genogram_detail::Family& f,
                                                     const std::unordered_map<PersonId, int>& index) {
    const std::size_t n = f.persons.size();
    std::vector<std::vector<std::size_t>> next(n);
    for (const auto& [key, u] : f.unions)
        if (u.b) {
            const auto a = static_cast<std::size_t>(index.at(u.a)), b = static_cast<std::size_t>(index.at(u.b));
            next[a].push_back(b);
            next[b].push_back(a);
        }
    std::vector<char> seen(n, 0), placed(n, 0);
    std::vector<std::vector<std::size_t>> blocks;
    for (std::size_t s = 0; s < n; ++s) {
        if (seen[s]) continue;
        // Start the walk at an end of the run: the member with the fewest partners.
        std::vector<std::size_t> run, stack{s};
        seen[s] = 1;
        while (!stack.empty()) {
            const std::size_t x = stack.back();
            stack.pop_back();
            run.push_back(x);
            for (std::size_t y : next[x])
                if (!seen[y]) seen[y] = 1, stack.push_back(y);
        }
        std::size_t start = run.front();
        for (std::size_t x : run)
            if (next[x].size() < next[start].size()) start = x;
        std::vector<std::size_t> order, dfs{start};
        while (!dfs.empty()) {
            const std::size_t x = dfs.back();
            dfs.pop_back();
            if (placed[x]) continue;
            placed[x] = 1;
            order.push_back(x);
            for (auto it = next[x].rbegin(); it != next[x].rend(); ++it)
                if (!placed[*it]) dfs.push_back(*it);
        }
        blocks.push_back(std::move(order));
    }
    return blocks;
}

// Graphviz dot on the union-node encoding of the genogram's family ties: one node per
// person, one small node per couple with children, partner -> couple -> child. DotMode
// says which of the genogram's rules dot is also given. With Blocks, a run of partners is
// one record node, a field per person, each line leaving or reaching its person's field
// (dot orders by the fields' ports); the crossings are counted from the persons' fields.
DotRun run_dot(GVC_t* gvc, const Case& c, DotMode mode) {
    const bool birth_order = mode == DotMode::Rules || mode == DotMode::Blocks;
    const genogram_detail::Family f = genogram_detail::build_family(c);
    std::unordered_map<PersonId, int> index;
    for (std::size_t i = 0; i < f.persons.size(); ++i) index[f.persons[i]] = static_cast<int>(i);
    auto str = [](const char* s) { return const_cast<char*>(s); };

    DotRun run;
    double t0 = now_ms();
    Agraph_t* g = agopen(str("g"), Agdirected, nullptr);
    agattr(g, AGRAPH, str("nodesep"), str("0.25"));
    agattr(g, AGRAPH, str("ranksep"), str("0.4"));
    agattr(g, AGNODE, str("shape"), str("box"));
    agattr(g, AGNODE, str("width"), str("0.75"));
    agattr(g, AGNODE, str("height"), str("0.56"));
    agattr(g, AGNODE, str("fixedsize"), str("true"));
    agattr(g, AGNODE, str("label"), str(""));
    agattr(g, AGNODE, str("ordering"), str(""));
    agattr(g, AGEDGE, str("tailport"), str(""));
    agattr(g, AGEDGE, str("headport"), str(""));
    // Per person: its node, and its field in that node (Blocks) of how many.
    std::vector<Agnode_t*> pn(f.persons.size());
    std::vector<int> field(f.persons.size(), 0), fields(f.persons.size(), 1);
    if (mode == DotMode::Blocks || mode == DotMode::BlocksFree) {
        for (const auto& block : partner_blocks(f, index)) {
            Agnode_t* node = agnode(g, const_cast<char*>(f.persons[block.front()].str().c_str()), 1);
            if (block.size() > 1) {
                std::string label, width = std::to_string(static_cast<double>(block.size()));  // 0.75 + 0.25 apart each
                for (std::size_t i = 0; i < block.size(); ++i) label += (i ? "|<f" : "<f") + std::to_string(i) + ">";
                agsafeset(node, str("shape"), str("record"), str(""));
                agsafeset(node, str("label"), label.data(), str(""));
                agsafeset(node, str("width"), width.data(), str(""));
            }
            for (std::size_t i = 0; i < block.size(); ++i) {
                pn[block[i]] = node;
                field[block[i]] = static_cast<int>(i);
                fields[block[i]] = static_cast<int>(block.size());
            }
        }
    } else {
        for (std::size_t i = 0; i < f.persons.size(); ++i) pn[i] = agnode(g, const_cast<char*>(f.persons[i].str().c_str()), 1);
    }
    auto port = [&](int person, const char* side) {
        return "f" + std::to_string(field[static_cast<std::size_t>(person)]) + ":" + side;
    };
    std::vector<Agnode_t*> un;
    std::vector<std::pair<int, int>> edges;  // indices into nodes: persons first, then unions
    int k = 0;
    for (const auto& [key, u] : f.unions) {
        if (mode == DotMode::Rules && u.b && u.partner) {
            std::string name = "partners" + std::to_string(k);
            Agraph_t* sg = agsubg(g, name.data(), 1);
            agsafeset(sg, str("rank"), str("same"), str(""));
            agsubnode(sg, pn[static_cast<std::size_t>(index.at(u.a))], 1);
            agsubnode(sg, pn[static_cast<std::size_t>(index.at(u.b))], 1);
        }
        if (u.children.empty()) {
            ++k;
            continue;
        }
        std::string name = "u" + std::to_string(k++);
        Agnode_t* un_node = agnode(g, name.data(), 1);
        agsafeset(un_node, str("shape"), str("point"), str(""));
        agsafeset(un_node, str("width"), str("0.05"), str(""));
        agsafeset(un_node, str("height"), str("0.05"), str(""));
        if (birth_order) agset(un_node, str("ordering"), str("out"));
        int ui = static_cast<int>(f.persons.size() + un.size());
        un.push_back(un_node);
        for (PersonId p : {u.a, u.b})
            if (p) {
                const int pi = index.at(p);
                Agedge_t* e = agedge(g, pn[static_cast<std::size_t>(pi)], un_node, nullptr, 1);
                if (fields[static_cast<std::size_t>(pi)] > 1) agset(e, str("tailport"), port(pi, "s").data());
                edges.push_back({pi, ui});
            }
        for (PersonId ch : u.children) {  // in birth order
            const int ci = index.at(ch);
            Agedge_t* e = agedge(g, un_node, pn[static_cast<std::size_t>(ci)], nullptr, 1);
            if (fields[static_cast<std::size_t>(ci)] > 1) agset(e, str("headport"), port(ci, "n").data());
            edges.push_back({ui, ci});
        }
    }
    gvLayout(gvc, g, "dot");
    run.ms = now_ms() - t0;
    std::vector<Point> nodes;
    for (std::size_t i = 0; i < pn.size(); ++i) {
        const double w = ND_lw(pn[i]) + ND_rw(pn[i]);  // a field's centre within its record
        const double x = ND_coord(pn[i]).x - w / 2 + (field[i] + 0.5) * w / fields[i];
        nodes.push_back({x, -ND_coord(pn[i]).y});
    }
    for (Agnode_t* n : un) nodes.push_back({ND_coord(n).x, -ND_coord(n).y});
    run.crossings = count_crossings(nodes, edges);
    run.descent_crossings = descent_crossings(nodes, edges);
    auto at = [&](PersonId p) { return nodes[static_cast<std::size_t>(index.at(p))]; };
    for (const auto& [key, u] : f.unions) {
        for (std::size_t i = 1; i < u.children.size(); ++i) {
            const Point a = at(u.children[i - 1]), b = at(u.children[i]);
            if (std::abs(a.y - b.y) < 0.5 && a.x > b.x) ++run.out_of_birth_order;
        }
        if (u.b && u.partner && std::abs(at(u.a).y - at(u.b).y) > 0.5) ++run.partners_off_row;
        if (u.b && u.partner && std::abs(at(u.a).y - at(u.b).y) <= 0.5) {
            const double lo = std::min(at(u.a).x, at(u.b).x), hi = std::max(at(u.a).x, at(u.b).x);
            for (std::size_t i = 0; i < f.persons.size(); ++i)
                if (std::abs(nodes[i].y - at(u.a).y) <= 0.5 && nodes[i].x > lo + 0.5 && nodes[i].x < hi - 0.5) {
                    ++run.partners_apart;
                    break;
                }
        }
    }
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
    double ms = 0;
    int crossings = 0, overlaps = 0, lines_through_symbols = 0, label_overlaps = 0;
    int descent = 0;  // crossings among the lines of descent alone
    double width = 0, height = 0;
    int partners_adjacent = 0, partners = 0, sibships_in_order = 0, sibships = 0;
    // Dot on the same case, one run per DotMode.
    DotRun dot, rules, blocks, blocks_free;
};

Row measure(GVC_t* gvc, const std::string& name, const Case& c) {
    Row row;
    row.name = name;
    GenogramOptions opt;
    opt.reference_date = {2026, 1, 1, false};
    // Time: best of several runs (the first warms caches), kring's all before dot's. Taking
    // turns with dot measured kring cold - after dot's allocations and its footprint in the
    // caches - 10% slower at 500 p than warm, while dot, its graph built anew each run,
    // lost nothing measurable: each is timed warm, as on a machine doing one thing at a time.
    int reps = c.persons().size() > 1000 ? 3 : 9;
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
    const UnionGraph g = genogram_union_graph(c, opt);
    row.descent = descent_crossings(g.nodes, g.edges);
    // Dot timed the same way, best of as many runs (its layout is the same each time).
    auto best_dot = [&](DotMode mode) {
        DotRun run = run_dot(gvc, c, mode);
        for (int i = 1; i < reps; ++i) run.ms = std::min(run.ms, run_dot(gvc, c, mode).ms);
        return run;
    };
    row.dot = best_dot(DotMode::Plain);
    row.rules = best_dot(DotMode::Rules);
    row.blocks = best_dot(DotMode::Blocks);
    row.blocks_free = best_dot(DotMode::BlocksFree);
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
    std::uint32_t seed = 7;  // the generated families' seed (other seeds: the same sizes, other families)
    GenerateOptions shape;   // the generated families' other settings
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
        else if (a == "--seed" && i + 1 < argc) {
            char* end = nullptr;
            const unsigned long v = std::strtoul(argv[++i], &end, 10);
            if (end == argv[i] || *end || v > UINT32_MAX) {
                std::fprintf(stderr, "bench-genogram: --seed wants a whole number, not \"%s\"\n", argv[i]);
                return 2;
            }
            seed = static_cast<std::uint32_t>(v);
        } else if ((a == "--in-law-parents" || a == "--join") && i + 1 < argc) {
            char* end = nullptr;
            const double v = std::strtod(argv[++i], &end);
            if (end == argv[i] || *end || !(v >= 0 && v <= 1)) {
                std::fprintf(stderr, "bench-genogram: %s wants a share from 0 to 1, not \"%s\"\n", a.c_str(), argv[i]);
                return 2;
            }
            (a == "--join" ? shape.join_existing : shape.in_law_parents) = v;
        } else {
            std::fprintf(stderr, "usage: bench-genogram [--json] [--sizes 100,500,2000] [--seed 7] [--in-law-parents P] [--join P] [--pdf DIR]\n");
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
        GenerateOptions go = shape;
        go.persons = n;
        go.seed = seed;
        std::string name = "generated-" + std::to_string(n) + (seed == 7 ? "" : "/s" + std::to_string(seed));
        const GenerateOptions standard;
        char share[32];
        if (go.in_law_parents != standard.in_law_parents) std::snprintf(share, sizeof share, "/i%g", go.in_law_parents), name += share;
        if (go.join_existing != standard.join_existing) std::snprintf(share, sizeof share, "/j%g", go.join_existing), name += share;
        rows.push_back(measure(gvc, name, generate_family(go)));
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

    int w = 16;  // the case column: as wide as the longest name
    for (const Row& r : rows) w = std::max(w, static_cast<int>(r.name.size()));
    std::printf("%-*s %7s %8s %8s %7s %9s %9s %8s %6s %6s %11s %11s\n", w, "case", "persons", "kring ms", "dot ms",
                "speedup", "crossings", "dot cross", "overlaps", "thru", "labels", "kring w x h", "dot w x h");
    for (const Row& r : rows)
        std::printf("%-*s %7d %8.2f %8.1f %6.1fx %9d %9d %8d %6d %6d %5.0fx%-5.0f %5.0fx%-5.0f\n", w, r.name.c_str(),
                    r.persons, r.ms, r.dot.ms, r.dot.ms / std::max(r.ms, 1e-3), r.crossings, r.dot.crossings, r.overlaps,
                    r.lines_through_symbols, r.label_overlaps, r.width, r.height, r.dot.width, r.dot.height);
    std::printf("\nThe genogram's rules: siblings in birth order, partners side by side on one row (a person with\n"
                "three or more partners cannot be beside all of them). Plain dot breaks birth order; dot told the\n"
                "rules (partners rank=same, ordering=out) still draws partners apart. The last column counts only\n"
                "the crossings among lines of descent (couple to child), without the lines from partners to their\n"
                "couple's node - which, where dot draws partners apart, are long diagonals:\n");
    std::printf("%-*s %16s %14s %11s %12s %12s %22s %21s\n", w, "case", "sibs out of", "rules: dot ms", "rules: dot",
                "rules: kring", "rank/order", "partners with someone", "crossings of descent");
    std::printf("%-*s %16s %14s %11s %12s %12s %22s %21s\n", w, "", "order: dot/kring", "", "crossings", "crossings",
                "broken: dot", "between: dot/rules/kring", "lines: dot/rules/kring");
    for (const Row& r : rows)
        std::printf("%-*s %12d/%-3d %14.1f %11d %12d %12d %16d/%d/%d %21s\n", w, r.name.c_str(), r.dot.out_of_birth_order,
                    r.sibships - r.sibships_in_order, r.rules.ms, r.rules.crossings, r.crossings, r.rules.rules_broken(),
                    r.dot.partners_apart, r.rules.partners_apart, r.partners - r.partners_adjacent,
                    (std::to_string(r.dot.descent_crossings) + "/" + std::to_string(r.rules.descent_crossings) + "/" + std::to_string(r.descent)).c_str());
    std::printf("\nDot told every rule: as above, and each run of partners one node (a record, a field per person,\n"
                "each line at its person's field), so that partners stand side by side as in kring. Then the same\n"
                "with birth order left free (no ordering=out), to show what keeping it costs dot:\n");
    std::printf("%-*s %14s %22s %21s %16s %22s\n", w, "case", "side by side:", "crossings", "crossings of descent",
                "sibs out of", "birth order free:");
    std::printf("%-*s %14s %22s %21s %16s %22s\n", w, "", "dot ms", "dot/kring", "lines: dot/kring", "order: dot",
                "dot crossings / sibs");
    for (const Row& r : rows)
        std::printf("%-*s %14.1f %22s %21s %16d %15d / %-4d\n", w, r.name.c_str(), r.blocks.ms,
                    (std::to_string(r.blocks.crossings) + "/" + std::to_string(r.crossings)).c_str(),
                    (std::to_string(r.blocks.descent_crossings) + "/" + std::to_string(r.descent)).c_str(), r.blocks.out_of_birth_order,
                    r.blocks_free.crossings, r.blocks_free.out_of_birth_order);
    if (json) {
        std::string out = "{\"cases\":[";
        char buf[2048];
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            std::snprintf(buf, sizeof buf,
                          "%s{\"name\":\"%s\",\"persons\":%d,\"ms\":%.3f,\"dot_ms\":%.3f,\"crossings\":%d,"
                          "\"dot_crossings\":%d,\"overlaps\":%d,\"speedup\":%.1f,\"lines_through_symbols\":%d,"
                          "\"label_overlaps\":%d,\"width\":%.0f,\"height\":%.0f,\"dot_width\":%.0f,\"dot_height\":%.0f,"
                          "\"partners_adjacent\":%d,\"partners\":%d,\"sibships_in_order\":%d,\"sibships\":%d,"
                          "\"dot_siblings_out_of_order\":%d,\"dot_rules_ms\":%.3f,\"dot_rules_crossings\":%d,"
                          "\"dot_rules_broken\":%d,\"dot_partners_apart\":%d,\"dot_rules_partners_apart\":%d,"
                          "\"descent_crossings\":%d,\"dot_descent_crossings\":%d,\"dot_rules_descent_crossings\":%d,"
                          "\"dot_blocks_ms\":%.3f,\"dot_blocks_crossings\":%d,\"dot_blocks_descent_crossings\":%d,"
                          "\"dot_blocks_siblings_out_of_order\":%d,\"dot_blocks_partners_apart\":%d,"
                          "\"dot_blocks_free_crossings\":%d,\"dot_blocks_free_siblings_out_of_order\":%d}",
                          i ? "," : "", r.name.c_str(), r.persons, r.ms, r.dot.ms, r.crossings, r.dot.crossings,
                          r.overlaps, r.dot.ms / std::max(r.ms, 1e-3), r.lines_through_symbols, r.label_overlaps,
                          r.width, r.height, r.dot.width, r.dot.height, r.partners_adjacent, r.partners,
                          r.sibships_in_order, r.sibships, r.dot.out_of_birth_order, r.rules.ms, r.rules.crossings,
                          r.rules.rules_broken(), r.dot.partners_apart, r.rules.partners_apart, r.descent, r.dot.descent_crossings,
                          r.rules.descent_crossings, r.blocks.ms, r.blocks.crossings, r.blocks.descent_crossings, r.blocks.out_of_birth_order,
                          r.blocks.partners_apart, r.blocks_free.crossings, r.blocks_free.out_of_birth_order);
            out += buf;
        }
        out += "]}";
        std::printf("%s\n", out.c_str());
    }
    return 0;
}
