// The printable documents of a netwerkberaad and of a snapshot comparison, as pages for
// render_pages (print/documents.hpp). `kring print --view meeting|compare` and the app's
// netwerkberaad panel print the same pages.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "print/documents.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kring {

// Invitation list, meeting map (invited persons marked), meeting sheet (question, goals,
// offers, gaps) and, when there are any, the agreements with their follow-up.
// `sharing`: for the family or the network — no contact details of invitees.
[[nodiscard]] std::vector<DocumentPage> meeting_document_pages(const Case& c, Lang lang, bool sharing);

// The comparison of snapshot `from` with snapshot `to` ("" or "now": the case as it is on
// `now`): the map with the differences, the table, and the timeline. nullopt and *error
// (translated, listing the snapshots there are) when a snapshot is missing.
[[nodiscard]] std::optional<std::vector<DocumentPage>> compare_document_pages(const Case& c, const std::string& from,
                                                                              const std::string& to, Lang lang,
                                                                              bool sharing, const PartialDate& now,
                                                                              std::string* error);

}  // namespace kring
