// Edit commands with undo/redo. Every change to a Case goes through a Command: a named
// list of entity changes, each with the state before and after. Applying sets "after",
// reverting sets "before", so add, remove and update are one mechanism and undo is exact.
#pragma once

#include "model.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kring {

template <class T>
struct Change {
    std::optional<T> before;  // nullopt: did not exist
    std::optional<T> after;   // nullopt: removed
};

struct InfoChange {
    CaseInfo before;
    CaseInfo after;
};

using AnyChange = std::variant<Change<Person>, Change<Relation>, Change<Household>, InfoChange>;

struct Command {
    std::string label;  // stable English key, e.g. "add person"; the UI translates it
    std::vector<AnyChange> changes;
    [[nodiscard]] bool empty() const { return changes.empty(); }
};

void apply(Case& c, const Command& cmd);
void revert(Case& c, const Command& cmd);

// Result of trying to run a command: empty error = done.
struct EditResult {
    std::string error;  // why the command was refused (model left unchanged)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Undo/redo history. Each execute/undo/redo bumps the case revision.
class History {
public:
    // Checks the command against the model's hard rules (see check_command), applies it,
    // and records it. A refused command changes nothing.
    EditResult execute(Case& c, Command cmd);
    bool undo(Case& c);
    bool redo(Case& c);
    [[nodiscard]] bool can_undo() const { return !undo_.empty(); }
    [[nodiscard]] bool can_redo() const { return !redo_.empty(); }
    [[nodiscard]] std::string undo_label() const { return undo_.empty() ? "" : undo_.back().label; }
    [[nodiscard]] std::string redo_label() const { return redo_.empty() ? "" : redo_.back().label; }
    void clear() {
        undo_.clear();
        redo_.clear();
        undo_serials_.clear();
        redo_serials_.clear();
        saved_serial_ = 0;
    }
    // The case as it is now is the saved one. dirty() is true after any edit, and false
    // again when undo or redo returns exactly to the saved state.
    void mark_saved(const Case&) { saved_serial_ = current_serial(); }
    // The case as it is now is not saved anywhere (e.g. recovered after a crash): dirty()
    // stays true until mark_saved.
    void mark_unsaved() { saved_serial_ = ~std::uint64_t{0}; }
    [[nodiscard]] bool dirty(const Case&) const { return current_serial() != saved_serial_; }

private:
    // Every executed command gets a serial number; the state of the case is identified by
    // the serial of the last command applied (0: none).
    [[nodiscard]] std::uint64_t current_serial() const { return undo_serials_.empty() ? 0 : undo_serials_.back(); }
    std::vector<Command> undo_;
    std::vector<Command> redo_;
    std::vector<std::uint64_t> undo_serials_;
    std::vector<std::uint64_t> redo_serials_;
    std::uint64_t next_serial_ = 0;
    std::uint64_t saved_serial_ = 0;
};

// Hard rules an edit may not break (a case that breaks them can still be loaded, but
// kring will not create such a state): a relation between existing, distinct persons;
// nobody their own ancestor; at most two biological parents.
// Returns an empty string when the command is acceptable.
[[nodiscard]] std::string check_command(const Case& c, const Command& cmd);

// Command builders. They read the case to fill in "before" states and new ids.
namespace cmd {
Command add_person(Case& c, Person p);                 // assigns p.id if invalid
Command update_person(const Case& c, const Person& p); // whole-record replace
Command remove_person(const Case& c, PersonId id);     // also removes the person's relations
Command add_relation(Case& c, Relation r);             // assigns r.id if invalid
Command update_relation(const Case& c, const Relation& r);
Command remove_relation(const Case& c, RelationId id);
Command add_household(Case& c, Household h);
Command update_household(const Case& c, const Household& h);
Command remove_household(const Case& c, HouseholdId id);  // members keep living, without household
Command set_info(const Case& c, CaseInfo info);
Command pin_genogram(const Case& c, PersonId id, std::optional<Pin> pin);
Command pin_network(const Case& c, PersonId id, std::optional<Pin> pin);
// Several commands as one undo step.
Command combine(std::string label, std::vector<Command> parts);

// Quick actions: a new person related to an existing one. The new person's id is
// returned through `created` when given.
Command add_partner(Case& c, PersonId of, Person partner, PartnerStatus status, PersonId* created = nullptr);
Command add_child(Case& c, PersonId parent, std::optional<PersonId> other_parent, Person child,
                  ParentKind kind = ParentKind::Biological, PersonId* created = nullptr);
Command add_parent(Case& c, PersonId child, Person parent, PersonId* created = nullptr);
}  // namespace cmd

}  // namespace kring
