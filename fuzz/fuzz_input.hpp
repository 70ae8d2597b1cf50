// Shared by the fuzz targets that read their input bytes as a program (edits, layout): a
// reader that gives 0 once the bytes run out, and an invariant check that names the line.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace kring::fuzz {

struct Input {
    const std::uint8_t* p;
    std::size_t n;
    std::uint8_t byte() {
        if (n == 0) return 0;
        --n;
        return *p++;
    }
    bool more() const { return n > 0; }
};

inline void check_at(bool ok, const char* file, int line) {
    if (!ok) {
        std::fprintf(stderr, "%s:%d: invariant broken\n", file, line);
        std::abort();
    }
}

}  // namespace kring::fuzz

#define check(x) ::kring::fuzz::check_at((x), __FILE__, __LINE__)
