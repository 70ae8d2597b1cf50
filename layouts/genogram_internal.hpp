// Internals of the genogram engine, shared by its source files and its tests.
#pragma once

#include "core/model.hpp"
#include "layouts/genogram.hpp"
#include "layouts/layout_result.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <span>
#include <utility>
#include <vector>

namespace kring::genogram_detail {

// A couple (or a single parent when b is invalid) and the children born to them.
struct Union {
    PersonId a, b;                     // a < b; b invalid = single parent
    const Relation* partner = nullptr; // recorded partnership; null = implicit (parents of a child)
    std::vector<PersonId> children;    // birth order
};

using UnionKey = std::pair<PersonId, PersonId>;

// Where each person of a genogram stands in its list of persons (id order): an index into
// flat per-person arrays, found without a hash map's allocations. Shared by the arrays
// made for one family, so they stay valid after the Family is gone.
class PersonIndex {
public:
    explicit PersonIndex(std::vector<PersonId> persons);  // in id order
    // The person's place, or -1 for a person not in the genogram.
    [[nodiscard]] int of(PersonId p) const {
        if (!slot_.empty()) return p.value() < slot_.size() ? slot_[p.value()] : -1;
        const auto it = std::lower_bound(persons_.begin(), persons_.end(), p);
        return it != persons_.end() && *it == p ? static_cast<int>(it - persons_.begin()) : -1;
    }
    [[nodiscard]] std::size_t size() const { return persons_.size(); }

private:
    std::vector<PersonId> persons_;
    // By id value (-1: not in the genogram). Empty when the ids are too sparse for a
    // table; of() then searches persons_.
    std::vector<int> slot_;
};

// Per person of a family, a value only some have (their parents, children, unions, the
// union they hang from), with the lookups of a hash map but held by place: no node to
// allocate per entry and no hashing. Entries iterate in place (id) order. A person
// outside the family has no entry (find() gives end(), count() 0, at() throws).
template <class T>
class PersonMap {
    using Slot = std::pair<PersonId, T>;

public:
    PersonMap() = default;
    explicit PersonMap(std::shared_ptr<const PersonIndex> index)
        : index_(std::move(index)), slots_(index_->size()), present_(index_->size(), 0) {}

    // Steps over the persons without an entry. S: Slot, or const Slot.
    template <class S>
    class Iter {
    public:
        Iter(S* slots, const char* present, std::size_t i, std::size_t n) : slots_(slots), present_(present), i_(i), n_(n) { skip(); }
        auto& operator*() const { return slots_[i_]; }
        auto* operator->() const { return &slots_[i_]; }
        Iter& operator++() {
            ++i_;
            skip();
            return *this;
        }
        bool operator==(const Iter& o) const { return i_ == o.i_; }
        bool operator!=(const Iter& o) const { return i_ != o.i_; }

    private:
        void skip() {
            while (i_ < n_ && !present_[i_]) ++i_;
        }
        S* slots_;
        const char* present_;
        std::size_t i_, n_;
    };
    using iterator = Iter<Slot>;
    using const_iterator = Iter<const Slot>;

    [[nodiscard]] iterator begin() { return {slots_.data(), present_.data(), 0, slots_.size()}; }
    [[nodiscard]] iterator end() { return {slots_.data(), present_.data(), slots_.size(), slots_.size()}; }
    [[nodiscard]] const_iterator begin() const { return {slots_.data(), present_.data(), 0, slots_.size()}; }
    [[nodiscard]] const_iterator end() const { return {slots_.data(), present_.data(), slots_.size(), slots_.size()}; }
    [[nodiscard]] iterator find(PersonId p) {
        const int d = place(p);
        return d < 0 ? end() : iterator{slots_.data(), present_.data(), static_cast<std::size_t>(d), slots_.size()};
    }
    [[nodiscard]] const_iterator find(PersonId p) const {
        const int d = place(p);
        return d < 0 ? end() : const_iterator{slots_.data(), present_.data(), static_cast<std::size_t>(d), slots_.size()};
    }
    [[nodiscard]] std::size_t count(PersonId p) const { return place(p) < 0 ? 0 : 1; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] const T& at(PersonId p) const {
        const int d = place(p);
        if (d < 0) throw std::out_of_range("person " + p.str() + " has no entry");
        return slots_[static_cast<std::size_t>(d)].second;
    }
    // The entry, made if the person has none yet; the person must be in the family.
    T& operator[](PersonId p) {
        const int d = index_ ? index_->of(p) : -1;
        if (d < 0) throw std::out_of_range("person " + p.str() + " is not in the genogram");
        const auto i = static_cast<std::size_t>(d);
        if (!present_[i]) present_[i] = 1, slots_[i].first = p, ++size_;
        return slots_[i].second;
    }

private:
    // The place of p's entry, or -1 when p has none.
    [[nodiscard]] int place(PersonId p) const {
        const int d = index_ ? index_->of(p) : -1;
        return d >= 0 && present_[static_cast<std::size_t>(d)] ? d : -1;
    }
    std::shared_ptr<const PersonIndex> index_;
    std::vector<Slot> slots_;
    std::vector<char> present_;
    std::size_t size_ = 0;
};

struct Family {
    std::vector<PersonId> persons;  // in the genogram, id order
    std::shared_ptr<const PersonIndex> index;  // over `persons`
    std::map<UnionKey, Union> unions;
    PersonMap<std::vector<UnionKey>> unions_of;
    PersonMap<std::vector<PersonId>> parents;
    PersonMap<std::vector<PersonId>> children;
    std::map<std::pair<PersonId, PersonId>, const Relation*> descent;  // (parent, child) -> relation
    std::vector<const Relation*> twins;
    PersonMap<UnionKey> child_of;  // the union a child hangs from
    // Per person: their twins who are also their siblings (children of the same union) -
    // the twins drawn from one fork point, who should stand side by side.
    PersonMap<std::vector<PersonId>> twin_sibs;
    [[nodiscard]] bool twin_siblings(PersonId x, PersonId y) const {
        auto it = twin_sibs.find(x);
        return it != twin_sibs.end() && std::find(it->second.begin(), it->second.end(), y) != it->second.end();
    }
    // Twins born on different (known) dates: they have a birth order to keep. Twins born
    // the same day may stand either way round.
    [[nodiscard]] bool born_apart(PersonId x, PersonId y) const;
    // x has a twin sibling born on another day.
    [[nodiscard]] bool twin_born_apart(PersonId x) const {
        auto it = twin_sibs.find(x);
        if (it != twin_sibs.end())
            for (PersonId t : it->second)
                if (born_apart(x, t)) return true;
        return false;
    }
    std::vector<const Person*> person_at;  // by place in `persons`
    // The person, if in the genogram (nullptr otherwise): Case::person without its tree.
    [[nodiscard]] const Person* person(PersonId p) const;
};

using Rows = std::vector<std::vector<PersonId>>;

// A person's place in Family::persons, or -1 for a person not in the genogram.
[[nodiscard]] inline int dense(const Family& f, PersonId p) { return f.index ? f.index->of(p) : -1; }

inline const Person* Family::person(PersonId p) const {
    const int d = dense(*this, p);
    return d < 0 ? nullptr : person_at[static_cast<std::size_t>(d)];
}

inline bool Family::born_apart(PersonId x, PersonId y) const {
    const Person *a = person(x), *b = person(y);
    const long bx = a ? a->birth.earliest() : 0, by = b ? b->birth.earliest() : 0;
    return bx && by && bx != by;
}

// A list per index 0..n-1, all in one array (no vector per list): made from (index, item)
// pairs by a counting sort, each list in the order of its pairs.
struct FlatLists {
    std::vector<std::size_t> start;  // per index, and one more at the end
    std::vector<int> items;
    FlatLists() = default;
    FlatLists(std::size_t n, const std::vector<std::pair<int, int>>& pairs) : start(n + 1, 0), items(pairs.size()) {
        for (const auto& [i, item] : pairs) ++start[static_cast<std::size_t>(i) + 1];
        for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const auto& [i, item] : pairs) items[next[static_cast<std::size_t>(i)]++] = item;
    }
    [[nodiscard]] std::span<const int> of(std::size_t i) const { return {items.data() + start[i], start[i + 1] - start[i]}; }
};

// Union-find over persons' places in a family (path halving): the connected families.
struct PlaceUnionFind {
    std::vector<int> up;
    explicit PlaceUnionFind(std::size_t n) : up(n) {
        for (std::size_t i = 0; i < n; ++i) up[i] = static_cast<int>(i);
    }
    int find(int x) {
        while (up[static_cast<std::size_t>(x)] != x)
            x = up[static_cast<std::size_t>(x)] = up[static_cast<std::size_t>(up[static_cast<std::size_t>(x)])];
        return x;
    }
    // b's set joins a's.
    void join(int a, int b) { up[static_cast<std::size_t>(find(b))] = find(a); }
};

// One value per person of a Family, in a flat array by the person's place. Looking up a
// person outside the family throws std::out_of_range, as unordered_map::at does.
template <class T>
class PerPerson {
public:
    PerPerson() = default;
    PerPerson(const Family& f, T init) : index_(f.index), v_(f.persons.size(), init) {}
    [[nodiscard]] T& operator[](PersonId p) { return v_[place(p)]; }
    [[nodiscard]] const T& at(PersonId p) const { return v_[place(p)]; }
    // The values, in Family::persons order.
    [[nodiscard]] std::vector<T>& values() { return v_; }
    [[nodiscard]] const std::vector<T>& values() const { return v_; }

private:
    [[nodiscard]] std::size_t place(PersonId p) const {
        const int d = index_ ? index_->of(p) : -1;
        if (d < 0) throw std::out_of_range("person " + p.str() + " is not in the genogram");
        return static_cast<std::size_t>(d);
    }
    std::shared_ptr<const PersonIndex> index_;
    std::vector<T> v_;
};

struct Geometry {
    explicit Geometry(double scale) : size(40 * scale), scale(scale) {}
    double size;   // symbol side
    double scale;
    [[nodiscard]] double gap() const { return size * 0.45; }
    [[nodiscard]] double name_size() const { return 10 * scale; }
    [[nodiscard]] double date_size() const { return 8.5 * scale; }
    // Partner lines: the first one this far below the symbols, deeper ones a step lower.
    [[nodiscard]] double partner_drop(int depth) const { return size * 0.42 + depth * size * 0.24; }
    // Sibship lines: this far above the children's symbols, staggered by level.
    [[nodiscard]] double sibship_rise(int level) const { return size * 0.45 + level * size * 0.15; }
};

// One line of text under a person's symbol.
struct TextLine {
    std::string text;
    double size = 10;
    Color color = 0x1F2328FF;
    bool bold = false;
    bool professional_only = false;
};

// Everything the layout needs to know about one person's room.
struct PersonBox {
    double sym_w = 40, sym_h = 40;  // symbol
    double extent = 20;             // half the width of symbol or text, whichever is wider
    double text_h = 0;              // height of the text block under the symbol
    std::vector<TextLine> text;
};

// A partnership drawn as a line (two partners on one row), with what was decided for it.
struct PartnerLine {
    UnionKey key;
    int depth = 0;                  // 0 = directly under the symbols, deeper = further down
    std::size_t gap_left = 0;       // the line's dates and descent sit in the gap between
                                    // row slots gap_left and gap_left + 1
    std::string start_text, end_text;
};

struct Plan {
    Rows rows;
    PerPerson<int> row_of;
    PerPerson<std::size_t> index_in_row;
    PerPerson<PersonBox> box;
    std::map<UnionKey, PartnerLine> lines;      // partner lines by union
    std::vector<int> row_depth;                 // partner-line levels used per row
    std::vector<int> row_sib_levels;            // sibship levels used per row (children row)
    std::map<UnionKey, int> sib_level;          // sibship level of each union with children
    std::vector<double> row_y;                  // symbol centre y per row
    std::vector<double> text_top;               // top of the text blocks per row
    std::vector<std::vector<double>> extra;     // extra space after slot i, per row
    // Per row, per slot i: what the gap after slot i holds - a partner line's dates and
    // line of descent (no place for a line passing down the row), or a single parent's
    // stub down its middle.
    static constexpr char kFreeGap = 0, kDatesGap = 1, kStubGap = 2;
    std::vector<std::vector<char>> busy_gap;
    PerPerson<int> comp_of;  // connected family of each person
};

// Where a line of descent leaves its parents, given each person's x (`x_of`): a single
// parent's stub comes down the middle of the gap beside their text block; a couple on one
// row hangs theirs in the middle of the gap planned for their dates (PartnerLine::gap_left),
// kept between the two, or - with no room there - halfway between them. The drawing
// (emit_family_lines), the lines passing down a row (route_down) and the sibship levels
// (plan_heights) must agree on it.
inline double stub_x(double x, const PersonBox& box, const Geometry& g) { return x + box.extent + g.gap() / 2; }
template <class XOf>
double dates_gap_x(const Plan& plan, const PartnerLine& pl, std::size_t row, double left, double right, XOf&& x_of) {
    const PersonId gl = plan.rows[row][pl.gap_left], gr = plan.rows[row][pl.gap_left + 1];
    const double x0 = x_of(gl) + plan.box.at(gl).extent, x1 = x_of(gr) - plan.box.at(gr).extent;
    return x1 > x0 ? std::clamp((x0 + x1) / 2, left, right) : (left + right) / 2;
}

Family build_family(const Case& c);
PerPerson<int> assign_generations(const Family& f);
// `start` > 0: the persons without parents are taken in another order within each
// generation (a fixed shuffle per start), for another start of the crossing reduction.
Rows order_rows(const Case& c, const Family& f, const PerPerson<int>& gen, std::uint32_t start = 0);
// Permutes blocks (couples, sibships in birth order) within the rows for fewer crossings
// (genogram_leaves.cpp). The order it finds may differ after any edit; while a case is
// edited, keep_recorded_order keeps the drawing still instead.
// Returns the crossings of the order it found as its last sifting counts them (line weights
// multiplied, lines over several rows spread evenly): comparable between starts of one case.
long reduce_crossings(Rows& rows, const Case& c, const Family& f);
// Instead of reduce_crossings when the case has a recorded order (CaseInfo::genogram_order):
// that order is kept and only persons not in it are placed (genogram_keep.cpp).
void keep_recorded_order(Rows& rows, const Case& c, const Family& f);
// Connected families, numbered by first appearance (top row first, left to right).
PerPerson<int> number_families(const Rows& rows, const Family& f);
// The runs of partners in a row - the blocks that the crossing reduction moves and the keep
// pass keeps together: maximal runs in which each person is a partner of someone earlier in
// the run (a couple; a person with several partners and them) or the twin of the person
// just before them (twins side by side stay so, each with their partners on their outer
// side), as [first, last] indices.
// With `until`, only as far as the run that holds that index (the last one returned).
using Run = std::pair<std::size_t, std::size_t>;
std::vector<Run> partner_runs(const Family& f, const std::vector<PersonId>& row, std::size_t until = SIZE_MAX);
// Its parts: the order of the skeleton rows (no leaves; `family` numbers the connected
// families), with where each union's phantom ended up (after which skeleton person on
// its row; invalid = first); then, with the leaves back in, a last sifting of every row
// (OptimisePass::Polish: no phantoms, no sweeps).
enum class OptimisePass { Skeleton, Polish };
// Where a union's phantom ended up: its row (one below its parents'), and the skeleton
// person on that row it came after (invalid = first).
struct PhantomPlace {
    std::size_t row = 0;
    PersonId after;
};
// Returns the weighted crossings of the order it leaves.
long optimise(Rows& rows, const Case& c, const Family& f, const PerPerson<int>& family,
              std::map<UnionKey, PhantomPlace>* phantom_after, OptimisePass pass = OptimisePass::Skeleton);

// Text lines under a person (name, family name, dates, wrapped notes) and the room needed.
PersonBox person_box(const Person& p, const Geometry& g, const GenogramOptions& opt, Lang lang);

// Structure decided from the order alone: partner-line depths, label gaps, extra spacing,
// row heights. Then x positions.
void plan_structure(Plan& plan, const Case& c, const Family& f, const Geometry& g, Lang lang);
std::unordered_map<PersonId, double> place_rows(const Case& c, const Family& f, const Plan& plan, const Geometry& g);
// Once the persons are placed: the sibship lines' levels and the rows' heights.
void plan_heights(Plan& plan, const Family& f, const Geometry& g, const std::unordered_map<PersonId, double>& x);

// Where a union's descent line leaves its partner line (x) and at which y.
struct UnionAnchor {
    Point at;
    bool valid = false;
};

struct Drawn {
    std::unordered_map<PersonId, Point> pos;
    std::map<UnionKey, UnionAnchor> anchor;
};

inline Line make_line(std::vector<Point> pts, LineStyle style, double width, Color color, Line::Role role,
                      RelationId rel = {}) {
    Line l;
    l.points = std::move(pts);
    l.style = style;
    l.width = width;
    l.color = color;
    l.role = role;
    l.relation = rel;
    return l;
}

// Top of the text block of a person (follows the person when pinned off the row).
inline double text_top(const Plan& plan, const Drawn& d, PersonId p) {
    auto r = static_cast<std::size_t>(plan.row_of.at(p));
    return d.pos.at(p).y + (plan.text_top[r] - plan.row_y[r]);
}

// Household boundaries (genogram_households.cpp), after the family and relation lines
// (their outlines keep off them) but put in at `under`, beneath the relation lines.
void emit_households(LayoutResult& out, const Case& c, const Family& f, const Plan& plan, const Drawn& d,
                     const Geometry& g, std::size_t under);
void emit_family_lines(LayoutResult& out, const Case& c, const Family& f, const Plan& plan, Drawn& d,
                       const Geometry& g);
void emit_emotional_lines(LayoutResult& out, const Case& c, const Plan& plan, const Drawn& d, const Geometry& g);
void emit_persons(LayoutResult& out, const Case& c, const Family& f, const Plan& plan, const Drawn& d,
                  const Geometry& g, const GenogramOptions& opt, const PartialDate& ref);

// Order-preserving placement: positions x_i (in the given order) minimising
// sum w_i (x_i - desired_i)^2 subject to x_{i+1} - x_i >= right_i + left_{i+1}.
struct Slot {
    double desired = 0;
    double weight = 1;
    double left = 0, right = 0;  // extents from the centre (right includes extra space)
};
std::vector<double> solve_row(const std::vector<Slot>& slots);

// The whole pipeline, also returning the union anchors (used by the metrics and tests).
LayoutResult layout_genogram_detailed(const Case& c, const GenogramOptions& opt, Drawn* drawn, Plan* plan);

}  // namespace kring::genogram_detail
