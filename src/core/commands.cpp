#include "core/commands.hpp"

#include "core/validate.hpp"

#include <algorithm>
#include <set>

namespace kring {

namespace {

template <class T>
void set_state(Case& c, const T& key_source, const std::optional<T>& state) {
    if (state)
        c.put(*state);
    else
        c.erase(key_source.id);
}

struct Applier {
    Case& c;
    bool forward;
    void operator()(const Change<Person>& ch) const {
        const auto& s = forward ? ch.after : ch.before;
        set_state(c, ch.after ? *ch.after : *ch.before, s);
    }
    void operator()(const Change<Relation>& ch) const {
        const auto& s = forward ? ch.after : ch.before;
        set_state(c, ch.after ? *ch.after : *ch.before, s);
    }
    void operator()(const Change<Household>& ch) const {
        const auto& s = forward ? ch.after : ch.before;
        set_state(c, ch.after ? *ch.after : *ch.before, s);
    }
    void operator()(const InfoChange& ch) const { c.info = forward ? ch.after : ch.before; }
};

}  // namespace

void apply(Case& c, const Command& cmd) {
    for (const auto& ch : cmd.changes) std::visit(Applier{c, true}, ch);
}

void revert(Case& c, const Command& cmd) {
    for (auto it = cmd.changes.rbegin(); it != cmd.changes.rend(); ++it) std::visit(Applier{c, false}, *it);
}

std::string check_command(const Case& c, const Command& cmd) {
    // Work on a copy: the rules concern the state after the whole command.
    Case after = c;
    apply(after, cmd);
    std::set<RelationId> touched;
    for (const auto& ch : cmd.changes)
        if (auto* rc = std::get_if<Change<Relation>>(&ch); rc && rc->after) touched.insert(rc->after->id);
    for (RelationId id : touched) {
        const Relation* r = after.relation(id);
        if (!r) continue;
        const Person* pa = after.person(r->a);
        const Person* pb = after.person(r->b);
        if (!pa || !pb) return "relation " + id.str() + " refers to a person who does not exist";
        if (r->a == r->b) {
            if (r->kind == RelationKind::ParentChild) return pa->display_name() + " cannot be their own parent";
            return "a relation needs two different persons (" + pa->display_name() + " twice)";
        }
        if (r->kind == RelationKind::ParentChild && r->parent == ParentKind::Biological) {
            int bio = 0;
            for (const auto& [rid, o] : after.relations())
                if (o.kind == RelationKind::ParentChild && o.b == r->b && o.parent == ParentKind::Biological) ++bio;
            if (bio > 2) return pb->display_name() + " would have more than two biological parents";
        }
    }
    // Nobody may become their own ancestor. Cycles already present in a loaded file are
    // reported by validation; an edit may not add new ones.
    const auto before_cycles = own_ancestors(c);
    for (PersonId p : own_ancestors(after)) {
        if (std::find(before_cycles.begin(), before_cycles.end(), p) != before_cycles.end()) continue;
        return after.person(p)->display_name() + " would become their own ancestor";
    }
    return {};
}

EditResult History::execute(Case& c, Command cmd) {
    if (cmd.empty()) return {};
    if (std::string err = check_command(c, cmd); !err.empty()) return {err};
    apply(c, cmd);
    c.bump_revision();
    undo_.push_back(std::move(cmd));
    undo_serials_.push_back(++next_serial_);
    redo_.clear();
    redo_serials_.clear();
    return {};
}

bool History::undo(Case& c) {
    if (undo_.empty()) return false;
    revert(c, undo_.back());
    c.bump_revision();
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    redo_serials_.push_back(undo_serials_.back());
    undo_serials_.pop_back();
    return true;
}

bool History::redo(Case& c) {
    if (redo_.empty()) return false;
    apply(c, redo_.back());
    c.bump_revision();
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    undo_serials_.push_back(redo_serials_.back());
    redo_serials_.pop_back();
    return true;
}

namespace cmd {

Command add_person(Case& c, Person p) {
    if (!p.id) p.id = c.new_person_id();
    return {"add person", {Change<Person>{std::nullopt, std::move(p)}}};
}

Command update_person(const Case& c, const Person& p) {
    const Person* old = c.person(p.id);
    if (!old || *old == p) return {};
    return {"edit person", {Change<Person>{*old, p}}};
}

Command remove_person(const Case& c, PersonId id) {
    const Person* old = c.person(id);
    if (!old) return {};
    Command out{"remove person", {}};
    for (const Relation* r : c.relations_of(id)) out.changes.emplace_back(Change<Relation>{*r, std::nullopt});
    out.changes.emplace_back(Change<Person>{*old, std::nullopt});
    return out;
}

Command add_relation(Case& c, Relation r) {
    if (!r.id) r.id = c.new_relation_id();
    return {"add relation", {Change<Relation>{std::nullopt, std::move(r)}}};
}

Command update_relation(const Case& c, const Relation& r) {
    const Relation* old = c.relation(r.id);
    if (!old || *old == r) return {};
    return {"edit relation", {Change<Relation>{*old, r}}};
}

Command remove_relation(const Case& c, RelationId id) {
    const Relation* old = c.relation(id);
    if (!old) return {};
    return {"remove relation", {Change<Relation>{*old, std::nullopt}}};
}

Command add_household(Case& c, Household h) {
    if (!h.id) h.id = c.new_household_id();
    return {"add household", {Change<Household>{std::nullopt, std::move(h)}}};
}

Command update_household(const Case& c, const Household& h) {
    const Household* old = c.household(h.id);
    if (!old || *old == h) return {};
    return {"edit household", {Change<Household>{*old, h}}};
}

Command remove_household(const Case& c, HouseholdId id) {
    const Household* old = c.household(id);
    if (!old) return {};
    Command out{"remove household", {}};
    for (const auto& [pid, p] : c.persons()) {
        if (p.household != id) continue;
        Person moved = p;
        moved.household = HouseholdId();
        out.changes.emplace_back(Change<Person>{p, moved});
    }
    out.changes.emplace_back(Change<Household>{*old, std::nullopt});
    return out;
}

Command set_info(const Case& c, CaseInfo info) {
    if (c.info == info) return {};
    return {"edit case", {InfoChange{c.info, std::move(info)}}};
}

namespace {
Command pin(const Case& c, PersonId id, std::optional<Pin> pin, bool genogram) {
    const Person* old = c.person(id);
    if (!old) return {};
    Person moved = *old;
    (genogram ? moved.genogram_pin : moved.network_pin) = pin;
    if (moved == *old) return {};
    return {pin ? "move person" : "unpin person", {Change<Person>{*old, moved}}};
}
}  // namespace

Command pin_genogram(const Case& c, PersonId id, std::optional<Pin> p) { return pin(c, id, p, true); }
Command pin_network(const Case& c, PersonId id, std::optional<Pin> p) { return pin(c, id, p, false); }

Command combine(std::string label, std::vector<Command> parts) {
    Command out{std::move(label), {}};
    for (auto& p : parts)
        for (auto& ch : p.changes) out.changes.push_back(std::move(ch));
    return out;
}

Command add_partner(Case& c, PersonId of, Person partner, PartnerStatus status, PersonId* created) {
    Command add = add_person(c, std::move(partner));
    PersonId pid = std::get<Change<Person>>(add.changes[0]).after->id;
    if (created) *created = pid;
    Relation r;
    r.kind = RelationKind::Partner;
    r.a = of;
    r.b = pid;
    r.partner = status;
    return combine("add partner", {std::move(add), add_relation(c, r)});
}

Command add_child(Case& c, PersonId parent, std::optional<PersonId> other_parent, Person child, ParentKind kind,
                  PersonId* created) {
    Command add = add_person(c, std::move(child));
    PersonId cid = std::get<Change<Person>>(add.changes[0]).after->id;
    if (created) *created = cid;
    std::vector<Command> parts{std::move(add)};
    for (auto p : {std::optional<PersonId>(parent), other_parent}) {
        if (!p || !*p) continue;
        Relation r;
        r.kind = RelationKind::ParentChild;
        r.a = *p;
        r.b = cid;
        r.parent = kind;
        parts.push_back(add_relation(c, r));
    }
    return combine("add child", std::move(parts));
}

Command add_parent(Case& c, PersonId child, Person parent, PersonId* created) {
    Command add = add_person(c, std::move(parent));
    PersonId pid = std::get<Change<Person>>(add.changes[0]).after->id;
    if (created) *created = pid;
    Relation r;
    r.kind = RelationKind::ParentChild;
    r.a = pid;
    r.b = child;
    return combine("add parent", {std::move(add), add_relation(c, r)});
}

}  // namespace cmd
}  // namespace kring
