#include "app_state.hpp"

#include "diagram_view.hpp"

#include <iostream>

namespace kring::app {

App::App()
    : genogram(std::make_unique<DiagramView>(genogram_spec())), network(std::make_unique<DiagramView>(network_spec())) {
}

App::~App() = default;

bool App::execute(Command cmd) {
    if (cmd.empty()) return false;
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
    request_fit();
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
