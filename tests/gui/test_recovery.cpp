// Crash recovery of the real app: kring-app is killed (SIGKILL, no chance to clean up)
// after an edit was autosaved; started again, it offers the autosaved case, recovers it
// as unsaved changes of the original file, and saving writes them there.
#include "gui_helpers.hpp"

#include "core/caseio.hpp"
#include "core/commands.hpp"

#include <csignal>
#include <chrono>
#include <thread>

#include <fcntl.h>

namespace {

using namespace kring;
using namespace kring::gui_test;

// Starts kring-app in the background (stdout/stderr to files in `dir`); returns its pid.
pid_t spawn_app(const std::vector<std::string>& args, const TempDir& dir) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open((dir / "spawn-out.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open((dir / "spawn-err.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(out, 1);
        ::dup2(err, 2);
        // as run_app: no LeakSanitizer for the app (see gui_helpers.hpp)
        const char* asan = std::getenv("ASAN_OPTIONS");
        const std::string opts = std::string(asan ? asan : "") + ":detect_leaks=0";
        ::setenv("ASAN_OPTIONS", opts.c_str(), 1);
        std::vector<char*> argv;
        std::string app = KRING_APP;
        argv.push_back(app.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(app.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

bool wait_for_file(const fs::path& p, std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

int count_given(const Case& c, const std::string& given) {
    int n = 0;
    for (const auto& [id, p] : c.persons()) n += p.given == given;
    return n;
}

}  // namespace

TEST_CASE("gui: after kring-app is killed, the autosaved edit is recovered and can be saved") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path case_file = dir / "gezin.kring";
    fs::copy_file(demo_case(), case_file);
    const std::string original = read_file(case_file);
    const fs::path recovery = dir / "state" / "kring" / "recovery.kring";

    // 1. Add a child (Noor), then keep running until killed; autosave every 0.3 s.
    write_file(dir / "edit.script",
               "click-person p1\nclick-ui quick-child\nwait 2\ntype Noor\nkey enter\nwait 2\nassert-persons 19\n"
               "wait 1000000\n");
    const pid_t pid = spawn_app({case_file.string(), "--script", (dir / "edit.script").string(), "--size", "1400x900",
                                 "--autosave", "0.3"},
                                dir);
    REQUIRE(pid > 0);
    const bool autosaved = wait_for_file(recovery, std::chrono::seconds(60));
    // Give the autosave of the edit (not of an earlier state) time to land, then kill.
    bool has_noor = false;
    for (int i = 0; autosaved && i < 100 && !has_noor; ++i) {
        LoadResult r = load_case(recovery);
        has_noor = r.ok() && count_given(r.value, "Noor") == 1;
        if (!has_noor) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("stderr of the killed app: " << read_file(dir / "spawn-err.txt"));
    REQUIRE(autosaved);
    REQUIRE(has_noor);
    CHECK(WIFSIGNALED(status));
    CHECK(read_file(case_file) == original);  // the case file itself was never touched

    // 2. Start again: the recovery is offered; recover, check, save.
    const fs::path dumped = dir / "recovered.kring";
    write_file(dir / "recover.script", "wait 3\nassert-ui recovery-recover\nclick-ui recovery-recover\nwait 3\n"
                                       "assert-persons 19\nassert-dirty yes\ndump-case " +
                                           dumped.string() + "\nkey ctrl+s\nwait 3\nassert-dirty no\n");
    const RunResult r = run_app({case_file.string(), "--script", (dir / "recover.script").string(), "--size",
                                 "1400x900", "--autosave", "60"},
                                dir);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    LoadResult saved = load_case(case_file);
    REQUIRE_MESSAGE(saved.ok(), saved.error);
    CHECK(count_given(saved.value, "Noor") == 1);
    CHECK(saved.value.persons().size() == 19);
    // Saved: the recovery file is gone, so the next start offers nothing.
    CHECK_FALSE(fs::exists(recovery));
}

TEST_CASE("gui: a recovered case counts as unsaved until it is saved") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path case_file = dir / "gezin.kring";
    fs::copy_file(demo_case(), case_file);
    // A recovery file as a crashed session leaves it: the demo with one person renamed.
    LoadResult base = load_case(demo_case());
    REQUIRE(base.ok());
    Person p = *base.value.person(*PersonId::parse("p2"));
    p.given = "Jay";
    History h;
    REQUIRE(h.execute(base.value, cmd::update_person(base.value, p)).ok());
    fs::create_directories(dir / "state" / "kring");
    REQUIRE(save_case(base.value, dir / "state" / "kring" / "recovery.kring").ok());
    write_file(dir / "state" / "kring" / "recovery.origin", case_file.string());

    write_file(dir / "s.script", "wait 3\nclick-ui recovery-recover\nwait 3\nassert-name p2 Jay Bakker\nassert-dirty yes\n");
    const RunResult r = run_app({case_file.string(), "--script", (dir / "s.script").string(), "--size", "1400x900",
                                 "--autosave", "60"},
                                dir);
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    // Not saved yet: the file on disk is the original, the recovery file is kept.
    CHECK(read_file(case_file) == read_file(demo_case()));
    CHECK(fs::exists(dir / "state" / "kring" / "recovery.kring"));
}
