// Gramps XML reader (.gramps, plain or gzip-compressed, and the data.gramps inside a .gpkg
// package): people, families, child references with their relation types, birth and death.
#pragma once

#include "core/import.hpp"

#include <string>
#include <string_view>

namespace kring {

// Reads Gramps XML bytes (plain, gzip or a gzip'd tar package) into `out`.
void import_gramps(std::string_view bytes, const std::string& origin, const ImportOptions& opt, ImportResult& out);

// Whether `bytes` start like Gramps XML (an XML declaration or <database> with the Gramps
// namespace or DTD near the start).
[[nodiscard]] bool looks_like_gramps_xml(std::string_view bytes);

// Inflates gzip (or zlib) data; returns false with `error` set on corrupt or oversized input.
bool gunzip(std::string_view in, std::string& out, std::string& error, std::uintmax_t max_bytes);

}  // namespace kring
