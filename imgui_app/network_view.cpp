// The network map view (netwerkkaart): layout_network around the index person, pins in
// network-map coordinates.
#include "diagram_view.hpp"

#include "layouts/network_map.hpp"

namespace kring::app {

namespace {

LayoutResult network_layout(const Case& c, Lang lang, bool show_notes) {
    NetworkOptions opt;
    opt.lang = lang;
    opt.show_notes = show_notes;
    return layout_network(c, opt);
}

}  // namespace

const ViewSpec& network_spec() {
    static const ViewSpec spec{ViewKind::Network, "app.view.network", network_layout, cmd::pin_network,
                               &Person::network_pin};
    return spec;
}

}  // namespace kring::app
