// Genogram crossing reduction: the state the sweeps work on (genogram_sweep.cpp) and its
// operations - crossing counts, reordering a row, birth order, sifting (its work in
// genogram_sift.cpp) - and the cluster moves (genogram_clusters.cpp). Internal to the
// genogram engine.
#pragma once

#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>

namespace kring::genogram_detail::sweep {

constexpr double kNone = -1e300;

struct Sweep {
    // Persons as dense indices.
    std::vector<PersonId> id;
    std::vector<int> row_of;
    std::vector<double> pos;  // index within the row
    std::vector<int> comp;    // connected family, numbered in order of first appearance
    std::vector<bool> pinned;
    std::vector<bool> dated;  // birth date known (phantoms: no)
    // Unions with children one row below their (level) partners.
    struct U {
        int a = -1, b = -1;  // b = -1: single parent
        int row = 0;
        std::span<const int> kids;   // in birth order, those on rows below
        int phantom = -1;            // stands for the children who are leaves (see reduce_crossings)
        std::span<const int> lines;  // kids, then the phantom: the lines coming down from it
        UnionKey key;
    };
    std::vector<int> edge_union;           // per person or phantom: union its line comes down from
    std::vector<U> unions;
    std::vector<int> parent_union;         // per person: union it hangs from (a row above), or -1
    // Per person or phantom: the unions with children they are a partner in.
    [[nodiscard]] std::span<const int> own(int m) const { return own_lists.of(static_cast<std::size_t>(m)); }
    // The unions' lines and the persons' own unions, each list a range of one array (read
    // for every line a sweep or sifting weighs: kept together in memory).
    std::vector<int> line_flat;
    FlatLists own_lists;
    // own() of every node (id.size() of them) from (node, union) pairs, each node's unions
    // in the order given.
    void set_own(const std::vector<std::pair<int, int>>& owners) { own_lists = FlatLists(id.size(), owners); }
    // The unions' spans point into line_flat: a copy would point into the original's.
    Sweep() = default;
    Sweep(const Sweep&) = delete;
    Sweep& operator=(const Sweep&) = delete;
    Sweep(Sweep&&) = default;
    Sweep& operator=(Sweep&&) = default;
    std::vector<std::vector<int>> down;    // per row: unions of partners on that row
    std::vector<std::vector<int>> band;    // per row: unions with child edges passing below it
    std::vector<std::vector<int>> sibs;    // per row: unions with children on it
    // Blocks per row, in the current order.
    struct Block {
        std::vector<int> members;
        bool flippable = false;  // may be mirrored: a plain couple, or twins and their partners
        bool pinned = false;
        int comp = 0;
        int row = 0;
    };
    std::vector<Block> blocks;
    std::vector<std::vector<int>> order;  // per row: block ids left to right
    std::vector<int> block_of;            // per person
    // The change in crossings when block bi is mirrored (a block of twins and their
    // partners; a couple's is worked out in sift() directly).
    [[nodiscard]] long mirror_delta(int bi) const;

    // Positions are fractions of the row (0..1), so rows of different lengths compare:
    // the widest rows set the drawing's width and the others spread over them.
    double anchor(const U& u) const {
        const double half = 0.5 / static_cast<double>(order_len[static_cast<std::size_t>(u.row)]);
        return u.b < 0 ? pos[static_cast<std::size_t>(u.a)] + half
                       : (pos[static_cast<std::size_t>(u.a)] + pos[static_cast<std::size_t>(u.b)]) / 2;
    }
    std::vector<std::size_t> order_len;  // persons per row

    void refresh(std::size_t r) { refresh(r, 0, order[r].size()); }
    // Only the blocks in slots [from, to): when only they moved among themselves, the
    // places before and after them are as they were.
    void refresh(std::size_t r, std::size_t from, std::size_t to) {
        const auto& seq = order[r];
        int i = 0;
        for (std::size_t k = 0; k < from; ++k) i += static_cast<int>(blocks[static_cast<std::size_t>(seq[k])].members.size());
        const double len = static_cast<double>(order_len[r]);
        for (std::size_t k = from; k < to; ++k)
            for (int m : blocks[static_cast<std::size_t>(seq[k])].members) pos[static_cast<std::size_t>(m)] = (i++ + 0.5) / len;
    }

    // A phantom's line weighs an eighth of a real one: it stands for children who may be
    // there (none, one or several), and at full weight it held couples without any leaf
    // children in place. Measured on the bench and multi-seed families against 1/2, 1/3,
    // 1/4, 1/6 and 1/12 since the cluster moves and two-sided sweeps came in (a third was
    // best before): 1/8 gave the fewest crossings (2,000 p 5,900 -> 5,605, Gramps tree
    // 1,577 -> 1,385). Constant, so a new leaf child changes nothing.
    static constexpr int kRealWeight = 8, kPhantomWeight = 1;
    int weight(int k) const { return id[static_cast<std::size_t>(k)] ? kRealWeight : kPhantomWeight; }

    // Positions as integers for the crossing counts (sorting integers is much cheaper than
    // pairs of doubles); 2^-24 of a row apart is closer than any two places in it.
    static std::uint32_t quantise(double x) {
        return static_cast<std::uint32_t>(std::clamp(x + 1.0, 0.0, 255.0) * 16777216.0 + 0.5);
    }
    struct E {  // an edge's stretch through one band: where it enters (high half) and leaves
        std::uint64_t ends;
        int w;
        bool operator<(const E& o) const { return ends < o.ends; }
    };
    mutable std::vector<E> es_buf;  // reused by crossings()
    mutable std::vector<std::pair<std::uint32_t, int>> merge_a, merge_b;
    // Crossings between the child edges in the band between rows r and r + 1: pairs of
    // edges whose ends lie in opposite order, each pair counting the product of its
    // weights. An edge over several rows counts in each band it passes, at evenly spread
    // positions.
    long crossings(std::size_t r) const {
        auto& es = es_buf;
        es.clear();
        for (int ui : band[r]) {
            const U& u = unions[static_cast<std::size_t>(ui)];
            const double at = anchor(u);
            for (int k : u.lines) {
                const double to = pos[static_cast<std::size_t>(k)];
                const int r1 = row_of[static_cast<std::size_t>(k)];
                if (static_cast<std::size_t>(r1) <= r) continue;
                if (r1 == u.row + 1) {  // most lines: from one row to the next
                    es.push_back({static_cast<std::uint64_t>(quantise(at)) << 32 | quantise(to), weight(k)});
                    continue;
                }
                const double span = r1 - u.row;
                const double t0 = (static_cast<double>(r) - u.row) / span, t1 = (static_cast<double>(r) + 1 - u.row) / span;
                es.push_back({static_cast<std::uint64_t>(quantise(at + (to - at) * t0)) << 32 | quantise(at + (to - at) * t1), weight(k)});
            }
        }
        if (es.size() < 2) return 0;
        std::sort(es.begin(), es.end());
        // Pairs that start in one order and end in the other: inversions among the ends
        // (equal ends do not cross). Good orders have few, so they are counted while
        // insertion-sorting the ends, at a cost of one step per crossing; an order with
        // many is merge-sorted instead.
        auto& a = merge_a;
        auto& b = merge_b;
        a.resize(es.size());
        for (std::size_t i = 0; i < es.size(); ++i) a[i] = {static_cast<std::uint32_t>(es[i].ends), es[i].w};
        const std::size_t n = a.size();
        long total = 0;
        std::size_t steps = 0;
        const std::size_t budget = 8 * n;
        for (std::size_t i = 1; i < n && steps <= budget; ++i) {
            const auto x = a[i];
            std::size_t j = i;
            long passed = 0;
            for (; j > 0 && a[j - 1].first > x.first; --j) a[j] = a[j - 1], passed += a[j].second;
            a[j] = x;
            total += passed * x.second;
            steps += i - j;
        }
        if (steps <= budget) return total;
        total = 0;
        b.resize(n);
        for (std::size_t i = 0; i < n; ++i) a[i] = {static_cast<std::uint32_t>(es[i].ends), es[i].w};
        for (std::size_t width = 1; width < n; width *= 2) {
            for (std::size_t lo = 0; lo < n; lo += 2 * width) {
                const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
                long left_w = 0;  // weight of the left run not yet taken
                for (std::size_t i = lo; i < mid; ++i) left_w += a[i].second;
                std::size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (a[j].first < a[i].first) {
                        total += a[j].second * left_w;
                        b[k++] = a[j++];
                    } else {
                        left_w -= a[i].second;
                        b[k++] = a[i++];
                    }
                }
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            a.swap(b);
        }
        return total;
    }
    long crossings() const {
        long t = 0;
        for (std::size_t r = 0; r + 1 < band.size(); ++r) t += crossings(r);
        return t;
    }

    // Reorders row r by `key_of(member)` (kNone = no opinion).
    std::vector<int> ro_before, ro_next;
    std::vector<double> ro_key;
    std::vector<std::size_t> ro_idx;
    template <class KeyOf>
    void reorder(std::size_t r, KeyOf&& key_of) {
        auto& seq = order[r];
        if (seq.size() < 2) {
            if (seq.size() == 1) flip(seq[0], key_of);
            return;
        }
        auto& before = ro_before;  // buffers reused between calls
        before = seq;
        auto& key = ro_key;
        key.assign(seq.size(), kNone);
        double last = kNone;
        for (std::size_t i = 0; i < seq.size(); ++i) {
            Block& b = blocks[static_cast<std::size_t>(seq[i])];
            double sum = 0;
            int n = 0;
            for (int m : b.members) {
                double k = key_of(m);
                if (k != kNone) sum += k, ++n;
            }
            key[i] = n ? sum / n : last;  // no neighbours: stays behind its left neighbour
            last = key[i];
            flip(seq[i], key_of);
        }
        auto& idx = ro_idx;
        idx.resize(seq.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {  // stable: ties by index
            int cx = blocks[static_cast<std::size_t>(seq[x])].comp, cy = blocks[static_cast<std::size_t>(seq[y])].comp;
            if (cx != cy) return cx < cy;
            if (key[x] != key[y]) return key[x] < key[y];
            return x < y;
        });
        auto& next = ro_next;
        next.clear();
        for (std::size_t i : idx)
            if (!blocks[static_cast<std::size_t>(seq[i])].pinned) next.push_back(seq[i]);
        for (std::size_t i = 0; i < seq.size(); ++i)  // pinned blocks back in their slots
            if (blocks[static_cast<std::size_t>(before[i])].pinned) next.insert(next.begin() + static_cast<long>(i), before[i]);
        seq.swap(next);
        if (!birth_order(r) || !pins_kept(r, before)) seq = before;
        refresh(r);
    }

    // A plain couple mirrored when each partner's own side says so.
    template <class KeyOf>
    void flip(int bi, KeyOf&& key_of) {
        Block& b = blocks[static_cast<std::size_t>(bi)];
        if (!b.flippable) return;
        double k0 = key_of(b.members.front()), k1 = key_of(b.members.back());
        if (k0 != kNone && k1 != kNone && k1 < k0) std::reverse(b.members.begin(), b.members.end());
    }

    bool pins_kept(std::size_t r, const std::vector<int>& before) const {
        for (std::size_t i = 0; i < before.size(); ++i)
            if (blocks[static_cast<std::size_t>(before[i])].pinned && order[r][i] != before[i]) return false;
        return true;
    }

    // Children of one union in birth order: the slots their blocks occupy are refilled in
    // birth order. False when that cannot be done (blocks shared by two sibships that
    // disagree, as when two brothers married two sisters), so the caller keeps the
    // previous order.
    std::vector<int> bo_at, bo_blocks, bo_slots;
    std::vector<std::vector<std::vector<int>>> sib_rows;  // per row: each sibship's kids on it
    std::vector<std::vector<std::vector<int>>> dated_sib_rows;  // the same, birth date known
    // The birth order kept counts only siblings whose birth dates are known (by default a
    // child without one keeps its recorded place among its siblings: see barrier()).
    bool dated_only = false;
    template <class F>
    void sibships(std::size_t r, F&& f) {
        if (sib_rows.empty()) {  // rows do not change: gathered once
            sib_rows.resize(sibs.size());
            dated_sib_rows.resize(sibs.size());
            for (std::size_t row = 0; row < sibs.size(); ++row)
                for (int ui : sibs[row]) {
                    auto& here = sib_rows[row].emplace_back();
                    auto& dated_here = dated_sib_rows[row].emplace_back();
                    for (int k : unions[static_cast<std::size_t>(ui)].kids)
                        if (row_of[static_cast<std::size_t>(k)] == static_cast<int>(row)) {
                            here.push_back(k);
                            if (dated[static_cast<std::size_t>(k)]) dated_here.push_back(k);
                        }
                }
        }
        for (const auto& kids : (dated_only ? dated_sib_rows : sib_rows)[r]) f(kids);
    }
    // Pairs of neighbouring siblings out of birth order in row r (`at`: each block's slot).
    int out_of_order(std::size_t r, const std::vector<int>& at) {
        int bad = 0;
        sibships(r, [&](const std::vector<int>& kids) {
            for (std::size_t i = 1; i < kids.size(); ++i) {
                int b0 = block_of[static_cast<std::size_t>(kids[i - 1])], b1 = block_of[static_cast<std::size_t>(kids[i])];
                if (b0 != b1 && at[static_cast<std::size_t>(b0)] > at[static_cast<std::size_t>(b1)]) ++bad;
            }
        });
        return bad;
    }
    int out_of_order(std::size_t r) {
        slots_of(r);
        return out_of_order(r, bo_at);
    }
    // bo_at: the slot of each block of row r (other blocks' entries are stale: only this
    // row's blocks are looked up).
    void slots_of(std::size_t r) {
        if (bo_at.size() < blocks.size()) bo_at.resize(blocks.size(), -1);
        for (std::size_t i = 0; i < order[r].size(); ++i) bo_at[static_cast<std::size_t>(order[r][i])] = static_cast<int>(i);
    }
    bool birth_order(std::size_t r) { return birth_order(r, 0); }
    // The same, but content with at most `allowed` pairs out of order.
    bool birth_order(std::size_t r, int allowed) {
        auto& seq = order[r];
        auto& at = bo_at;  // buffers reused between calls
        auto& bl = bo_blocks;
        auto& slots = bo_slots;
        slots_of(r);
        for (int round = 0; round < 3; ++round) {
            bool changed = false;
            sibships(r, [&](const std::vector<int>& kids) {
                if (kids.size() < 2) return;
                // Usually in order already (slots never decreasing): then the refill
                // would put every block back where it is.
                bool sorted = true;
                for (std::size_t i = 1; i < kids.size() && sorted; ++i)
                    sorted = at[static_cast<std::size_t>(block_of[static_cast<std::size_t>(kids[i - 1])])] <=
                             at[static_cast<std::size_t>(block_of[static_cast<std::size_t>(kids[i])])];
                if (sorted) return;
                bl.clear();
                slots.clear();
                for (int k : kids) {
                    int b = block_of[static_cast<std::size_t>(k)];
                    if (std::find(bl.begin(), bl.end(), b) == bl.end()) bl.push_back(b);
                }
                for (int b : bl) slots.push_back(at[static_cast<std::size_t>(b)]);
                std::sort(slots.begin(), slots.end());
                for (std::size_t i = 0; i < bl.size(); ++i)
                    if (seq[static_cast<std::size_t>(slots[i])] != bl[i]) {
                        seq[static_cast<std::size_t>(slots[i])] = bl[i];
                        at[static_cast<std::size_t>(bl[i])] = slots[i];
                        changed = true;
                    }
            });
            if (!changed) return true;
        }
        return out_of_order(r, at) <= allowed;
    }

    // The mean position of a member's neighbours: the union it hangs from (above) and/or
    // the lines coming down from its own unions (below); kNone when it has none.
    // `weighted`: each line counts with its weight in the crossing count (a phantom's an
    // eighth), as in the two-sided sweeps: measured there against counting every line
    // once, 32 multi-seed families -6%, 500 p 262 -> 252 and 2,000 p 5,554 -> 5,382
    // crossings. The one-sided sweeps count every line once: weighted, they took the
    // phantoms' pull away and the Gramps tree, rich in leaves, doubled its crossings.
    double neighbours(int m, bool above, bool below, bool weighted = false) const {
        double sum = 0;
        long n = 0;
        if (int ui = edge_union[static_cast<std::size_t>(m)]; above && ui >= 0) {
            const int w = weighted ? weight(m) : 1;
            sum += anchor(unions[static_cast<std::size_t>(ui)]) * w, n += w;
        }
        if (below)
            for (int ui : own(m))
                for (int k : unions[static_cast<std::size_t>(ui)].lines) {
                    const int w = weighted ? weight(k) : 1;
                    sum += pos[static_cast<std::size_t>(k)] * w, n += w;
                }
        return n ? sum / static_cast<double>(n) : kNone;
    }
    void down_sweep() {
        for (std::size_t r = 1; r < order.size(); ++r) reorder(r, [&](int m) { return neighbours(m, true, false); });
    }
    void up_sweep() {
        for (std::size_t r = order.size() - 1; r-- > 0;) reorder(r, [&](int m) { return neighbours(m, false, true); });
    }
    // Each row by both neighbours at once, top to bottom (down) or bottom to top.
    void both_sweep(bool down) {
        auto key = [&](int m) { return neighbours(m, true, true, true); };
        if (down)
            for (std::size_t r = 0; r < order.size(); ++r) reorder(r, key);
        else
            for (std::size_t r = order.size(); r-- > 0;) reorder(r, key);
    }

    // Sifting: each block in turn moves to the place in its row where the edges to the
    // rows above and below cross least, without passing a sibling (birth order), a pinned
    // block or another family. Only the pairs of edges at the moving block and at the
    // blocks it passes change, so each step costs only those pairs. Never worse.
    struct End {
        bool down;     // edge to the row below (else to the row above)
        double other;  // where the edge meets that row
        int member;    // index in the block of its end on this row; -1 = between partners
        int w = kRealWeight;
    };
    // Calls f(End) for each line end of block bi.
    template <class F>
    void for_each_end(int bi, F&& f) const {
        const Block& b = blocks[static_cast<std::size_t>(bi)];
        for (std::size_t mi = 0; mi < b.members.size(); ++mi) {
            const int m = b.members[mi];
            const double here = pos[static_cast<std::size_t>(m)];
            if (int ui = edge_union[static_cast<std::size_t>(m)]; ui >= 0) {
                const U& u = unions[static_cast<std::size_t>(ui)];
                const double span = b.row - u.row;
                f(End{false, here + (anchor(u) - here) / span, static_cast<int>(mi), weight(m)});
            }
            for (int ui : own(m)) {
                const U& u = unions[static_cast<std::size_t>(ui)];
                if (u.b >= 0 && u.a != m) continue;  // a couple's edges once, from its first partner
                const double at = anchor(u);
                for (int k : u.lines) {
                    const double span = row_of[static_cast<std::size_t>(k)] - u.row;
                    f(End{true, at + (pos[static_cast<std::size_t>(k)] - at) / span, u.b < 0 ? static_cast<int>(mi) : -1, weight(k)});
                }
            }
        }
    }
    void ends_of(int bi, std::vector<End>& out) const {
        out.clear();
        for_each_end(bi, [&](const End& e) { out.push_back(e); });
    }
    // A block's line ends for pass_delta: up and down apart, each sorted by where the
    // line meets the other row, with their range and total weight. The ends of all blocks
    // a sifting looks at lie in one buffer (sift_end_buf), each side a range of it.
    using EndAt = std::pair<double, int>;  // (other, weight)
    struct Side {
        std::span<const EndAt> ends;
        double lo = 0, hi = 0;
        long w = 0;  // 0: no lines (every line weighs at least 1)
    };
    struct SortedEnds {
        Side up, down;
        std::size_t at = 0, n_up = 0, n_down = 0;  // the ranges in sift_end_buf
    };
    std::vector<EndAt> sift_end_buf;
    // Appends block bi's ends to sift_end_buf, sorted per side; their spans are set by
    // span_ends once the buffer is filled (it may move while it grows).
    void sorted_ends_of(int bi, SortedEnds& out);
    void span_ends(SortedEnds& out) const;
    // Sum over pairs (a in A, b in B) of a.w * b.w * sign(b.other - a.other), by merging.
    // Most pairs of blocks a sifted block passes lie apart, all of one's lines meeting the
    // other row left of all of the other's: then every pair counts alike.
    static long merge_delta(const Side& a, const Side& b);
    // Change in crossings when x, now left of y, goes right of it: for each pair of edges
    // to the same row, +1 (times weights) when x's edge meets that row left of y's (they
    // cross once x passes y), -1 when right of it.
    static long pass_delta(const SortedEnds& x, const SortedEnds& y);
    // Blocks x may not pass y: another family, a pinned block, a sibling (birth order).
    // `pu` holds the unions each block's members hang from, for those with a known birth
    // date: a child born on an unknown date has no place in the birth order to keep. Only
    // here: the sweeps' refilling keeps such a child in the recorded order, which kept
    // sibships together and measured better (the Gramps tree, 47% of its sibling pairs
    // undated: this alone 787 -> 746 crossings; also freeing the refilling, 983).
    bool barrier(int x, int y, const std::vector<std::vector<int>>& pu) const;
    // Blocks x and y hold children of one union, with known birth dates. `sift_pu_bits`
    // (a bit per union, modulo 64) rules out most pairs without looking at their lists.
    bool siblings(int x, int y, const std::vector<std::vector<int>>& pu) const;
    // A block looks this far along its row (in blocks, each way) for a better place.
    // Measured 15, 30, 40, 60, 100 and unlimited on the bench and multi-seed families:
    // beyond 60 little is found that pays for the search (2,000 p: 676 -> 365 million
    // instructions at the same crossings; multi-seed families +0.3%). Since runs of
    // siblings are sifted as well (sift_runs), 40 finds as much for 3% fewer instructions
    // at 500 p (2,000 p 4,330 -> 4,345 crossings, the other measured families unchanged).
    static constexpr std::size_t kSiftReach = 40;
    std::vector<End> sift_ends;
    // Per slot of the row being sifted, the weights of the lines up and down of the blocks
    // in the slots before it (from the first slot the sifting looks at).
    std::vector<long> sift_wu, sift_wd;
    // The slots [sift_dlo, sift_dhi) of the row being sifted hold all blocks that moved.
    std::size_t sift_dlo = 0, sift_dhi = 0;
    void sift_moved(std::size_t a, std::size_t b) { sift_dlo = std::min(sift_dlo, a), sift_dhi = std::max(sift_dhi, b); }
    // sift_wu, sift_wd at slots a+1..b of row r, from slot a's.
    void sift_weigh(std::size_t r, std::size_t a, std::size_t b);
    std::vector<SortedEnds> sift_sorted;
    std::vector<std::vector<int>> sift_pu;
    std::vector<std::uint64_t> sift_pu_bits;
    std::vector<int> sift_todo;
    // Sifts row r: all of it, or only the blocks in slots [from, to) (the cluster moves
    // settle a moved family this way), each within `reach` slots of where it was.
    long sift(std::size_t r, std::size_t from = 0, std::size_t to_slot = SIZE_MAX, std::size_t reach = kSiftReach);
    // Then (with `runs`) each run of neighbouring siblings' blocks moves as one, in its
    // birth order, to where it crosses least. One sibling alone cannot pass its brother,
    // and a sibling passing a block on its own may cost more than the run passing it gains:
    // say a sibship under parents placed far to one side, or a line from elsewhere coming
    // down through it. Only in the sifting of whole rows: in the settling of the cluster
    // and side moves as well, the Gramps tree got 533 crossings instead of 390. Where it
    // is used and what it found: optimise() in genogram_sweep.cpp.
    bool runs = false;
    long sift_runs(std::size_t r, std::size_t reach);
    // A row is sifted again only when it or a row near it (lines reach over a row or two)
    // changed since it was last sifted: when each row last changed and was last sifted.
    struct SiftStamps {
        std::vector<long> changed, sifted;
        long stamp = 0;
    };
    SiftStamps stamps;  // the sifting after the moves
    long sift_if_needed(std::size_t r, SiftStamps& st);
    // Every row that needs it, top to bottom and back.
    long sift_all(SiftStamps& st);
    // Rows sifted (sift_all) pass after pass, at most 8, until a pass gains nothing or no
    // longer lowers the crossings; returns the crossings then. A pass's step costs are exact
    // only for lines between neighbouring rows, so it may end with more crossings than it
    // began with: with `undo_worse` that pass is put back, else its order stays.
    long sift_settled(SiftStamps& st, bool undo_worse);

    // The order and which way round each couple is (its first member): enough to put
    // the sweep's state back.
    struct State {
        std::vector<std::vector<int>> order;
        std::vector<int> first;  // per block
    };
    [[nodiscard]] State state() const {
        State st{order, std::vector<int>(blocks.size())};
        for (std::size_t b = 0; b < blocks.size(); ++b) st.first[b] = blocks[b].members[0];
        return st;
    }
    void restore(const State& st) {
        order = st.order;
        for (std::size_t b = 0; b < blocks.size(); ++b)
            if (blocks[b].members[0] != st.first[b]) std::reverse(blocks[b].members.begin(), blocks[b].members.end());
        for (std::size_t r = 0; r < order.size(); ++r) refresh(r);
    }

    Rows rows() const {
        Rows out(order.size());
        for (std::size_t r = 0; r < order.size(); ++r)
            for (int b : order[r])
                for (int m : blocks[static_cast<std::size_t>(b)].members)
                    if (id[static_cast<std::size_t>(m)]) out[r].push_back(id[static_cast<std::size_t>(m)]);
        return out;
    }
};

// Moves whole families that hang from the rest by one line of descent, so that line
// comes down straight, where that crosses fewer lines (genogram_clusters.cpp). Returns
// the gain in weighted crossings.
long cluster_moves(Sweep& s);
// Keeps the two sides of a pedigree apart where they interleave (genogram_clusters.cpp).
// Returns the gain in weighted crossings.
long side_moves(Sweep& s);

}  // namespace kring::genogram_detail::sweep
