#include "core/model.hpp"

#include <algorithm>

namespace kring {

std::string Person::display_name() const {
    std::string n = given;
    if (!family.empty()) {
        if (!n.empty()) n += ' ';
        n += family;
    }
    if (!n.empty()) return n;
    return nickname.empty() ? std::string("?") : nickname;
}

const Person* Case::person(PersonId id) const {
    auto it = persons_.find(id);
    return it == persons_.end() ? nullptr : &it->second;
}
const Relation* Case::relation(RelationId id) const {
    auto it = relations_.find(id);
    return it == relations_.end() ? nullptr : &it->second;
}
const Household* Case::household(HouseholdId id) const {
    auto it = households_.find(id);
    return it == households_.end() ? nullptr : &it->second;
}

void Case::put(Person p) {
    next_person_ = std::max(next_person_, p.id.value());
    persons_[p.id] = std::move(p);
}
void Case::put(Relation r) {
    next_relation_ = std::max(next_relation_, r.id.value());
    relations_[r.id] = std::move(r);
}
void Case::put(Household h) {
    next_household_ = std::max(next_household_, h.id.value());
    households_[h.id] = std::move(h);
}

std::vector<const Relation*> Case::relations_of(PersonId p) const {
    std::vector<const Relation*> out;
    for (const auto& [id, r] : relations_)
        if (r.involves(p)) out.push_back(&r);
    return out;
}

std::vector<PersonId> Case::parents_of(PersonId child) const {
    std::vector<PersonId> out;
    for (const auto& [id, r] : relations_)
        if (r.kind == RelationKind::ParentChild && r.b == child) out.push_back(r.a);
    return out;
}

std::vector<PersonId> Case::children_of(PersonId parent) const {
    std::vector<PersonId> out;
    for (const auto& [id, r] : relations_)
        if (r.kind == RelationKind::ParentChild && r.a == parent) out.push_back(r.b);
    return out;
}

std::vector<const Relation*> Case::partnerships_of(PersonId p) const {
    std::vector<const Relation*> out;
    for (const auto& [id, r] : relations_)
        if (r.kind == RelationKind::Partner && r.involves(p)) out.push_back(&r);
    // Time order: by start date where known, else by id (order of entry).
    std::stable_sort(out.begin(), out.end(), [](const Relation* x, const Relation* y) {
        long xs = x->start.earliest(), ys = y->start.earliest();
        if (xs && ys && xs != ys) return xs < ys;
        return x->id < y->id;
    });
    return out;
}

std::optional<PersonId> Case::index_person() const {
    for (const auto& [id, p] : persons_)
        if (p.index_person) return id;
    return std::nullopt;
}

}  // namespace kring
