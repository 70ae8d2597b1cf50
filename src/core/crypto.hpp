// Encryption at rest for case files (libsodium): a key derived from a passphrase with
// Argon2id, and the case bytes sealed with XChaCha20-Poly1305 secretstream.
//
// Encrypted file layout (all integers little-endian):
//   0  "KRNG"                       magic
//   4  u8  version (1)
//   5  u8  kdf (1 = Argon2id v1.3)
//   6  u16 reserved (0)
//   8  u32 Argon2id opslimit
//  12  u32 Argon2id memlimit in KiB
//  16  16 bytes salt
//  32  16 bytes key check (BLAKE2b of a fixed text keyed with the derived key)
//  48  24 bytes secretstream header
//  72  chunks: each at most kChunkBytes plain bytes + 17 bytes tag/MAC; the last chunk
//      carries TAG_FINAL and nothing may follow it. Bytes 0..47 are the additional data of
//      every chunk, so any change to the header is detected as well.
// The key check tells a wrong passphrase apart from a damaged or changed file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kring {

inline constexpr char kCryptoMagic[4] = {'K', 'R', 'N', 'G'};
inline constexpr std::uint8_t kCryptoVersion = 1;
inline constexpr std::size_t kCryptoHeaderBytes = 72;
inline constexpr std::size_t kCryptoChunkBytes = 64 * 1024;
// Default Argon2id cost: about a quarter second on a laptop; stored in every file so it can
// be raised later without breaking old files.
inline constexpr std::uint32_t kDefaultOpsLimit = 3;
inline constexpr std::uint32_t kDefaultMemLimitKiB = 64 * 1024;  // 64 MiB
// What a reader accepts from a file header (a crafted file must not make us allocate 100 GB).
inline constexpr std::uint32_t kMaxOpsLimit = 20;
inline constexpr std::uint32_t kMaxMemLimitKiB = 1024 * 1024;  // 1 GiB

// A passphrase (or any secret) in guarded memory (sodium_malloc: guard pages, no core dump,
// locked where allowed), wiped when destroyed. Move-only.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string_view text);
    ~Secret();
    Secret(Secret&& o) noexcept;
    Secret& operator=(Secret&& o) noexcept;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;

    [[nodiscard]] const char* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::string_view view() const { return {data_ ? data_ : "", size_}; }
    // Appends one byte (used while reading a passphrase from the terminal). False when
    // guarded memory cannot be had.
    bool push_back(char ch);
    void clear();
    [[nodiscard]] bool equals(const Secret& o) const;

private:
    bool reserve(std::size_t n);
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

struct CryptoParams {
    std::uint32_t opslimit = kDefaultOpsLimit;
    std::uint32_t memlimit_kib = kDefaultMemLimitKiB;
};

// Cheapest Argon2id settings libsodium allows: for tests and fuzzing only.
[[nodiscard]] CryptoParams fast_test_params();

struct CryptoResult {
    std::string bytes;  // the output on success
    std::string error;  // empty on success; a sentence for the user (no file name)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// The start of decrypt_bytes' error for a wrong passphrase (callers that translate it look for it).
inline constexpr std::string_view kWrongPassphraseError = "wrong passphrase";

// Whether bytes start with the encrypted-file magic.
[[nodiscard]] bool is_encrypted(std::string_view bytes);
// Whether the file at `path` starts with it (false when it cannot be read).
[[nodiscard]] bool is_encrypted_file(const std::filesystem::path& path);

[[nodiscard]] CryptoResult encrypt_bytes(std::string_view plain, const Secret& passphrase,
                                         const CryptoParams& params = {});
// Decrypts and authenticates the whole input; on any failure no plaintext is returned.
[[nodiscard]] CryptoResult decrypt_bytes(std::string_view data, const Secret& passphrase);

// Wipes a string's bytes (e.g. decrypted case text after parsing).
void wipe(std::string& s);

}  // namespace kring
