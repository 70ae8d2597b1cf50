// The bundled demo of a netwerkberaad is exactly what build_beraad_demo() produces (so
// its bytes are canonical). KRING_WRITE_DEMO=1 rewrites it.
#include "core/caseio.hpp"
#include "layouts/meeting_sheet.hpp"
#include "meeting_demo.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace kring;
using namespace kring::test;

TEST_CASE("demo netwerkberaad case is canonical and matches its generator") {
    const Case c = build_beraad_demo();
    const std::string text = serialize_case(c);
    if (const char* w = std::getenv("KRING_WRITE_DEMO"); w && std::string(w) == "1") {
        REQUIRE(save_case(c, beraad_demo_path()).ok());
        std::filesystem::remove(beraad_demo_path().string() + ".bak");
    }
    auto loaded = load_case(beraad_demo_path());
    REQUIRE_MESSAGE(loaded.ok(), loaded.error);
    CHECK(serialize_case(loaded.value) == slurp_text(beraad_demo_path()));
    CHECK(slurp_text(beraad_demo_path()) == text);
    CHECK(loaded.value.info.snapshots.size() == 2);
    CHECK(loaded.value.info.meeting.agreements.size() == 5);
    // The original demo is untouched by all this.
    CHECK(serialize_case(load_demo()) == slurp_text(demo_path()));
}

TEST_CASE("demo netwerkberaad: gaps, overdue follow-ups and sheets") {
    const Case c = build_beraad_demo();
    const Meeting& m = c.info.meeting;
    const MeetingGaps g = meeting_gaps(m);
    CHECK(g.domains == std::vector<LifeDomain>{LifeDomain::Health, LifeDomain::Housing});
    CHECK(g.support == std::vector<SupportType>{SupportType::Financial});
    const auto late = overdue_agreements(m, d("2026-11-23"));
    REQUIRE(late.size() == 2);
    CHECK(late[0]->id == 5);
    CHECK(late[1]->id == 3);
    const LayoutResult inv = layout_invitation_list(c, {Lang::Nl, d("2026-11-23"), false});
    for (const auto& l : inv.labels) CHECK(l.text.find("06-1234") == std::string::npos);  // sharing: no contact details
    const LayoutResult sheet = layout_agreements_sheet(c, {Lang::En, d("2026-11-23"), true});
    CHECK(std::any_of(sheet.labels.begin(), sheet.labels.end(),
                      [](const Label& l) { return l.text.find("2 agreement(s) not followed up in time") == 0; }));
}
