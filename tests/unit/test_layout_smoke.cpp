// Both views of the demo case: everyone who belongs is drawn once, no two symbols overlap,
// and "samen tekenen" (show_notes = false) leaves out every professional-only item.
#include "test_helpers.hpp"

#include "layouts/genogram.hpp"
#include "layouts/network_map.hpp"

#include <set>

using namespace kring;
using namespace kring::test;

namespace {

bool overlap(const Rect& a, const Rect& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

void check_drawing(const LayoutResult& r) {
    std::set<PersonId> seen;
    for (const auto& s : r.symbols) {
        CHECK_MESSAGE(seen.insert(s.person).second, "drawn twice: " << s.person.str());
        CHECK(s.w > 0);
        CHECK(s.h > 0);
    }
    for (size_t i = 0; i < r.symbols.size(); ++i)
        for (size_t j = i + 1; j < r.symbols.size(); ++j)
            CHECK_MESSAGE(!overlap(r.symbols[i].bounds(), r.symbols[j].bounds()),
                          r.symbols[i].person.str() << " overlaps " << r.symbols[j].person.str());
    CHECK_FALSE(r.bounds.empty());
    for (const auto& s : r.symbols) {
        CHECK(r.bounds.contains(s.center));
    }
    CHECK_FALSE(r.legend.empty());
}

}  // namespace

TEST_CASE("demo genogram: family members drawn once, no overlaps") {
    const Case c = load_demo();
    LayoutResult r = layout_genogram(c);
    check_drawing(r);
    std::set<PersonId> expected;
    for (const auto& [id, p] : c.persons())
        if (in_genogram(c, p)) expected.insert(id);
    std::set<PersonId> drawn;
    for (const auto& s : r.symbols) drawn.insert(s.person);
    CHECK(drawn == expected);
    CHECK(drawn.size() == 11);  // ten persons and a miscarriage
    // Nobody of the professional network in the genogram.
    for (PersonId id : drawn) CHECK_FALSE(c.person(id)->is_professional());
}

TEST_CASE("demo network map: everyone drawn once, no overlaps") {
    const Case c = load_demo();
    LayoutResult r = layout_network(c);
    check_drawing(r);
    // The living network: all persons but the deceased grandfather and the miscarriage.
    std::set<PersonId> drawn;
    for (const auto& s : r.symbols) drawn.insert(s.person);
    for (const auto& [id, p] : c.persons())
        CHECK_MESSAGE(drawn.count(id) == (p.deceased || p.kind != EntryKind::Person ? 0u : 1u), p.display_name());
}

TEST_CASE("layouts are deterministic") {
    const Case c = load_demo();
    auto a = layout_genogram(c), b = layout_genogram(c);
    REQUIRE(a.symbols.size() == b.symbols.size());
    for (size_t i = 0; i < a.symbols.size(); ++i) {
        CHECK(a.symbols[i].center.x == b.symbols[i].center.x);
        CHECK(a.symbols[i].center.y == b.symbols[i].center.y);
    }
}

TEST_CASE("samen tekenen hides notes and risk annotations") {
    const Case c = load_demo();
    for (int view = 0; view < 2; ++view) {
        CAPTURE(view);
        LayoutResult full, together;
        if (view == 0) {
            full = layout_genogram(c);
            GenogramOptions o;
            o.show_notes = false;
            together = layout_genogram(c, o);
        } else {
            full = layout_network(c);
            NetworkOptions o;
            o.show_notes = false;
            together = layout_network(c, o);
        }
        auto has_text = [](const LayoutResult& r, const std::string& part) {
            for (const auto& l : r.labels)
                if (l.text.find(part) != std::string::npos) return true;
            return false;
        };
        // Sanne's note about her debts is a professional note.
        if (view == 0) CHECK(has_text(full, "Schulden"));
        CHECK_FALSE(has_text(together, "Schulden"));
        CHECK_FALSE(has_text(together, "drugs"));
        for (const auto& l : together.labels) CHECK_FALSE(l.professional_only);
        for (const auto& l : together.lines) CHECK_FALSE(l.professional_only);
    }
}

TEST_CASE("text_width: characters, not bytes; Chinese, Japanese and Korean take more room") {
    CHECK(text_width("Anna", 10) == doctest::Approx(24));
    CHECK(text_width("Özdemir", 10) == doctest::Approx(42));  // 7 characters, 8 bytes
    CHECK(text_width("渡辺", 10) == doctest::Approx(28));     // wide: 1.4 em each
    CHECK(text_width("Li 李", 10) == doctest::Approx(3 * 6 + 14));
    CHECK(text_width(std::string("\xE6\xB8"), 10) > 0);  // a cut-off sequence does not read past the end
}
