// A case too large to read whole in the window (an imported genealogy of thousands): the
// app opens it where its names can be read, around the index person, and F shows it whole.
#include "gui_helpers.hpp"

#include "core/caseio.hpp"
#include "core/generate.hpp"
#include "layouts/genogram.hpp"

#include <cmath>

namespace {

using namespace kring;
using namespace kring::gui_test;

TEST_CASE("gui: a genogram too large to read whole opens readable around the index person; F shows it whole") {
    if (!have_display()) return;
    TempDir dir;
    GenerateOptions go;
    go.persons = 2000;
    Case c = generate_family(go);
    // The index person: the one drawn nearest the middle of the genogram (so the view can
    // centre on them without reaching past the drawing's edge).
    const LayoutResult lay = layout_genogram(c);
    const Point mid{(lay.bounds.x0 + lay.bounds.x1) / 2, (lay.bounds.y0 + lay.bounds.y1) / 2};
    PersonId focus;
    double best = 1e300;
    for (const Symbol& s : lay.symbols)
        if (const double d = std::hypot(s.center.x - mid.x, s.center.y - mid.y); s.person && d < best) best = d, focus = s.person;
    REQUIRE(focus);
    for (const auto& [id, p] : c.persons()) {
        Person q = p;
        q.index_person = id == focus;
        c.put(std::move(q));
    }
    const std::string given = c.person(focus)->given;
    const fs::path file = dir / "groot.kring";
    REQUIRE(save_case(c, file).ok());

    const RunResult r = run_script(dir, "wait 3\nassert-in-view " + focus.str() + "\nassert-drawn " + given +
                                            "\nassert-ui minimap-genogram\nkey f\nwait 3\nassert-not-drawn " + given +
                                            "\n",
                                   file);
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
}

TEST_CASE("gui: a case that reads well whole opens whole") {
    if (!have_display()) return;
    TempDir dir;
    // The demo's eleven persons fit the window with room to spare: no minimap, every name drawn.
    const RunResult r = run_script(dir, "wait 3\nassert-no-ui minimap-genogram\nassert-drawn Jayden\nassert-drawn Ruud\n",
                                   demo_case());
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
}

}  // namespace
