// libFuzzer target: random edit sequences with undo and redo. The input bytes are read as
// a program of edit operations on a small case. After every step the model invariants must
// hold: the command's hard rules (no relation to a missing person or to oneself, nobody
// their own ancestor, at most two biological parents), undo restores the exact previous
// state and redo the exact next one, and the case saves and loads back unchanged.
#include "core/caseio.hpp"
#include "core/commands.hpp"
#include "core/validate.hpp"

#include "fuzz_input.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace kring;

namespace {

using fuzz::Input;

template <class Map>
auto pick(const Map& m, std::uint8_t b) -> typename Map::key_type {
    if (m.empty()) return {};
    auto it = m.begin();
    std::advance(it, b % m.size());
    return it->first;
}

void check_invariants(const Case& c) {
    for (const auto& [id, r] : c.relations()) {
        check(r.id == id);
        check(c.person(r.a) != nullptr && c.person(r.b) != nullptr);
        check(r.a != r.b);
    }
    for (const auto& [id, p] : c.persons()) {
        check(p.id == id);
        check(!p.household || c.household(p.household) != nullptr);
        int bio = 0;
        for (const Relation* r : c.relations_of(id))
            if (r->kind == RelationKind::ParentChild && r->b == id && r->parent == ParentKind::Biological) ++bio;
        check(bio <= 2);
    }
    check(own_ancestors(c).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in{data, size};
    Case c;
    History h;
    std::vector<Case> undo_states;  // state before each undoable step (ids counters aside)
    std::vector<Case> redo_states;  // state after each redoable step
    int steps = 0;
    while (in.more() && steps++ < 200) {
        const Case before = c;
        const std::uint8_t op = in.byte() % 12;
        const std::uint8_t x = in.byte(), y = in.byte(), z = in.byte();
        std::optional<Command> cmd;
        switch (op) {
        case 0:
        case 1: {
            Person p;
            p.given = std::string(1, static_cast<char>('A' + x % 26));
            p.sex = static_cast<Sex>(y % 4);
            p.category = static_cast<Category>(z % 8);
            if (z & 0x80) p.birth = PartialDate{1900 + x, 1 + y % 12, 1 + z % 28, false};
            cmd = cmd::add_person(c, p);
            break;
        }
        case 2: {
            Relation r;
            r.kind = static_cast<RelationKind>(x % 6);
            r.a = pick(c.persons(), y);
            r.b = pick(c.persons(), z);
            r.parent = static_cast<ParentKind>((x / 6) % 5);
            r.partner = static_cast<PartnerStatus>((x / 30) % 7);
            cmd = cmd::add_relation(c, r);
            break;
        }
        case 3:
            if (!c.persons().empty()) cmd = cmd::remove_person(c, pick(c.persons(), x));
            break;
        case 4:
            if (!c.relations().empty()) cmd = cmd::remove_relation(c, pick(c.relations(), x));
            break;
        case 5:
            if (!c.persons().empty()) {
                Person p = *c.person(pick(c.persons(), x));
                p.family = std::to_string(y);
                p.deceased = z & 1;
                if (!c.households().empty() && (z & 2)) p.household = pick(c.households(), y);
                cmd = cmd::update_person(c, p);
            }
            break;
        case 6: {
            Household hh;
            hh.name = "h" + std::to_string(x);
            cmd = cmd::add_household(c, hh);
            break;
        }
        case 7:
            if (!c.households().empty()) cmd = cmd::remove_household(c, pick(c.households(), x));
            break;
        case 8:
            if (!c.persons().empty())
                cmd = cmd::pin_genogram(c, pick(c.persons(), x), (y & 1) ? std::optional<Pin>(Pin{double(y), double(z)})
                                                                         : std::nullopt);
            break;
        case 9:
            if (!c.persons().empty()) {
                Person kid;
                kid.given = "kid";
                cmd = cmd::add_child(c, pick(c.persons(), x),
                                     c.persons().size() > 1 ? std::optional<PersonId>(pick(c.persons(), y)) : std::nullopt,
                                     kid, static_cast<ParentKind>(z % 5));
            }
            break;
        case 10:
            if (h.can_undo()) {
                check(h.undo(c));
                check(c == undo_states.back());
                if (x & 1) {  // redo gives back exactly the state before the undo; undo again
                    check(h.redo(c));
                    check(c == before);
                    check(h.undo(c));
                }
                undo_states.pop_back();
                redo_states.push_back(before);
            } else {
                check(!h.undo(c));
            }
            break;
        case 11:
            if (h.can_redo()) {
                check(h.redo(c));
                check(c == redo_states.back());
                redo_states.pop_back();
                undo_states.push_back(before);
            } else {
                check(!h.redo(c));
            }
            break;
        }
        if (cmd) {
            const bool empty = cmd->empty();
            EditResult r = h.execute(c, std::move(*cmd));
            if (r.ok() && !empty) {
                undo_states.push_back(before);
                redo_states.clear();
            } else {
                check(c == before);  // a refused command changes nothing
            }
        }
        check_invariants(c);
    }
    // Save and load back.
    const std::string saved = serialize_case(c);
    LoadResult back = parse_case(saved, "fuzz.kring");
    if (!back.ok()) std::fprintf(stderr, "reload: %s\n", back.error.c_str());
    // (Fields that do not apply to a relation's kind are not saved, so compare saved forms.)
    check(back.ok() && serialize_case(back.value) == saved);
    // Undo everything: back to the empty case.
    while (h.can_undo()) check(h.undo(c));
    check(c.persons().empty() && c.relations().empty() && c.households().empty());
    return 0;
}
