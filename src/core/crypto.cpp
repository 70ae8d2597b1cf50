#include "core/crypto.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <utility>

namespace kring {

namespace {

bool sodium_ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

constexpr std::size_t kAdBytes = 48;  // header bytes authenticated with every chunk
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kCheckBytes = 16;
constexpr std::size_t kKeyBytes = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr char kCheckText[] = "kring key check v1";

static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kAdBytes + kStreamHeaderBytes == kCryptoHeaderBytes);

void put_u32(unsigned char* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint32_t get_u32(const unsigned char* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
    return v;
}

// The derived key, in guarded memory, wiped on destruction.
class Key {
public:
    Key() : k_(static_cast<unsigned char*>(sodium_malloc(kKeyBytes))) {}
    ~Key() {
        if (k_) sodium_free(k_);  // sodium_free wipes before freeing
    }
    Key(const Key&) = delete;
    Key& operator=(const Key&) = delete;
    [[nodiscard]] bool ok() const { return k_ != nullptr; }
    [[nodiscard]] unsigned char* get() { return k_; }

private:
    unsigned char* k_;
};

// Zeroes the secretstream state on every way out.
struct StreamState {
    crypto_secretstream_xchacha20poly1305_state st;
    ~StreamState() { sodium_memzero(&st, sizeof st); }
};

bool derive(Key& key, const Secret& pass, const unsigned char* salt, std::uint32_t ops, std::uint32_t mem_kib) {
    return crypto_pwhash(key.get(), kKeyBytes, pass.data() ? pass.data() : "", pass.size(), salt, ops,
                         static_cast<std::size_t>(mem_kib) * 1024, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

void key_check(Key& key, unsigned char out[kCheckBytes]) {
    crypto_generichash(out, kCheckBytes, reinterpret_cast<const unsigned char*>(kCheckText), sizeof kCheckText - 1,
                       key.get(), kKeyBytes);
}

std::string mib(std::uint64_t kib) { return std::to_string(kib / 1024) + " MiB"; }

}  // namespace

// ---------------------------------------------------------------- Secret

Secret::Secret(std::string_view text) {
    if (reserve(text.size()))
        for (char ch : text) push_back(ch);
}

Secret::~Secret() { clear(); }

Secret::Secret(Secret&& o) noexcept
    : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)), capacity_(std::exchange(o.capacity_, 0)) {}

Secret& Secret::operator=(Secret&& o) noexcept {
    if (this != &o) {
        clear();
        data_ = std::exchange(o.data_, nullptr);
        size_ = std::exchange(o.size_, 0);
        capacity_ = std::exchange(o.capacity_, 0);
    }
    return *this;
}

bool Secret::reserve(std::size_t n) {
    if (n <= capacity_) return true;
    if (!sodium_ready()) return false;
    std::size_t cap = std::max<std::size_t>({n, 64, capacity_ * 2});
    auto* p = static_cast<char*>(sodium_malloc(cap));
    if (!p) return false;
    if (data_) {
        std::memcpy(p, data_, size_);
        sodium_free(data_);  // wipes the old copy
    }
    data_ = p;
    capacity_ = cap;
    return true;
}

bool Secret::push_back(char ch) {
    if (!reserve(size_ + 1)) return false;
    data_[size_++] = ch;
    return true;
}

void Secret::clear() {
    if (data_) sodium_free(data_);
    data_ = nullptr;
    size_ = capacity_ = 0;
}

bool Secret::equals(const Secret& o) const {
    if (size_ != o.size_) return false;
    return size_ == 0 || sodium_memcmp(data_, o.data_, size_) == 0;
}

// ---------------------------------------------------------------- encrypt / decrypt

CryptoParams fast_test_params() {
    return {static_cast<std::uint32_t>(crypto_pwhash_OPSLIMIT_MIN),
            static_cast<std::uint32_t>((crypto_pwhash_MEMLIMIT_MIN + 1023) / 1024)};
}

bool is_encrypted_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && is_encrypted(std::string_view(magic, 4));
}

bool is_encrypted(std::string_view bytes) {
    return bytes.size() >= 4 && std::memcmp(bytes.data(), kCryptoMagic, 4) == 0;
}

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

CryptoResult encrypt_bytes(std::string_view plain, const Secret& passphrase, const CryptoParams& params) {
    CryptoResult res;
    if (!sodium_ready()) return {{}, "the encryption library could not be initialised"};
    if (passphrase.empty()) return {{}, "the passphrase is empty"};
    if (params.opslimit < crypto_pwhash_OPSLIMIT_MIN || params.opslimit > kMaxOpsLimit ||
        params.memlimit_kib * 1024ull < crypto_pwhash_MEMLIMIT_MIN || params.memlimit_kib > kMaxMemLimitKiB)
        return {{}, "invalid key-derivation settings"};

    unsigned char head[kCryptoHeaderBytes] = {};
    std::memcpy(head, kCryptoMagic, 4);
    head[4] = kCryptoVersion;
    head[5] = 1;  // Argon2id v1.3
    put_u32(head + 8, params.opslimit);
    put_u32(head + 12, params.memlimit_kib);
    randombytes_buf(head + 16, kSaltBytes);

    Key key;
    if (!key.ok()) return {{}, "out of protected memory for the key"};
    if (!derive(key, passphrase, head + 16, params.opslimit, params.memlimit_kib))
        return {{}, "not enough memory to derive the key (" + mib(params.memlimit_kib) + " needed)"};
    key_check(key, head + 32);

    StreamState s;
    crypto_secretstream_xchacha20poly1305_init_push(&s.st, head + kAdBytes, key.get());

    const std::size_t chunks = plain.size() / kCryptoChunkBytes + 1;  // last one may be empty
    res.bytes.reserve(kCryptoHeaderBytes + plain.size() + chunks * kChunkOverhead);
    res.bytes.assign(reinterpret_cast<const char*>(head), kCryptoHeaderBytes);
    std::size_t pos = 0;
    for (std::size_t i = 0; i < chunks; ++i) {
        const std::size_t n = std::min(kCryptoChunkBytes, plain.size() - pos);
        const bool last = i + 1 == chunks;
        const std::size_t at = res.bytes.size();
        res.bytes.resize(at + n + kChunkOverhead);
        crypto_secretstream_xchacha20poly1305_push(
            &s.st, reinterpret_cast<unsigned char*>(res.bytes.data() + at), nullptr,
            reinterpret_cast<const unsigned char*>(plain.data() + pos), n, head, kAdBytes,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        pos += n;
    }
    return res;
}

CryptoResult decrypt_bytes(std::string_view data, const Secret& passphrase) {
    CryptoResult res;
    if (!sodium_ready()) return {{}, "the encryption library could not be initialised"};
    if (!is_encrypted(data)) return {{}, "not an encrypted kring file (the header \"KRNG\" is missing)"};
    if (data.size() < kCryptoHeaderBytes)
        return {{}, "the encrypted file is truncated (its header is incomplete: " + std::to_string(data.size()) +
                        " of " + std::to_string(kCryptoHeaderBytes) + " bytes)"};
    const auto* head = reinterpret_cast<const unsigned char*>(data.data());
    if (head[4] != kCryptoVersion)
        return {{}, "encrypted with a newer or unknown kring encryption format (version " + std::to_string(head[4]) +
                        "; this kring reads version " + std::to_string(kCryptoVersion) +
                        "). Please update kring; the file was not changed."};
    if (head[5] != 1 || head[6] != 0 || head[7] != 0)
        return {{}, "the header of the encrypted file is damaged (unknown key-derivation method)"};
    const std::uint32_t ops = get_u32(head + 8), mem = get_u32(head + 12);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOpsLimit || mem * 1024ull < crypto_pwhash_MEMLIMIT_MIN ||
        mem > kMaxMemLimitKiB)
        return {{}, "the header of the encrypted file is damaged (impossible key-derivation settings: " +
                        std::to_string(ops) + " passes, " + mib(mem) + ")"};
    if (passphrase.empty()) return {{}, "the passphrase is empty"};

    Key key;
    if (!key.ok()) return {{}, "out of protected memory for the key"};
    if (!derive(key, passphrase, head + 16, ops, mem))
        return {{}, "not enough memory to derive the key (" + mib(mem) + " needed)"};
    unsigned char check[kCheckBytes];
    key_check(key, check);
    if (sodium_memcmp(check, head + 32, kCheckBytes) != 0)
        return {{}, std::string(kWrongPassphraseError) + " (or the file's header was damaged); nothing was changed"};

    StreamState s;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&s.st, head + kAdBytes, key.get()) != 0)
        return {{}, "the header of the encrypted file is damaged"};

    std::string out;
    out.reserve(data.size());
    std::size_t pos = kCryptoHeaderBytes;
    std::size_t chunk = 0;
    bool final_seen = false;
    while (pos < data.size()) {
        if (final_seen) {
            wipe(out);
            return {{}, "the encrypted file was changed: " + std::to_string(data.size() - pos) +
                            " unexpected bytes after the end (at byte " + std::to_string(pos) + ")"};
        }
        const std::size_t n = std::min(kCryptoChunkBytes + kChunkOverhead, data.size() - pos);
        if (n < kChunkOverhead) {
            wipe(out);
            return {{}, "the encrypted file is truncated or damaged (incomplete block at byte " + std::to_string(pos) +
                            ")"};
        }
        const std::size_t at = out.size();
        out.resize(at + n - kChunkOverhead);
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&s.st, reinterpret_cast<unsigned char*>(out.data() + at), &got,
                                                       &tag, reinterpret_cast<const unsigned char*>(data.data() + pos),
                                                       n, head, kAdBytes) != 0) {
            wipe(out);
            return {{}, "the encrypted file is damaged or was changed after it was written (block " +
                            std::to_string(chunk + 1) + " at byte " + std::to_string(pos) +
                            " fails its authenticity check); nothing was changed"};
        }
        out.resize(at + got);
        final_seen = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        pos += n;
        ++chunk;
    }
    if (!final_seen) {
        wipe(out);
        return {{}, "the encrypted file is truncated (its last block is missing); nothing was changed"};
    }
    res.bytes = std::move(out);
    return res;
}

}  // namespace kring
