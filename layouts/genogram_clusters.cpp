// Genogram: fewer crossings - whole families moved along the one line that joins them to
// the rest of the drawing.
//
// The sweeps move blocks by their neighbours' average and sifting moves one block at a
// time within its row; neither can move a family that hangs from the rest by a single
// line of descent - say a daughter married into another family far along the row, with
// her parents, their ancestry and her siblings' descendants - because every single step
// of such a move costs more than it gains. Such a line is a bridge of the graph of
// blocks (blocks joined by the lines of descent between them): without it the drawing
// falls apart in two. The smaller part moves as a whole, in every row it occupies, by the
// distance that makes the bridge come down straight, keeping its own order and the order
// of everything else. The bridge's sibship keeps its birth order: a child that stays has
// its moving siblings put around it in birth order, a child that moves goes between the
// siblings that stay. The moved family then settles in (sifted among the blocks around
// it), and the move is kept when it lowers the weighted crossings of the bands it can
// change; longest lines first. Deterministic, and nothing depends on the leaves.
// The side moves (at the end) do the same for the two sides of a pedigree that a couple
// joins (and at most a few lines besides), when they interleave.
#include "layouts/genogram_sweep.hpp"

#include <cmath>
#include <span>

namespace kring::genogram_detail::sweep {

namespace {

// At most this many moves are tried, longest lines first (measured 8, 16, 32, 64 and 256
// on the bench and multi-seed families: 16 gave most of the gain of 64 at a quarter of
// the cost), and in a large family one per kNodesPerTry nodes of the skeleton (persons
// with a partner or children, and the phantoms standing for the leaves) if that is more:
// there a line has more to cross and the layout more time to spare against dot's
// (measured per 20, 30 and 40: with 40, 2,000 p 5,613 -> 5,554 crossings and Gramps'
// example tree 1,047 -> 943 for 22% more instructions at 2,000 p; 500 p unchanged).
constexpr int kTries = 16, kNodesPerTry = 40;

struct Line {
    int from, to;  // blocks: the union's (its first partner's) and the child's
    int u, k;      // the union and the child (or phantom)
};

// The blocks' links, all in one array (a vector per block cost as many allocations as
// there are blocks, three times per layout).
struct BlockGraph {
    std::vector<Line> lines;
    std::vector<std::size_t> start;           // per block: its first link; one more at the end
    std::vector<std::pair<int, int>> links;   // (other block, line), grouped by block
    [[nodiscard]] std::size_t size() const { return start.size() - 1; }
    [[nodiscard]] std::span<const std::pair<int, int>> adj(std::size_t b) const {
        return {links.data() + start[b], links.data() + start[b + 1]};
    }
};

BlockGraph block_graph(const Sweep& s) {
    BlockGraph g;
    g.start.assign(s.blocks.size() + 1, 0);
    for (std::size_t ui = 0; ui < s.unions.size(); ++ui) {
        const Sweep::U& u = s.unions[ui];
        const int from = s.block_of[static_cast<std::size_t>(u.a)];
        for (int k : u.lines) {
            const int to = s.block_of[static_cast<std::size_t>(k)];
            if (from < 0 || to < 0 || from == to) continue;
            g.lines.push_back({from, to, static_cast<int>(ui), k});
            ++g.start[static_cast<std::size_t>(from) + 1];
            ++g.start[static_cast<std::size_t>(to) + 1];
        }
    }
    for (std::size_t b = 1; b < g.start.size(); ++b) g.start[b] += g.start[b - 1];
    g.links.resize(g.start.back());
    std::vector<std::size_t> fill(g.start.begin(), g.start.end() - 1);
    for (std::size_t li = 0; li < g.lines.size(); ++li) {  // in line order, as before
        const Line& l = g.lines[li];
        g.links[fill[static_cast<std::size_t>(l.from)]++] = {l.to, static_cast<int>(li)};
        g.links[fill[static_cast<std::size_t>(l.to)]++] = {l.from, static_cast<int>(li)};
    }
    return g;
}

// Bridges of the block graph (Tarjan, without recursion): per line, the block on its far
// side in the depth-first tree when it is a bridge (-1 otherwise); per block, how many
// blocks hang below it in that tree and the root of its connected part.
struct Bridges {
    std::vector<int> below;     // per line
    std::vector<int> subtree;   // per block
    std::vector<int> root;      // per block
    // Blocks below `b` in the tree, and in its whole connected part.
    [[nodiscard]] int under(int b) const { return subtree[static_cast<std::size_t>(b)]; }
    [[nodiscard]] int whole(int b) const { return subtree[static_cast<std::size_t>(root[static_cast<std::size_t>(b)])]; }
};

Bridges find_bridges(const BlockGraph& g) {
    const std::size_t n = g.size();
    Bridges b;
    b.below.assign(g.lines.size(), -1);
    b.subtree.assign(n, 1);
    b.root.assign(n, -1);
    std::vector<int> tin(n, -1), low(n, 0);
    struct Frame {
        int v, via;
        std::size_t next;
    };
    std::vector<Frame> stack;
    int t = 0;
    for (std::size_t s0 = 0; s0 < n; ++s0) {
        if (tin[s0] >= 0) continue;
        tin[s0] = low[s0] = t++;
        b.root[s0] = static_cast<int>(s0);
        stack.push_back({static_cast<int>(s0), -1, 0});
        while (!stack.empty()) {
            Frame& f = stack.back();
            const auto v = static_cast<std::size_t>(f.v);
            if (f.next < g.adj(v).size()) {
                const auto [w, li] = g.adj(v)[f.next++];
                if (li == f.via) continue;
                const auto wz = static_cast<std::size_t>(w);
                if (tin[wz] < 0) {
                    tin[wz] = low[wz] = t++;
                    b.root[wz] = static_cast<int>(s0);
                    stack.push_back({w, li, 0});
                } else {
                    low[v] = std::min(low[v], tin[wz]);
                }
                continue;
            }
            const int child = f.v, via = f.via;
            stack.pop_back();
            if (stack.empty()) continue;
            const auto up = static_cast<std::size_t>(stack.back().v);
            const auto cz = static_cast<std::size_t>(child);
            low[up] = std::min(low[up], low[cz]);
            b.subtree[up] += b.subtree[cz];
            if (low[cz] > tin[up]) b.below[static_cast<std::size_t>(via)] = child;
        }
    }
    return b;
}

// A moved family settles in: in each of its rows, top to bottom and back, its blocks
// are sifted among the few blocks around them (kSettleReach each way). Landing as one
// run at the shifted place, it usually lies a few blocks off the best spot, and judged
// before settling most moves looked worse than they were: Gramps' example tree 1,385 ->
// 1,047 crossings with settling (and a second round of moves, genogram_sweep.cpp);
// settling whole rows found no more (1,144) at twice the cost.
constexpr std::size_t kSettleReach = 12;

void settle(Sweep& s, const std::vector<int>& rows, const std::vector<char>& in, std::vector<std::pair<int, int>>& flips) {
    for (int r : rows)
        for (int b : s.order[static_cast<std::size_t>(r)])
            if (s.blocks[static_cast<std::size_t>(b)].flippable) flips.push_back({b, s.blocks[static_cast<std::size_t>(b)].members[0]});
    auto row = [&](int r) {
        const auto& seq = s.order[static_cast<std::size_t>(r)];
        std::size_t first = seq.size(), last = 0;
        for (std::size_t i = 0; i < seq.size(); ++i)
            if (in[static_cast<std::size_t>(seq[i])]) first = std::min(first, i), last = i;
        if (first < seq.size()) s.sift(static_cast<std::size_t>(r), first, last + 1, kSettleReach);
    };
    for (int r : rows) row(r);
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) row(*it);
}

// A move undone: the couples the settling mirrored back as they were.
void unflip(Sweep& s, const std::vector<std::pair<int, int>>& flips) {
    for (const auto& [b, first] : flips) {
        auto& members = s.blocks[static_cast<std::size_t>(b)].members;
        if (members[0] != first) std::reverse(members.begin(), members.end());
    }
}

// Crossings per band, recounted only where a move can change them: the bands whose lines
// reach into the rows it touched. Kept while the band's rows stay as they are: most moves
// are undone, and then the counts before them still hold.
struct BandCounts {
    const Sweep& s;
    std::vector<std::pair<int, int>> reach;  // per band: the rows its lines reach
    std::vector<long> known, fresh;
    explicit BandCounts(const Sweep& sw) : s(sw), reach(sw.band.size(), {1 << 30, -1}), known(sw.band.size(), -1), fresh(sw.band.size(), -1) {
        for (std::size_t r = 0; r < s.band.size(); ++r)
            for (int ui : s.band[r]) {
                const Sweep::U& u = s.unions[static_cast<std::size_t>(ui)];
                reach[r].first = std::min(reach[r].first, u.row);
                for (int k : u.lines) reach[r].second = std::max(reach[r].second, s.row_of[static_cast<std::size_t>(k)]);
            }
    }
    [[nodiscard]] bool touches(std::size_t r, int lo, int hi) const { return reach[r].second >= lo && reach[r].first <= hi; }
    // Of the bands reaching rows lo..hi: the crossings as they were, as they are now.
    long before(int lo, int hi) {
        long t = 0;
        for (std::size_t r = 0; r + 1 < s.band.size(); ++r)
            if (touches(r, lo, hi)) {
                if (known[r] < 0) known[r] = s.crossings(r);
                t += known[r];
            }
        return t;
    }
    long after(int lo, int hi) {
        long t = 0;
        for (std::size_t r = 0; r + 1 < s.band.size(); ++r)
            if (touches(r, lo, hi)) t += fresh[r] = s.crossings(r);
        return t;
    }
    // The move is kept: its counts are now the known ones.
    void keep(int lo, int hi) {
        for (std::size_t r = 0; r + 1 < s.band.size(); ++r)
            if (touches(r, lo, hi)) known[r] = fresh[r];
    }
    // Every row may have changed: all counted again.
    void recount() {
        for (std::size_t r = 0; r + 1 < s.band.size(); ++r) known[r] = s.crossings(r);
    }
};

// Every row sifted, down and up, until that gains nothing, as the sifting after the moves
// does (Sweep::sift_settled); returns the crossings then. With stamps of its own: a state
// put back is not a row left unchanged.
long sifted(Sweep& s) {
    Sweep::SiftStamps stamps;
    return s.sift_settled(stamps, false);
}

}  // namespace

long cluster_moves(Sweep& s) {
    const BlockGraph g = block_graph(s);
    const Bridges br = find_bridges(g);
    auto at = [&](std::size_t i) { return s.pos[i]; };
    auto length = [&](const Line& l) {
        return std::abs(s.anchor(s.unions[static_cast<std::size_t>(l.u)]) - at(static_cast<std::size_t>(l.k)));
    };
    // Bridges with more than one block on each side, longest first.
    std::vector<std::pair<double, int>> todo;
    for (std::size_t li = 0; li < g.lines.size(); ++li) {
        const int below = br.below[li];
        if (below < 0) continue;
        if (std::min(br.under(below), br.whole(below) - br.under(below)) < 2) continue;
        todo.push_back({-length(g.lines[li]), static_cast<int>(li)});
    }
    std::sort(todo.begin(), todo.end());

    BandCounts bands(s);

    long gain = 0;
    std::vector<char> in(s.blocks.size(), 0);
    std::vector<int> cluster, rows, run, rest, next;
    std::vector<std::vector<int>> saved;
    std::vector<std::pair<int, int>> flips;  // couples the settling may mirror: (block, first member)
    int tries = 0;
    const int limit = std::max(kTries, static_cast<int>(s.id.size()) / kNodesPerTry);
    for (const auto& [neg, li] : todo) {
        if (tries >= limit) break;
        const Line& l = g.lines[static_cast<std::size_t>(li)];
        const int krow = s.row_of[static_cast<std::size_t>(l.k)];
        if (length(l) < 3.0 / static_cast<double>(s.order_len[static_cast<std::size_t>(krow)])) continue;
        ++tries;
        // The smaller side, found by walking from its end of the bridge.
        const int below = br.below[static_cast<std::size_t>(li)];
        const bool below_small = 2 * br.under(below) <= br.whole(below);
        const int start = below_small ? below : (below == l.from ? l.to : l.from);
        cluster.assign(1, start);
        in[static_cast<std::size_t>(start)] = 1;
        bool pinned = false;
        for (std::size_t i = 0; i < cluster.size(); ++i) {
            const auto v = static_cast<std::size_t>(cluster[i]);
            pinned = pinned || s.blocks[v].pinned;
            for (const auto& [w, lj] : g.adj(v))
                if (lj != li && !in[static_cast<std::size_t>(w)]) in[static_cast<std::size_t>(w)] = 1, cluster.push_back(w);
        }
        if (pinned) {
            for (int b : cluster) in[static_cast<std::size_t>(b)] = 0;
            continue;
        }
        const bool parents_move = in[static_cast<std::size_t>(l.from)];
        rows.clear();
        for (int b : cluster) rows.push_back(s.blocks[static_cast<std::size_t>(b)].row);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        // The shift that brings the child under its parents' line.
        const double from_x = s.anchor(s.unions[static_cast<std::size_t>(l.u)]), to_x = at(static_cast<std::size_t>(l.k));
        const double shift = parents_move ? to_x - from_x : from_x - to_x;
        const Sweep::U& su = s.unions[static_cast<std::size_t>(l.u)];
        auto sib_index = [&](int b) {  // the block's place in the bridge's sibship, -1 if none
            int found = -1;
            for (int m : s.blocks[static_cast<std::size_t>(b)].members)
                for (std::size_t i = 0; i < su.kids.size(); ++i)
                    if (su.kids[i] == m) found = static_cast<int>(i);
            return found;
        };
        const int kblock = s.block_of[static_cast<std::size_t>(l.k)];
        const int kidx = sib_index(kblock);
        const long before = bands.before(rows.front(), rows.back());
        saved.clear();
        bool ok = true;
        for (int r : rows) {
            auto& seq = s.order[static_cast<std::size_t>(r)];
            saved.push_back(seq);
            // A row whose birth order could not be kept (two sisters married to two
            // brothers, say) may move, as long as it gets no worse.
            const int had = s.out_of_order(static_cast<std::size_t>(r));
            run.clear();
            rest.clear();
            double mean = 0;
            int members = 0;
            for (int b : seq) {
                if (!in[static_cast<std::size_t>(b)]) {
                    rest.push_back(b);
                    continue;
                }
                run.push_back(b);
                for (int m : s.blocks[static_cast<std::size_t>(b)].members) mean += at(static_cast<std::size_t>(m)), ++members;
            }
            const double target = mean / members + shift;
            next.clear();
            if (r == krow && parents_move) {
                // The child stays: its older siblings go left of it, the younger right.
                std::size_t split = run.size();
                for (std::size_t i = 0; i < run.size() && split == run.size(); ++i)
                    if (sib_index(run[i]) > kidx) split = i;
                for (int b : rest) {
                    if (b == kblock) next.insert(next.end(), run.begin(), run.begin() + static_cast<long>(split));
                    next.push_back(b);
                    if (b == kblock) next.insert(next.end(), run.begin() + static_cast<long>(split), run.end());
                }
            } else {
                // As one run where it is shifted to; the moving child between its siblings.
                std::size_t lo = 0, hi = rest.size();
                if (r == krow)
                    for (std::size_t i = 0; i < rest.size(); ++i) {
                        const int si = sib_index(rest[i]);
                        if (si >= 0 && si < kidx) lo = i + 1;
                        if (si > kidx && hi == rest.size()) hi = i;
                    }
                std::size_t put = lo;
                while (put < hi && at(static_cast<std::size_t>(s.blocks[static_cast<std::size_t>(rest[put])].members.front())) <= target) ++put;
                next.assign(rest.begin(), rest.begin() + static_cast<long>(put));
                next.insert(next.end(), run.begin(), run.end());
                next.insert(next.end(), rest.begin() + static_cast<long>(put), rest.end());
            }
            const auto by_family = [&](int x, int y) {
                return s.blocks[static_cast<std::size_t>(x)].comp < s.blocks[static_cast<std::size_t>(y)].comp;
            };
            if (!std::is_sorted(next.begin(), next.end(), by_family)) std::stable_sort(next.begin(), next.end(), by_family);
            seq.swap(next);
            if (!s.birth_order(static_cast<std::size_t>(r), had) || !s.pins_kept(static_cast<std::size_t>(r), saved.back())) {
                ok = false;
                break;
            }
        }
        for (int r : rows) s.refresh(static_cast<std::size_t>(r));
        flips.clear();  // a move that could not be made has nothing of its own to undo
        if (ok) settle(s, rows, in, flips);
        const long after = ok ? bands.after(rows.front(), rows.back()) : before;
        if (after < before) {
            gain += before - after;
            bands.keep(rows.front(), rows.back());
        } else {
            unflip(s, flips);
            for (std::size_t i = 0; i < saved.size(); ++i) {
                const auto r = static_cast<std::size_t>(rows[i]);
                s.order[r] = std::move(saved[i]);
                s.refresh(r);
            }
        }
        for (int b : cluster) in[static_cast<std::size_t>(b)] = 0;
    }
    return gain;
}

// Both sides of a side move have at least this many blocks: the moves are judged on the
// skeleton, and smaller sides - a small family beside a large one, which the cluster moves
// and sifting place - often looked better there and ended with more crossings once the
// leaves were back (2,000 p +6% with 32; with 64 none of the bench's or 40 multi-seed
// generated families got worse by more than 0.5%).
constexpr int kMinSide = 64;

// Lines at most that may join the two sides elsewhere (besides the couple) for a side move,
// and how much such a move must gain. A genealogy's pedigree is joined again here and there
// - a cousin marrying back in, the same ancestors reached twice - and so are generated
// families, by many marriages. Judged on the skeleton, moves of joined sides often looked
// better than they were: the sifting after them then found less (with no limits, one
// family of 700 p 540 -> 720 crossings, 4 families of 1,000 p +5%, 2,000 p three times the
// instructions). Kept only when they cut the crossings of the bands they change by a tenth,
// with at most 8 such lines: the Gramps tree 556 -> 469 crossings, 8 families of 1,000 p
// 17,849 -> 12,805 (one of them 6,536 -> 2,030), 8 of 700 p -4%, 8 of 500 p -2%, 2,000 p
// -2%; none measured got worse. With 2 lines, only the Gramps tree gained (472).
constexpr int kMaxCut = 8, kJoinedGain = 10;

// Sides this large (in blocks, each) are judged once more when the settling rejects their
// move but leaves it within a fifth of the crossings before: the order with the move and
// the order without it are both sifted in full, and the move is kept when it then crosses
// less. Settling sifts only the moved blocks, a few places each way; for sides of hundreds
// of blocks that is too short a look. The Gramps tree's home couple: its settled bands
// looked worse (14,640 -> 15,594), sifted in full it crosses less (14,030 against
// 14,054), and the tree 472 -> 430 crossings; 20 families of 1,000 p 29,958 -> 29,869,
// 8 more (seeds 11-18) 12,797 -> 12,634; 20 of 500 p, 8 of 700 p and 2,000 p unchanged.
// For 27% more instructions on the Gramps tree (190 -> 241 million); without the limit of
// a fifth, twice the instructions for the same result. Sides of 100 blocks: 8 families of
// 700 p 5,455 -> 5,561.
constexpr int kDeepSide = 200, kDeepNear = 20;

// Swaps the two sides of a pedigree back apart. A couple whose partners both have their
// parents drawn joins two sides: the husband's parents with everything reached from them
// without passing this couple, and the wife's; where the two are joined elsewhere as well
// (at most kMaxCut lines), each block belongs to the side whose parents it is nearer
// (breadth first from both at once). When the sides interleave in some row - as in a
// genealogy's pedigree, where the ancestor families of the two sides end up mixed in the
// upper rows - the slots the two sides hold in each row are refilled with the blocks of
// the partner's side on the left first, then the other's, each in its own order (on the
// couple's own row, left and right of the couple apart, so siblings keep their side). The
// changed rows settle in as after a cluster move, and the move is kept when it lowers the
// weighted crossings of the bands it can change (by a kJoinedGain-th, for joined sides), or,
// for large sides, when sifting every row says so (kDeepSide).
long side_moves(Sweep& s) {
    const BlockGraph g = block_graph(s);
    BandCounts bands(s);
    (void)bands.before(0, static_cast<int>(s.order.size()));  // every band counted before anything moves
    // 1 = the left partner's side, 2 = the right's, 3 = as near to both (stays where it is)
    std::vector<int> mark(s.blocks.size(), 0), dist(s.blocks.size(), 0);
    std::vector<int> queue, left, right, rows, up, next;
    int cut = 0;            // lines joining the sides elsewhere
    int smaller_side = 0;   // in blocks
    // Marks both sides of the couple `couple`, from the blocks of the left and the right
    // partner's parents; false when they are too small or joined by more than kMaxCut
    // lines elsewhere.
    auto split = [&](int couple, int left_parents, int right_parents) {
        std::fill(mark.begin(), mark.end(), 0);
        queue.assign({left_parents, right_parents});
        mark[static_cast<std::size_t>(left_parents)] = 1;
        mark[static_cast<std::size_t>(right_parents)] = 2;
        dist[static_cast<std::size_t>(left_parents)] = dist[static_cast<std::size_t>(right_parents)] = 0;
        int size[4] = {0, 1, 1, 0};
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const auto v = static_cast<std::size_t>(queue[i]);
            for (const auto& [w, li] : g.adj(v)) {
                const auto wz = static_cast<std::size_t>(w);
                if (w == couple) continue;
                if (mark[wz] == 0) {
                    mark[wz] = mark[v], dist[wz] = dist[v] + 1;
                    ++size[mark[wz]];
                    queue.push_back(w);
                } else if (mark[wz] != mark[v] && mark[wz] != 3 && dist[wz] == dist[v] + 1) {
                    --size[mark[wz]];
                    mark[wz] = 3;
                    ++size[3];
                }
            }
        }
        smaller_side = std::min(size[1], size[2]);
        if (smaller_side < kMinSide) return false;
        cut = 0;
        for (const Line& l : g.lines) {
            const int a = mark[static_cast<std::size_t>(l.from)], b = mark[static_cast<std::size_t>(l.to)];
            if (a != b && a != 0 && b != 0 && ++cut > kMaxCut) return false;
        }
        return true;
    };
    std::vector<std::vector<int>> saved(s.order.size());
    std::vector<char> in(s.blocks.size(), 0);
    std::vector<std::pair<int, int>> flips;
    Sweep::State original;  // a large side's move: the state before it
    long unmoved = -1;      // the crossings of the state as it is, sifted in full (-1: not known)
    long gain = 0;
    for (std::size_t bi = 0; bi < s.blocks.size(); ++bi) {
        if (s.blocks[bi].pinned) continue;
        up.clear();
        for (int m : s.blocks[bi].members)
            if (const int pu = s.parent_union[static_cast<std::size_t>(m)]; pu >= 0)
                up.push_back(s.block_of[static_cast<std::size_t>(s.unions[static_cast<std::size_t>(pu)].a)]);
        if (up.size() != 2 || up[0] == up[1] || !split(static_cast<int>(bi), up[0], up[1])) continue;
        const bool large = smaller_side >= kDeepSide;
        if (large) original = s.state();
        rows.clear();
        for (std::size_t r = 0; r < s.order.size(); ++r) {
            auto& seq = s.order[r];
            next = seq;
            const auto at_b = static_cast<std::size_t>(std::find(next.begin(), next.end(), static_cast<int>(bi)) - next.begin());
            auto refill = [&](std::size_t from, std::size_t to) {
                left.clear();
                right.clear();
                for (std::size_t i = from; i < to; ++i)
                    if (const int m = mark[static_cast<std::size_t>(next[i])]; m == 1 || m == 2) (m == 1 ? left : right).push_back(next[i]);
                std::size_t li = 0, ri = 0;
                for (std::size_t i = from; i < to; ++i)
                    if (const int m = mark[static_cast<std::size_t>(next[i])]; m == 1 || m == 2) next[i] = li < left.size() ? left[li++] : right[ri++];
            };
            if (at_b < next.size()) refill(0, at_b), refill(at_b + 1, next.size());
            else refill(0, next.size());
            if (next == seq) continue;  // rows the sides do not interleave in stay as they are
            const int had = s.out_of_order(r);
            saved[r] = seq;
            seq.swap(next);
            rows.push_back(static_cast<int>(r));
            if (!s.birth_order(r, had) || !s.pins_kept(r, saved[r])) {
                rows.push_back(-1);  // cannot be done
                break;
            }
        }
        const bool ok = !rows.empty() && rows.back() >= 0;
        if (!rows.empty() && rows.back() < 0) rows.pop_back();
        for (int r : rows) s.refresh(static_cast<std::size_t>(r));
        long before = 0, after = 0;
        flips.clear();
        if (ok) {
            before = bands.before(rows.front(), rows.back());
            // Only what moved settles: the blocks whose slot changed.
            for (int r : rows) {
                const auto& seq = s.order[static_cast<std::size_t>(r)];
                for (std::size_t i = 0; i < seq.size(); ++i)
                    if (seq[i] != saved[static_cast<std::size_t>(r)][i]) in[static_cast<std::size_t>(seq[i])] = 1;
            }
            settle(s, rows, in, flips);
            std::fill(in.begin(), in.end(), 0);
            after = bands.after(rows.front(), rows.back());
        }
        if (ok && after < before && (cut == 0 || kJoinedGain * (before - after) > before)) {
            gain += before - after;
            bands.keep(rows.front(), rows.back());
            unmoved = -1;
        } else if (ok && large && after * 100 <= before * (100 + kDeepNear)) {
            const long moved_count = sifted(s);
            const Sweep::State moved = s.state();
            s.restore(original);
            const long now = s.crossings();
            if (unmoved < 0) {
                unmoved = sifted(s);
                s.restore(original);
            }
            if (moved_count < unmoved) {
                s.restore(moved);
                bands.recount();
                gain += now - moved_count;
                unmoved = -1;
            }
        } else {
            unflip(s, flips);
            for (int r : rows) {
                s.order[static_cast<std::size_t>(r)] = saved[static_cast<std::size_t>(r)];
                s.refresh(static_cast<std::size_t>(r));
            }
        }
    }
    return gain;
}

}  // namespace kring::genogram_detail::sweep
