// Helpers for the import/export tests: byte encodings of test files and shared test data.
#pragma once

#include "core/import.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kring::test {

// UTF-8 (BMP only, as in the fixtures) -> UTF-16 bytes.
inline std::string utf16(std::string_view s, bool big_endian, bool bom) {
    std::string out;
    auto unit = [&](char32_t u) {
        const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        if (big_endian) {
            out += hi;
            out += lo;
        } else {
            out += lo;
            out += hi;
        }
    };
    if (bom) unit(0xFEFF);
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        if (c < 0x80) {
            cp = c;
            i += 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = (char32_t(c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
            i += 2;
        } else {
            cp = (char32_t(c & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            i += 3;
        }
        unit(cp);
    }
    return out;
}

inline std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

inline std::filesystem::path shared_gramps_dir() { return std::filesystem::path(KRING_SHARED_DATA_DIR) / "gramps"; }

// Whether a shared data file is there; tests skip with a message otherwise.
inline bool have_shared(const std::string& name) {
    const auto p = shared_gramps_dir() / name;
    if (std::filesystem::exists(p)) return true;
    MESSAGE("skipped: shared test data " << p.string() << " is absent");
    return false;
}

inline std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline const Relation* find_relation(const Case& c, RelationKind k, PersonId a, PersonId b) {
    for (const auto& [id, r] : c.relations())
        if (r.kind == k && ((r.a == a && r.b == b) || (k != RelationKind::ParentChild && r.a == b && r.b == a)))
            return &r;
    return nullptr;
}

}  // namespace kring::test
