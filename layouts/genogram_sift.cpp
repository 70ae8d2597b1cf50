// Genogram crossing reduction: sifting - each block, then each run of siblings, moved
// within its row to where its lines cross least (Sweep::sift and its helpers; the state
// and the rest of the sweep in genogram_sweep.hpp).
#include "layouts/genogram_sweep.hpp"

// The helpers are inline: the scans call them for every pair of blocks they pass, and only
// this file uses them.
namespace kring::genogram_detail::sweep {

inline void Sweep::sorted_ends_of(int bi, SortedEnds& out) {
    auto& buf = sift_end_buf;
    out.at = buf.size();
    out.up.w = out.down.w = 0;
    auto& down = sift_ends;  // the lines down wait here while the lines up go first
    down.clear();
    for_each_end(bi, [&](const End& e) {
        if (e.down) down.push_back(e), out.down.w += e.w;
        else buf.push_back({e.other, e.w}), out.up.w += e.w;
    });
    out.n_up = buf.size() - out.at;
    for (const End& e : down) buf.push_back({e.other, e.w});
    out.n_down = down.size();
    const auto first = buf.begin() + static_cast<long>(out.at), mid = first + static_cast<long>(out.n_up);
    std::sort(first, mid);
    std::sort(mid, buf.end());
}

inline void Sweep::span_ends(SortedEnds& out) const {
    const EndAt* p = sift_end_buf.data() + out.at;
    out.up.ends = {p, out.n_up};
    out.down.ends = {p + out.n_up, out.n_down};
    for (Side* side : {&out.up, &out.down})
        if (side->w) side->lo = side->ends.front().first, side->hi = side->ends.back().first;
}

inline long Sweep::merge_delta(const Side& a, const Side& b) {
    if (!a.w || !b.w) return 0;
    if (a.hi < b.lo) return a.w * b.w;
    if (b.hi < a.lo) return -a.w * b.w;
    long d = 0, lt = 0, le = 0;  // weight in b strictly below / at or below a's end
    std::size_t i = 0, j = 0;
    const auto& be = b.ends;
    for (const auto& [at, w] : a.ends) {
        while (i < be.size() && be[i].first < at) lt += be[i++].second;
        if (j < i) j = i, le = lt;
        while (j < be.size() && be[j].first <= at) le += be[j++].second;
        d += w * ((b.w - le) - lt);
    }
    return d;
}

inline long Sweep::pass_delta(const SortedEnds& x, const SortedEnds& y) {
    return merge_delta(x.up, y.up) + merge_delta(x.down, y.down);
}

inline bool Sweep::barrier(int x, int y, const std::vector<std::vector<int>>& pu) const {
    const Block& a = blocks[static_cast<std::size_t>(x)];
    const Block& b = blocks[static_cast<std::size_t>(y)];
    return b.pinned || a.comp != b.comp || siblings(x, y, pu);
}

inline bool Sweep::siblings(int x, int y, const std::vector<std::vector<int>>& pu) const {
    if (!(sift_pu_bits[static_cast<std::size_t>(x)] & sift_pu_bits[static_cast<std::size_t>(y)])) return false;
    for (int ua : pu[static_cast<std::size_t>(x)])
        for (int ub : pu[static_cast<std::size_t>(y)])
            if (ua == ub) return true;
    return false;
}

inline void Sweep::sift_weigh(std::size_t r, std::size_t a, std::size_t b) {
    for (std::size_t k = a; k < b; ++k) {
        const SortedEnds& e = sift_sorted[static_cast<std::size_t>(order[r][k])];
        sift_wu[k + 1] = sift_wu[k] + e.up.w;
        sift_wd[k + 1] = sift_wd[k] + e.down.w;
    }
}

long Sweep::sift(std::size_t r, std::size_t from, std::size_t to_slot, std::size_t reach) {
    auto& seq = order[r];
    to_slot = std::min(to_slot, seq.size());
    if (from >= to_slot) return 0;
    const std::size_t lo = from > reach ? from - reach : 0, hi = std::min(seq.size(), to_slot + reach);
    // Per block, reused between calls (only the blocks in slots [lo, hi) are filled).
    auto& sorted = sift_sorted;
    auto& pu = sift_pu;
    sorted.resize(blocks.size());
    pu.resize(blocks.size());
    sift_pu_bits.resize(blocks.size());
    sift_end_buf.clear();
    for (std::size_t i = lo; i < hi; ++i) {
        const int b = seq[i];
        sorted_ends_of(b, sorted[static_cast<std::size_t>(b)]);
        pu[static_cast<std::size_t>(b)].clear();
        std::uint64_t bits = 0;
        for (int m : blocks[static_cast<std::size_t>(b)].members)
            if (int ui = parent_union[static_cast<std::size_t>(m)]; ui >= 0 && dated[static_cast<std::size_t>(m)])
                pu[static_cast<std::size_t>(b)].push_back(ui), bits |= std::uint64_t{1} << (ui & 63);
        sift_pu_bits[static_cast<std::size_t>(b)] = bits;
    }
    for (std::size_t i = lo; i < hi; ++i) span_ends(sorted[static_cast<std::size_t>(seq[i])]);
    // The line weights up and down summed over the slots before each slot (from lo):
    // passing blocks changes the count by at most their weights times the moving
    // block's, so a scan stops once what is left to pass cannot bring it below the best.
    auto& wu = sift_wu;
    auto& wd = sift_wd;
    wu.resize(seq.size() + 1);
    wd.resize(seq.size() + 1);
    wu[lo] = wd[lo] = 0;
    sift_weigh(r, lo, hi);
    sift_dlo = SIZE_MAX, sift_dhi = 0;  // the slots whose blocks moved or were mirrored
    long gain = 0;
    auto& todo = sift_todo;
    todo.assign(seq.begin() + static_cast<long>(from), seq.begin() + static_cast<long>(to_slot));
    for (std::size_t t = 0; t < todo.size(); ++t) {
        const int x = todo[t];
        Block& bx = blocks[static_cast<std::size_t>(x)];
        if (bx.pinned) continue;
        const SortedEnds& sx = sorted[static_cast<std::size_t>(x)];
        if (!sx.up.w && !sx.down.w) continue;  // no lines
        // Its slot now: near the one it started in (blocks moved before it shifted it by
        // a few at most), so looked for from there outwards.
        std::size_t i = from + t;
        for (std::size_t k = 1; seq[i] != x; ++k) {
            if (from + t >= lo + k && seq[from + t - k] == x) i = from + t - k;
            else if (from + t + k < hi && seq[from + t + k] == x) i = from + t + k;
        }
        long best = 0, d = 0;
        std::size_t to = i;
        for (std::size_t j = i, stop = std::max(lo, i > reach ? i - reach : 0); j-- > stop;) {
            if (barrier(x, seq[j], pu)) break;
            d -= pass_delta(sx, sorted[static_cast<std::size_t>(seq[j])]);
            if (d < best) best = d, to = j;
            if (d - sx.up.w * (wu[j] - wu[stop]) - sx.down.w * (wd[j] - wd[stop]) >= best) break;
        }
        d = 0;
        for (std::size_t j = i + 1, stop = std::min(hi, i + reach + 1); j < stop; ++j) {
            if (barrier(x, seq[j], pu)) break;
            d += pass_delta(sx, sorted[static_cast<std::size_t>(seq[j])]);
            if (d < best) best = d, to = j;
            if (d - sx.up.w * (wu[stop] - wu[j + 1]) - sx.down.w * (wd[stop] - wd[j + 1]) >= best) break;
        }
        if (to != i) {
            seq.erase(seq.begin() + static_cast<long>(i));
            seq.insert(seq.begin() + static_cast<long>(to), x);
            gain -= best;
            sift_weigh(r, std::min(i, to), std::max(i, to) + 1);
            sift_moved(std::min(i, to), std::max(i, to) + 1);
        }
        if (bx.flippable && bx.members.size() > 2) {
            if (const long fd = mirror_delta(x); fd < 0)
                std::reverse(bx.members.begin(), bx.members.end()), gain -= fd, sift_moved(to, to + 1);
        } else if (bx.flippable) {
            // Positions are refreshed only after the loop: the ends as they were.
            auto& ex = sift_ends;
            ends_of(x, ex);
            long fd = 0;
            for (const End& e : ex)
                for (const End& f : ex)
                    if (e.member == 0 && f.member == 1 && e.down == f.down) fd += e.w * f.w * ((e.other < f.other) - (e.other > f.other));
            if (fd < 0) std::swap(bx.members[0], bx.members[1]), gain -= fd, sift_moved(to, to + 1);
        }
    }
    if (runs && from == 0 && to_slot == seq.size()) gain += sift_runs(r, reach);
    if (sift_dlo < sift_dhi) refresh(r, sift_dlo, sift_dhi);  // the blocks that moved only
    return gain;
}

long Sweep::mirror_delta(int bi) const {
    const Block& b = blocks[static_cast<std::size_t>(bi)];
    struct At {
        bool down;
        double other;  // where the line meets the other row
        double at;     // where it leaves the block, in members from its left end
        int w;
    };
    std::vector<At> ends;
    for (std::size_t mi = 0; mi < b.members.size(); ++mi) {
        const int m = b.members[mi];
        const double here = pos[static_cast<std::size_t>(m)];
        if (const int ui = edge_union[static_cast<std::size_t>(m)]; ui >= 0) {
            const U& u = unions[static_cast<std::size_t>(ui)];
            ends.push_back({false, here + (anchor(u) - here) / (b.row - u.row), static_cast<double>(mi), weight(m)});
        }
        for (const int ui : own(m)) {
            const U& u = unions[static_cast<std::size_t>(ui)];
            if (u.b >= 0 && u.a != m) continue;  // a couple's lines once
            double at = static_cast<double>(mi);
            if (u.b >= 0)
                if (auto j = std::find(b.members.begin(), b.members.end(), u.b); j != b.members.end())
                    at = (at + static_cast<double>(j - b.members.begin())) / 2;
            const double from = anchor(u);
            for (const int k : u.lines)
                ends.push_back({true, from + (pos[static_cast<std::size_t>(k)] - from) / (row_of[static_cast<std::size_t>(k)] - u.row), at, weight(k)});
        }
    }
    // Mirrored, every pair of lines to one row leaving the block at different places
    // leaves it the other way round: crossing where it did not, and not where it did.
    long delta = 0;
    for (const At& e : ends)
        for (const At& f : ends)
            if (e.down == f.down && e.at < f.at) delta += static_cast<long>(e.w) * f.w * ((e.other < f.other) - (e.other > f.other));
    return delta;
}

inline long Sweep::sift_runs(std::size_t r, std::size_t reach) {
    auto& seq = order[r];
    const auto& sorted = sift_sorted;
    const auto& pu = sift_pu;
    long gain = 0;
    for (std::size_t a = 0, b = 0; a < seq.size(); a = b) {
        b = a + 1;
        bool pinned = blocks[static_cast<std::size_t>(seq[a])].pinned;
        for (; b < seq.size() && siblings(seq[b - 1], seq[b], pu); ++b) pinned = pinned || blocks[static_cast<std::size_t>(seq[b])].pinned;
        if (b - a < 2 || pinned) continue;
        // Passing y: stopped when any of the run may not pass it; the change in
        // crossings is the sum over the run's blocks.
        auto blocked = [&](int y) {
            for (std::size_t k = a; k < b; ++k)
                if (barrier(seq[k], y, pu)) return true;
            return false;
        };
        auto delta = [&](int y) {
            long d = 0;
            for (std::size_t k = a; k < b; ++k) d += pass_delta(sorted[static_cast<std::size_t>(seq[k])], sorted[static_cast<std::size_t>(y)]);
            return d;
        };
        long ru = 0, rd = 0;  // the run's line weights (a scan stops as in sift())
        for (std::size_t k = a; k < b; ++k) ru += sorted[static_cast<std::size_t>(seq[k])].up.w, rd += sorted[static_cast<std::size_t>(seq[k])].down.w;
        const auto& wu = sift_wu;
        const auto& wd = sift_wd;
        long best = 0, d = 0;
        std::size_t left = a, right = b;  // the run's new first slot, or its new end
        for (std::size_t j = a, stop = a > reach ? a - reach : 0; j-- > stop;) {
            if (blocked(seq[j])) break;
            d -= delta(seq[j]);
            if (d < best) best = d, left = j;
            if (d - ru * (wu[j] - wu[stop]) - rd * (wd[j] - wd[stop]) >= best) break;
        }
        d = 0;
        for (std::size_t j = b, stop = std::min(seq.size(), b + reach); j < stop; ++j) {
            if (blocked(seq[j])) break;
            d += delta(seq[j]);
            if (d < best) best = d, right = j + 1, left = a;
            if (d - ru * (wu[stop] - wu[j + 1]) - rd * (wd[stop] - wd[j + 1]) >= best) break;
        }
        if (best >= 0) continue;
        const auto at = [&](std::size_t k) { return seq.begin() + static_cast<long>(k); };
        if (left < a) std::rotate(at(left), at(a), at(b)), sift_weigh(r, left, b), sift_moved(left, b);
        else std::rotate(at(a), at(b), at(right)), sift_weigh(r, a, right), sift_moved(a, right), b = right;
        gain -= best;
    }
    return gain;
}

inline long Sweep::sift_if_needed(std::size_t r, SiftStamps& st) {
    if (st.changed.size() != order.size()) st.changed.assign(order.size(), 0), st.sifted.assign(order.size(), 0);
    long latest = 0;
    for (std::size_t k = r > 2 ? r - 2 : 0; k < std::min(order.size(), r + 3); ++k) latest = std::max(latest, st.changed[k]);
    if (st.sifted[r] && latest < st.sifted[r]) return 0;
    const long gain = sift(r);
    if (gain) st.changed[r] = ++st.stamp;
    st.sifted[r] = ++st.stamp;
    return gain;
}

inline long Sweep::sift_all(SiftStamps& st) {
    long gain = 0;
    for (std::size_t r = 0; r < order.size(); ++r) gain += sift_if_needed(r, st);
    for (std::size_t r = order.size(); r-- > 0;) gain += sift_if_needed(r, st);
    return gain;
}

long Sweep::sift_settled(SiftStamps& st, bool undo_worse) {
    long now = crossings();
    for (int pass = 0; pass < 8; ++pass) {
        State before;
        if (undo_worse) before = state();
        if (sift_all(st) <= 0) break;
        const long c = crossings();
        if (c >= now) {
            if (undo_worse && c > now) restore(before);
            else now = c;
            break;
        }
        now = c;
    }
    return now;
}

}  // namespace kring::genogram_detail::sweep
