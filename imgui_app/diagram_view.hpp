// One interactive diagram (genogram or network map) on a pan/zoom canvas: draws the
// layout, selects, drags persons (pins), draws relations by dragging from the handle,
// and opens in-place renaming on double-click. What differs per view (which layout,
// which pin) comes from a ViewSpec (genogram_view.cpp, network_view.cpp).
#pragma once

#include "app_state.hpp"
#include "canvas.hpp"

#include "layouts/layout_result.hpp"

#include <optional>
#include <set>
#include <string>

namespace kring::app {

struct ViewSpec {
    ViewKind kind;
    const char* title_key;  // translation key of the view's name
    LayoutResult (*layout)(const Case& c, Lang lang, bool show_notes);
    Command (*pin)(const Case& c, PersonId id, std::optional<Pin> pin);
    std::optional<Pin> Person::*pin_field;
    // Double-click on an empty spot (nullptr: nothing): the network map adds a contact
    // in the sector and ring under the mouse.
    void (*add_at)(App& app, const LayoutResult& lay, Point where) = nullptr;
};

// The sector and ring (1..3) of the network map under a layout point, reconstructed from
// the drawn rings and sector borders; nullopt outside the map or on the focus.
struct NetworkCell {
    int sector = 0;  // Sector order of layouts/network_map.hpp
    int ring = 1;
};
[[nodiscard]] std::optional<NetworkCell> network_cell_at(const LayoutResult& lay, const Case& c, Point where);

const ViewSpec& genogram_spec();
const ViewSpec& network_spec();

class DiagramView {
public:
    explicit DiagramView(const ViewSpec& spec) : spec_(spec) {}

    [[nodiscard]] const ViewSpec& spec() const { return spec_; }
    // The current layout of the case (cached per revision, language and notes setting).
    const LayoutResult& layout(const App& app);
    // The layout as drawn this frame (the drag preview while a person is being moved).
    const LayoutResult& shown(const App& app) { return preview_ ? *preview_ : layout(app); }

    // Draws the view into the screen rectangle and handles its mouse input.
    void frame(App& app, ImVec2 pos, ImVec2 size);
    // Keyboard navigation (arrows, F, +/-); called for the active view.
    void keys(App& app);

    // The whole drawing in the view (F, the fit button).
    void request_fit() { fit_pending_ = true, whole_ = true; }
    // The view a case opens with: the whole drawing while its captions stay readable there;
    // a drawing too large for that (an imported genealogy of thousands) opens at the
    // smallest readable zoom around the index person instead, the minimap showing the rest.
    void request_open() { fit_pending_ = true, whole_ = false; }
    // Fitted again as it was last asked for (the window, the panels or the view mode changed).
    void refit() { fit_pending_ = true; }
    void center_on(const App& app, PersonId p);
    void zoom_by(double factor);
    [[nodiscard]] std::optional<ImVec2> screen_of(const App& app, PersonId p);
    [[nodiscard]] std::optional<ImVec2> handle_of(const App& app, PersonId p);
    [[nodiscard]] const DrawStats& stats() const { return stats_; }
    [[nodiscard]] const ViewTransform& transform() const { return t_; }
    [[nodiscard]] ImVec2 centre() const { return {(min_.x + max_.x) / 2, (min_.y + max_.y) / 2}; }
    [[nodiscard]] bool contains(ImVec2 s) const {
        return s.x >= min_.x && s.y >= min_.y && s.x < max_.x && s.y < max_.y;
    }

private:
    enum class Gesture { None, Press, Move, Pan, PanEmpty, Relation, Box, Minimap };

    void handle_mouse(App& app, bool hovered);
    void draw_overlays(App& app, ImDrawList* dl);
    void draw_legend(App& app, ImDrawList* dl);
    const LayoutResult* legend(App& app);
    std::pair<double, ImVec2> legend_box(App& app);
    void fit_now(App& app);
    void fit_whole(App& app);
    // Captions drawn this small are enlarged up to label_boost times (see DrawOptions).
    [[nodiscard]] float label_px(const App& app) const;
    [[nodiscard]] float label_boost(const App& app) const;
    // The smallest zoom at which captions are drawn at label_px, hardly enlarged.
    [[nodiscard]] double readable_zoom(const App& app) const;
    // Minimap (bottom right) while the drawing does not fit the view: its screen
    // rectangle and the scale from layout points; nullopt when hidden.
    struct MiniMap {
        ImVec2 min, max;
        double scale;
        Rect world;
    };
    std::optional<MiniMap> minimap(App& app);
    void draw_minimap(App& app, ImDrawList* dl);
    void update_preview(App& app);

    const ViewSpec& spec_;
    ViewTransform t_;
    bool fit_pending_ = true;
    bool whole_ = false;  // the last fit asked for the whole drawing (else the opening view)
    ImVec2 min_{0, 0}, max_{0, 0};
    ImVec2 last_size_{0, 0};
    DrawStats stats_;

    // layout cache
    LayoutResult cached_;
    bool cache_valid_ = false;
    std::uint64_t cache_rev_ = 0;
    Lang cache_lang_ = Lang::Nl;
    bool cache_notes_ = true;
    std::uint64_t cache_generation_ = 0;
    double layout_ms_ = 0;  // how long the last layout took (large cases get a cheap drag preview)
    // legend cache
    LayoutResult legend_;
    std::set<std::string> legend_keys_;
    Lang legend_lang_ = Lang::Nl;
    bool legend_valid_ = false;

    // gesture state
    Gesture gesture_ = Gesture::None;
    PersonId press_person_;
    ImVec2 press_screen_{0, 0};
    Point press_center_;
    PersonId hover_person_;
    PersonId relation_target_;
    std::optional<Pin> drag_pin_;
    std::vector<std::pair<PersonId, Point>> moving_;  // persons moved together (box selection)
    std::optional<LayoutResult> preview_;
    bool handle_hovered_ = false;
};

}  // namespace kring::app
