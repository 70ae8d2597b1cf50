// Pseudonymised copies of a case for sharing (e.g. a print for a consultation or a
// supervision): names replaced by initials or by role labels, dates reduced to years,
// free text (notes, risk notes, addresses) removed. The structure (who is related to whom,
// support, contact, risk markers) stays, so the drawing still tells its story.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <optional>
#include <string_view>

namespace kring {

enum class PseudonymMode {
    Initials,  // "Anna van der Berg" -> "A.v.d.B."
    Roles,     // "moeder", "oma", "kind 2", "buur", or the function of a professional
};

[[nodiscard]] std::optional<PseudonymMode> parse_pseudonym_mode(std::string_view s);  // "initials" | "roles"

// Initials of a name: the first letter of each word, with a dot ("Anna Maria" -> "A.M.").
[[nodiscard]] std::string initials(std::string_view name);

// What is kept, per person: id, sex, kind, birth/death year (approximate flag kept),
// deceased, category, function (professionals), flags (index, coordinator, risk, abroad),
// household membership and pins. Removed or replaced: given/family/nickname, organisation
// of non-professionals, notes, risk notes, relation notes, months and days of every date,
// case name, worker and notes, household names and addresses.
// Role labels are seen from the index person (or the first person when none is marked);
// a label that occurs more than once is numbered ("kind 1", "kind 2") in birth order.
[[nodiscard]] Case pseudonymise(const Case& c, PseudonymMode mode, Lang lang);

}  // namespace kring
