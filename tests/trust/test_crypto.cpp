// Encryption at rest: round trips, wrong passphrase, tampering, truncation, header checks.
#include "core/crypto.hpp"
#include "trust/trust_helpers.hpp"
#include "unit/test_helpers.hpp"

#include <chrono>

using namespace kring;
using namespace kring::test;
namespace fs = std::filesystem;

TEST_CASE("encrypt and decrypt round trip, for empty, small and multi-block inputs") {
    Secret pass("geheim wachtwoord");
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, kCryptoChunkBytes - 1, kCryptoChunkBytes,
                          kCryptoChunkBytes + 1, 3 * kCryptoChunkBytes + 7}) {
        std::string plain(n, '\0');
        for (std::size_t i = 0; i < n; ++i) plain[i] = static_cast<char>(i * 31 + 7);
        CryptoResult enc = encrypt_bytes(plain, pass, fast_test_params());
        REQUIRE_MESSAGE(enc.ok(), enc.error);
        CHECK(is_encrypted(enc.bytes));
        CHECK(enc.bytes.size() == kCryptoHeaderBytes + n + (n / kCryptoChunkBytes + 1) * 17);
        CHECK(enc.bytes.find("\x07\x26\x45\x64") == std::string::npos);  // no plain text visible
        CryptoResult dec = decrypt_bytes(enc.bytes, pass);
        REQUIRE_MESSAGE(dec.ok(), dec.error);
        CHECK(dec.bytes == plain);
    }
}

TEST_CASE("two encryptions of the same case differ (fresh salt and nonce)") {
    Secret pass("x");
    auto a = encrypt_bytes("hello", pass, fast_test_params());
    auto b = encrypt_bytes("hello", pass, fast_test_params());
    CHECK(a.bytes != b.bytes);
}

TEST_CASE("a wrong passphrase is reported as such and gives nothing") {
    Secret pass("juist"), wrong("fout");
    auto enc = encrypt_bytes("case text", pass, fast_test_params());
    auto dec = decrypt_bytes(enc.bytes, wrong);
    CHECK_FALSE(dec.ok());
    CHECK(dec.bytes.empty());
    CHECK(dec.error.find("wrong passphrase") != std::string::npos);
    CHECK(decrypt_bytes(enc.bytes, Secret()).error.find("empty") != std::string::npos);
}

TEST_CASE("every tampered byte is detected") {
    Secret pass("pw");
    std::string plain(2 * kCryptoChunkBytes + 100, 'a');
    const auto enc = encrypt_bytes(plain, pass, fast_test_params()).bytes;
    // Flip one bit at a spread of positions: header fields, salt, key check, stream header,
    // each block's body and tag.
    std::vector<std::size_t> positions = {4, 5, 6, 8, 12, 16, 31, 32, 47, 48, 71, 72, 100, kCryptoChunkBytes + 72,
                                          kCryptoChunkBytes + 88, enc.size() - 18, enc.size() - 1};
    for (std::size_t pos : positions) {
        std::string t = enc;
        t[pos] = static_cast<char>(t[pos] ^ 0x01);
        auto dec = decrypt_bytes(t, pass);
        INFO("flipped byte " << pos << ": " << dec.error);
        CHECK_FALSE(dec.ok());
        CHECK(dec.bytes.empty());
        CHECK_FALSE(dec.error.empty());
    }
    // Truncated at any block boundary or inside, extended, or blocks swapped.
    for (std::size_t len : {std::size_t{3}, std::size_t{40}, kCryptoHeaderBytes, kCryptoHeaderBytes + 10,
                            kCryptoHeaderBytes + kCryptoChunkBytes + 17, enc.size() - 1}) {
        auto dec = decrypt_bytes(std::string_view(enc).substr(0, len), pass);
        INFO("truncated to " << len << ": " << dec.error);
        CHECK_FALSE(dec.ok());
    }
    CHECK(decrypt_bytes(std::string_view(enc).substr(0, kCryptoHeaderBytes + kCryptoChunkBytes + 17), pass)
              .error.find("truncated") != std::string::npos);
    CHECK(decrypt_bytes(enc + "x", pass).error.find("damaged or was changed") != std::string::npos);
    std::string swapped = enc.substr(0, kCryptoHeaderBytes) +
                          enc.substr(kCryptoHeaderBytes + kCryptoChunkBytes + 17, kCryptoChunkBytes + 17) +
                          enc.substr(kCryptoHeaderBytes, kCryptoChunkBytes + 17) +
                          enc.substr(kCryptoHeaderBytes + 2 * (kCryptoChunkBytes + 17));
    CHECK(decrypt_bytes(swapped, pass).error.find("block 1") != std::string::npos);
}

TEST_CASE("header checks: newer version, impossible cost settings") {
    Secret pass("pw");
    auto enc = encrypt_bytes("x", pass, fast_test_params()).bytes;
    std::string newer = enc;
    newer[4] = 9;
    CHECK(decrypt_bytes(newer, pass).error.find("newer or unknown") != std::string::npos);
    std::string greedy = enc;
    greedy[12] = greedy[13] = greedy[14] = greedy[15] = '\xff';  // 4 TiB of memory
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(decrypt_bytes(greedy, pass).error.find("impossible key-derivation settings") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
    CHECK(decrypt_bytes("KRNG", pass).error.find("truncated") != std::string::npos);
    CHECK_FALSE(encrypt_bytes("x", pass, {1000, 8}).ok());
}

TEST_CASE("the default cost settings are stored in the file and are moderate") {
    Secret pass("pw");
    const auto t0 = std::chrono::steady_clock::now();
    auto enc = encrypt_bytes("x", pass);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(enc.ok());
    CHECK(static_cast<unsigned char>(enc.bytes[8]) == kDefaultOpsLimit);
    CHECK(decrypt_bytes(enc.bytes, pass).bytes == "x");
    MESSAGE("Argon2id with the default settings (" << kDefaultOpsLimit << " passes, " << kDefaultMemLimitKiB / 1024
                                                    << " MiB): " << secs << " s");
}

TEST_CASE("encrypted case files: save, load, wrong passphrase writes nothing") {
    TempDir dir;
    const fs::path file = dir / "geheim.kring";
    Secret pass("Een lange zin als wachtwoord");
    Case c = case_version(7);
    REQUIRE(save_case(c, file, pass, fast_test_params()).ok());
    const std::string bytes = slurp_file(file);
    CHECK(is_encrypted(bytes));
    CHECK(bytes.find("Versie7") == std::string::npos);
    CHECK((fs::status(file).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);

    LoadResult plain_try = load_case(file);
    CHECK(plain_try.error.find("encrypted") != std::string::npos);
    LoadResult ok = load_case(file, &pass);
    REQUIRE_MESSAGE(ok.ok(), ok.error);
    CHECK(ok.encrypted);
    CHECK(ok.value == c);

    Secret wrong("een lange zin als wachtwoord");
    LoadResult bad = load_case(file, &wrong);
    CHECK(bad.error.find(file.string() + ": wrong passphrase") == 0);
    std::string tampered = bytes;
    tampered[tampered.size() / 2] ^= 0x20;
    spit_file(dir / "tampered.kring", tampered);
    LoadResult t = load_case(dir / "tampered.kring", &pass);
    CHECK(t.error.find("damaged or was changed") != std::string::npos);
    CHECK(slurp_file(file) == bytes);  // nothing was written
    CHECK(count_temp_files(dir.path) == 0);
}

TEST_CASE("Secret keeps its bytes in guarded memory and compares in constant time") {
    Secret a("abc");
    Secret b;
    for (char ch : std::string("abc")) b.push_back(ch);
    CHECK(a.equals(b));
    CHECK(a.view() == "abc");
    Secret moved = std::move(a);
    CHECK(moved.view() == "abc");
    CHECK(a.empty());
    b.clear();
    CHECK(b.empty());
    std::string s = "plain case text";
    wipe(s);
    CHECK(s.empty());
}
