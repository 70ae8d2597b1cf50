// The network map (netwerkkaart / ecomap): a focus person in the centre, rings for
// closeness and sectors for household, family, friends, neighbours, school/work,
// leisure and professionals.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "layouts/layout_result.hpp"

namespace kring {

struct NetworkOptions {
    PersonId focus;  // invalid = the index person, else the first household member
    Lang lang = Lang::Nl;
    bool show_notes = true;  // false hides risk annotations and notes
    double scale = 1.0;
};

enum class Sector { Household, Family, Friends, Neighbours, SchoolWork, Leisure, Professionals };
inline constexpr int kSectorCount = 7;
[[nodiscard]] Sector sector_of(Category c);

[[nodiscard]] PersonId default_focus(const Case& c);
[[nodiscard]] LayoutResult layout_network(const Case& c, const NetworkOptions& opt = {});

}  // namespace kring
