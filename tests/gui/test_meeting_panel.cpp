// The netwerkberaad panel in the real app under Xvfb: a worker prepares the meeting from
// the map (invite, consent, question, goal, offer), records an agreement that becomes a
// support relation, takes a snapshot, and undoes — checked in the case the app saved.
#include "gui_helpers.hpp"

#include "core/caseio.hpp"
#include "core/meeting.hpp"

namespace {

using namespace kring;
using namespace kring::gui_test;

PersonId P(int n) { return *PersonId::parse("p" + std::to_string(n)); }

// The panel opens from the "Weergave" menu (the 1400-pixel test window folds the panel
// toggles into it; the toolbar test below checks the wide layout).
// Fatima (p11, neighbour) is invited from the map, the parent agrees, and she offers and
// agrees to pick Lotte up on Wednesdays.
const char* kPrepare = R"(
click-ui panels-menu
wait 2
click-ui meeting
wait 2
click-person p11
wait 2
click-ui meeting-invite-selected
wait 2
click-ui meeting-consent-p11
wait 2
click-ui meeting-consent-p11-yes
wait 2
click-ui meeting-question
type Hoe houden we het samen veilig?
click-ui meeting-add-goal
wait 2
click-ui meeting-goal-text-1
type Elke dag op tijd op school
click-ui meeting-add-offer
wait 2
move-to-ui meeting-question
wheel -30
wait 3
click-ui meeting-agree-who
wait 2
click-ui meeting-agree-who-p11
wait 2
click-ui meeting-agree-what
type Haalt Lotte op woensdag op
click-ui meeting-agree-follow
type 2027-01-15
click-ui meeting-agree-record
wait 3
move-to-ui meeting-agree-what
wheel -30
wait 3
click-ui meeting-snapshot-label
type na het beraad
click-ui meeting-snapshot-take
wait 2
)";

Case load(const fs::path& p) {
    LoadResult r = load_case(p);
    REQUIRE_MESSAGE(r.ok(), r.error);
    return std::move(r.value);
}

}  // namespace

TEST_CASE("gui: the netwerkberaad panel prepares a meeting and records an agreement on the map") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path out = dir / "out.kring", undone = dir / "undone.kring";
    const int relations_before = static_cast<int>(load(demo_case()).relations().size());
    const std::string script = std::string(kPrepare) + "assert-relations " + std::to_string(relations_before + 1) +
                               "\ndump-case " + out.string() + "\nkey ctrl+z\nwait 2\nkey ctrl+z\nwait 2\ndump-case " +
                               undone.string() + "\n";
    const RunResult r = run_script(dir, script, demo_case(), {"--view", "network"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);

    const Case c = load(out);
    const Meeting& m = c.info.meeting;
    CHECK(m.question == "Hoe houden we het samen veilig?");
    REQUIRE(m.invitees.size() == 1);
    CHECK(m.invitees[0].person == P(11));
    CHECK(m.invitees[0].role == InviteRole::Network);  // a neighbour: network, not family
    CHECK(m.invitees[0].consent == Consent::Yes);
    REQUIRE(m.goals.size() == 1);
    CHECK(m.goals[0].text == "Elke dag op tijd op school");
    REQUIRE(m.offers.size() == 1);
    CHECK(m.offers[0].person == P(11));  // the person selected on the map

    REQUIRE(m.agreements.size() == 1);
    const Agreement& a = m.agreements[0];
    CHECK(a.who == P(11));
    CHECK(a.for_whom == P(1));  // the index person by default
    CHECK(a.what == "Haalt Lotte op woensdag op");
    CHECK(a.follow_up.str() == "2027-01-15");
    const Relation* rel = c.relation(a.relation);
    REQUIRE(rel != nullptr);
    CHECK(rel->kind == RelationKind::Support);
    CHECK(rel->a == P(11));
    CHECK(rel->b == P(1));
    CHECK(rel->note.find("Haalt Lotte op woensdag op") != std::string::npos);

    REQUIRE(c.info.snapshots.size() == 1);
    CHECK(c.info.snapshots[0].label == "na het beraad");
    // the snapshot holds the network with the agreement's support relation
    CHECK(c.info.snapshots[0].relations.size() == c.relations().size());

    // Two undos: the snapshot, then the agreement and its relation (one step each).
    const Case u = load(undone);
    CHECK(u.info.snapshots.empty());
    CHECK(u.info.meeting.agreements.empty());
    CHECK(static_cast<int>(u.relations().size()) == relations_before);
    CHECK(u.info.meeting.invitees.size() == 1);
}

TEST_CASE("gui: the netwerkberaad panel is hidden while drawing together with the family") {
    if (!have_display()) return;
    TempDir dir;
    // Open the panel, then switch to "samen tekenen": reach details and the question are
    // professional content and must not be on screen.
    const RunResult r = run_script(dir, "click-ui panels-menu\nwait 2\nclick-ui meeting\nwait 2\nassert-ui meeting-question\nkey f11\nwait 3\n"
                                        "assert-together yes\nassert-no-ui meeting-question\nassert-no-ui meeting\n"
                                        "key escape\nwait 3\nassert-ui meeting-question\n",
                                   fs::path(KRING_ASSETS_DIR) / "demo" / "familie-demo-beraad.kring",
                                   {"--view", "network"});
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
}

TEST_CASE("gui: the netwerkberaad panel prints the meeting documents and a comparison as PDF") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path docs = dir / "beraad.pdf", cmp = dir / "vergelijking.pdf";
    // The print buttons are at the bottom of the panel: scroll there first.
    const std::string script = "click-ui panels-menu\nwait 2\nclick-ui meeting\nwait 2\nmove-to-ui meeting-question\nwheel -80\nwait 3\n"
                               "click-ui meeting-print-documents\nwait 3\nclick-ui file-name\nkey ctrl+a\ntype " +
                               docs.string() + "\nkey enter\nwait 5\nclick-ui meeting-print-compare\nwait 3\n"
                               "click-ui file-name\nkey ctrl+a\ntype " + cmp.string() + "\nkey enter\nwait 5\n";
    const RunResult r = run_script(dir, script, fs::path(KRING_ASSETS_DIR) / "demo" / "familie-demo-beraad.kring",
                                   {"--view", "network"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    for (const fs::path& pdf : {docs, cmp}) {
        INFO(pdf.string());
        REQUIRE(fs::exists(pdf));
        const std::string bytes = read_file(pdf);
        CHECK(bytes.rfind("%PDF-", 0) == 0);
        // one PDF with a page per document: 4 (invitations, map, sheet, agreements) and 3
        // (comparison map, table, timeline)
        std::size_t pages = 0;
        for (std::size_t p = bytes.find("/Type /Page"); p != std::string::npos; p = bytes.find("/Type /Page", p + 1))
            if (bytes.compare(p, 12, "/Type /Pages") != 0) ++pages;
        CHECK(pages == (pdf == docs ? 4u : 3u));
    }
}

TEST_CASE("gui: the toolbar folds its panel toggles into a menu only when the window is narrow") {
    if (!have_display()) return;
    TempDir dir;
    const fs::path wide = dir / "wide.txt", narrow = dir / "narrow.txt";
    const fs::path png = dir / "shot.png";
    REQUIRE(run_app({demo_case().string(), "--size", "1600x900", "--screenshot", png.string(), "--dump-drawn",
                     wide.string()},
                    dir)
                .status == 0);
    REQUIRE(run_app({demo_case().string(), "--size", "1280x800", "--screenshot", png.string(), "--dump-drawn",
                     narrow.string()},
                    dir)
                .status == 0);
    const std::string w = read_file(wide), n = read_file(narrow);
    CHECK(w.find("widget\tmeeting\t") != std::string::npos);  // its own toggle button
    CHECK(w.find("widget\tpanels-menu\t") == std::string::npos);
    CHECK(n.find("widget\tpanels-menu\t") != std::string::npos);
    CHECK(n.find("widget\tmeeting\t") == std::string::npos);  // inside the closed menu
    // Nothing overlaps in the narrow toolbar: the search box ends before "fit" begins.
    const auto rect = [](const std::string& drawn, const std::string& name) {
        std::istringstream in(drawn.substr(drawn.find("widget\t" + name + "\t") + 8 + name.size()));
        float x0 = 0, y0 = 0, x1 = 0;
        in >> x0 >> y0 >> x1;
        return std::pair{x0, x1};
    };
    REQUIRE(n.find("widget\tsearch\t") != std::string::npos);
    CHECK(rect(n, "search").second < rect(n, "fit").first);
    CHECK(rect(n, "add-person").second < rect(n, "search").first);
}
