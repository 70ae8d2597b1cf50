// libFuzzer targets: the GEDCOM and Gramps XML importers (core/import.hpp). Built twice,
// with KRING_FUZZ_FORMAT 1 (GEDCOM) or 2 (Gramps XML, plain or gzip), so each target spends
// its time on one format. An imported case must be valid JSON-wise: it saves and loads back.
#include "core/caseio.hpp"
#include "core/import.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const kring::ImportFormat f = kring::detect_format(bytes);
#if KRING_FUZZ_FORMAT == 1
    if (f != kring::ImportFormat::Gedcom) return -1;  // -1: do not add to the corpus
#else
    if (f != kring::ImportFormat::GrampsXml && f != kring::ImportFormat::GrampsGzip) return -1;
#endif
    kring::ImportResult r = kring::import_bytes(bytes, "fuzz");
    if (!r.ok()) return 0;
    const std::string saved = kring::serialize_case(r.value);
    kring::LoadResult back = kring::parse_case(saved, "imported.kring");
    if (!back.ok() || kring::serialize_case(back.value) != saved) std::abort();
    return 0;
}
