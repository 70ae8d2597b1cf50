#include "app_state.hpp"

#include "diagram_view.hpp"

#include <iostream>

namespace kring::app {

App::App()
    : genogram(std::make_unique<DiagramView>(genogram_spec())), network(std::make_unique<DiagramView>(network_spec())) {
}

App::~App() = default;

namespace {

// An edit of persons or relations carries the genogram's order as drawn just before it
// (CaseInfo::genogram_order), in the same undo step: the layout then keeps everybody where
// they were and only places what is new, so adding a partner does not reshuffle the drawing.
// "Tidy up" (cmd.tidy genogram) clears the order and lets the layout reorder freely.
// `drawn` gives the order (LayoutResult::order of the genogram as the canvas has it); it is
// only asked for when the command edits persons or relations.
template <class Drawn>
Command with_recorded_order(const Case& doc, Command cmd, Drawn&& drawn) {
    bool edits_people = false;
    for (const AnyChange& ch : cmd.changes) {
        if (std::holds_alternative<InfoChange>(ch)) return cmd;  // sets the info (and the order) itself
        edits_people = edits_people || std::holds_alternative<Change<Person>>(ch) ||
                       std::holds_alternative<Change<Relation>>(ch);
    }
    if (!edits_people) return cmd;
    CaseInfo info = doc.info;
    info.genogram_order = drawn();
    if (info.genogram_order == doc.info.genogram_order) return cmd;
    std::string label = cmd.label;
    return cmd::combine(std::move(label), {cmd::set_info(doc, std::move(info)), std::move(cmd)});
}

}  // namespace

bool App::execute(Command cmd) {
    if (cmd.empty()) return false;
    // The genogram view's layout of this revision (usually just drawn, so cached; its order
    // does not depend on the language or the notes setting it was drawn with).
    cmd = with_recorded_order(doc, std::move(cmd), [&]() -> const std::vector<PersonId>& { return genogram->layout(*this).order; });
    const std::string label = cmd.label;
    EditResult r = history.execute(doc, std::move(cmd));
    if (!r.ok()) {
        say(std::string(t("app.refused")) + " " + r.error, true);
        return false;
    }
    if (selected && !doc.person(selected)) selected = PersonId();
    return true;
}

bool App::undo() {
    if (!history.can_undo()) return false;
    const std::string label = history.undo_label();
    history.undo(doc);
    if (selected && !doc.person(selected)) selected = PersonId();
    if (rename && !doc.person(rename->person)) rename.reset();
    say(std::string(t("app.undone")) + ": " + std::string(t("cmd." + label)));
    return true;
}

bool App::redo() {
    if (!history.can_redo()) return false;
    const std::string label = history.redo_label();
    history.redo(doc);
    if (selected && !doc.person(selected)) selected = PersonId();
    say(std::string(t("app.redone")) + ": " + std::string(t("cmd." + label)));
    return true;
}

void App::say(std::string text, bool error) {
    if (error) std::cerr << "kring-app: " << text << "\n";
    status = {std::move(text), error, ImGui::GetCurrentContext() ? ImGui::GetTime() + (error ? 8.0 : 4.0) : 1e9};
}

void App::mark(const std::string& id) { ui_rects[id] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }

void App::set_document(Case c, std::filesystem::path p) {
    doc = std::move(c);
    passphrase.reset();  // the opener sets it again for an encrypted file
    ++generation;
    history.clear();
    history.mark_saved(doc);
    path = std::move(p);
    selected = PersonId();
    rename.reset();
    relation_draft = {};
    confirm_delete = PersonId();
    autosaved_revision = doc.revision();
    genogram->request_open();
    network->request_open();
}

void App::select(PersonId p) {
    if (p != selected && rename && rename->person != p) rename.reset();
    if (!p || !multi.count(p)) multi.clear();
    selected = p;
}

void App::center_on(PersonId p) {
    select(p);
    if (mode != ViewMode::Network) genogram->center_on(*this, p);
    if (mode != ViewMode::Genogram) network->center_on(*this, p);
}

void App::request_fit() {
    genogram->request_fit();
    network->request_fit();
}

void App::refit() {
    genogram->refit();
    network->refit();
}

std::string App::title() const {
    std::string name = doc.info.name;
    if (name.empty()) name = path.empty() ? std::string(t("app.untitled")) : path.stem().string();
    return (dirty() ? "\xE2\x80\xA2 " : "") + name + " \xE2\x80\x94 kring";
}

std::string person_name(const App& app, PersonId id) {
    const Person* p = app.doc.person(id);
    if (!p) return "?";
    std::string n = p->display_name();
    if (n.empty() || n == "?") return std::string(app.t("app.unnamed"));
    return n;
}

}  // namespace kring::app
