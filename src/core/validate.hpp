// Validation of a whole case: errors (the data is impossible) and warnings (the data is
// suspicious). Used by `kring validate`, the loader's report and the app.
#pragma once

#include "i18n.hpp"
#include "model.hpp"

#include <string>
#include <vector>

namespace kring {

enum class Severity { Error, Warning };

struct Problem {
    Severity severity = Severity::Error;
    std::string code;     // stable machine-readable key, e.g. "own-ancestor"
    std::string message;  // in the language asked for, names the persons involved
    PersonId person;      // the person it is about, when there is one
    RelationId relation;  // the relation it is about, when there is one
};

[[nodiscard]] std::vector<Problem> validate(const Case& c, Lang lang = Lang::En);
[[nodiscard]] bool has_errors(const std::vector<Problem>& problems);

// Persons whose ancestry loops back to themselves (empty for a valid case).
[[nodiscard]] std::vector<PersonId> own_ancestors(const Case& c);

}  // namespace kring
