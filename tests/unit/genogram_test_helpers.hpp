// Hand-made genograms for the layout tests: a small builder of persons and relations, and
// the checks every clean layout passes.
#pragma once

#include "core/model.hpp"
#include "layouts/genogram.hpp"
#include "layouts/genogram_metrics.hpp"

#include <doctest/doctest.h>

#include <string>

namespace kring::genogram_test {

struct Builder {
    Case c;
    PersonId person(const std::string& name, Sex sex, int year = 0, int month = 1) {
        Person p;
        p.id = c.new_person_id();
        p.given = name;
        p.family = "Test";
        p.sex = sex;
        if (year) p.birth = {year, month, 1, false};
        c.put(p);
        return p.id;
    }
    // A relation of kind k between a and b, with a new id, not yet put in the case.
    Relation relation(RelationKind k, PersonId a, PersonId b) {
        Relation r;
        r.id = c.new_relation_id();
        r.kind = k;
        r.a = a;
        r.b = b;
        return r;
    }
    RelationId put(const Relation& r) {
        c.put(r);
        return r.id;
    }
    RelationId rel(RelationKind k, PersonId a, PersonId b) { return put(relation(k, a, b)); }
    RelationId couple(PersonId a, PersonId b, PartnerStatus st = PartnerStatus::Married, int start = 0, int end = 0) {
        Relation r = relation(RelationKind::Partner, a, b);
        r.partner = st;
        if (start) r.start = {start, 0, 0, false};
        if (end) r.end = {end, 0, 0, false};
        return put(r);
    }
    RelationId emotion(PersonId a, PersonId b, EmotionKind k) {
        Relation r = relation(RelationKind::Emotional, a, b);
        r.emotion = k;
        return put(r);
    }
    void child(PersonId parent1, PersonId parent2, PersonId ch) {
        if (parent1) rel(RelationKind::ParentChild, parent1, ch);
        if (parent2) rel(RelationKind::ParentChild, parent2, ch);
    }
};

inline GenogramOptions opts() {
    GenogramOptions o;
    o.reference_date = {2026, 1, 1, false};
    return o;
}

inline void check_clean(const GenogramMetrics& m) {
    for (const auto& p : m.problems) MESSAGE(p);
    CHECK(m.symbol_overlaps == 0);
    CHECK(m.lines_through_symbols == 0);
    CHECK(m.label_overlaps == 0);
    CHECK(m.off_row == 0);
    CHECK(m.sibships_in_order == m.sibships);
}

inline const Symbol& sym(const LayoutResult& r, PersonId p) {
    const Symbol* s = r.symbol_of(p);
    REQUIRE(s != nullptr);
    return *s;
}


}  // namespace kring::genogram_test
