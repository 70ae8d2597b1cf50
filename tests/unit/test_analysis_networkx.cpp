// Cross-check of the structural measures against networkx (an independent implementation)
// on random graphs: betweenness, articulation points, bridges, density and Burt's
// effective size and constraint. Runs tests/data/analysis/nx_measures.py with the system
// python (/usr/bin/python3); skips with a message when it or networkx is missing.
#include "core/analysis.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kring;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

fs::path script() { return fs::path(KRING_TEST_DATA_DIR) / "analysis" / "nx_measures.py"; }

// Random simple graph: n vertices, each pair tied with probability p, plus a few pendant
// chains and isolated vertices so that articulation points and bridges occur.
NetworkGraph random_graph(int n, double p, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::set<std::pair<int, int>> edges;
    const int core = n * 2 / 3;
    for (int a = 0; a < core; ++a)
        for (int b = a + 1; b < core; ++b)
            if (u(rng) < p) edges.insert({a, b});
    // Pendant vertices and short chains hanging off the core; the last two stay isolated.
    for (int v = core; v < n - 2; ++v) {
        const int anchor = static_cast<int>(rng() % static_cast<std::uint64_t>(v));
        edges.insert({std::min(anchor, v), std::max(anchor, v)});
    }
    NetworkGraph g;
    g.n = n;
    g.edges.assign(edges.begin(), edges.end());
    return g;
}

struct Reference {
    bool available = false;
    std::string why;
    nlohmann::json j;
};

Reference networkx(const NetworkGraph& g, int focus) {
    Reference ref;
    if (access(kPython, X_OK) != 0) {
        ref.why = std::string(kPython) + " not found";
        return ref;
    }
    const fs::path dir = fs::temp_directory_path() / ("kring-nx-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path edges = dir / "edges.txt", out = dir / "out.json";
    {
        std::ofstream f(edges);
        f << g.n << "\n";
        for (auto [a, b] : g.edges) f << a << " " << b << "\n";
    }
    const std::string cmd = std::string(kPython) + " '" + script().string() + "' '" + edges.string() + "' " +
                            std::to_string(focus) + " > '" + out.string() + "' 2>/dev/null";
    const int rc = std::system(cmd.c_str());
    if (rc != 0) {
        ref.why = "python3 with networkx not available (exit " + std::to_string(rc) + ")";
    } else {
        std::ifstream f(out);
        ref.j = nlohmann::json::parse(f, nullptr, false);
        ref.available = !ref.j.is_discarded();
        if (!ref.available) ref.why = "could not parse networkx output";
    }
    fs::remove_all(dir);
    return ref;
}

void check_close(const std::vector<double>& ours, const nlohmann::json& theirs, const char* what) {
    REQUIRE(theirs.size() == ours.size());
    for (std::size_t v = 0; v < ours.size(); ++v) {
        INFO(what << " of vertex " << v);
        if (theirs[v].is_null()) {
            CHECK(std::isnan(ours[v]));
        } else {
            CHECK(ours[v] == doctest::Approx(theirs[v].get<double>()).epsilon(1e-9));
        }
    }
}

}  // namespace

TEST_CASE("structural measures agree with networkx on random graphs") {
    const std::array<std::pair<int, double>, 5> shapes = {{{12, 0.3}, {30, 0.15}, {45, 0.08}, {60, 0.05}, {80, 0.2}}};
    std::uint64_t seed = 7;
    for (auto [n, p] : shapes) {
        for (int rep = 0; rep < 2; ++rep) {
            const NetworkGraph g = random_graph(n, p, ++seed);
            const int focus = static_cast<int>(seed % static_cast<std::uint64_t>(n));
            const Reference ref = networkx(g, focus);
            if (!ref.available) {
                MESSAGE("skipped: " << ref.why);
                return;
            }
            CAPTURE(n);
            CAPTURE(seed);
            check_close(betweenness(g), ref.j["betweenness"], "betweenness");
            // Sampling every vertex as a source is exact betweenness too.
            check_close(betweenness_from(g, sample_sources(g.n, g.n, 1)), ref.j["betweenness"], "betweenness_from");
            const Biconnected bic = biconnected(g);
            CHECK(bic.articulation_points == ref.j["articulation_points"].get<std::vector<int>>());
            std::vector<std::pair<int, int>> bridges;
            for (const auto& e : ref.j["bridges"]) bridges.emplace_back(e[0].get<int>(), e[1].get<int>());
            CHECK(bic.bridges == bridges);
            CHECK(density(g, -1) == doctest::Approx(ref.j["density"].get<double>()));
            CHECK(density(g, focus) == doctest::Approx(ref.j["density_without_focus"].get<double>()));
            check_close(effective_size(g), ref.j["effective_size"], "effective size");
            check_close(constraint(g), ref.j["constraint"], "constraint");
        }
    }
}
