#!/usr/bin/python3
"""Reference measures for kring's network analysis tests, computed by networkx.

Usage: nx_measures.py EDGES_FILE FOCUS
EDGES_FILE: first line "n", then one "a b" line per undirected edge (0-based vertices).
Prints one JSON object: betweenness (normalised), articulation points, bridges, density of
the whole graph and of the graph without FOCUS, Burt's effective size and constraint
(null where networkx gives NaN). Exit code 3 when networkx is not installed.
"""
import json
import math
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx not installed", file=sys.stderr)
    sys.exit(3)


def clean(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def main():
    path, focus = sys.argv[1], int(sys.argv[2])
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    bc = nx.betweenness_centrality(g, normalized=True)
    es = nx.effective_size(g)
    cs = nx.constraint(g)
    rest = g.copy()
    if 0 <= focus < n:
        rest.remove_node(focus)
    out = {
        "betweenness": [bc[v] for v in range(n)],
        "articulation_points": sorted(nx.articulation_points(g)),
        "bridges": sorted(sorted(e) for e in nx.bridges(g)),
        "density": nx.density(g) if n > 1 else 0.0,
        "density_without_focus": nx.density(rest) if rest.number_of_nodes() > 1 else 0.0,
        "effective_size": [clean(es[v]) for v in range(n)],
        "constraint": [clean(cs[v]) for v in range(n)],
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
