// The real kring-app under Xvfb, driven through ImGui's input path by --script files
// (clicks, drags, keys, typed text), and the model checked afterwards from the case the
// app saved — loaded again with core/caseio.
#include "gui_helpers.hpp"

#include "core/caseio.hpp"
#include "core/generate.hpp"

namespace {

using namespace kring;
using namespace kring::gui_test;

// Runs the script and loads the case it dumped to `out.kring` in the temp folder.
Case run_and_load(const TempDir& dir, const std::string& script, std::vector<std::string> extra = {}) {
    const fs::path out = dir / "out.kring";
    const RunResult r = run_script(dir, script + "\ndump-case " + out.string() + "\n", demo_case(), std::move(extra));
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    LoadResult loaded = load_case(out);
    REQUIRE_MESSAGE(loaded.ok(), loaded.error);
    return std::move(loaded.value);
}

const Person* by_given(const Case& c, const std::string& given) {
    for (const auto& [id, p] : c.persons())
        if (p.given == given) return &p;
    return nullptr;
}

bool has(const Case& c, RelationKind kind, PersonId a, PersonId b) {
    for (const auto& [id, r] : c.relations())
        if (r.kind == kind && r.a == a && r.b == b) return true;
    return false;
}

PersonId P(int n) { return *PersonId::parse("p" + std::to_string(n)); }

}  // namespace

TEST_CASE("gui: a quick action adds a child, named in place, to both parents") {
    if (!have_display()) return;
    TempDir dir;
    const Case c = run_and_load(dir, R"(
click-person p1
assert-selected p1
click-ui quick-child
wait 2
type Noor
key enter
wait 2
assert-persons 19
)");
    const Person* noor = by_given(c, "Noor");
    REQUIRE(noor != nullptr);
    // Sanne's current partner (Ruud, p7) is the other parent.
    CHECK(has(c, RelationKind::ParentChild, P(1), noor->id));
    CHECK(has(c, RelationKind::ParentChild, P(7), noor->id));
    CHECK(noor->household == c.person(P(1))->household);
}

TEST_CASE("gui: drawing a support relation by dragging from the handle") {
    if (!have_display()) return;
    TempDir dir;
    // Fatima (neighbour, p11) gives support to Esra (p13), drawn on the network map.
    const Case c = run_and_load(dir, R"(
click-person p11
move-to-handle p11
wait 2
drag-to-person p13
wait 2
click-ui palette-support
wait 2
assert-relation support p11 p13
)",
                                {"--view", "network"});
    bool found = false;
    for (const auto& [id, r] : c.relations())
        found |= r.kind == RelationKind::Support && r.a == P(11) && r.b == P(13) && r.direction == Direction::Gives;
    CHECK(found);
}

TEST_CASE("gui: a risk relation from the palette marks the contact as risky") {
    if (!have_display()) return;
    TempDir dir;
    const Case c = run_and_load(dir, R"(
click-person p1
move-to-handle p1
wait 2
drag-to-person p11
wait 2
click-ui palette-risk
wait 2
)",
                                {"--view", "network"});
    CHECK(c.person(P(11))->risk);
    bool worries = false;
    for (const auto& [id, r] : c.relations())
        worries |= r.kind == RelationKind::Contact && r.involves(P(11)) && r.involves(P(1)) && r.worries;
    CHECK(worries);
}

TEST_CASE("gui: double-click renames in place; undo and redo with the keys") {
    if (!have_display()) return;
    TempDir dir;
    const Case c = run_and_load(dir, R"(
move-to-person p3
double-click
wait 2
type Lotte Şahin-Nguyễn
key enter
wait 2
assert-name p3 Lotte Şahin-Nguyễn
assert-dirty yes
key ctrl+z
wait 1
assert-name p3 Lotte Bakker
assert-dirty no
key ctrl+shift+z
wait 1
assert-name p3 Lotte Şahin-Nguyễn
key ctrl+z
wait 1
key ctrl+y
wait 1
assert-name p3 Lotte Şahin-Nguyễn
)");
    CHECK(c.person(P(3))->given == "Lotte");
    CHECK(c.person(P(3))->family == "Şahin-Nguyễn");
}

TEST_CASE("gui: dragging a person pins it; undo unpins") {
    if (!have_display()) return;
    TempDir dir;
    const Case moved = run_and_load(dir, R"(
move-to-person p4
drag-by 120 -40
wait 2
)");
    REQUIRE(moved.person(P(4))->genogram_pin.has_value());
    const Case undone = run_and_load(dir, R"(
move-to-person p4
drag-by 120 -40
wait 2
key ctrl+z
wait 1
)");
    CHECK_FALSE(undone.person(P(4))->genogram_pin.has_value());
}

TEST_CASE("gui: delete asks first and names the relations that go too") {
    if (!have_display()) return;
    TempDir dir;
    const Case kept = run_and_load(dir, R"(
click-person p12
key delete
wait 2
click-ui delete-cancel
wait 1
assert-persons 18
)",
                                   {"--view", "network"});
    CHECK(kept.person(P(12)) != nullptr);
    const Case gone = run_and_load(dir, R"(
click-person p12
key delete
wait 2
click-ui delete-confirm
wait 2
assert-persons 17
)",
                                   {"--view", "network"});
    CHECK(gone.person(P(12)) == nullptr);
    for (const auto& [id, r] : gone.relations()) CHECK_FALSE(r.involves(P(12)));
}

TEST_CASE("gui: samen tekenen hides professional notes and risk text; Esc returns") {
    if (!have_display()) return;
    TempDir dir;
    const RunResult r = run_script(dir, R"(
assert-drawn Spijbelt
key f11
wait 3
assert-together yes
assert-not-drawn Spijbelt
key escape
wait 3
assert-together no
assert-drawn Spijbelt
click-ui view-network
wait 3
assert-drawn gebruikt drugs
key f11
wait 3
assert-not-drawn gebruikt drugs
)",
                                   demo_case());
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
}

TEST_CASE("gui: search centres the person found; language switches at runtime") {
    if (!have_display()) return;
    TempDir dir;
    const RunResult r = run_script(dir, R"(
click-ui search
type Nguy
key enter
wait 3
assert-centred p14
assert-drawn Hulpverlening
click-ui lang-en
wait 3
assert-drawn Professionals
assert-not-drawn Hulpverlening
)",
                                   demo_case(), {"--view", "both"});
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
}

TEST_CASE("gui: a script with a failing assertion makes the app exit 1 and say where") {
    if (!have_display()) return;
    TempDir dir;
    const RunResult r = run_script(dir, "assert-persons 99\n", demo_case());
    CHECK(r.status == 1);
    CHECK(r.err.find("steps.script:1") != std::string::npos);
}

TEST_CASE("gui: double-click on the network map adds a contact in that sector and ring") {
    if (!have_display()) return;
    TempDir dir;
    // Sector 3 = neighbours, ring 2 = close.
    const Case c = run_and_load(dir, R"(
move-to-cell 3 2
double-click
wait 3
type Gerda Ğ
key enter
wait 2
assert-persons 19
)",
                                {"--view", "network"});
    const Person* gerda = by_given(c, "Gerda");
    REQUIRE(gerda != nullptr);
    CHECK(gerda->family == "Ğ");
    CHECK(gerda->category == Category::Neighbour);
    bool contact = false;
    for (const auto& [id, r] : c.relations())
        contact |= r.kind == RelationKind::Contact && r.involves(gerda->id) && r.involves(P(1)) && r.closeness == 2;
    CHECK(contact);
}

TEST_CASE("gui: shift+drag box-selects; delete removes them all in one undo step") {
    if (!have_display()) return;
    TempDir dir;
    // The three children of the household on the bottom row: Jayden, Lotte, Ayla.
    const Case c = run_and_load(dir, R"(
move-to-person p2
move-by -45 -45
hold shift
drag-to-person p4 30 30
hold none
wait 2
assert-multi 3
key delete
wait 2
click-ui delete-many-confirm
wait 2
assert-persons 15
key ctrl+z
wait 1
assert-persons 18
key ctrl+y
wait 1
assert-persons 15
)");
    CHECK(c.person(P(2)) == nullptr);
    CHECK(c.person(P(3)) == nullptr);
    CHECK(c.person(P(4)) == nullptr);
    CHECK(c.person(P(1)) != nullptr);
}

TEST_CASE("gui: zoom with the wheel around the cursor; the minimap appears and moves the view") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path shot = dir / "minimap.png";
    const RunResult r = run_script(dir, R"(
move-to-person p9
wheel 6
wait 2
assert-under-mouse p9
move-to-person p9
wheel -1
wait 2
move-to-ui minimap-genogram
wait 1
click-ui minimap-genogram
wait 2
screenshot )" + shot.string() + R"(
wait 1
key f
wait 3
)",
                                   demo_case());
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(fs::exists(shot));
}

TEST_CASE("gui: the quick list takes names one after another with a one-key circle") {
    if (!have_display()) return;
    TempDir dir;
    // In the default 1400-pixel window the panel toggles sit in the "Weergave" menu.
    const Case c = run_and_load(dir, R"(
click-ui panels-menu
wait 2
click-ui quick-list
wait 2
click-ui quick-list-entry
type b Gerrit Hoekstra
key enter
wait 2
type Wilma
key enter
wait 2
type p Juf Anja
key enter
wait 2
assert-persons 21
)",
                                {"--view", "network"});
    const Person* gerrit = by_given(c, "Gerrit");
    const Person* wilma = by_given(c, "Wilma");
    const Person* juf = by_given(c, "Juf");
    REQUIRE(gerrit != nullptr);
    REQUIRE(wilma != nullptr);
    REQUIRE(juf != nullptr);
    CHECK(gerrit->family == "Hoekstra");
    CHECK(gerrit->category == Category::Neighbour);
    CHECK(wilma->category == Category::Neighbour);  // no key: the circle of the name before
    CHECK(juf->category == Category::Professional);
}

TEST_CASE("gui: printing a genogram too big for A4 splits it over sheets, and the status bar says so") {
    if (!have_display()) return;
    TempDir dir;
    GenerateOptions go;
    go.persons = 200;
    const fs::path family = dir / "groot.kring", pdf = dir / "groot.pdf";
    REQUIRE(save_case(generate_family(go), family).ok());
    const RunResult r = run_script(dir,
                                   "wait 2\nkey ctrl+p\nwait 3\nclick-ui file-name\nkey ctrl+a\ntype " + pdf.string() +
                                       "\nkey enter\nwait 5\nassert-status bladen\n",
                                   family);
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    REQUIRE(fs::exists(pdf));
    const std::string bytes = read_file(pdf);
    std::size_t pages = 0;
    for (std::size_t p = bytes.find("/Type /Page"); p != std::string::npos; p = bytes.find("/Type /Page", p + 1))
        if (bytes.compare(p, 12, "/Type /Pages") != 0) ++pages;
    CHECK(pages >= 3);  // the overview and the sheets
}
