// Genogram layout: generations in rows, couples side by side, children in birth order
// centred under their parents. Own algorithm (no Graphviz):
//   1. generations: children one row below their parents, partners on one row;
//   2. order within rows: depth-first from the oldest generation, so each family's
//      descendants stay together; then fewer crossings by layered sweeps and sifting over
//      blocks (couples; siblings keep birth order), leaves put back beside their siblings
//      so that a new child never reorders the rest;
//   3. x positions: alternate top-down (children under their parents) and bottom-up
//      (parents over their children) passes, each solved as an order-preserving
//      weighted least-squares placement with minimum spacing (no overlaps by construction);
//   4. primitives: symbols, partner/sibship/descent lines, twins, household boundaries,
//      emotional relations, labels.
#include "layouts/genogram.hpp"

#include "layouts/genogram_internal.hpp"
#include "layouts/strokes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace kring {

bool in_genogram(const Case& c, const Person& p) {
    if (p.category == Category::Household || p.category == Category::Family || p.category == Category::Relative)
        return true;
    if (p.kind != EntryKind::Person) return true;
    for (const Relation* r : c.relations_of(p.id))
        if (is_family_tie(r->kind) && r->a != r->b && c.person(r->other(p.id))) return true;
    return false;
}

namespace genogram_detail {

PersonIndex::PersonIndex(std::vector<PersonId> persons) : persons_(std::move(persons)) {
    // Ids are numbered from 1 as persons are added, so a table by id value is usually
    // small; not for ids far apart (a search instead).
    if (!persons_.empty() && persons_.back().value() <= 16 * persons_.size() + 4096) {
        slot_.assign(persons_.back().value() + 1, -1);
        for (std::size_t i = 0; i < persons_.size(); ++i) slot_[persons_[i].value()] = static_cast<int>(i);
    }
}

Family build_family(const Case& c) {
    Family f;
    for (const auto& [id, p] : c.persons())
        if (in_genogram(c, p)) f.persons.push_back(id), f.person_at.push_back(&p);
    // f.persons is in id order (the case's persons are).
    f.index = std::make_shared<const PersonIndex>(f.persons);
    f.unions_of = PersonMap<std::vector<UnionKey>>(f.index);
    f.parents = PersonMap<std::vector<PersonId>>(f.index);
    f.children = PersonMap<std::vector<PersonId>>(f.index);
    f.child_of = PersonMap<UnionKey>(f.index);
    auto member = [&](PersonId p) { return dense(f, p) >= 0; };
    auto ok = [&](PersonId a, PersonId b) { return a != b && member(a) && member(b); };
    for (const auto& [id, r] : c.relations()) {
        if (!ok(r.a, r.b)) continue;
        if (r.kind == RelationKind::ParentChild) {
            // A parent recorded twice for one child (a duplicated relation, as an import or
            // an old file may hold) is one parent, not a union of a person with themselves.
            if (f.descent.count({r.a, r.b})) continue;
            f.parents[r.b].push_back(r.a);
            f.children[r.a].push_back(r.b);
            f.descent[{r.a, r.b}] = &r;
        } else if (r.kind == RelationKind::Partner) {
            UnionKey key{std::min(r.a, r.b), std::max(r.a, r.b)};
            Union& u = f.unions[key];
            u.a = key.first;
            u.b = key.second;
            if (!u.partner) u.partner = &r;
        } else if (r.kind == RelationKind::Twin) {
            f.twins.push_back(&r);
        }
    }
    // Every child belongs to the union of its (first two) parents; parents who share a
    // child but have no recorded partnership get an implicit union.
    for (auto& [child, ps] : f.parents) {
        std::sort(ps.begin(), ps.end());
        PersonId a = ps[0], b = ps.size() > 1 ? ps[1] : PersonId();
        if (ps.size() > 2) {
            // More than two parents (e.g. biological and adoptive): prefer biological pair.
            std::vector<PersonId> bio;
            for (PersonId p : ps)
                if (auto it = f.descent.find({p, child}); it != f.descent.end() && it->second->parent == ParentKind::Biological)
                    bio.push_back(p);
            if (bio.size() >= 1) a = bio[0];
            b = bio.size() >= 2 ? bio[1] : (ps[0] == a ? ps[1] : ps[0]);
        }
        UnionKey key = b ? UnionKey{std::min(a, b), std::max(a, b)} : UnionKey{a, PersonId()};
        Union& u = f.unions[key];
        u.a = key.first;
        u.b = key.second;
        u.children.push_back(child);
        f.child_of[child] = key;
    }
    f.twin_sibs = PersonMap<std::vector<PersonId>>(f.index);
    for (const Relation* t : f.twins) {
        auto ca = f.child_of.find(t->a), cb = f.child_of.find(t->b);
        if (ca == f.child_of.end() || cb == f.child_of.end() || ca->second != cb->second || f.twin_siblings(t->a, t->b)) continue;
        f.twin_sibs[t->a].push_back(t->b);
        f.twin_sibs[t->b].push_back(t->a);
    }
    std::unordered_map<PersonId, long> born;  // earliest birth, looked up once per child
    born.reserve(f.child_of.size() * 2);
    for (const auto& [child, key] : f.child_of) born[child] = f.person(child)->birth.earliest();
    for (auto& [key, u] : f.unions) {
        std::sort(u.children.begin(), u.children.end(), [&](PersonId x, PersonId y) {
            long bx = born.at(x), by = born.at(y);
            if (bx && by && bx != by) return bx < by;
            if (bx != by) return bx != 0;  // known birth dates first
            return x < y;
        });
        f.unions_of[u.a].push_back(key);
        if (u.b) f.unions_of[u.b].push_back(key);
    }
    return f;
}

LayoutResult layout_genogram_detailed(const Case& c, const GenogramOptions& opt, Drawn* drawn, Plan* plan_out) {
    const Family fam = build_family(c);
    const auto gen = assign_generations(fam);
    Geometry geo(opt.scale);
    const PartialDate ref = !opt.reference_date.empty() ? opt.reference_date : !c.info.date.empty() ? c.info.date : today();

    Plan plan;
    plan.rows = order_rows(c, fam, gen);
    if (!c.info.genogram_order.empty()) {
        keep_recorded_order(plan.rows, c, fam);
    } else {
        // The crossing reduction is a local search, and where it ends depends on where it
        // starts. A smaller family, where the layout has time to spare, gets more starts
        // (the depth-first order, then shuffles of the persons without parents) and keeps
        // the order with the fewest crossings: kStartBudget / persons starts, at most
        // kMaxStarts, so a family of 500 or more gets the one start it always had. Measured
        // on 20 generated families per size against one start: 100 p 155 -> 145 crossings,
        // 200 p 893 -> 701, 300 p 2,422 -> 2,138, 60 p 70 -> 68, 30 p 21 either way. More
        // starts find more (8: 100 p 140, 200 p 615), but a family of 500 must stay 10x
        // faster than dot, and 8 starts made 100 p as slow as dot (6.8 ms).
        constexpr std::size_t kStartBudget = 960, kMaxStarts = 4;
        const std::size_t starts = std::clamp<std::size_t>(kStartBudget / std::max<std::size_t>(1, fam.persons.size()), 1, kMaxStarts);
        long best = reduce_crossings(plan.rows, c, fam);
        for (std::uint32_t s = 1; s < starts && best > 0; ++s) {
            Rows rows = order_rows(c, fam, gen, s);
            if (const long k = reduce_crossings(rows, c, fam); k < best) best = k, plan.rows = std::move(rows);
        }
    }
    plan.box = PerPerson<PersonBox>(fam, {});
    for (PersonId p : fam.persons) plan.box[p] = person_box(*fam.person(p), geo, opt, opt.lang);
    plan_structure(plan, c, fam, geo, opt.lang);
    std::unordered_map<PersonId, double> x = place_rows(c, fam, plan, geo);
    plan_heights(plan, fam, geo, x);

    LayoutResult out;
    out.symbols.reserve(fam.persons.size());
    // Every label at once (growing the vector moves all labels made so far, their text
    // too): per person the age and the text lines, per partner line two dates at most.
    std::size_t labels = 2 * plan.lines.size();
    for (PersonId p : fam.persons) labels += 1 + plan.box[p].text.size();
    out.labels.reserve(labels);
    out.lines.reserve(fam.persons.size() * 2 + fam.unions.size());
    Drawn d;
    for (std::size_t r = 0; r < plan.rows.size(); ++r)
        for (PersonId p : plan.rows[r]) {
            Point pt{x[p], plan.row_y[r]};
            const Person& person = *fam.person(p);
            if (person.genogram_pin) pt = {person.genogram_pin->x, person.genogram_pin->y};
            d.pos[p] = pt;
        }
    emit_family_lines(out, c, fam, plan, d, geo);
    const std::size_t under_relations = out.lines.size();
    emit_emotional_lines(out, c, plan, d, geo);
    emit_households(out, c, fam, plan, d, geo, under_relations);
    emit_persons(out, c, fam, plan, d, geo, opt, ref);
    out.compute_bounds(geo.size * 0.75);
    out.order.reserve(fam.persons.size());
    for (const auto& row : plan.rows) out.order.insert(out.order.end(), row.begin(), row.end());
    if (drawn) *drawn = std::move(d);
    if (plan_out) *plan_out = std::move(plan);
    return out;
}

}  // namespace genogram_detail

LayoutResult layout_genogram(const Case& c, const GenogramOptions& opt) {
    return genogram_detail::layout_genogram_detailed(c, opt, nullptr, nullptr);
}

}  // namespace kring
