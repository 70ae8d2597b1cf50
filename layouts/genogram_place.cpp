// Genogram: order within rows and horizontal placement.
#include "layouts/genogram_internal.hpp"

#include <algorithm>
#include <set>

namespace kring::genogram_detail {

double half_width(const Person& p, const Geometry& g) {
    std::string name = p.given.empty() ? p.display_name() : p.given;
    double w = std::max(g.size, text_width(name, g.name_size()) + 4);
    if (!p.family.empty()) w = std::max(w, text_width(p.family, g.name_size() * 0.9) + 4);
    return w / 2 + g.gap() / 2;
}

Rows order_rows(const Case& c, const Family& f, const std::unordered_map<PersonId, int>& gen) {
    int depth = 0;
    for (const auto& [p, g] : gen) depth = std::max(depth, g + 1);
    Rows rows(static_cast<std::size_t>(depth));
    std::set<PersonId> placed;

    auto partners_in_time_order = [&](PersonId p) {
        std::vector<std::pair<PersonId, const Union*>> out;
        auto it = f.unions_of.find(p);
        if (it == f.unions_of.end()) return out;
        for (const auto& key : it->second) {
            const Union& u = f.unions.at(key);
            PersonId q = u.a == p ? u.b : u.a;
            if (q && gen.at(q) == gen.at(p)) out.push_back({q, &u});
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
            long xs = x.second->partner ? x.second->partner->start.earliest() : 0;
            long ys = y.second->partner ? y.second->partner->start.earliest() : 0;
            if (xs && ys && xs != ys) return xs < ys;
            return (x.second->partner ? x.second->partner->id.value() : 1u << 31) <
                   (y.second->partner ? y.second->partner->id.value() : 1u << 31);
        });
        return out;
    };

    // Depth-first: a person with their partners (earlier partners to the left, the
    // person in the middle, later partners to the right), then each couple's children.
    std::vector<PersonId> stack_guard;
    auto visit = [&](auto&& self, PersonId p) -> void {
        if (placed.count(p)) return;
        auto partners = partners_in_time_order(p);
        std::vector<PersonId> block{p};
        placed.insert(p);
        const Person& person = *c.person(p);
        int k = 0;
        for (const auto& [q, u] : partners) {
            if (placed.count(q)) continue;
            placed.insert(q);
            // One partner: man left, woman right. Several: alternate sides in time order.
            bool left = partners.size() == 1 ? (person.sex == Sex::Female && c.person(q)->sex == Sex::Male) : (k % 2 == 0);
            if (left)
                block.insert(block.begin(), q);
            else
                block.push_back(q);
            ++k;
        }
        auto& row = rows[static_cast<std::size_t>(gen.at(p))];
        row.insert(row.end(), block.begin(), block.end());
        // Children of each union of the block members, left to right.
        for (PersonId m : block) {
            auto it = f.unions_of.find(m);
            if (it == f.unions_of.end()) continue;
            for (const auto& key : it->second)
                for (PersonId ch : f.unions.at(key).children) self(self, ch);
        }
    };

    std::vector<PersonId> roots;
    for (PersonId p : f.persons)
        if (!f.parents.count(p)) roots.push_back(p);
    std::stable_sort(roots.begin(), roots.end(), [&](PersonId a, PersonId b) { return gen.at(a) < gen.at(b); });
    for (PersonId p : roots) visit(visit, p);
    // Persons only reachable through a loop in the ancestry (invalid data): still drawn.
    for (PersonId p : f.persons) visit(visit, p);
    return rows;
}

std::vector<double> solve_row(const std::vector<Slot>& slots) {
    // Pool-adjacent-violators on blocks: each block is a run of slots packed at minimum
    // spacing, positioned at the weighted mean of its members' desired positions.
    struct Block {
        std::size_t first, last;
        double wsum, wdsum;  // sum w, sum w*(desired - offset)
        double pos;          // x of the first slot
    };
    std::vector<double> offset(slots.size(), 0.0);
    for (std::size_t i = 1; i < slots.size(); ++i) offset[i] = offset[i - 1] + slots[i - 1].right + slots[i].left;
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        Block b{i, i, slots[i].weight, slots[i].weight * (slots[i].desired - offset[i]), 0};
        b.pos = b.wdsum / b.wsum;
        blocks.push_back(b);
        while (blocks.size() > 1) {
            Block& prev = blocks[blocks.size() - 2];
            Block& cur = blocks.back();
            // cur's first slot must be at least sep right of prev's last slot; in
            // offset terms both are relative to the row start, so compare block origins.
            if (prev.pos <= cur.pos + 1e-9) break;
            prev.last = cur.last;
            prev.wsum += cur.wsum;
            prev.wdsum += cur.wdsum;
            prev.pos = prev.wdsum / prev.wsum;
            blocks.pop_back();
        }
    }
    std::vector<double> x(slots.size());
    for (const auto& b : blocks)
        for (std::size_t i = b.first; i <= b.last; ++i) x[i] = b.pos + offset[i];
    return x;
}

std::unordered_map<PersonId, double> place_rows(const Case& c, const Family& f, const Rows& rows, const Geometry& g) {
    std::unordered_map<PersonId, double> x;
    std::unordered_map<PersonId, double> half;
    for (const auto& row : rows)
        for (PersonId p : row) half[p] = half_width(*c.person(p), g);
    // Start packed from the left.
    for (const auto& row : rows) {
        double cur = 0;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) cur += half[row[i - 1]] + half[row[i]];
            x[row[i]] = cur;
        }
    }
    auto union_mid = [&](const Union& u) { return u.b ? (x[u.a] + x[u.b]) / 2 : x[u.a]; };
    auto pin_weight = [&](PersonId p) { return c.person(p)->genogram_pin ? 1000.0 : 0.0; };

    auto solve = [&](const std::vector<PersonId>& row, const std::unordered_map<PersonId, std::pair<double, double>>& want) {
        std::vector<Slot> slots;
        for (PersonId p : row) {
            Slot s;
            auto it = want.find(p);
            double wsum = 0.05, wdsum = 0.05 * x[p];  // weak pull to stay where it is
            if (it != want.end()) {
                wsum += it->second.first;
                wdsum += it->second.second;
            }
            if (double pw = pin_weight(p); pw > 0) {
                wsum += pw;
                wdsum += pw * c.person(p)->genogram_pin->x;
            }
            s.desired = wdsum / wsum;
            s.weight = wsum;
            s.left = s.right = half[p];
            slots.push_back(s);
        }
        auto xs = solve_row(slots);
        for (std::size_t i = 0; i < row.size(); ++i) x[row[i]] = xs[i];
    };

    auto add = [](std::unordered_map<PersonId, std::pair<double, double>>& want, PersonId p, double target, double w) {
        auto& e = want[p];
        e.first += w;
        e.second += w * target;
    };

    auto top_down = [&](std::size_t r) {
        // Children centred under their parents' union; partners who married in stay
        // beside their partner.
        std::unordered_map<PersonId, std::pair<double, double>> want;
        for (const auto& [key, u] : f.unions) {
            if (u.children.empty()) continue;
            double mid = union_mid(u);
            // children of this union present in row r, in row order
            std::vector<PersonId> kids;
            for (PersonId p : rows[r])
                if (std::find(u.children.begin(), u.children.end(), p) != u.children.end()) kids.push_back(p);
            if (kids.empty()) continue;
            double total = 0;
            for (std::size_t i = 0; i < kids.size(); ++i) total += (i ? half[kids[i - 1]] + half[kids[i]] : 0);
            double start = mid - total / 2, cur = start;
            for (std::size_t i = 0; i < kids.size(); ++i) {
                if (i) cur += half[kids[i - 1]] + half[kids[i]];
                add(want, kids[i], cur, 1.0);
            }
        }
        for (PersonId p : rows[r]) {
            if (f.parents.count(p)) continue;
            auto it = f.unions_of.find(p);
            if (it == f.unions_of.end()) continue;
            for (const auto& key : it->second) {
                const Union& u = f.unions.at(key);
                PersonId q = u.a == p ? u.b : u.a;
                if (!q || !f.parents.count(q)) continue;
                double side = x[p] < x[q] ? -1 : 1;
                add(want, p, x[q] + side * (half[p] + half[q]), 0.8);
            }
        }
        solve(rows[r], want);
    };

    auto bottom_up = [&](std::size_t r) {
        // Parents centred over their children.
        std::unordered_map<PersonId, std::pair<double, double>> want;
        for (const auto& [key, u] : f.unions) {
            if (u.children.empty()) continue;
            double lo = 1e300, hi = -1e300;
            for (PersonId ch : u.children) {
                lo = std::min(lo, x[ch]);
                hi = std::max(hi, x[ch]);
            }
            double centre = (lo + hi) / 2;
            bool in_row = std::find(rows[r].begin(), rows[r].end(), u.a) != rows[r].end();
            if (!in_row) continue;
            if (u.b) {
                double d = std::abs(x[u.b] - x[u.a]) / 2;
                double sa = x[u.a] <= x[u.b] ? -1 : 1;
                add(want, u.a, centre + sa * d, 1.0);
                add(want, u.b, centre - sa * d, 1.0);
            } else {
                add(want, u.a, centre, 1.0);
            }
        }
        solve(rows[r], want);
    };

    const std::size_t n = rows.size();
    for (int iter = 0; iter < 6; ++iter) {
        for (std::size_t r = n; r-- > 0;) bottom_up(r);
        for (std::size_t r = 1; r < n; ++r) top_down(r);
    }
    // Normalise so the drawing starts at x = 0.
    double lo = 1e300;
    for (const auto& [p, v] : x) lo = std::min(lo, v - half[p]);
    if (lo < 1e299)
        for (auto& [p, v] : x) v -= lo;
    return x;
}

}  // namespace kring::genogram_detail
