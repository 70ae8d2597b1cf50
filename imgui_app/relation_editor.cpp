// The relations of the selected person in the inspector: each one collapsible, with the
// fields that matter for its kind; every change is one update command.
#include "inspector_panel.hpp"
#include "quick_actions.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

namespace kring::app {

namespace {

bool level(const App& app, const char* key, int& v, int lo, int hi) {
    caption(app, key);
    ImGui::SetNextItemWidth(-1);
    return ImGui::SliderInt(("##" + std::string(key)).c_str(), &v, lo, hi);
}

// Fields of one relation; returns true when `r` was changed and should be committed.
bool relation_fields(App& app, Relation& r, bool& text_done) {
    bool changed = false;
    switch (r.kind) {
        case RelationKind::Partner:
            caption(app, "app.field.status");
            changed |= enum_combo(app, "##status", "status", r.partner);
            changed |= ImGui::Checkbox(app.t("app.field.consanguineous").data(), &r.consanguineous);
            break;
        case RelationKind::ParentChild:
            caption(app, "app.field.parent_kind");
            changed |= enum_combo(app, "##parent", "parent", r.parent);
            break;
        case RelationKind::Twin:
            changed |= ImGui::Checkbox(app.t("app.field.identical").data(), &r.identical);
            break;
        case RelationKind::Emotional:
            caption(app, "app.field.emotion");
            changed |= enum_combo(app, "##emotion", "emotion", r.emotion);
            if (r.emotion == EmotionKind::Abuse) {
                caption(app, "app.field.abuse");
                changed |= enum_combo(app, "##abuse", "abuse", r.abuse);
            }
            break;
        case RelationKind::Support:
            caption(app, "app.field.support");
            changed |= enum_combo(app, "##support", "support", r.support);
            caption(app, "app.field.direction");
            changed |= enum_combo(app, "##direction", "direction", r.direction);
            if (level(app, "app.field.strength", r.strength, 1, 3)) changed = true;
            break;
        case RelationKind::Contact:
            caption(app, "app.field.frequency");
            changed |= enum_combo(app, "##frequency", "frequency", r.frequency);
            caption(app, "app.field.mode");
            changed |= enum_combo(app, "##mode", "mode", r.mode);
            if (level(app, "app.field.closeness", r.closeness, 1, 3)) changed = true;
            changed |= ImGui::Checkbox(app.t("app.field.critical").data(), &r.critical);
            changed |= ImGui::Checkbox(app.t("app.field.worries").data(), &r.worries);
            changed |= ImGui::Checkbox(app.t("app.field.no_contact").data(), &r.no_contact);
            break;
    }
    if (r.kind != RelationKind::ParentChild && !app.together) {
        caption(app, "app.field.note");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##note", &r.note);
        text_done |= ImGui::IsItemDeactivatedAfterEdit();
    }
    return changed;
}

}  // namespace

void draw_relations_section(App& app, PersonId p) {
    // Per-relation drafts so typing in a note survives re-rendering.
    static std::map<RelationId, Relation> drafts;
    static std::uint64_t drafts_revision = ~0ull;
    if (drafts_revision != app.doc.revision() && !ImGui::GetIO().WantTextInput) {
        drafts.clear();
        drafts_revision = app.doc.revision();
    }
    const auto rels = app.doc.relations_of(p);
    section(app, "app.section.relations");
    if (rels.empty()) {
        hint(app, "app.relations.none");
    }
    for (const Relation* rel : rels) {
        ImGui::PushID(static_cast<int>(rel->id.value()));
        const std::string title = describe_relation(app, *rel, p);
        const bool open = ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        if (open) {
            auto [it, inserted] = drafts.try_emplace(rel->id, *rel);
            Relation& r = it->second;
            bool text_done = false;
            const bool changed = relation_fields(app, r, text_done);
            if ((changed || text_done) && app.doc.relation(r.id)) app.execute(cmd::update_relation(app.doc, r));
            if (ImGui::SmallButton(app.t("app.relation.delete").data()))
                app.execute(cmd::remove_relation(app.doc, rel->id));
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

}  // namespace kring::app
