#include "quick_actions.hpp"

#include "diagram_view.hpp"
#include "theme.hpp"

#include "core/enums.hpp"
#include "layouts/genogram.hpp"

#include <imgui_stdlib.h>

#include <GLFW/glfw3.h>

#include <string>
#include <utility>

namespace kring::app {

namespace {

Sex opposite(Sex s) { return s == Sex::Male ? Sex::Female : s == Sex::Female ? Sex::Male : Sex::Unknown; }

// A new relative who lives where `base` lives and belongs to the same circle.
Person relative_of(const Person& base, Sex sex) {
    Person p;
    p.sex = sex;
    p.category = base.category == Category::Professional ? Category::Family : base.category;
    p.household = base.household;
    return p;
}

PersonId current_partner(const Case& c, PersonId p) {
    const auto ps = c.partnerships_of(p);
    for (auto it = ps.rbegin(); it != ps.rend(); ++it)
        if (!is_ended((*it)->partner)) return (*it)->other(p);
    return PersonId();
}

template <class E>
std::string enum_text(const App& app, const char* prefix, E e) {
    return std::string(app.t(std::string(prefix) + "." + std::string(to_string(e))));
}

bool big_button(const App& app, const char* label, const char* id) {
    const bool pressed = ImGui::Button(label);
    const_cast<App&>(app).mark(id);
    return pressed;
}

// The red "delete" and the "cancel" button under a delete confirmation; marks the buttons
// as MARK-confirm and MARK-cancel for scripted tests. Escape counts as cancel.
std::pair<bool, bool> delete_buttons(App& app, const char* mark) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(IM_COL32(205, 50, 50, 255)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool yes = ImGui::Button(app.t("app.delete.confirm").data());
    app.mark(std::string(mark) + "-confirm");
    ImGui::PopStyleColor(3);
    ImGui::SameLine();
    const bool no = ImGui::Button(app.t("app.cancel").data()) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    app.mark(std::string(mark) + "-cancel");
    return {yes, no};
}

}  // namespace

std::string describe_relation(const App& app, const Relation& r, PersonId from) {
    const std::string other = person_name(app, r.other(from));
    switch (r.kind) {
        case RelationKind::Partner: return enum_text(app, "status", r.partner) + ": " + other;
        case RelationKind::ParentChild:
            return std::string(app.t(r.a == from ? "app.rel.parent_of" : "app.rel.child_of")) + " " + other;
        case RelationKind::Twin: return std::string(app.t("relation.twin")) + ": " + other;
        case RelationKind::Emotional: return enum_text(app, "emotion", r.emotion) + ": " + other;
        case RelationKind::Support:
            return std::string(app.t("relation.support")) + " (" + enum_text(app, "support", r.support) + "): " + other;
        case RelationKind::Contact:
            return std::string(app.t("relation.contact")) + " (" + enum_text(app, "frequency", r.frequency) + "): " +
                   other;
    }
    return other;
}

void start_rename(App& app, PersonId p, ViewKind view) {
    const Person* person = app.doc.person(p);
    if (!person) return;
    std::string text = person->given;
    if (!person->family.empty()) text += (text.empty() ? "" : " ") + person->family;
    app.rename = RenameState{p, view, text, true};
}

void quick_add(App& app, PersonId of, QuickAdd what) {
    Case& c = app.doc;
    const Person* base_ptr = c.person(of);
    if (!base_ptr) return;
    const Person base = *base_ptr;
    PersonId created;
    Command command;
    switch (what) {
        case QuickAdd::Partner:
            command = cmd::add_partner(c, of, relative_of(base, opposite(base.sex)), PartnerStatus::Married, &created);
            break;
        case QuickAdd::Child: {
            const PersonId other = current_partner(c, of);
            command = cmd::add_child(c, of, other ? std::optional(other) : std::nullopt,
                                     relative_of(base, Sex::Unknown), ParentKind::Biological, &created);
            break;
        }
        case QuickAdd::Parent: {
            const auto parents = c.parents_of(of);
            if (parents.size() >= 2) {
                app.say(std::string(app.t("app.quick.two_parents")), true);
                return;
            }
            Person parent = relative_of(base, Sex::Unknown);
            parent.category = base.category == Category::Household ? Category::Family : parent.category;
            parent.household = HouseholdId();
            if (parents.size() == 1) parent.sex = opposite(c.person(parents[0])->sex);
            command = cmd::add_parent(c, of, parent, &created);
            if (parents.size() == 1 && !current_partner(c, parents[0])) {
                Relation r;
                r.kind = RelationKind::Partner;
                r.a = parents[0];
                r.b = created;
                command = cmd::combine("add parent", {std::move(command), cmd::add_relation(c, r)});
            }
            break;
        }
        case QuickAdd::Sibling:
        case QuickAdd::Twin: {
            const auto parents = c.parents_of(of);
            if (parents.empty()) {
                app.say(std::string(app.t("app.quick.need_parent")), true);
                return;
            }
            Person sib = relative_of(base, Sex::Unknown);
            if (what == QuickAdd::Twin) sib.birth = base.birth;
            command = cmd::add_child(c, parents[0], parents.size() > 1 ? std::optional(parents[1]) : std::nullopt, sib,
                                     ParentKind::Biological, &created);
            if (what == QuickAdd::Twin) {
                Relation r;
                r.kind = RelationKind::Twin;
                r.a = of;
                r.b = created;
                command = cmd::combine("add twin", {std::move(command), cmd::add_relation(c, r)});
            } else {
                command.label = "add sibling";
            }
            break;
        }
    }
    if (app.execute(std::move(command)) && created) {
        app.select(created);
        start_rename(app, created, app.active_view ? app.active_view->spec().kind : ViewKind::Genogram);
    }
}

void add_relation_from_palette(App& app, PersonId a, PersonId b, RelationChoice choice) {
    Relation r;
    r.a = a;
    r.b = b;
    switch (choice) {
        case RelationChoice::Partner: r.kind = RelationKind::Partner; break;
        case RelationChoice::ParentOf: r.kind = RelationKind::ParentChild; break;
        case RelationChoice::ChildOf:
            r.kind = RelationKind::ParentChild;
            std::swap(r.a, r.b);
            break;
        case RelationChoice::Emotional: r.kind = RelationKind::Emotional; break;
        case RelationChoice::Support:
            r.kind = RelationKind::Support;
            r.direction = Direction::Gives;
            break;
        case RelationChoice::Contact: r.kind = RelationKind::Contact; break;
        case RelationChoice::Risk: {
            // A risky contact: a contact with worries about the children, and the other
            // person flagged as a risk contact (hidden in "samen tekenen" mode).
            r.kind = RelationKind::Contact;
            r.worries = true;
            Command add = cmd::add_relation(app.doc, r);
            const Person* other = app.doc.person(b);
            if (other && !other->risk) {
                Person flagged = *other;
                flagged.risk = true;
                add = cmd::combine("add risk", {std::move(add), cmd::update_person(app.doc, flagged)});
            }
            if (app.execute(std::move(add))) app.say(std::string(app.t("app.relation.added")));
            return;
        }
    }
    if (app.execute(cmd::add_relation(app.doc, r))) app.say(std::string(app.t("app.relation.added")));
}

bool tidy_changes(App& app) {
    if (app.doc.info.genogram_order.empty()) return false;
    // Laid out once per revision of the document: the free order against the kept one.
    static std::uint64_t revision = ~0ull, generation = ~0ull;
    static bool changes = false;
    if (revision != app.doc.revision() || generation != app.generation) {
        revision = app.doc.revision();
        generation = app.generation;
        Case free = app.doc;
        free.info.genogram_order.clear();
        changes = genogram_drawn_order(free) != app.genogram->layout(app).order;
    }
    return changes;
}

void tidy_genogram(App& app) {
    CaseInfo info = app.doc.info;
    info.genogram_order.clear();
    Command c = cmd::set_info(app.doc, std::move(info));
    if (c.empty()) return;
    c.label = "tidy genogram";
    if (app.execute(std::move(c))) app.say(std::string(app.t("app.genogram.tidied")));
}

void draw_canvas_menu(App& app) {
    if (!ImGui::BeginPopup("##canvas-menu")) return;
    const bool recorded = tidy_changes(app);
    if (ImGui::MenuItem(app.t("app.genogram.tidy").data(), nullptr, false, recorded)) tidy_genogram(app);
    app.mark("tidy-genogram");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(app.px(320.0f));
        ImGui::TextUnformatted(app.t(recorded ? "app.genogram.tidy_tip" : "app.genogram.tidy_none").data());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::EndPopup();
}

void draw_tidy_button(App& app, ImVec2 corner) {
    if (app.together || app.rename || !tidy_changes(app)) return;
    ImGui::SetNextWindowPos({corner.x - 12, corner.y + 12}, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {4, 4});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##tidy-genogram", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    ImGui::PushFont(app.fonts.ui_small);
    if (ImGui::Button(app.t("app.genogram.tidy_button").data())) tidy_genogram(app);
    app.mark("tidy-genogram-button");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(app.px(320.0f));
        ImGui::TextUnformatted(app.t("app.genogram.tidy_tip").data());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);
}

void draw_person_menu(App& app) {
    if (!ImGui::BeginPopup("##person-menu")) return;
    const PersonId p = app.selected;
    if (!app.doc.person(p)) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextDisabled("%s", person_name(app, p).c_str());
    ImGui::Separator();
    if (ImGui::MenuItem(app.t("app.quick.partner").data())) quick_add(app, p, QuickAdd::Partner);
    if (ImGui::MenuItem(app.t("app.quick.child").data())) quick_add(app, p, QuickAdd::Child);
    if (ImGui::MenuItem(app.t("app.quick.parent").data())) quick_add(app, p, QuickAdd::Parent);
    if (ImGui::MenuItem(app.t("app.quick.sibling").data())) quick_add(app, p, QuickAdd::Sibling);
    if (ImGui::MenuItem(app.t("app.quick.twin").data())) quick_add(app, p, QuickAdd::Twin);
    ImGui::Separator();
    if (ImGui::MenuItem(app.t("app.quick.rename").data()))
        start_rename(app, p, app.active_view ? app.active_view->spec().kind : ViewKind::Genogram);
    if (app.active_view) {
        const Person* person = app.doc.person(p);
        const bool pinned = (person->*(app.active_view->spec().pin_field)).has_value();
        if (ImGui::MenuItem(app.t("app.quick.unpin").data(), nullptr, false, pinned))
            app.execute(app.active_view->spec().pin(app.doc, p, std::nullopt));
    }
    if (ImGui::MenuItem(app.t("app.quick.delete").data())) app.confirm_delete = p;
    ImGui::EndPopup();
}

void draw_quick_bar(App& app, DiagramView& view) {
    if (!app.selected || app.rename || app.relation_draft.open) return;
    DiagramView* owner = app.active_view ? app.active_view : app.genogram.get();
    if (app.mode == ViewMode::Genogram) owner = app.genogram.get();
    if (app.mode == ViewMode::Network) owner = app.network.get();
    if (owner != &view) return;
    const Symbol* s = view.shown(app).symbol_of(app.selected);
    if (!s) return;
    const ImVec2 c = view.transform().to_screen(s->center);
    const float top = c.y - static_cast<float>(s->h * view.transform().zoom) / 2 - (s->index_person ? 10.0f : 6.0f);
    if (!view.contains({c.x, top})) return;

    ImGui::SetNextWindowPos({c.x, top - 8}, ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, app.together ? ImVec2(10, 10) : ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {4, 4});
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, app.together ? ImVec2(14, 10) : ImVec2(8, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::Begin("##quick-bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    ImGui::PushFont(app.together ? app.fonts.ui_big : app.fonts.ui_small);
    const PersonId p = app.selected;
    if (big_button(app, app.t("app.quick.partner").data(), "quick-partner")) quick_add(app, p, QuickAdd::Partner);
    ImGui::SameLine();
    if (big_button(app, app.t("app.quick.child").data(), "quick-child")) quick_add(app, p, QuickAdd::Child);
    ImGui::SameLine();
    if (big_button(app, app.t("app.quick.parent").data(), "quick-parent")) quick_add(app, p, QuickAdd::Parent);
    ImGui::SameLine();
    if (big_button(app, app.t("app.quick.sibling").data(), "quick-sibling")) quick_add(app, p, QuickAdd::Sibling);
    if (!app.together) {
        ImGui::SameLine();
        if (big_button(app, app.t("app.quick.twin").data(), "quick-twin")) quick_add(app, p, QuickAdd::Twin);
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        if (big_button(app, app.t("app.quick.delete").data(), "quick-delete")) {
            if (app.multi.size() > 1) app.confirm_delete_many.assign(app.multi.begin(), app.multi.end());
            else app.confirm_delete = p;
        }
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(6);
}

void draw_rename(App& app, DiagramView& view) {
    if (!app.rename || app.rename->view != view.spec().kind) return;
    RenameState& rs = *app.rename;
    const Symbol* s = view.shown(app).symbol_of(rs.person);
    if (!s || !app.doc.person(rs.person)) {
        app.rename.reset();
        return;
    }
    const ImVec2 c = view.transform().to_screen(s->center);
    const float below = c.y + static_cast<float>(s->h * view.transform().zoom) / 2 + 8;
    ImGui::SetNextWindowPos({c.x, below}, ImGuiCond_Always, {0.5f, 0.0f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 8});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##rename", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoMove);
    if (app.together) ImGui::PushFont(app.fonts.ui_big);
    if (rs.focus) {
        ImGui::SetKeyboardFocusHere();
        rs.focus = false;
    }
    ImGui::SetNextItemWidth(app.px(app.together ? 360.0f : 240.0f));
    const bool enter = ImGui::InputTextWithHint("##name", app.t("app.rename.hint").data(), &rs.text,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    app.mark("rename-field");
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const bool left = ImGui::IsItemDeactivated();
    ImGui::TextDisabled("%s", app.t("app.rename.keys").data());
    if (app.together) ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);

    if (escape) {
        app.rename.reset();
    } else if (enter || left) {
        const Person* old = app.doc.person(rs.person);
        Person p = *old;
        std::string text = rs.text;
        while (!text.empty() && text.front() == ' ') text.erase(text.begin());
        while (!text.empty() && text.back() == ' ') text.pop_back();
        const auto sp = text.find(' ');
        p.given = sp == std::string::npos ? text : text.substr(0, sp);
        p.family = sp == std::string::npos ? "" : text.substr(sp + 1);
        while (!p.family.empty() && p.family.front() == ' ') p.family.erase(p.family.begin());
        app.rename.reset();
        app.execute(cmd::update_person(app.doc, p));
    }
}

void draw_delete_confirm(App& app) {
    const char* id = "##confirm-delete";
    if (app.confirm_delete && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
    const PersonId p = app.confirm_delete;
    if (!app.doc.person(p)) {
        app.confirm_delete = PersonId();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::Text("%s", std::string(app.t("app.delete.title")).c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Text("%s", (person_name(app, p) + " " + std::string(app.t("app.delete.will_go"))).c_str());
    const auto rels = app.doc.relations_of(p);
    if (!rels.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", std::string(app.t("app.delete.relations_too")).c_str());
        for (const Relation* r : rels) ImGui::BulletText("%s", describe_relation(app, *r, p).c_str());
    }
    const auto [yes, no] = delete_buttons(app, "delete");
    if (yes) {
        if (app.execute(cmd::remove_person(app.doc, p))) app.select(PersonId());
    }
    if (yes || no) {
        app.confirm_delete = PersonId();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_delete_many_confirm(App& app) {
    const char* id = "##confirm-delete-many";
    if (!app.confirm_delete_many.empty() && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
    std::vector<PersonId> who;
    for (PersonId p : app.confirm_delete_many)
        if (app.doc.person(p)) who.push_back(p);
    std::size_t rels = 0;
    for (const auto& [rid, r] : app.doc.relations())
        for (PersonId p : who)
            if (r.involves(p)) {
                ++rels;
                break;
            }
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.delete.many_title").data());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Text("%zu %s", who.size(), app.t("app.delete.many_will_go").data());
    for (PersonId p : who) ImGui::BulletText("%s", person_name(app, p).c_str());
    ImGui::TextDisabled("%zu %s", rels, app.t("app.status.relations").data());
    const auto [yes, no] = delete_buttons(app, "delete-many");
    if (yes && !who.empty()) {
        // One undo step; each removal is built on the case as the previous ones left it.
        Case tmp = app.doc;
        std::vector<Command> parts;
        for (PersonId p : who) {
            Command c = cmd::remove_person(tmp, p);
            apply(tmp, c);
            parts.push_back(std::move(c));
        }
        if (app.execute(cmd::combine("remove persons", std::move(parts)))) app.select(PersonId());
    }
    if (yes || no) {
        app.confirm_delete_many.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_relation_palette(App& app) {
    const char* id = "##relation-palette";
    RelationDraft& d = app.relation_draft;
    if (d.open && !ImGui::IsPopupOpen(id)) {
        ImGui::SetNextWindowPos({d.at.x + 12, d.at.y + 12});
        ImGui::OpenPopup(id);
    }
    if (!ImGui::BeginPopup(id)) {
        d.open = false;
        return;
    }
    if (app.together) ImGui::PushFont(app.fonts.ui_big);
    const std::string a = person_name(app, d.a), b = person_name(app, d.b);
    ImGui::TextDisabled("%s  \xE2\x80\x94  %s", a.c_str(), b.c_str());
    ImGui::Separator();
    struct Item {
        RelationChoice choice;
        std::string label;
        const char* id;
    };
    const Item items[] = {
        {RelationChoice::Partner, std::string(app.t("app.palette.partner")), "palette-partner"},
        {RelationChoice::ParentOf, a + " " + std::string(app.t("app.palette.parent_of")) + " " + b, "palette-parent"},
        {RelationChoice::ChildOf, a + " " + std::string(app.t("app.palette.child_of")) + " " + b, "palette-child"},
        {RelationChoice::Emotional, std::string(app.t("app.palette.emotional")), "palette-emotional"},
        {RelationChoice::Support, std::string(app.t("app.palette.support")), "palette-support"},
        {RelationChoice::Contact, std::string(app.t("app.palette.contact")), "palette-contact"},
        {RelationChoice::Risk, std::string(app.t("app.palette.risk")), "palette-risk"},
    };
    ImGui::TextDisabled("%s", app.t("app.palette.family").data());
    const int n_items = app.together ? 6 : 7;  // no risk marking while drawing with the parent
    for (int i = 0; i < n_items; ++i) {
        if (i == 3) {
            ImGui::Spacing();
            ImGui::TextDisabled("%s", app.t("app.palette.network").data());
        }
        const bool chosen = ImGui::Selectable(items[i].label.c_str());
        app.mark(items[i].id);
        if (chosen) {
            add_relation_from_palette(app, d.a, d.b, items[i].choice);
            d.open = false;
            ImGui::CloseCurrentPopup();
        }
    }
    if (app.together) ImGui::PopFont();
    ImGui::EndPopup();
}

}  // namespace kring::app
