// libFuzzer target: the case-file parser. Any input must give a case or a message, never a
// crash; a case that loads must survive save -> load unchanged.
#include "core/caseio.hpp"
#include "core/validate.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    kring::LoadResult r = kring::parse_case(text, "fuzz.kring");
    if (!r.ok()) {
        if (r.error.rfind("fuzz.kring", 0) != 0) std::abort();  // every message names the file
        return 0;
    }
    (void)kring::validate(r.value);
    const std::string saved = kring::serialize_case(r.value);
    kring::LoadResult again = kring::parse_case(saved, "again.kring");
    if (!again.ok() || !(again.value == r.value) || kring::serialize_case(again.value) != saved) std::abort();
    return 0;
}
