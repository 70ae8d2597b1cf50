// The network map: deterministic, nothing overlaps, a child gets its own map, and an
// "important but no contact" person is on it.
#include "core/caseio.hpp"
#include "layouts/network_map.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace kring;

namespace {

Case demo() {
    auto r = load_case(std::filesystem::path(KRING_ASSETS_DIR) / "demo" / "familie-demo.kring");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.value;
}

Rect label_rect(const Label& l) {
    const double w = text_width(l.text, l.size);
    const double x0 = l.align == Align::Left ? l.pos.x : l.align == Align::Right ? l.pos.x - w : l.pos.x - w / 2;
    return {x0, l.pos.y - l.size * 0.5, x0 + w, l.pos.y + l.size * 0.5};
}

bool intersects(const Rect& a, const Rect& b, double slack = 0.5) {
    return a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
}

void check_no_overlap(const LayoutResult& r) {
    for (std::size_t i = 0; i < r.symbols.size(); ++i)
        for (std::size_t j = i + 1; j < r.symbols.size(); ++j) {
            INFO("symbols " << r.symbols[i].person.str() << " and " << r.symbols[j].person.str());
            CHECK_FALSE(intersects(r.symbols[i].bounds(), r.symbols[j].bounds()));
        }
    for (std::size_t i = 0; i < r.labels.size(); ++i) {
        const Rect li = label_rect(r.labels[i]);
        for (std::size_t j = i + 1; j < r.labels.size(); ++j) {
            INFO("labels '" << r.labels[i].text << "' and '" << r.labels[j].text << "'");
            CHECK_FALSE(intersects(li, label_rect(r.labels[j])));
        }
        for (const auto& s : r.symbols) {
            INFO("label '" << r.labels[i].text << "' and symbol " << s.person.str());
            CHECK_FALSE(intersects(li, s.bounds()));
        }
    }
}

}  // namespace

TEST_CASE("network map of the demo: no overlapping symbols or labels, for the mother and for a child") {
    const Case c = demo();
    for (const char* focus : {"p1", "p2", "p3"}) {
        CAPTURE(focus);
        NetworkOptions o;
        o.focus = *PersonId::parse(focus);
        const LayoutResult r = layout_network(c, o);
        const Symbol* centre = r.symbol_of(o.focus);
        REQUIRE(centre);
        CHECK(centre->center.x == doctest::Approx(0));
        CHECK(centre->center.y == doctest::Approx(0));
        CHECK(centre->index_person);
        check_no_overlap(r);
        // Fits A4 landscape at a readable scale: about 600 x 540 pt at most.
        CHECK(r.bounds.width() < 720);
        CHECK(r.bounds.height() < 640);
    }
}

TEST_CASE("network map: deterministic, and an important person without contact is on the map") {
    Case c;
    auto person = [&](const char* name, Category cat) {
        Person p;
        p.id = c.new_person_id();
        p.given = name;
        p.category = cat;
        c.put(p);
        return p.id;
    };
    const PersonId child = person("Kind", Category::Household);
    const PersonId father = person("Vader", Category::Family);
    const PersonId coach = person("Coach", Category::Professional);
    Relation r;
    r.id = c.new_relation_id();
    r.kind = RelationKind::Contact;
    r.a = child;
    r.b = father;
    r.no_contact = true;
    c.put(r);
    r.id = c.new_relation_id();
    r.b = coach;
    r.no_contact = false;
    c.put(r);

    NetworkOptions o;
    o.focus = child;
    const LayoutResult a = layout_network(c, o), b = layout_network(c, o);
    REQUIRE(a.symbols.size() == b.symbols.size());
    for (std::size_t i = 0; i < a.symbols.size(); ++i) {
        CHECK(a.symbols[i].center.x == b.symbols[i].center.x);
        CHECK(a.symbols[i].center.y == b.symbols[i].center.y);
    }
    CHECK(a.symbol_of(father));
    CHECK(a.legend.count("no-contact"));
    // The no-contact line is dotted, the coach's tie is not.
    bool dotted = false;
    for (const auto& l : a.lines)
        if (l.role == Line::Role::Network && l.style == LineStyle::Dotted) dotted = true;
    CHECK(dotted);
    check_no_overlap(a);
}
