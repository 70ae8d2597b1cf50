// The genogram layout engine: generations in rows, couples side by side, children in
// birth order under their parents, standard (McGoldrick) symbols and lines.
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "layouts/layout_result.hpp"

namespace kring {

struct GenogramOptions {
    Lang lang = Lang::Nl;
    PartialDate reference_date;  // ages are computed at this date; empty = the case date or today
    bool show_notes = true;      // false in "samen tekenen" mode and for shared prints
    double scale = 1.0;          // symbol size multiplier (1 = 40pt symbols)
};

// Persons drawn in a genogram: family ties, household, family and relatives.
[[nodiscard]] bool in_genogram(const Case& c, const Person& p);

[[nodiscard]] LayoutResult layout_genogram(const Case& c, const GenogramOptions& opt = {});

// The order of the persons as the genogram draws them now (rows top to bottom, each left
// to right): what an editor records in CaseInfo::genogram_order before a change, so that
// the change does not reshuffle the drawing. The same as layout_genogram(c).order: an editor
// that has the layout at hand takes it from there.
[[nodiscard]] std::vector<PersonId> genogram_drawn_order(const Case& c);

}  // namespace kring
