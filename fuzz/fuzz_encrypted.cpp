// libFuzzer target: the encrypted-file reader. Seeds are files encrypted with the
// passphrase "fuzz" and the cheapest Argon2id settings (see scripts/fuzz.sh --make-seeds).
// A file that decrypts must also be a kring case or give a parser message.
#include "core/caseio.hpp"
#include "core/crypto.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kring::Secret pass("fuzz");
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Keep each run fast: skip headers that ask for costly key derivation (up to 1 GiB is
    // legal; the unit tests check that larger claims are refused without allocating).
    if (size >= 16) {
        const std::uint32_t ops = data[8] | data[9] << 8 | data[10] << 16 | static_cast<std::uint32_t>(data[11]) << 24;
        const std::uint32_t mem = data[12] | data[13] << 8 | data[14] << 16 | static_cast<std::uint32_t>(data[15]) << 24;
        if (ops > 2 || (mem > 256 && mem <= kring::kMaxMemLimitKiB)) return -1;
    }
    kring::CryptoResult r = kring::decrypt_bytes(bytes, pass);
    if (!r.ok()) {
        if (!r.bytes.empty() || r.error.empty()) std::abort();  // failure gives no plain text
        return 0;
    }
    (void)kring::parse_case(r.bytes, "fuzz.kring");
    // Whatever decrypts, re-encrypts and decrypts to the same bytes.
    kring::CryptoResult again = kring::encrypt_bytes(r.bytes, pass, kring::fast_test_params());
    if (!again.ok() || kring::decrypt_bytes(again.bytes, pass).bytes != r.bytes) std::abort();
    return 0;
}
