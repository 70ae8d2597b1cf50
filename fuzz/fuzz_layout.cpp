// libFuzzer target: the layouts on any family a file may hold. The input bytes are read as a
// small case: persons (sex, kind, category, birth and death, a pin, index person, one of two
// households), then relations of any kind between any two of them - also what a genogram
// cannot draw as recorded: a person their own parent, cycles of parents, a parent recorded
// twice, three or more parents, twins with different parents, partners who are also parent
// and child - and sometimes a recorded drawing order. The genogram and the network map must
// lay out every such case without an exception or a crash, draw each person of the genogram
// exactly once, leave no row of the genogram empty, and keep every coordinate finite.
// (validate() reports such ties; a file holding them still opens and is drawn.)
#include "core/model.hpp"
#include "layouts/genogram.hpp"
#include "layouts/genogram_internal.hpp"
#include "layouts/network_map.hpp"

#include <cmath>
#include "fuzz_input.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace kring;

namespace {

using fuzz::Input;

bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

Case decode(Input& in) {
    Case c;
    const int persons = 1 + in.byte() % 40;
    std::vector<PersonId> ids;
    HouseholdId households[2];
    for (HouseholdId& id : households) {
        Household h;
        h.id = id = c.new_household_id();
        c.put(h);
    }
    for (int i = 0; i < persons; ++i) {
        const std::uint8_t a = in.byte(), born = in.byte(), flags = in.byte();
        Person p;
        p.id = c.new_person_id();
        p.given = "P" + std::to_string(i);
        p.sex = static_cast<Sex>(a % 3);
        p.kind = (a >> 2) % 8 < 5 && (a & 0x80) ? static_cast<EntryKind>((a >> 2) % 8) : EntryKind::Person;
        p.category = static_cast<Category>((a >> 5) % 8);
        if (born) p.birth = {1880 + born % 150, flags & 1 ? 1 + born % 12 : 0, 0, false};
        if (flags & 2) {
            p.deceased = true;
            if (flags & 4) p.death = {1900 + in.byte() % 130, 0, 0, false};
        }
        if (flags & 8) p.genogram_pin = Pin{static_cast<double>(in.byte()) * 8 - 400, static_cast<double>(in.byte()) * 4 - 200};
        p.index_person = flags & 16;
        if (flags & 32) p.household = households[(flags >> 6) & 1];
        c.put(p);
        ids.push_back(p.id);
    }
    bool order = false;
    while (in.more()) {
        const std::uint8_t k = in.byte();
        if (k == 0xFF) {  // a recorded order follows: the persons in a permuted order, maybe not all
            order = true;
            break;
        }
        Relation r;
        r.id = c.new_relation_id();
        const int kind = k % 10;  // mostly family ties
        r.kind = kind < 4 ? RelationKind::ParentChild : kind < 7 ? RelationKind::Partner : kind < 8 ? RelationKind::Twin
                                                                                                    : static_cast<RelationKind>(3 + kind % 3);
        r.a = ids[in.byte() % ids.size()];
        r.b = ids[in.byte() % ids.size()];
        const std::uint8_t attr = in.byte();
        r.parent = static_cast<ParentKind>(attr % 5);
        r.partner = static_cast<PartnerStatus>((attr >> 3) % 7);
        r.identical = attr & 0x80;
        if (attr & 0x40) r.start = {1900 + attr % 120, 0, 0, false};
        c.put(r);
    }
    if (order) {
        std::vector<PersonId> rest = ids;
        while (!rest.empty() && in.more()) {
            const std::size_t i = in.byte() % (rest.size() + 1);
            if (i == rest.size()) break;  // the rest not recorded (persons added since)
            c.info.genogram_order.push_back(rest[i]);
            rest.erase(rest.begin() + static_cast<long>(i));
        }
    }
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in{data, size};
    const Case c = decode(in);
    GenogramOptions opt;
    opt.reference_date = {2026, 1, 1, false};
    genogram_detail::Plan plan;
    const LayoutResult g = genogram_detail::layout_genogram_detailed(c, opt, nullptr, &plan);
    for (const auto& row : plan.rows) check(!row.empty());  // no empty band across the drawing
    std::map<PersonId, int> drawn;
    for (const Symbol& s : g.symbols) {
        ++drawn[s.person];
        check(finite(s.center));
    }
    for (const auto& [id, p] : c.persons()) check(drawn[id] == (in_genogram(c, p) ? 1 : 0));
    for (const Line& l : g.lines)
        for (const Point& p : l.points) check(finite(p));
    for (const Label& l : g.labels) check(finite(l.pos));
    const LayoutResult n = layout_network(c, {});
    for (const Symbol& s : n.symbols) check(finite(s.center));
    return 0;
}
