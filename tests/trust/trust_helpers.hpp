// Shared pieces of the trust suite: deterministic case versions for the crash test.
#pragma once

#include "core/caseio.hpp"
#include "core/model.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kring::test {

// Version k of a case: its name says "version k" and its size varies with k (50..450
// persons), so a file that is half old and half new cannot pass for either version.
inline Case case_version(int k) {
    Case c;
    c.info.name = "version " + std::to_string(k);
    const int n = 50 + (k * 37) % 400;
    for (int i = 1; i <= n; ++i) {
        Person p;
        p.id = PersonId(static_cast<std::uint32_t>(i));
        p.given = "Persoon" + std::to_string(i);
        p.family = "Versie" + std::to_string(k);
        p.sex = i % 2 ? Sex::Female : Sex::Male;
        p.notes = std::string(static_cast<std::size_t>(20 + (i * k) % 200), 'x');
        c.put(std::move(p));
    }
    for (int i = 2; i <= n; ++i) {
        Relation r;
        r.id = RelationId(static_cast<std::uint32_t>(i - 1));
        r.kind = RelationKind::Contact;
        r.a = PersonId(1);
        r.b = PersonId(static_cast<std::uint32_t>(i));
        c.put(std::move(r));
    }
    return c;
}

// The k of a loaded case_version, or -1.
inline int version_of(const Case& c) {
    const std::string prefix = "version ";
    if (c.info.name.rfind(prefix, 0) != 0) return -1;
    return std::stoi(c.info.name.substr(prefix.size()));
}

inline std::string slurp_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spit_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline int count_temp_files(const std::filesystem::path& dir) {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
}

}  // namespace kring::test
