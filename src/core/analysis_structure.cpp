// Structural measures of the network graph: betweenness (Brandes), articulation points and
// bridges (biconnected components), dependents, Burt's effective size and constraint,
// density. Exact betweenness and the biconnected components come from Boost.Graph.
#include "core/analysis.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <unordered_map>

namespace kring {

namespace {

// Compressed adjacency (neighbours of v: nbr[off[v] .. off[v+1]), sorted).
struct Csr {
    std::vector<int> off;
    std::vector<int> nbr;
    explicit Csr(const NetworkGraph& g) : off(static_cast<std::size_t>(g.n) + 1, 0) {
        for (auto [a, b] : g.edges) {
            ++off[static_cast<std::size_t>(a) + 1];
            ++off[static_cast<std::size_t>(b) + 1];
        }
        for (std::size_t i = 1; i < off.size(); ++i) off[i] += off[i - 1];
        nbr.resize(static_cast<std::size_t>(off.back()));
        std::vector<int> fill(off.begin(), off.end() - 1);
        for (auto [a, b] : g.edges) {
            nbr[static_cast<std::size_t>(fill[static_cast<std::size_t>(a)]++)] = b;
            nbr[static_cast<std::size_t>(fill[static_cast<std::size_t>(b)]++)] = a;
        }
        for (std::size_t v = 0; v + 1 < off.size(); ++v)
            std::sort(nbr.begin() + off[v], nbr.begin() + off[v + 1]);
    }
    [[nodiscard]] int degree(int v) const { return off[static_cast<std::size_t>(v) + 1] - off[static_cast<std::size_t>(v)]; }
    [[nodiscard]] std::span<const int> of(int v) const {
        return {nbr.data() + off[static_cast<std::size_t>(v)], static_cast<std::size_t>(degree(v))};
    }
};

void check(const NetworkGraph& g) {
    for (auto [a, b] : g.edges)
        if (a < 0 || b < 0 || a >= g.n || b >= g.n || a == b)
            throw std::invalid_argument("network graph: edge (" + std::to_string(a) + ", " + std::to_string(b) +
                                        ") is not between two distinct vertices of 0.." + std::to_string(g.n - 1));
}

// Networkx's normalisation for undirected graphs, applied to per-source dependency sums
// (which count every unordered pair twice when every vertex is a source).
double pair_scale(int n) {
    if (n <= 2) return 0.5;  // networkx leaves n <= 2 unnormalised; all values are 0 anyway
    return 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
}

}  // namespace

bool makes_tie(const Relation& r) {
    if (r.a == r.b) return false;
    if (r.kind == RelationKind::Emotional && r.emotion == EmotionKind::CutOff) return false;
    if (r.kind == RelationKind::Contact && (r.no_contact || r.frequency == Frequency::Never)) return false;
    return true;
}

bool in_network(const Person& p) { return p.kind == EntryKind::Person && !p.deceased; }

NetworkGraph network_graph(const Case& c) {
    NetworkGraph g;
    std::unordered_map<PersonId, int> vertex;
    vertex.reserve(c.persons().size());
    for (const auto& [id, p] : c.persons()) {
        if (!in_network(p)) continue;
        vertex.emplace(id, g.n++);
        g.persons.push_back(id);
    }
    for (const auto& [rid, r] : c.relations()) {
        if (!makes_tie(r)) continue;
        auto ia = vertex.find(r.a), ib = vertex.find(r.b);
        if (ia == vertex.end() || ib == vertex.end()) continue;
        g.edges.emplace_back(std::min(ia->second, ib->second), std::max(ia->second, ib->second));
    }
    std::sort(g.edges.begin(), g.edges.end());
    g.edges.erase(std::unique(g.edges.begin(), g.edges.end()), g.edges.end());
    return g;
}

std::vector<double> betweenness(const NetworkGraph& g) {
    check(g);
    if (g.n > 64) {
        // Same Brandes algorithm on a compressed adjacency array: measurably faster than
        // boost::brandes_betweenness_centrality on adjacency_list for large graphs (see
        // bench-network); results agree to rounding (tests check both against networkx).
        std::vector<int> all(static_cast<std::size_t>(g.n));
        for (int v = 0; v < g.n; ++v) all[static_cast<std::size_t>(v)] = v;
        return betweenness_from(g, all);
    }
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph bg(g.edges.begin(), g.edges.end(), static_cast<Graph::vertices_size_type>(g.n));
    std::vector<double> c(static_cast<std::size_t>(g.n), 0.0);
    boost::brandes_betweenness_centrality(bg, boost::make_iterator_property_map(c.begin(), get(boost::vertex_index, bg)));
    // Boost halves undirected sums: c counts each unordered pair once.
    const double scale = 2.0 * pair_scale(g.n);
    for (double& x : c) x *= scale;
    return c;
}

std::vector<double> betweenness_from(const NetworkGraph& g, std::span<const int> sources) {
    check(g);
    const Csr adj(g);
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<double> result(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
    std::vector<int> dist(n, -1), order;
    order.reserve(n);
    for (int s : sources) {
        if (s < 0 || s >= g.n) throw std::invalid_argument("betweenness_from: source " + std::to_string(s) + " out of range");
        // Breadth-first search from s counting shortest paths.
        order.clear();
        dist[static_cast<std::size_t>(s)] = 0;
        sigma[static_cast<std::size_t>(s)] = 1;
        order.push_back(s);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const int v = order[head];
            const int dv = dist[static_cast<std::size_t>(v)];
            for (int w : adj.of(v)) {
                auto& dw = dist[static_cast<std::size_t>(w)];
                if (dw < 0) {
                    dw = dv + 1;
                    order.push_back(w);
                }
                if (dw == dv + 1) sigma[static_cast<std::size_t>(w)] += sigma[static_cast<std::size_t>(v)];
            }
        }
        // Accumulate dependencies in order of decreasing distance; predecessors of w are
        // the neighbours one step closer to s.
        for (std::size_t i = order.size(); i-- > 1;) {
            const int w = order[i];
            const auto wi = static_cast<std::size_t>(w);
            const double coeff = (1.0 + delta[wi]) / sigma[wi];
            for (int v : adj.of(w))
                if (dist[static_cast<std::size_t>(v)] == dist[wi] - 1)
                    delta[static_cast<std::size_t>(v)] += sigma[static_cast<std::size_t>(v)] * coeff;
            result[wi] += delta[wi];
        }
        for (int v : order) {
            const auto vi = static_cast<std::size_t>(v);
            dist[vi] = -1;
            sigma[vi] = 0;
            delta[vi] = 0;
        }
    }
    if (!sources.empty()) {
        const double scale = pair_scale(g.n) * static_cast<double>(g.n) / static_cast<double>(sources.size());
        for (double& x : result) x *= scale;
    }
    return result;
}

std::vector<int> sample_sources(int n, int k, std::uint64_t seed) {
    std::vector<int> all(static_cast<std::size_t>(std::max(n, 0)));
    for (int i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
    if (k >= n) return all;
    // Partial Fisher-Yates on mt19937_64, whose output is fixed by the standard, so the
    // same seed gives the same sample everywhere.
    std::mt19937_64 rng(seed);
    for (int i = 0; i < k; ++i) {
        const auto j = static_cast<std::size_t>(i) + static_cast<std::size_t>(rng() % static_cast<std::uint64_t>(n - i));
        std::swap(all[static_cast<std::size_t>(i)], all[j]);
    }
    all.resize(static_cast<std::size_t>(std::max(k, 0)));
    std::sort(all.begin(), all.end());
    return all;
}

Biconnected biconnected(const NetworkGraph& g) {
    check(g);
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::size_t>>;
    Graph bg(static_cast<Graph::vertices_size_type>(g.n));
    for (std::size_t i = 0; i < g.edges.size(); ++i) add_edge(g.edges[i].first, g.edges[i].second, i, bg);
    std::vector<std::size_t> component(g.edges.size(), 0);
    auto comp_map = boost::make_iterator_property_map(component.begin(), get(boost::edge_index, bg));
    Biconnected out;
    const auto [count, end] = boost::biconnected_components(bg, comp_map, std::back_inserter(out.articulation_points));
    (void)end;
    std::vector<int> edges_in(count, 0);
    for (std::size_t c : component) ++edges_in[c];
    for (std::size_t i = 0; i < g.edges.size(); ++i)
        if (edges_in[component[i]] == 1) out.bridges.push_back(g.edges[i]);
    std::sort(out.articulation_points.begin(), out.articulation_points.end());
    std::sort(out.bridges.begin(), out.bridges.end());
    return out;
}

std::vector<int> dependents(const NetworkGraph& g, int root) {
    check(g);
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<int> dep(n, 0);
    if (root < 0 || root >= g.n) return dep;
    const Csr adj(g);
    // Iterative depth-first search from root (Tarjan's low points). A child c of v whose
    // subtree cannot reach above v (low[c] >= disc[v]) hangs on v: its size[c] persons
    // lose their path to root when v is removed.
    std::vector<int> disc(n, -1), low(n, 0), size(n, 1), parent(n, -1);
    std::vector<std::pair<int, int>> stack;  // vertex, next neighbour position
    int timer = 0;
    disc[static_cast<std::size_t>(root)] = low[static_cast<std::size_t>(root)] = timer++;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
        auto& [v, pos] = stack.back();
        const auto nb = adj.of(v);
        const auto vi = static_cast<std::size_t>(v);
        if (pos < static_cast<int>(nb.size())) {
            const int w = nb[static_cast<std::size_t>(pos++)];
            const auto wi = static_cast<std::size_t>(w);
            if (disc[wi] < 0) {
                parent[wi] = v;
                disc[wi] = low[wi] = timer++;
                stack.emplace_back(w, 0);
            } else if (w != parent[vi]) {
                low[vi] = std::min(low[vi], disc[wi]);
            }
            continue;
        }
        const int p = parent[vi];
        stack.pop_back();
        if (p < 0) continue;
        const auto pi = static_cast<std::size_t>(p);
        low[pi] = std::min(low[pi], low[vi]);
        size[pi] += size[vi];
        if (p != root && low[vi] >= disc[pi]) dep[pi] += size[vi];
    }
    return dep;
}

namespace {

struct Burt {
    std::vector<double> effective_size, constraint;
};

Burt burt(const NetworkGraph& g) {
    check(g);
    const Csr adj(g);
    const auto n = static_cast<std::size_t>(g.n);
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    Burt out{std::vector<double>(n, nan), std::vector<double>(n, nan)};
    std::vector<int> mark(n, -1);
    for (int v = 0; v < g.n; ++v) {
        const int dv = adj.degree(v);
        if (dv == 0) continue;
        for (int j : adj.of(v)) mark[static_cast<std::size_t>(j)] = v;
        long long twice_ties = 0;  // 2t: every tie among neighbours seen from both ends
        double constraint = 0;
        for (int j : adj.of(v)) {
            double indirect = 0;  // sum over common neighbours q of 1/d_q
            for (int q : adj.of(j))
                if (mark[static_cast<std::size_t>(q)] == v) {
                    ++twice_ties;
                    indirect += 1.0 / adj.degree(q);
                }
            const double local = (1.0 + indirect) / dv;
            constraint += local * local;
        }
        out.effective_size[static_cast<std::size_t>(v)] = dv - static_cast<double>(twice_ties) / dv;
        out.constraint[static_cast<std::size_t>(v)] = constraint;
    }
    return out;
}

}  // namespace

std::vector<double> effective_size(const NetworkGraph& g) { return burt(g).effective_size; }
std::vector<double> constraint(const NetworkGraph& g) { return burt(g).constraint; }

double density(const NetworkGraph& g, int excluded) {
    check(g);
    long long m = static_cast<long long>(g.edges.size());
    long long k = g.n;
    if (excluded >= 0 && excluded < g.n) {
        --k;
        for (auto [a, b] : g.edges)
            if (a == excluded || b == excluded) --m;
    }
    if (k < 2) return 0;
    return static_cast<double>(m) / (static_cast<double>(k) * static_cast<double>(k - 1) / 2.0);
}

}  // namespace kring
