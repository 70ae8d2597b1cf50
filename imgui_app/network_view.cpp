// The network map view (netwerkkaart): layout_network around the index person, pins in
// network-map coordinates; a double-click on an empty spot adds a contact in that sector
// and ring.
#include "diagram_view.hpp"

#include "quick_actions.hpp"

#include "layouts/network_map.hpp"

#include <cmath>
#include <numbers>

namespace kring::app {

namespace {

LayoutResult network_layout(const Case& c, Lang lang, bool show_notes) {
    NetworkOptions opt;
    opt.lang = lang;
    opt.show_notes = show_notes;
    return layout_network(c, opt);
}

Category category_of(int sector) {
    switch (static_cast<Sector>(sector)) {
        case Sector::Household: return Category::Household;
        case Sector::Family: return Category::Family;
        case Sector::Friends: return Category::Friend;
        case Sector::Neighbours: return Category::Neighbour;
        case Sector::SchoolWork: return Category::SchoolWork;
        case Sector::Leisure: return Category::Leisure;
        case Sector::Professionals: return Category::Professional;
    }
    return Category::Friend;
}

const char* const kSectorKeys[kSectorCount] = {"sector.household", "sector.family",      "sector.friends",
                                               "sector.neighbours", "sector.school-work", "sector.leisure",
                                               "sector.professionals"};

void add_contact_at(App& app, const LayoutResult& lay, Point where) {
    const auto cell = network_cell_at(lay, app.doc, where);
    const PersonId focus = default_focus(app.doc);
    if (!cell || !focus) return;
    Person p;
    p.category = category_of(cell->sector);
    p.sex = Sex::Unknown;
    if (p.category == Category::Household) p.household = app.doc.person(focus)->household;
    Case& c = app.doc;
    Command add = cmd::add_person(c, p);
    const PersonId created = std::get<Change<Person>>(add.changes[0]).after->id;
    Case tmp = c;
    apply(tmp, add);
    Relation r;
    r.kind = RelationKind::Contact;
    r.a = focus;
    r.b = created;
    r.closeness = cell->ring;
    r.frequency = cell->ring == 1 ? Frequency::Daily : cell->ring == 2 ? Frequency::Weekly : Frequency::Monthly;
    Command both = cmd::combine("add contact", {std::move(add), cmd::add_relation(tmp, r)});
    if (app.execute(std::move(both))) {
        app.select(created);
        app.say(std::string(app.t("app.network.added")) + ": " + std::string(app.t(kSectorKeys[cell->sector])) + ", " +
                std::string(app.t("ring." + std::to_string(cell->ring))));
        start_rename(app, created, ViewKind::Network);
    }
}

}  // namespace

std::optional<NetworkCell> network_cell_at(const LayoutResult& lay, const Case& c, Point where) {
    const PersonId focus = default_focus(c);
    const Symbol* centre = focus ? lay.symbol_of(focus) : nullptr;
    if (!centre) return std::nullopt;
    const Point o = centre->center;
    std::vector<double> rings, borders;
    for (const Line& l : lay.lines) {
        if (l.role != Line::Role::Ring || l.points.empty()) continue;
        const Point& far = l.points.back();
        if (l.closed) rings.push_back(std::hypot(l.points.front().x - o.x, l.points.front().y - o.y));
        else if (l.points.size() == 2) borders.push_back(std::atan2(far.y - o.y, far.x - o.x));
    }
    if (rings.size() != 3 || borders.size() != static_cast<std::size_t>(kSectorCount)) return std::nullopt;
    const double r = std::hypot(where.x - o.x, where.y - o.y);
    if (r > rings[2] || r < centre->w * 0.6) return std::nullopt;
    NetworkCell cell;
    cell.ring = r <= rings[0] ? 1 : r <= rings[1] ? 2 : 3;
    // Sector borders run clockwise (growing angle) from sector 0; find the last border
    // at or before the point's angle.
    const double a = std::atan2(where.y - o.y, where.x - o.x);
    const double two_pi = 2 * std::numbers::pi;
    double best = two_pi + 1;
    for (int s = 0; s < kSectorCount; ++s) {
        const double d = std::fmod(std::fmod(a - borders[static_cast<std::size_t>(s)], two_pi) + two_pi, two_pi);
        if (d < best) {
            best = d;
            cell.sector = s;
        }
    }
    return cell;
}

const ViewSpec& network_spec() {
    static const ViewSpec spec{ViewKind::Network, "app.view.network", network_layout, cmd::pin_network,
                               &Person::network_pin, add_contact_at};
    return spec;
}

}  // namespace kring::app
