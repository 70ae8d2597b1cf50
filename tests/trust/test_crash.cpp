// Never lose data: a saving process is killed with SIGKILL at random moments, hundreds of
// times; after every kill the case file is exactly the old or the new version. A full disk
// or an unwritable folder gives a clear message and leaves the original intact.
#include "trust/trust_helpers.hpp"
#include "unit/test_helpers.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

using namespace kring;
using namespace kring::test;
namespace fs = std::filesystem;

namespace {

int kills_wanted() {
    if (const char* e = std::getenv("KRING_CRASH_KILLS"); e && *e) return std::max(1, std::atoi(e));
    return 300;
}

}  // namespace

TEST_CASE("a save killed at any moment leaves the old or the new version, and no temp file after the next save") {
    TempDir dir;
    const fs::path file = dir / "case.kring";
    REQUIRE(save_case(case_version(0), file).ok());

    // Kill within some save durations after the saver is running, so that kills land
    // before, during and between saves whatever the build (a sanitizer build is slower).
    const auto c0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) REQUIRE(save_case(case_version(0), file).ok());
    const auto save_us = std::max<long long>(
        200, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - c0).count() / 5);
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<long long> delay_us(0, 20 * save_us);
    const int rounds = kills_wanted();
    int kills = 0, mid_write = 0, new_version_seen = 0, saves_done = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        LoadResult before = load_case(file);
        REQUIRE_MESSAGE(before.ok(), before.error);
        const int v = version_of(before.value);
        REQUIRE(v >= 0);

        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            const int ready = -1;
            (void)!::write(fds[1], &ready, sizeof ready);
            for (int k = v + 1;; ++k) {
                if (!save_case(case_version(k), file).ok()) ::_exit(3);
                (void)!::write(fds[1], &k, sizeof k);
            }
        }
        ::close(fds[1]);
        int ready = 0;
        REQUIRE(::read(fds[0], &ready, sizeof ready) == static_cast<ssize_t>(sizeof ready));
        REQUIRE(ready == -1);
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
        REQUIRE(::kill(pid, SIGKILL) == 0);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL), "the saver failed before it was killed");
        ++kills;
        int done = v, k = 0;
        while (::read(fds[0], &k, sizeof k) == static_cast<ssize_t>(sizeof k)) done = std::max(done, k), ++saves_done;
        ::close(fds[0]);

        // The file is exactly the last completed version or the one being written.
        LoadResult after = load_case(file);
        REQUIRE_MESSAGE(after.ok(), "round " << round << ": " << after.error);
        const int w = version_of(after.value);
        INFO("round " << round << ": completed up to version " << done << ", file has version " << w);
        REQUIRE((w == done || w == done + 1));
        if (w == done + 1) ++new_version_seen;
        REQUIRE(serialize_case(after.value) == serialize_case(case_version(w)));
        // The backup, when there is one, is a complete earlier (or the same) version.
        if (fs::exists(file.string() + ".bak")) {
            LoadResult bak = load_case(file.string() + ".bak");
            REQUIRE_MESSAGE(bak.ok(), bak.error);
            CHECK(version_of(bak.value) <= w);
            CHECK(serialize_case(bak.value) == serialize_case(case_version(version_of(bak.value))));
        }
        if (count_temp_files(dir.path) > 0) ++mid_write;

        // The next save cleans up after the killed one.
        REQUIRE(save_case(case_version(w + 1), file).ok());
        if (count_temp_files(dir.path) != 0)
            for (const auto& e : fs::directory_iterator(dir.path)) MESSAGE("left: " << e.path().filename().string());
        REQUIRE(count_temp_files(dir.path) == 0);
        CHECK((fs::status(file).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("crash test: " << kills << " kills survived (" << mid_write << " left a temporary file mid-save, "
                           << new_version_seen << " landed between rename and report), " << saves_done
                           << " saves completed by the killed processes, " << secs << " s");
    CHECK(kills == rounds);
    CHECK(mid_write > 0);  // the kills really did hit saves in progress
}

namespace {

// Runs `fn` in a child process with the file size limit set to `limit` bytes (a full disk
// as far as the writer can tell, also for root) and returns what it wrote to the pipe.
template <class F>
std::string in_child_with_fsize_limit(rlim_t limit, F fn) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        ::signal(SIGXFSZ, SIG_IGN);  // write() fails with EFBIG instead of killing us
        rlimit rl{limit, limit};
        if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) ::_exit(2);
        std::string out = fn();
        (void)!::write(fds[1], out.data(), out.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return out;
}

}  // namespace

TEST_CASE("a full disk gives a clear message and leaves the original intact") {
    TempDir dir;
    const fs::path file = dir / "case.kring";
    REQUIRE(save_case(case_version(1), file).ok());
    const std::string original = slurp_file(file);

    const std::string error = in_child_with_fsize_limit(4096, [&] {
        SaveResult r = save_case(case_version(2), file);
        return r.ok() ? std::string("saved?!") : r.error;
    });
    INFO(error);
    CHECK(error.find(file.string()) != std::string::npos);
    CHECK(error.find("cannot save") != std::string::npos);
    CHECK(error.find("larger than the system allows") != std::string::npos);
    CHECK(error.find("the existing file was not changed") != std::string::npos);
    CHECK(slurp_file(file) == original);
    CHECK(count_temp_files(dir.path) == 0);

    // Encrypted saves fail the same way.
    Secret pass("correct horse battery staple");
    const std::string error2 = in_child_with_fsize_limit(4096, [&] {
        SaveResult r = save_case(case_version(3), file, pass, fast_test_params());
        return r.ok() ? std::string("saved?!") : r.error;
    });
    CHECK(error2.find("the existing file was not changed") != std::string::npos);
    CHECK(slurp_file(file) == original);
    CHECK(count_temp_files(dir.path) == 0);
}

TEST_CASE("an unwritable or missing folder gives a clear message") {
    TempDir dir;
    // A folder that does not exist, and a "folder" that is a file: fail for root as well.
    SaveResult a = save_case(case_version(1), dir / "nowhere" / "case.kring");
    CHECK(a.error.find("the folder does not exist") != std::string::npos);
    REQUIRE(save_case(case_version(1), dir / "plain").ok());
    SaveResult b = save_case(case_version(1), dir.path / "plain" / "case.kring");
    CHECK(b.error.find("cannot save") != std::string::npos);
    SaveResult c = write_file_atomic("/dev/full", "x");
    CHECK(c.error.find("not a regular file") != std::string::npos);

    // A read-only folder (root ignores folder permissions, so only when not root).
    const fs::path ro = dir / "ro";
    fs::create_directory(ro);
    REQUIRE(save_case(case_version(1), ro / "case.kring").ok());
    const std::string original = slurp_file(ro / "case.kring");
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    if (::geteuid() == 0) {
        MESSAGE("running as root: read-only folder check skipped (root may write anyway); the full-disk test covers it");
    } else {
        SaveResult r = save_case(case_version(2), ro / "case.kring");
        CHECK(r.error.find("permission denied") != std::string::npos);
        CHECK(slurp_file(ro / "case.kring") == original);
    }
    fs::permissions(ro, fs::perms::owner_all);
    CHECK(count_temp_files(ro) == 0);
}
