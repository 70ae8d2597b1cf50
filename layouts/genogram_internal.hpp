// Internals of the genogram engine, shared by its source files and its tests.
#pragma once

#include "core/model.hpp"
#include "layouts/genogram.hpp"
#include "layouts/layout_result.hpp"

#include <map>
#include <unordered_map>
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

struct Family {
    std::vector<PersonId> persons;  // in the genogram, id order
    std::map<UnionKey, Union> unions;
    std::unordered_map<PersonId, std::vector<UnionKey>> unions_of;
    std::unordered_map<PersonId, std::vector<PersonId>> parents;
    std::unordered_map<PersonId, std::vector<PersonId>> children;
    std::map<std::pair<PersonId, PersonId>, const Relation*> descent;  // (parent, child) -> relation
    std::vector<const Relation*> twins;
};

using Rows = std::vector<std::vector<PersonId>>;

struct Geometry {
    explicit Geometry(double scale) : size(40 * scale), scale(scale) {}
    double size;   // symbol side
    double scale;
    [[nodiscard]] double row_height() const { return size * 3.6; }
    [[nodiscard]] double row_y(int row) const { return row * row_height(); }
    [[nodiscard]] double gap() const { return size * 0.45; }
    [[nodiscard]] double name_size() const { return 10 * scale; }
};

Family build_family(const Case& c);
std::unordered_map<PersonId, int> assign_generations(const Family& f);
Rows order_rows(const Case& c, const Family& f, const std::unordered_map<PersonId, int>& gen);
std::unordered_map<PersonId, double> place_rows(const Case& c, const Family& f, const Rows& rows, const Geometry& g);

// Half the horizontal room a person needs (symbol or name, whichever is wider).
double half_width(const Person& p, const Geometry& g);

void emit_households(LayoutResult& out, const Case& c, const Family& f, const std::unordered_map<PersonId, Point>& pos,
                     const Geometry& g);
void emit_family_lines(LayoutResult& out, const Case& c, const Family& f, const std::unordered_map<PersonId, Point>& pos,
                       const Geometry& g, Lang lang);
void emit_emotional_lines(LayoutResult& out, const Case& c, const std::unordered_map<PersonId, Point>& pos,
                          const Geometry& g);
void emit_persons(LayoutResult& out, const Case& c, const Family& f, const std::unordered_map<PersonId, Point>& pos,
                  const Geometry& g, const GenogramOptions& opt, const PartialDate& ref);

// Order-preserving placement: positions x_i (in the given order) minimising
// sum w_i (x_i - desired_i)^2 subject to x_{i+1} - x_i >= sep_i.
struct Slot {
    double desired = 0;
    double weight = 1;
    double left = 0, right = 0;  // extents from the centre
};
std::vector<double> solve_row(const std::vector<Slot>& slots);

}  // namespace kring::genogram_detail
