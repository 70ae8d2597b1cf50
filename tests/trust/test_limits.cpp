// Limits: a file of hundreds of megabytes or a million persons is refused with a clear
// message, quickly and without running out of memory. Test files are generated on the fly
// and removed at once.
#include "trust/trust_helpers.hpp"
#include "unit/test_helpers.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>

using namespace kring;
using namespace kring::test;
namespace fs = std::filesystem;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
long peak_rss_mib() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}
}  // namespace

TEST_CASE("a case file of hundreds of megabytes is refused before it is read") {
    TempDir dir;
    const fs::path big = dir / "groot.kring";
    {
        int fd = ::open(big.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::ftruncate(fd, 300LL * 1024 * 1024) == 0);  // sparse: costs no disk space
        ::close(fd);
    }
    const auto t0 = std::chrono::steady_clock::now();
    LoadResult r = load_case(big);
    CHECK(seconds_since(t0) < 1.0);
    CHECK(r.error == big.string() + ": file is too large for a case file (300 MiB; at most 256 MiB)");
    Secret pass("pw");
    CHECK(load_case(big, &pass).error.find("too large") != std::string::npos);
}

TEST_CASE("a case with a million persons is refused with a clear message") {
    const std::size_t n = 1'000'000;
    std::string text = "{\"format\":\"kring\",\"version\":1,\"persons\":[";
    text.reserve(n * 16 + 100);
    for (std::size_t i = 1; i <= n; ++i) {
        text += "{\"id\":\"p" + std::to_string(i) + "\"}";
        if (i < n) text += ',';
    }
    text += "]}";
    const long rss0 = peak_rss_mib();
    const auto t0 = std::chrono::steady_clock::now();
    LoadResult r = parse_case(text, "miljoen.kring");
    const double secs = seconds_since(t0);
    CHECK(r.error == "miljoen.kring: persons: too many persons (1000000; kring handles at most 200000)");
    MESSAGE("a million persons (" << text.size() / (1024 * 1024) << " MiB of JSON) refused in " << secs
                                  << " s; peak memory " << peak_rss_mib() << " MiB (was " << rss0 << " MiB)");
    CHECK(secs < 120.0);  // generous: CI runs this under AddressSanitizer on 2 cores
}

TEST_CASE("an encrypted file that claims an impossible key cost is refused without allocating it") {
    TempDir dir;
    Secret pass("pw");
    REQUIRE(save_case(case_version(1), dir / "a.kring", pass, fast_test_params()).ok());
    std::string bytes = slurp_file(dir / "a.kring");
    bytes[12] = bytes[13] = bytes[14] = '\xff';
    bytes[15] = '\x7f';
    spit_file(dir / "a.kring", bytes);
    LoadResult r = load_case(dir / "a.kring", &pass);
    CHECK(r.error.find("impossible key-derivation settings") != std::string::npos);
}
