#include "diagram_view.hpp"

#include "quick_actions.hpp"
#include "theme.hpp"

#include "layouts/legend.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace kring::app {

namespace {

float dist(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
constexpr float kDragThreshold = 4.0f;

}  // namespace

const LayoutResult& DiagramView::layout(const App& app) {
    const bool notes = !app.together;
    if (!cache_valid_ || cache_rev_ != app.doc.revision() || cache_lang_ != app.lang || cache_notes_ != notes ||
        cache_generation_ != app.generation) {
        const auto t0 = std::chrono::steady_clock::now();
        cached_ = spec_.layout(app.doc, app.lang, notes);
        layout_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        cache_valid_ = true;
        cache_rev_ = app.doc.revision();
        cache_lang_ = app.lang;
        cache_notes_ = notes;
        cache_generation_ = app.generation;
    }
    return cached_;
}

std::optional<ImVec2> DiagramView::screen_of(const App& app, PersonId p) {
    const Symbol* s = shown(app).symbol_of(p);
    if (!s) return std::nullopt;
    return t_.to_screen(s->center);
}

std::optional<ImVec2> DiagramView::handle_of(const App& app, PersonId p) {
    const Symbol* s = shown(app).symbol_of(p);
    if (!s) return std::nullopt;
    const ImVec2 c = t_.to_screen(s->center);
    const float gap = app.px(app.together ? 22.0f : 16.0f) + (s->index_person ? 4.0f * static_cast<float>(t_.zoom) : 0.0f);
    return ImVec2{c.x + static_cast<float>(s->w * t_.zoom) / 2 + gap, c.y};
}

void DiagramView::center_on(const App& app, PersonId p) {
    const Symbol* s = layout(app).symbol_of(p);
    if (!s) return;
    if (t_.zoom < 0.6) t_.zoom = 1.0;
    t_.ox = (min_.x + max_.x) / 2.0 - s->center.x * t_.zoom;
    t_.oy = (min_.y + max_.y) / 2.0 - s->center.y * t_.zoom;
    fit_pending_ = false;
}

void DiagramView::zoom_by(double factor) { t_.zoom_at({(min_.x + max_.x) / 2, (min_.y + max_.y) / 2}, factor); }

void DiagramView::update_preview(App& app) {
    if (!drag_pin_) return;
    const double dx = drag_pin_->x - press_center_.x, dy = drag_pin_->y - press_center_.y;
    if (layout_ms_ > 12.0) {
        // Large case: a full layout per mouse move would drop frames. Slide the moved
        // symbols and their captions; the real layout follows on release.
        LayoutResult quick = layout(app);
        std::set<PersonId> ids;
        for (const auto& m : moving_) ids.insert(m.first);
        for (Symbol& sym : quick.symbols)
            if (ids.count(sym.person)) sym.center = {sym.center.x + dx, sym.center.y + dy};
        for (Label& l : quick.labels)
            if (ids.count(l.person)) l.pos = {l.pos.x + dx, l.pos.y + dy};
        preview_ = std::move(quick);
        return;
    }
    Case tmp = app.doc;
    for (const auto& [id, from] : moving_) {
        const Person* p = app.doc.person(id);
        if (!p) continue;
        Person moved = *p;
        moved.*(spec_.pin_field) = Pin{from.x + dx, from.y + dy};
        tmp.put(std::move(moved));
    }
    preview_ = spec_.layout(tmp, app.lang, !app.together);
}

std::optional<DiagramView::MiniMap> DiagramView::minimap(App& app) {
    const Rect b = layout(app).bounds;
    if (b.empty() || b.width() <= 0 || b.height() <= 0) return std::nullopt;
    // Shown only while part of the drawing is outside the view.
    const ImVec2 a = t_.to_screen({b.x0, b.y0}), z = t_.to_screen({b.x1, b.y1});
    const float iw = std::max(0.0f, std::min(z.x, max_.x) - std::max(a.x, min_.x));
    const float ih = std::max(0.0f, std::min(z.y, max_.y) - std::max(a.y, min_.y));
    const float whole = std::max(1.0f, (z.x - a.x) * (z.y - a.y));
    if (iw * ih / whole > 0.85f) return std::nullopt;  // (nearly) all of it is in view
    const float max_w = std::min(app.px(220.0f), (max_.x - min_.x) * 0.25f),
                max_h = std::min(app.px(150.0f), (max_.y - min_.y) * 0.25f);
    if (max_w < 60 || max_h < 40) return std::nullopt;
    const double scale = std::min(max_w / b.width(), max_h / b.height());
    const float w = static_cast<float>(b.width() * scale), h = static_cast<float>(b.height() * scale);
    const ImVec2 hi{max_.x - 14, max_.y - 14};
    return MiniMap{{hi.x - w, hi.y - h}, hi, scale, b};
}

void DiagramView::draw_minimap(App& app, ImDrawList* dl) {
    const auto mm = minimap(app);
    if (!mm) return;
    const float pad = 6;
    dl->AddRectFilled({mm->min.x - pad + 1, mm->min.y - pad + 2}, {mm->max.x + pad + 1, mm->max.y + pad + 2},
                      theme::kShadow, 6);
    dl->AddRectFilled({mm->min.x - pad, mm->min.y - pad}, {mm->max.x + pad, mm->max.y + pad}, theme::kPanel, 6);
    dl->AddRect({mm->min.x - pad, mm->min.y - pad}, {mm->max.x + pad, mm->max.y + pad}, theme::kBorder, 6);
    const auto to_mini = [&](Point p) {
        return ImVec2{mm->min.x + static_cast<float>((p.x - mm->world.x0) * mm->scale),
                      mm->min.y + static_cast<float>((p.y - mm->world.y0) * mm->scale)};
    };
    const LayoutResult& lay = layout(app);
    for (const Symbol& s : lay.symbols) {
        const ImVec2 c = to_mini(s.center);
        const float r = std::max(1.2f, static_cast<float>(s.w * mm->scale / 2));
        const bool sel = s.person && (s.person == app.selected || app.multi.count(s.person));
        dl->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, sel ? theme::kAccent : theme::kMutedText);
    }
    // The part that is on screen.
    ImVec2 a = to_mini(t_.to_world(min_)), z = to_mini(t_.to_world(max_));
    a = {std::max(a.x, mm->min.x - pad), std::max(a.y, mm->min.y - pad)};
    z = {std::min(z.x, mm->max.x + pad), std::min(z.y, mm->max.y + pad)};
    if (z.x > a.x && z.y > a.y) {
        dl->AddRectFilled(a, z, (theme::kAccent & ~IM_COL32_A_MASK) | (40u << IM_COL32_A_SHIFT), 2);
        dl->AddRect(a, z, theme::kAccent, 2, ImDrawFlags_None, 1.5f);
    }
    app.ui_rects["minimap-" + std::string(spec_.kind == ViewKind::Genogram ? "genogram" : "network")] = {mm->min, mm->max};
}

void DiagramView::handle_mouse(App& app, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    const LayoutResult& lay = shown(app);
    const Point mouse_world = t_.to_world(io.MousePos);

    hover_person_ = PersonId();
    handle_hovered_ = false;
    if (hovered && gesture_ == Gesture::None && app.selected) {
        if (auto h = handle_of(app, app.selected); h && dist(*h, io.MousePos) <= app.px(app.together ? 15.0f : 10.0f))
            handle_hovered_ = true;
    }
    if ((hovered || gesture_ != Gesture::None) && contains(io.MousePos) && !handle_hovered_) {
        if (const Symbol* s = lay.hit(mouse_world); s && s->person) hover_person_ = s->person;
    }

    const bool space = ImGui::IsKeyDown(GLFW_KEY_SPACE) && !io.WantTextInput;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        app.active_view = this;
        press_screen_ = io.MousePos;
        const auto mm = minimap(app);
        if (mm && io.MousePos.x >= mm->min.x - 6 && io.MousePos.y >= mm->min.y - 6 && io.MousePos.x <= mm->max.x + 6 &&
            io.MousePos.y <= mm->max.y + 6) {
            gesture_ = Gesture::Minimap;
        } else if (space) {
            gesture_ = Gesture::Pan;
        } else if (handle_hovered_) {
            gesture_ = Gesture::Relation;
            press_person_ = app.selected;
        } else if (hover_person_ && io.KeyShift) {
            // Shift+click adds a person to the box selection or takes it out.
            if (app.multi.empty() && app.selected) app.multi.insert(app.selected);
            if (app.multi.erase(hover_person_) == 0) app.multi.insert(hover_person_);
            app.select(app.multi.empty() ? PersonId() : hover_person_);
            if (app.multi.count(hover_person_) == 0 && !app.multi.empty()) app.select(*app.multi.begin());
        } else if (hover_person_) {
            gesture_ = Gesture::Press;
            press_person_ = hover_person_;
            press_center_ = lay.symbol_of(hover_person_)->center;
            if (!app.multi.count(hover_person_)) app.multi.clear();
            app.select(hover_person_);
            moving_.clear();
            if (app.multi.size() > 1) {
                for (PersonId id : app.multi)
                    if (const Symbol* sym = lay.symbol_of(id)) moving_.emplace_back(id, sym->center);
            } else {
                moving_.emplace_back(hover_person_, press_center_);
            }
        } else if (io.KeyShift) {
            gesture_ = Gesture::Box;
        } else {
            gesture_ = Gesture::PanEmpty;
        }
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) {
        app.active_view = this;
        gesture_ = Gesture::Pan;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        app.active_view = this;
        if (hover_person_) {
            app.select(hover_person_);
            ImGui::OpenPopup("##person-menu");
        } else if (spec_.kind == ViewKind::Genogram) {
            ImGui::OpenPopup("##canvas-menu");
        }
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hover_person_) {
        gesture_ = Gesture::None;
        start_rename(app, hover_person_, spec_.kind);
    } else if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !handle_hovered_ && spec_.add_at) {
        gesture_ = Gesture::None;
        spec_.add_at(app, lay, mouse_world);
    }

    switch (gesture_) {
        case Gesture::Press:
            if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && dist(io.MousePos, press_screen_) > kDragThreshold)
                gesture_ = Gesture::Move;
            break;
        case Gesture::Move: {
            const Pin pin{press_center_.x + (io.MousePos.x - press_screen_.x) / t_.zoom,
                          press_center_.y + (io.MousePos.y - press_screen_.y) / t_.zoom};
            if (!drag_pin_ || !(*drag_pin_ == pin)) {
                drag_pin_ = pin;
                update_preview(app);
            }
            break;
        }
        case Gesture::Pan:
        case Gesture::PanEmpty:
            if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
                t_.ox += io.MouseDelta.x;
                t_.oy += io.MouseDelta.y;
            }
            break;
        case Gesture::Relation:
            relation_target_ = hover_person_ != press_person_ ? hover_person_ : PersonId();
            break;
        case Gesture::Minimap:
            if (const auto mm = minimap(app); mm && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                const Point w{mm->world.x0 + (io.MousePos.x - mm->min.x) / mm->scale,
                              mm->world.y0 + (io.MousePos.y - mm->min.y) / mm->scale};
                const ImVec2 c = centre();
                t_.ox = c.x - w.x * t_.zoom;
                t_.oy = c.y - w.y * t_.zoom;
                fit_pending_ = false;
            }
            break;
        case Gesture::Box: break;
        case Gesture::None: break;
    }

    const bool released = !ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseDown(ImGuiMouseButton_Middle);
    if (gesture_ != Gesture::None && released) {
        if (gesture_ == Gesture::Move && drag_pin_) {
            const double dx = drag_pin_->x - press_center_.x, dy = drag_pin_->y - press_center_.y;
            if (moving_.size() == 1) {
                app.execute(spec_.pin(app.doc, press_person_, *drag_pin_));
            } else {
                std::vector<Command> parts;
                for (const auto& [id, from] : moving_) parts.push_back(spec_.pin(app.doc, id, Pin{from.x + dx, from.y + dy}));
                app.execute(cmd::combine("move persons", std::move(parts)));
            }
        } else if (gesture_ == Gesture::Box) {
            const Point a = t_.to_world(press_screen_), b = t_.to_world(io.MousePos);
            const Rect box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
            app.multi.clear();
            for (const Symbol& sym : lay.symbols)
                if (sym.person && sym.center.x >= box.x0 && sym.center.x <= box.x1 && sym.center.y >= box.y0 &&
                    sym.center.y <= box.y1)
                    app.multi.insert(sym.person);
            app.select(app.multi.empty() ? PersonId() : *app.multi.begin());
            if (app.multi.size() < 2) app.multi.clear();
        } else if (gesture_ == Gesture::PanEmpty && dist(io.MousePos, press_screen_) <= kDragThreshold) {
            app.multi.clear();
            app.select(PersonId());
        } else if (gesture_ == Gesture::Relation && relation_target_) {
            app.relation_draft = {press_person_, relation_target_, io.MousePos, true};
        }
        gesture_ = Gesture::None;
        drag_pin_.reset();
        preview_.reset();
        relation_target_ = PersonId();
    }

    if (hovered && io.MouseWheel != 0.0f) {
        t_.zoom_at(io.MousePos, std::pow(1.15, static_cast<double>(io.MouseWheel)));
        fit_pending_ = false;
    }
}

void DiagramView::keys(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    const float step = 60.0f;
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) t_.ox += step;
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) t_.ox -= step;
    if (ImGui::IsKeyPressed(GLFW_KEY_UP)) t_.oy += step;
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) t_.oy -= step;
    if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) request_fit();
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) zoom_by(1.2);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) zoom_by(1 / 1.2);
    (void)app;
}

const LayoutResult* DiagramView::legend(App& app) {
    const LayoutResult& lay = layout(app);
    if (lay.legend.empty()) return nullptr;
    if (!legend_valid_ || legend_keys_ != lay.legend || legend_lang_ != app.lang) {
        legend_ = layout_legend(lay.legend, app.lang);
        legend_.compute_bounds(0);
        legend_keys_ = lay.legend;
        legend_lang_ = app.lang;
        legend_valid_ = true;
    }
    const Rect b = legend_.bounds;
    if (b.empty() || b.width() <= 0 || b.height() <= 0) return nullptr;
    return &legend_;
}

// Scale and on-screen size of the legend box for the current canvas size.
std::pair<double, ImVec2> DiagramView::legend_box(App& app) {
    const LayoutResult* lg = legend(app);
    if (!lg) return {0.0, ImVec2{0, 0}};
    const Rect b = lg->bounds;
    const float pad = 12.0f;
    const float max_w = std::min(app.px(300.0f), (max_.x - min_.x) * 0.26f);
    const float max_h = (max_.y - min_.y) * (app.mode == ViewMode::Both ? 0.42f : 0.6f);
    const double base = app.ui_scale * (app.together ? 1.5 : app.mode == ViewMode::Both ? 0.95 : 1.15);
    const double s = std::min({base, max_w / b.width(), max_h / b.height()});
    return {s, ImVec2{static_cast<float>(b.width() * s) + 2 * pad, static_cast<float>(b.height() * s) + 2 * pad}};
}

float DiagramView::label_px(const App& app) const {
    return app.px(spec_.kind == ViewKind::Network ? (app.together ? 13.0f : 10.5f) : (app.together ? 12.0f : 9.0f));
}

float DiagramView::label_boost(const App& app) const {
    return app.mode == ViewMode::Both ? 1.6f : DrawOptions{}.max_label_boost;  // half a window: less room for captions
}

double DiagramView::readable_zoom(const App& app) const {
    // A typical 8 pt caption at label_px with little enlargement: enlarged the most
    // (label_boost), neighbours' names ran into each other.
    return label_px(app) / (8.0 * std::min(1.25f, label_boost(app)));
}

void DiagramView::fit_now(App& app) {
    fit_whole(app);
    if (whole_) return;
    // Whole while its captions, enlarged as far as they may be, are at least half their
    // readable size, or its symbols still clearly shapes (a small case in a small window
    // on a high-DPI screen shows everyone): not a tree of hundreds fitted at a few percent.
    const LayoutResult& lay = layout(app);
    std::vector<double> widths;
    for (const Symbol& s : lay.symbols) widths.push_back(s.w);
    if (widths.empty()) return;
    std::nth_element(widths.begin(), widths.begin() + static_cast<long>(widths.size() / 2), widths.end());
    const double symbol_px = widths[widths.size() / 2] * t_.zoom;
    if (8.0 * t_.zoom * label_boost(app) >= 0.5 * label_px(app) || symbol_px >= 16.0) return;
    const Rect b = lay.bounds;
    // Around the index person, else the person nearest the middle of the drawing.
    const Point mid{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
    const Symbol* focus = nullptr;
    if (const auto idx = app.doc.index_person()) focus = lay.symbol_of(*idx);
    if (!focus) {
        double best = 1e300;
        for (const Symbol& s : lay.symbols)
            if (const double d = std::hypot(s.center.x - mid.x, s.center.y - mid.y); s.person && d < best) best = d, focus = &s;
    }
    const Point at = focus ? focus->center : mid;
    const double z = readable_zoom(app);
    t_.zoom = z;
    // Centred there, but the drawing kept over the whole view along an axis where it is
    // larger than the view (no blank beyond its edge), else centred along that axis.
    const auto place = [&](double lo, double hi, double b0, double b1, double focus_at) {
        const double margin = app.px(24.0f);
        if ((b1 - b0) * z <= hi - lo - 2 * margin) return (lo + hi) / 2 - (b0 + b1) / 2 * z;
        return std::clamp((lo + hi) / 2 - focus_at * z, hi - margin - b1 * z, lo + margin - b0 * z);
    };
    t_.ox = place(min_.x, max_.x, b.x0, b.x1, at.x);
    t_.oy = place(min_.y, max_.y, b.y0, b.y1, at.y);
}

void DiagramView::fit_whole(App& app) {
    const float margin = app.px(app.together ? 48.0f : 32.0f);
    const double max_zoom = app.ui_scale * (app.together ? 4.0 : 2.0);
    const Rect bounds = layout(app).bounds;
    t_.fit(bounds, min_, max_, margin, max_zoom);
    if (!app.show_legend) return;
    // Keep the drawing clear of the legend box (bottom-left): beside it or above it,
    // whichever leaves the drawing larger.
    const ImVec2 box = legend_box(app).second;
    if (box.x <= 0) return;
    ViewTransform beside, above;
    beside.fit(bounds, {min_.x + box.x + 14, min_.y}, max_, margin, max_zoom);
    above.fit(bounds, min_, {max_.x, max_.y - box.y - 14}, margin, max_zoom);
    t_ = beside.zoom >= above.zoom ? beside : above;
}

void DiagramView::draw_legend(App& app, ImDrawList* dl) {
    const LayoutResult* lg = legend(app);
    if (!lg) return;
    const auto [s, size] = legend_box(app);
    const Rect b = lg->bounds;
    const float pad = 12.0f;
    const ImVec2 a{min_.x + 14, max_.y - 14 - size.y};
    dl->AddRectFilled({a.x + 1, a.y + 2}, {a.x + size.x + 1, a.y + size.y + 2}, theme::kShadow, 8);
    dl->AddRectFilled(a, {a.x + size.x, a.y + size.y}, theme::kPanel, 8);
    dl->AddRect(a, {a.x + size.x, a.y + size.y}, theme::kBorder, 8);
    ViewTransform lt;
    lt.zoom = s;
    lt.ox = a.x + pad - b.x0 * s;
    lt.oy = a.y + pad - b.y0 * s;
    DrawOptions o;
    o.hide_professional = app.together;
    dl->PushClipRect(a, {a.x + size.x, a.y + size.y}, true);
    draw_layout(dl, *lg, lt, app.fonts, o);
    dl->PopClipRect();
}

void DiagramView::draw_overlays(App& app, ImDrawList* dl) {
    ImGuiIO& io = ImGui::GetIO();
    const LayoutResult& lay = shown(app);
    if (lay.symbols.empty()) {
        const std::string hint(app.t("app.canvas.empty"));
        draw_text(dl, app.fonts, hint, {(min_.x + max_.x) / 2, (min_.y + max_.y) / 2}, app.px(15.0f), Align::Center, false,
                  theme::kMutedText);
    }
    if (app.mode == ViewMode::Both) {
        draw_text(dl, app.fonts, std::string(app.t(spec_.title_key)), {min_.x + 16, min_.y + 18}, app.px(13.0f), Align::Left,
                  true, theme::kMutedText);
    }
    // The handle to draw a relation from the selected person.
    if (app.selected && gesture_ != Gesture::Move && !app.rename) {
        if (auto h = handle_of(app, app.selected)) {
            const float r = app.px(app.together ? 11.0f : 7.5f);
            const bool hot = handle_hovered_ || gesture_ == Gesture::Relation;
            dl->AddCircleFilled(*h, r, hot ? theme::kAccent : IM_COL32_WHITE, 24);
            dl->AddCircle(*h, r, theme::kAccent, 24, 2.0f);
            const ImU32 ink = hot ? IM_COL32_WHITE : theme::kAccent;
            dl->AddLine({h->x - r * 0.5f, h->y}, {h->x + r * 0.5f, h->y}, ink, 2.0f);
            dl->AddLine({h->x, h->y - r * 0.5f}, {h->x, h->y + r * 0.5f}, ink, 2.0f);
            if (handle_hovered_ && gesture_ == Gesture::None) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(app.t("app.relation.handle_tip").data());
                ImGui::EndTooltip();
            }
        }
    }
    // The relation being drawn: a dashed line from the source to the mouse or target.
    if (gesture_ == Gesture::Relation) {
        if (auto from = screen_of(app, press_person_)) {
            ImVec2 to = io.MousePos;
            if (relation_target_)
                if (auto tt = screen_of(app, relation_target_)) to = *tt;
            const float d = dist(*from, to);
            const int n = std::max(1, static_cast<int>(d / 10));
            for (int i = 0; i < n; i += 2) {
                const float a = static_cast<float>(i) / static_cast<float>(n);
                const float b = std::min(1.0f, static_cast<float>(i + 1) / static_cast<float>(n));
                dl->AddLine({from->x + (to.x - from->x) * a, from->y + (to.y - from->y) * a},
                            {from->x + (to.x - from->x) * b, from->y + (to.y - from->y) * b}, theme::kAccent, 2.5f);
            }
            dl->AddCircleFilled(to, 5.0f, relation_target_ ? theme::kGreen : theme::kAccent, 16);
        }
    }
    if (spec_.add_at && !lay.symbols.empty() && !app.rename && app.mode != ViewMode::Both) {
        draw_text(dl, app.fonts, std::string(app.t("app.network.add_here")), {(min_.x + max_.x) / 2, max_.y - app.px(16.0f)},
                  app.px(app.together ? 15.0f : 11.5f), Align::Center, false, theme::kMutedText);
    }
    if (gesture_ == Gesture::Box) {
        const ImVec2 a{std::min(press_screen_.x, io.MousePos.x), std::min(press_screen_.y, io.MousePos.y)};
        const ImVec2 b{std::max(press_screen_.x, io.MousePos.x), std::max(press_screen_.y, io.MousePos.y)};
        dl->AddRectFilled(a, b, (theme::kAccent & ~IM_COL32_A_MASK) | (28u << IM_COL32_A_SHIFT));
        dl->AddRect(a, b, theme::kAccent, 0, ImDrawFlags_None, 1.5f);
    }
    if (app.show_legend) draw_legend(app, dl);
    draw_minimap(app, dl);
}

void DiagramView::frame(App& app, ImVec2 pos, ImVec2 size) {
    min_ = pos;
    max_ = {pos.x + size.x, pos.y + size.y};
    const std::string id = std::string("##view-") + (spec_.kind == ViewKind::Genogram ? "genogram" : "network");
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::kCanvas);
    ImGui::Begin(id.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    // A panel opened or closed, or the window changed size: fit the drawing again.
    if (std::abs(size.x - last_size_.x) > 1 || std::abs(size.y - last_size_.y) > 1) fit_pending_ = true;
    last_size_ = size;
    if (fit_pending_ && size.x > 10 && size.y > 10) {
        fit_now(app);
        fit_pending_ = false;
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##canvas", {std::max(1.0f, size.x), std::max(1.0f, size.y)},
                           ImGuiButtonFlags_MouseButtonMask_);
    const bool hovered = ImGui::IsItemHovered();
    handle_mouse(app, hovered);
    if (hovered && gesture_ == Gesture::None && hover_person_) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (gesture_ == Gesture::Move || gesture_ == Gesture::Pan ||
        (gesture_ == Gesture::PanEmpty && dist(ImGui::GetIO().MousePos, press_screen_) > kDragThreshold))
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(min_, max_, true);
    DrawOptions o;
    o.hide_professional = app.together;
    o.highlight = {app.selected, hover_person_, relation_target_, &app.multi};
    o.record = app.record_drawn;
    o.min_label_px = label_px(app);
    o.max_label_boost = label_boost(app);
    stats_ = draw_layout(dl, shown(app), t_, app.fonts, o);
    draw_overlays(app, dl);
    dl->PopClipRect();

    draw_person_menu(app);
    draw_canvas_menu(app);
    ImGui::End();

    if (spec_.kind == ViewKind::Genogram && gesture_ == Gesture::None && !shown(app).symbols.empty())
        draw_tidy_button(app, {max_.x, min_.y});

    if (gesture_ == Gesture::None) draw_quick_bar(app, *this);
    draw_rename(app, *this);
}

}  // namespace kring::app
