// Legend: a small drawing that explains exactly the symbols and lines a layout used.
#pragma once

#include "core/i18n.hpp"
#include "layouts/layout_result.hpp"

#include <set>
#include <string>

namespace kring {

// Legend keys a layout records as it draws (see LayoutResult::legend): e.g. "male",
// "female", "deceased", "index", "married", "divorced", "emotion.conflict", "support".
[[nodiscard]] LayoutResult layout_legend(const std::set<std::string>& keys, Lang lang);

}  // namespace kring
