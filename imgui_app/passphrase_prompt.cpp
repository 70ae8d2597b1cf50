#include "passphrase_prompt.hpp"

#include "session.hpp"
#include "theme.hpp"

#include "core/caseio.hpp"
#include "core/crypto.hpp"

#include <array>

namespace kring::app {

namespace {

struct Prompt {
    bool open = false, request = false;
    std::filesystem::path file, origin;
    bool recovering = false;
    bool refocus = false;
    std::string error;
    std::array<char, 512> typed{};  // ImGui needs a plain buffer; wiped after every use
};

Prompt& prompt() {
    static Prompt p;
    return p;
}

void wipe_typed(Prompt& p) {
    volatile char* b = p.typed.data();
    for (std::size_t i = 0; i < p.typed.size(); ++i) b[i] = 0;
}

void try_open(App& app, Prompt& p) {
    Secret secret(std::string_view(p.typed.data()));
    wipe_typed(p);
    if (secret.empty()) {
        p.error = std::string(app.t("app.passphrase.empty"));
        return;
    }
    LoadResult r = load_case(p.file, &secret);
    if (!r.ok()) {
        p.error = r.error.find(kWrongPassphraseError) != std::string::npos ? std::string(app.t("app.passphrase.wrong"))
                                                                             : r.error;
        return;
    }
    for (const auto& n : r.notes) app.say(n);
    app.load_error.clear();
    app.set_document(std::move(r.value), p.origin);
    app.passphrase = std::make_unique<Secret>(std::move(secret));
    if (p.recovering) {
        mark_recovered(app);
    } else {
        add_recent(app, p.origin);
        app.say(std::string(app.t("app.opened")) + " " + p.origin.filename().string());
    }
    p.open = false;
}

}  // namespace

void ask_passphrase(App& app, std::filesystem::path file, std::filesystem::path origin, bool recovering) {
    (void)app;
    Prompt& p = prompt();
    p.file = std::move(file);
    p.origin = std::move(origin);
    p.recovering = recovering;
    p.error.clear();
    wipe_typed(p);
    p.open = p.request = true;
}

void draw_passphrase_prompt(App& app) {
    Prompt& p = prompt();
    const char* id = "##passphrase";
    if (p.request) {
        ImGui::OpenPopup(id);
        p.request = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({app.px(460), 0});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
        if (p.open) wipe_typed(p);
        p.open = false;
        return;
    }
    ImGui::PushFont(app.fonts.ui_bold);
    ImGui::TextUnformatted(app.t("app.passphrase.title").data());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", p.origin.filename().string().c_str());
    ImGui::TextUnformatted(app.t(p.recovering ? "app.passphrase.text_recovery" : "app.passphrase.text").data());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing() || p.refocus) {
        ImGui::SetKeyboardFocusHere();
        p.refocus = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##passphrase-input", p.typed.data(), p.typed.size(),
                                        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    app.mark("passphrase-input");
    if (!p.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kDanger));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(p.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    const bool ok = ImGui::Button(app.t("app.passphrase.open").data(), {app.px(120), 0});
    app.mark("passphrase-ok");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(app.t("app.cancel").data(), {app.px(120), 0}) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    app.mark("passphrase-cancel");
    if (ok || enter) {
        try_open(app, p);
        p.refocus = p.open;  // wrong passphrase: type again
    }
    if (cancel) {
        wipe_typed(p);
        p.open = false;
    }
    if (!p.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace kring::app
