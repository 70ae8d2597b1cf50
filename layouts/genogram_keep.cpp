// Genogram: the order recorded while editing is kept (CaseInfo::genogram_order).
//
// The crossing reduction orders the whole drawing at once, so one new partner or parent
// can reorder families far away from them. While a case is being edited the app records
// the order it drew before each change; the layout then keeps that order for everyone in
// it and only places the newcomers:
//   - a new partner beside their partner: on the free side of someone who already has a
//     partner, else on the side the depth-first order gives them;
//   - a new child among their siblings in birth order (a child without a birth date, or
//     with only undated siblings, after the youngest), or else under their parents;
//   - a new parent above their children;
//   - anyone else beside their neighbour in the depth-first order (order_rows).
// Then the rules are restored where the recorded order breaks them, which an edit between
// persons already drawn can do (a new partnership, an edited birth date): partners are
// brought together and siblings with known birth dates put back in birth order, moving as
// few blocks as that takes; unconnected families stay apart.
#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <unordered_set>

namespace kring::genogram_detail {

namespace {

using Row = std::vector<PersonId>;

// Same-row partners of p.
std::vector<PersonId> row_partners(const Family& f, const std::unordered_map<PersonId, int>& row_of, PersonId p) {
    std::vector<PersonId> out;
    auto it = f.unions_of.find(p);
    if (it == f.unions_of.end()) return out;
    for (const auto& key : it->second) {
        const Union& u = f.unions.at(key);
        const PersonId q = u.a == p ? u.b : u.a;
        if (q && row_of.count(q) && row_of.at(q) == row_of.at(p)) out.push_back(q);
    }
    return out;
}

// The rows cut into blocks as the crossing reduction cuts them (partner_runs).
struct RowState {
    const Family& f;
    // [first, last] index of the block around seq[i].
    [[nodiscard]] Run block(const Row& seq, std::size_t i) const {
        const std::vector<Run> runs = partner_runs(f, seq, i);
        return runs.empty() ? Run{i, i} : runs.back();
    }
    // The row cut into its blocks, left to right.
    [[nodiscard]] std::vector<Row> cut(const Row& seq) const {
        std::vector<Row> out;
        for (const auto& [lo, hi] : partner_runs(f, seq))
            out.emplace_back(seq.begin() + static_cast<long>(lo), seq.begin() + static_cast<long>(hi) + 1);
        return out;
    }
};

Row joined(const std::vector<Row>& blocks) {
    Row out;
    for (const auto& b : blocks) out.insert(out.end(), b.begin(), b.end());
    return out;
}

std::size_t index_of(const Row& seq, PersonId p) {
    return static_cast<std::size_t>(std::find(seq.begin(), seq.end(), p) - seq.begin());
}

}  // namespace

void keep_recorded_order(Rows& rows, const Case& c, const Family& f) {
    std::unordered_map<PersonId, std::size_t> rank;
    for (PersonId p : c.info.genogram_order) rank.try_emplace(p, rank.size());
    std::unordered_map<PersonId, int> row_of;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (PersonId p : rows[r]) row_of[p] = static_cast<int>(r);
    const RowState st{f};
    auto born = [&](PersonId p) { return f.person(p)->birth.earliest(); };
    // Where p's parents' or children's line meets row r: a fraction of that row.
    auto fraction = [&](const std::vector<PersonId>& others, const Rows& done) {
        double sum = 0;
        int n = 0;
        for (PersonId q : others) {
            const auto& row = done[static_cast<std::size_t>(row_of.at(q))];
            const std::size_t i = index_of(row, q);
            if (i < row.size()) sum += (static_cast<double>(i) + 0.5) / static_cast<double>(row.size()), ++n;
        }
        return n ? sum / n : -1.0;
    };

    Rows out(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row& natural = rows[r];
        Row& seq = out[r];
        for (PersonId p : natural)
            if (rank.count(p)) seq.push_back(p);
        std::stable_sort(seq.begin(), seq.end(), [&](PersonId a, PersonId b) { return rank.at(a) < rank.at(b); });
        if (seq.empty()) {
            seq = natural;
            continue;
        }
        std::unordered_set<PersonId> placed(seq.begin(), seq.end());
        // Inserts before slot i, moved off the inside of a block of partners.
        auto put_before_block = [&](PersonId x, std::size_t i) {
            if (i < seq.size()) i = st.block(seq, i).first;
            seq.insert(seq.begin() + static_cast<long>(i), x);
            placed.insert(x);
        };
        auto put_after_block = [&](PersonId x, std::size_t i) {
            put_before_block(x, i + 1 < seq.size() ? st.block(seq, i).second + 1 : seq.size());
        };
        for (std::size_t ni = 0; ni < natural.size(); ++ni) {
            const PersonId x = natural[ni];
            if (placed.count(x)) continue;
            // A partner already drawn: beside them, on the side the natural order has.
            PersonId partner;
            for (PersonId q : row_partners(f, row_of, x))
                if (placed.count(q)) {
                    partner = q;
                    break;
                }
            if (partner) {
                const std::size_t at = index_of(seq, partner);
                const auto [lo, hi] = st.block(seq, at);
                // Directly beside the partner when they stand at an end of their block
                // (a second partner on the other side of them from the first).
                bool left = index_of(natural, partner) > ni;
                if (at == lo && at != hi) left = true;
                if (at == hi && at != lo) left = false;
                std::size_t put = left ? lo : hi + 1;
                // A twin beside their twin: the new partner comes between them, as partners
                // stand together before twins do (gather_twins, genogram_leaves.cpp).
                if (at > lo && at < hi) {
                    if (f.twin_siblings(partner, seq[at + 1])) put = at + 1;
                    else if (f.twin_siblings(partner, seq[at - 1])) put = at;
                }
                seq.insert(seq.begin() + static_cast<long>(put), x);
                placed.insert(x);
                continue;
            }
            // Siblings on this row: in birth order among them.
            std::vector<PersonId> sibs;
            if (auto cu = f.child_of.find(x); cu != f.child_of.end())
                for (PersonId s : f.unions.at(cu->second).children)
                    if (s != x && placed.count(s)) sibs.push_back(s);
            if (!sibs.empty()) {
                PersonId prev, next;
                if (const long bx = born(x)) {
                    for (PersonId s : sibs) {
                        const long bs = born(s);
                        if (!bs) continue;
                        if (bs <= bx && (!prev || index_of(seq, s) > index_of(seq, prev))) prev = s;
                        if (bs > bx && (!next || index_of(seq, s) < index_of(seq, next))) next = s;
                    }
                }
                if (prev) put_after_block(x, index_of(seq, prev));
                else if (next) put_before_block(x, index_of(seq, next));
                else {
                    std::size_t last = 0;
                    for (PersonId s : sibs) last = std::max(last, index_of(seq, s));
                    put_after_block(x, last);
                }
                continue;
            }
            // Under the parents, or above the children, where those are drawn.
            std::vector<PersonId> parents, children;
            if (auto it = f.parents.find(x); it != f.parents.end())
                for (PersonId q : it->second)
                    if (row_of.at(q) < static_cast<int>(r)) parents.push_back(q);
            if (auto it = f.children.find(x); it != f.children.end())
                for (PersonId q : it->second)
                    if (row_of.at(q) > static_cast<int>(r) && rank.count(q)) children.push_back(q);
            double want = fraction(parents, out);
            if (want < 0 && !children.empty()) {
                // The row below is not merged yet: its recorded order stands for it.
                Row below;
                for (PersonId q : rows[static_cast<std::size_t>(row_of.at(children[0]))])
                    if (rank.count(q)) below.push_back(q);
                std::stable_sort(below.begin(), below.end(), [&](PersonId a, PersonId b) { return rank.at(a) < rank.at(b); });
                double sum = 0;
                int n = 0;
                for (PersonId q : children)
                    if (row_of.at(q) == row_of.at(children[0])) sum += (static_cast<double>(index_of(below, q)) + 0.5) / static_cast<double>(below.size()), ++n;
                want = n ? sum / n : -1.0;
            }
            if (want >= 0) {
                std::size_t i = 0;
                while (i < seq.size() && (static_cast<double>(i) + 0.5) / static_cast<double>(seq.size() + 1) < want) ++i;
                put_before_block(x, i);
                continue;
            }
            // Anyone else: after their left neighbour in the natural order, or first.
            std::size_t i = 0;
            for (std::size_t k = ni; k-- > 0;)
                if (placed.count(natural[k])) {
                    i = st.block(seq, index_of(seq, natural[k])).second + 1;
                    break;
                }
            put_before_block(x, i);
        }
    }

    // The rules, where the recorded order breaks them. Partners together: the later block
    // of the two joins the earlier one.
    for (auto& seq : out) {
        for (std::size_t round = 0; round < seq.size(); ++round) {
            bool moved = false;
            for (std::size_t i = 0; i < seq.size() && !moved; ++i)
                for (PersonId q : row_partners(f, row_of, seq[i])) {
                    const auto [lo, hi] = st.block(seq, i);
                    const std::size_t j = index_of(seq, q);
                    if (j >= lo && j <= hi) continue;
                    const auto [qlo, qhi] = st.block(seq, j);
                    const PersonId pi = seq[i];
                    Row run(seq.begin() + static_cast<long>(qlo), seq.begin() + static_cast<long>(qhi) + 1);
                    seq.erase(seq.begin() + static_cast<long>(qlo), seq.begin() + static_cast<long>(qhi) + 1);
                    const std::size_t at = index_of(seq, pi);
                    const auto [nlo, nhi] = st.block(seq, at);
                    const std::size_t put = j > i ? nhi + 1 : nlo;
                    seq.insert(seq.begin() + static_cast<long>(put), run.begin(), run.end());
                    moved = true;
                    break;
                }
            if (!moved) break;
        }
    }
    // Siblings with known birth dates in birth order: the slots their blocks hold are
    // refilled in birth order. A refill is kept only when it leaves fewer siblings out of
    // order in the row: where two sibships share blocks and disagree (two brothers married
    // to two sisters), one of them has to give, and the recorded order decides which.
    // Each sibship's blocks in the row, (birth, block start) in birth order.
    auto sibship_blocks = [&](const Union& u, const Row& seq) {
        std::vector<std::pair<long, std::size_t>> kids;
        for (PersonId k : u.children) {
            if (!born(k)) continue;
            const std::size_t i = index_of(seq, k);
            if (i >= seq.size()) continue;
            const std::size_t start = st.block(seq, i).first;
            if (std::any_of(kids.begin(), kids.end(), [&](const auto& kb) { return kb.second == start; })) continue;
            kids.push_back({born(k), start});
        }
        std::stable_sort(kids.begin(), kids.end());
        return kids;
    };
    auto out_of_order = [&](const Row& seq) {
        int bad = 0;
        for (const auto& [key, u] : f.unions) {
            const auto kids = sibship_blocks(u, seq);
            for (std::size_t i = 1; i < kids.size(); ++i) bad += kids[i - 1].second > kids[i].second;
        }
        return bad;
    };
    for (auto& seq : out) {
        for (int round = 0; round < 3; ++round) {
            bool changed = false;
            for (const auto& [key, u] : f.unions) {
                const auto kids = sibship_blocks(u, seq);
                if (kids.size() < 2) continue;
                bool in_order = true;
                for (std::size_t i = 1; i < kids.size(); ++i) in_order = in_order && kids[i - 1].second < kids[i].second;
                if (in_order) continue;
                // Cut the row into its blocks, put the sibling blocks in birth order in their slots.
                const std::vector<Row> blocks = st.cut(seq);
                std::vector<std::size_t> block_start;
                for (std::size_t i = 0; const auto& b : blocks) block_start.push_back(i), i += b.size();
                std::vector<std::size_t> slots;
                for (const auto& [b, start] : kids)
                    slots.push_back(static_cast<std::size_t>(std::find(block_start.begin(), block_start.end(), start) - block_start.begin()));
                std::vector<std::size_t> sorted_slots = slots;
                std::sort(sorted_slots.begin(), sorted_slots.end());
                std::vector<Row> next = blocks;
                for (std::size_t i = 0; i < slots.size(); ++i) next[sorted_slots[i]] = blocks[slots[i]];
                Row refilled = joined(next);
                if (out_of_order(refilled) >= out_of_order(seq)) continue;
                seq = std::move(refilled);
                changed = true;
            }
            if (!changed) break;
        }
    }
    // Unconnected families side by side, in the recorded order: a family ranks by its first person in the recorded
    // order (a newcomer drawn left of it must not move it behind another family).
    const auto family = number_families(out, f);
    std::unordered_map<int, std::size_t> first;
    for (const auto& seq : out)
        for (PersonId p : seq) {
            auto [it, fresh] = first.try_emplace(family.at(p), SIZE_MAX);
            if (auto rk = rank.find(p); rk != rank.end()) it->second = std::min(it->second, rk->second);
        }
    auto family_key = [&](PersonId p) { return std::pair{first.at(family.at(p)), family.at(p)}; };
    for (auto& seq : out) {
        std::vector<Row> blocks = st.cut(seq);
        std::stable_sort(blocks.begin(), blocks.end(), [&](const Row& a, const Row& b) { return family_key(a[0]) < family_key(b[0]); });
        seq = joined(blocks);
    }
    rows = std::move(out);
}

}  // namespace kring::genogram_detail

namespace kring {

std::vector<PersonId> genogram_drawn_order(const Case& c) { return layout_genogram(c).order; }

}  // namespace kring
