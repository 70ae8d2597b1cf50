// An encrypted case file in the real app: the passphrase is asked, a wrong one is
// refused with a message, the right one opens the case, and saving (and autosave) write
// it encrypted again — never a plaintext copy on disk.
#include "gui_helpers.hpp"

#include "core/caseio.hpp"
#include "core/crypto.hpp"

namespace {

using namespace kring;
using namespace kring::gui_test;

int count_given(const Case& c, const std::string& given) {
    int n = 0;
    for (const auto& [id, p] : c.persons()) n += p.given == given;
    return n;
}

bool starts_encrypted(const fs::path& p) { return read_file(p).rfind("KRNG", 0) == 0; }

}  // namespace

TEST_CASE("gui: an encrypted case opens with its passphrase and is saved encrypted again") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path file = dir / "geheim.kring";
    LoadResult demo = load_case(demo_case());
    REQUIRE(demo.ok());
    const Secret pass("kitchen table 42");
    REQUIRE(save_case(demo.value, file, pass, fast_test_params()).ok());
    REQUIRE(starts_encrypted(file));

    write_file(dir / "s.script",
               // wrong passphrase: refused, nothing opened
               "wait 3\nassert-ui passphrase-input\nclick-ui passphrase-input\ntype verkeerd\nkey enter\nwait 3\n"
               "assert-ui passphrase-input\nassert-persons 0\n"
               // the right one
               "type kitchen table 42\nkey enter\nwait 3\nassert-no-ui passphrase-input\nassert-persons 18\n"
               // an edit, saved with Ctrl+S; then an autosave of another edit
               "click-person p1\nclick-ui quick-child\nwait 2\ntype Noor\nkey enter\nwait 2\nkey ctrl+s\nwait 3\n"
               "assert-dirty no\nclick-person p1\nclick-ui quick-child\nwait 2\ntype Sem\nkey enter\nwait 40\n");
    const RunResult r = run_app({file.string(), "--script", (dir / "s.script").string(), "--size", "1400x900",
                                 "--autosave", "0.2"},
                                dir);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);

    // Saved encrypted, with the edit; unreadable without the passphrase.
    CHECK(starts_encrypted(file));
    CHECK_FALSE(load_case(file).ok());
    LoadResult saved = load_case(file, &pass);
    REQUIRE_MESSAGE(saved.ok(), saved.error);
    CHECK(count_given(saved.value, "Noor") == 1);
    // The autosaved recovery file is encrypted too and holds the later edit.
    const fs::path recovery = dir / "state" / "kring" / "recovery.kring";
    REQUIRE(fs::exists(recovery));
    CHECK(starts_encrypted(recovery));
    LoadResult rec = load_case(recovery, &pass);
    REQUIRE_MESSAGE(rec.ok(), rec.error);
    CHECK(count_given(rec.value, "Sem") == 1);
    // No plaintext copy of the case anywhere in the session's folders.
    for (const auto& e : fs::recursive_directory_iterator(dir.path)) {
        if (!e.is_regular_file() || e.path().filename().string().find(".kring") == std::string::npos) continue;
        INFO(e.path().string());  // the case, its .bak and the recovery file
        CHECK(starts_encrypted(e.path()));
    }
}
