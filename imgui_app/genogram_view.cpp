// The genogram view: layout_genogram on the canvas, pins in genogram coordinates.
#include "diagram_view.hpp"

#include "layouts/genogram.hpp"

namespace kring::app {

namespace {

LayoutResult genogram_layout(const Case& c, Lang lang, bool show_notes) {
    GenogramOptions opt;
    opt.lang = lang;
    opt.show_notes = show_notes;
    return layout_genogram(c, opt);
}

}  // namespace

const ViewSpec& genogram_spec() {
    static const ViewSpec spec{ViewKind::Genogram, "app.view.genogram", genogram_layout, cmd::pin_genogram,
                               &Person::genogram_pin};
    return spec;
}

}  // namespace kring::app
