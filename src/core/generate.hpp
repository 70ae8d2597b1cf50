// Synthetic families for tests and benchmarks: a reproducible (seeded) family tree of a
// chosen size with the structures a genogram must handle - several partners with
// children by each (half-siblings), remarriage, married-in partners with and without
// their own parents (two family trees joined), single parents, twins, the deceased.
// Fictional names only; nothing here is ever written into a real case.
#pragma once

#include "core/model.hpp"

#include <cstdint>

namespace kring {

struct GenerateOptions {
    int persons = 100;              // stop once at least this many persons exist
    std::uint32_t seed = 1;
    double partner_rate = 0.8;      // a descendant has a partner
    double second_partner = 0.15;   // ... and a second one (children by both)
    double in_law_parents = 0.25;   // a married-in partner comes with their own parents
    double join_existing = 0.2;     // a partner is taken from another branch of the tree
    double twin_rate = 0.03;        // a child is born as a twin
    int first_year = 1900;          // birth year of the founders
};

// The generated case; person ids p1..pN in creation order (founders first).
[[nodiscard]] Case generate_family(const GenerateOptions& opt);

}  // namespace kring
