// bench-network: the network analysis on generated networks (1,000 / 10,000 / 100,000
// persons by default, or the sizes given) and betweenness against python3-igraph on the
// same graph in the same run; plus the analysis of the demo case.
//
//   bench-network [--json] [N ...]
//
// For each size: a sparse "caseload-like" network (households of 2-5 persons, each person
// tied to ~2 others; 10 % professionals) is generated with a fixed seed. "ms" is kring's
// whole analyze() (figures + findings). Betweenness is compared on the same graph:
// exact Brandes for graphs up to 10,000 persons, and from the same 500 sampled sources
// (igraph's betweenness(sources=...)) above that, where exact O(VE) betweenness takes minutes
// in both. igraph's time is measured inside the python process (graph construction excluded).
#include "core/analysis.hpp"
#include "core/caseio.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>
#include <sys/wait.h>

using namespace kring;
namespace fs = std::filesystem;

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

Case generate(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    Case c;
    c.info.name = "generated";
    c.info.date = *PartialDate::parse("2026-01-01");
    const Category cats[] = {Category::Family, Category::Friend, Category::Neighbour, Category::SchoolWork, Category::Leisure};
    for (int i = 0; i < n; ++i) {
        Person p;
        p.id = c.new_person_id();
        p.given = "P" + std::to_string(i);
        p.birth = *PartialDate::parse(std::to_string(1950 + static_cast<int>(rng() % 70)));
        p.category = i < 4 ? Category::Household : (rng() % 10 == 0 ? Category::Professional : cats[rng() % 5]);
        p.index_person = i == 0;
        p.risk = rng() % 200 == 0;
        c.put(p);
    }
    auto rel = [&](RelationKind k, int a, int b) {
        if (a == b) return;
        Relation r;
        r.id = c.new_relation_id();
        r.kind = k;
        r.a = PersonId(static_cast<std::uint32_t>(a + 1));
        r.b = PersonId(static_cast<std::uint32_t>(b + 1));
        r.support = static_cast<SupportType>(rng() % 5);
        r.direction = static_cast<Direction>(rng() % 3);
        c.put(r);
    };
    // Households of 2-5 persons in a chain of contacts, plus random ties (locality-biased).
    for (int i = 1; i < n; ++i) {
        const int back = 1 + static_cast<int>(rng() % std::min<std::uint64_t>(static_cast<std::uint64_t>(i), 50));
        rel(rng() % 3 == 0 ? RelationKind::Support : RelationKind::Contact, i - back, i);
        if (rng() % 2) rel(RelationKind::Contact, static_cast<int>(rng() % static_cast<std::uint64_t>(n)), i);
    }
    return c;
}

struct Igraph {
    bool ok = false;
    double ms = 0;
    std::vector<double> values;
    std::string why;
};

// Runs igraph's betweenness on the graph (optionally from sources only) in /usr/bin/python3.
Igraph igraph_betweenness(const NetworkGraph& g, const std::vector<int>* sources) {
    Igraph r;
    const fs::path dir = fs::temp_directory_path() / ("kring-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path edges = dir / "edges.txt", script = dir / "bc.py", out = dir / "out.txt";
    {
        std::ofstream f(edges);
        f << g.n << "\n";
        for (auto [a, b] : g.edges) f << a << " " << b << "\n";
        if (sources) {
            f << "S";
            for (int s : *sources) f << " " << s;
            f << "\n";
        }
    }
    {
        std::ofstream f(script);
        f << "import sys, time\n"
             "try:\n    import igraph\nexcept ImportError:\n    sys.exit(3)\n"
             "lines = open(sys.argv[1]).read().split('\\n')\n"
             "n = int(lines[0]); edges = []; sources = None\n"
             "for l in lines[1:]:\n"
             "    if l.startswith('S'): sources = [int(x) for x in l.split()[1:]]\n"
             "    elif l.strip(): a, b = l.split(); edges.append((int(a), int(b)))\n"
             "g = igraph.Graph(n=n, edges=edges, directed=False)\n"
             "t0 = time.perf_counter()\n"
             "try:\n"
             "    bc = g.betweenness(directed=False, sources=sources) if sources is not None else g.betweenness(directed=False)\n"
             "except TypeError:\n    sys.exit(4)\n"
             "ms = (time.perf_counter() - t0) * 1000\n"
             "with open(sys.argv[2], 'w') as f:\n"
             "    f.write('%r\\n' % ms)\n"
             "    f.write(' '.join(repr(x) for x in bc))\n";
    }
    const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + edges.string() + "' '" + out.string() + "' 2>/dev/null";
    const int rc = access("/usr/bin/python3", X_OK) == 0 ? std::system(cmd.c_str()) : -1;
    if (rc == 0) {
        std::ifstream f(out);
        f >> r.ms;
        for (double x; f >> x;) r.values.push_back(x);
        r.ok = static_cast<int>(r.values.size()) == g.n;
    }
    if (!r.ok)
        r.why = rc == -1                                    ? "/usr/bin/python3 missing"
                : WIFEXITED(rc) && WEXITSTATUS(rc) == 4 ? "this python3-igraph has no betweenness(sources=...) to sample with "
                                                          "(exact betweenness on this graph would take far too long)"
                                                        : "python3-igraph not available";
    fs::remove_all(dir);
    return r;
}

struct Row {
    std::string name;
    int persons = 0;
    double analyze_ms = 0, bc_ms = 0, igraph_ms = -1, max_diff = -1;
    bool sampled = false;
};

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) json = true;
        else sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) sizes = {1000, 10000, 100000};
    std::vector<Row> rows;

    // The demo case (17 persons): the whole analysis, best of 20 runs.
    {
        auto loaded = load_case(fs::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring");
        if (loaded.ok()) {
            Row r;
            r.name = "demo case";
            r.persons = static_cast<int>(loaded.value.persons().size());
            r.analyze_ms = 1e9;
            for (int k = 0; k < 20; ++k) {
                const auto t0 = std::chrono::steady_clock::now();
                const Analysis a = analyze(loaded.value);
                r.analyze_ms = std::min(r.analyze_ms, ms_since(t0));
                (void)a;
            }
            const NetworkGraph g = network_graph(loaded.value);
            const auto t0 = std::chrono::steady_clock::now();
            const auto bc = betweenness(g);
            r.bc_ms = ms_since(t0);
            const Igraph ig = igraph_betweenness(g, nullptr);
            if (ig.ok) r.igraph_ms = ig.ms;
            rows.push_back(r);
        }
    }
    for (int n : sizes) {
        Row r;
        r.name = "generated";
        r.persons = n;
        const Case c = generate(n, 20240501u + static_cast<unsigned>(n));
        auto t0 = std::chrono::steady_clock::now();
        const Analysis a = analyze(c);
        r.analyze_ms = ms_since(t0);
        const NetworkGraph g = network_graph(c);
        const AnalysisOptions opt;
        r.sampled = g.n > 10000;
        std::vector<int> sources = sample_sources(g.n, opt.betweenness_samples, opt.seed);
        t0 = std::chrono::steady_clock::now();
        const auto bc = r.sampled ? betweenness_from(g, sources) : betweenness(g);
        r.bc_ms = ms_since(t0);
        const Igraph ig = igraph_betweenness(g, r.sampled ? &sources : nullptr);
        if (ig.ok) {
            r.igraph_ms = ig.ms;
            // igraph gives raw pair counts; kring normalises as networkx: (n-1)(n-2)/2, and
            // scales sampled sums by n/k. Compare in igraph's units.
            double scale = (static_cast<double>(g.n) - 1) * (static_cast<double>(g.n) - 2) / 2;
            if (r.sampled) scale *= static_cast<double>(sources.size()) / g.n / 2;  // sources count each pair once
            r.max_diff = 0;
            for (int v = 0; v < g.n; ++v) {
                const double ours = bc[static_cast<std::size_t>(v)] * scale, theirs = ig.values[static_cast<std::size_t>(v)];
                r.max_diff = std::max(r.max_diff, std::abs(ours - theirs) / std::max(1.0, std::abs(theirs)));
            }
        } else {
            std::cerr << "bench-network: igraph reference skipped: " << ig.why << "\n";
        }
        (void)a;
        rows.push_back(r);
    }

    std::printf("%-10s %9s %12s %14s %12s %7s %10s  %s\n", "network", "persons", "analyze ms", "betweenness ms", "igraph ms",
                "ratio", "max diff", "betweenness");
    for (const auto& r : rows) {
        char ratio[32] = "-", ig[32] = "-", diff[32] = "-";
        if (r.igraph_ms >= 0) {
            std::snprintf(ig, sizeof ig, "%.2f", r.igraph_ms);
            std::snprintf(ratio, sizeof ratio, "%.2f", r.bc_ms / std::max(r.igraph_ms, 1e-3));
        }
        if (r.max_diff >= 0) std::snprintf(diff, sizeof diff, "%.1e", r.max_diff);
        std::printf("%-10s %9d %12.2f %14.2f %12s %7s %10s  %s\n", r.name.c_str(), r.persons, r.analyze_ms, r.bc_ms, ig, ratio, diff,
                    r.sampled ? "500 sampled sources (both)" : "exact (both)");
    }
    std::printf("targets: betweenness no slower than igraph (ratio <= 1); a case under 200 persons analysed in < 10 ms\n");
    if (json) {
        std::string out = "{\"cases\":[";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "%s{\"name\":\"%s\",\"persons\":%d,\"ms\":%.3f,\"betweenness_ms\":%.3f,\"igraph_ms\":%s}",
                          i ? "," : "", rows[i].name.c_str(), rows[i].persons, rows[i].analyze_ms, rows[i].bc_ms,
                          rows[i].igraph_ms >= 0 ? std::to_string(rows[i].igraph_ms).c_str() : "null");
            out += buf;
        }
        std::printf("%s]}\n", out.c_str());
    }
    return 0;
}
