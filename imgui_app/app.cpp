// kring-app: the desktop app (GLFW + OpenGL3 + Dear ImGui). Main loop, window layout and
// global shortcuts; views and panels live in their own files.
#include "app_state.hpp"
#include "diagram_view.hpp"
#include "file_dialog.hpp"
#include "inspector_panel.hpp"
#include "meeting_panel.hpp"
#include "options.hpp"
#include "passphrase_prompt.hpp"
#include "png.hpp"
#include "quick_actions.hpp"
#include "quick_list_panel.hpp"
#include "script.hpp"
#include "session.hpp"
#include "theme.hpp"
#include "toolbar.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#define GL_SILENCE_DEPRECATION
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace kring::app {

namespace {

std::vector<std::filesystem::path> g_dropped;

void on_drop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
}

void on_close(GLFWwindow* w) {
    auto* app = static_cast<App*>(glfwGetWindowUserPointer(w));
    glfwSetWindowShouldClose(w, GLFW_FALSE);
    request(*app, PendingAction::Quit);
}

struct WindowedState {
    int x = 0, y = 0, w = 0, h = 0;
    bool full = false;
};

void set_fullscreen(GLFWwindow* window, WindowedState& ws, bool on) {
    if (on == ws.full) return;
    if (on) {
        GLFWmonitor* m = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = m ? glfwGetVideoMode(m) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(window, &ws.x, &ws.y);
        glfwGetWindowSize(window, &ws.w, &ws.h);
        glfwSetWindowMonitor(window, m, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window, nullptr, ws.x, ws.y, ws.w, ws.h, 0);
    }
    ws.full = on;
}

void shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const bool typing = io.WantTextInput;
    const bool modal = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    const auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (io.KeyCtrl && !typing && !modal) {
        if (pressed(GLFW_KEY_Z)) io.KeyShift ? app.redo() : app.undo();
        if (pressed(GLFW_KEY_Y)) app.redo();
    }
    if (io.KeyCtrl && !modal) {
        if (pressed(GLFW_KEY_S)) io.KeyShift ? open_file_dialog(app, FileDialogMode::SaveAs) : (void)save(app);
        if (pressed(GLFW_KEY_O)) request(app, PendingAction::Open);
        if (pressed(GLFW_KEY_N)) request(app, PendingAction::New);
        if (pressed(GLFW_KEY_F)) app.focus_search = true;
        if (pressed(GLFW_KEY_P)) open_file_dialog(app, FileDialogMode::Export);
    }
    if (pressed(GLFW_KEY_F11)) toggle_together(app);
    if (typing || modal || io.KeyCtrl) return;
    if (pressed(GLFW_KEY_ESCAPE)) {
        if (app.together) toggle_together(app);
        else app.select(PersonId());
    }
    if (app.selected && (pressed(GLFW_KEY_DELETE) || pressed(GLFW_KEY_BACKSPACE))) {
        if (app.multi.size() > 1) app.confirm_delete_many.assign(app.multi.begin(), app.multi.end());
        else app.confirm_delete = app.selected;
    }
    if (app.selected && (pressed(GLFW_KEY_F2) || pressed(GLFW_KEY_ENTER)))
        start_rename(app, app.selected, app.active_view ? app.active_view->spec().kind : ViewKind::Genogram);
    if (pressed(GLFW_KEY_F)) app.request_fit();
    DiagramView* v = app.mode == ViewMode::Genogram  ? app.genogram.get()
                     : app.mode == ViewMode::Network ? app.network.get()
                     : app.active_view               ? app.active_view
                                                     : app.genogram.get();
    v->keys(app);
}

void build_ui(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    app.ui_rects.clear();
    if (app.mode == ViewMode::Genogram) app.active_view = app.genogram.get();
    else if (app.mode == ViewMode::Network) app.active_view = app.network.get();
    else if (!app.active_view) app.active_view = app.genogram.get();

    shortcuts(app);
    while (!g_dropped.empty()) {
        request(app, PendingAction::OpenPath, g_dropped.front());
        g_dropped.erase(g_dropped.begin());
    }

    const ImVec2 vp = io.DisplaySize;
    const float top = app.px(app.together ? 76.0f : 48.0f);
    const float status = app.together ? 0.0f : app.px(28.0f);
    const float banner = banner_height(app);
    const float left = app.show_quick_list && !app.together ? app.px(280.0f) : 0.0f;
    const float right = app.together ? 0.0f : app.px(app.show_meeting ? 400.0f : app.show_inspector ? 330.0f : 0.0f);
    const float y0 = top + banner;
    const float h = std::max(50.0f, vp.y - y0 - status);
    const float w = std::max(50.0f, vp.x - left - right);

    if (app.together) draw_together_toolbar(app, {0, 0}, {vp.x, top});
    else draw_toolbar(app, {0, 0}, {vp.x, top});
    draw_banner(app, {0, top}, {vp.x, banner});
    if (left > 0) draw_quick_list(app, {0, y0}, {left, h});
    if (right > 0 && app.show_meeting) draw_meeting_panel(app, {vp.x - right, y0}, {right, h});
    else if (right > 0) draw_inspector(app, {vp.x - right, y0}, {right, h});

    if (app.mode == ViewMode::Both) {
        const float half = std::floor(w / 2);
        app.genogram->frame(app, {left, y0}, {half - 1, h});
        app.network->frame(app, {left + half, y0}, {w - half, h});
        ImGui::GetForegroundDrawList()->AddLine({left + half - 0.5f, y0}, {left + half - 0.5f, y0 + h}, theme::kBorder,
                                                1.0f);
    } else {
        DiagramView& v = app.mode == ViewMode::Network ? *app.network : *app.genogram;
        v.frame(app, {left, y0}, {w, h});
    }
    if (status > 0) draw_statusbar(app, {0, vp.y - status}, {vp.x, status});

    draw_delete_confirm(app);
    draw_delete_many_confirm(app);
    draw_relation_palette(app);
    draw_file_dialog(app);
    draw_unsaved_prompt(app);
    draw_recovery_offer(app);
    draw_passphrase_prompt(app);

    // What was drawn (for --dump-drawn, scripts and the persons-drawn line).
    app.drawn_labels.clear();
    app.persons_drawn = 0;
    for (DiagramView* v : {app.genogram.get(), app.network.get()}) {
        if ((app.mode == ViewMode::Genogram && v != app.genogram.get()) ||
            (app.mode == ViewMode::Network && v != app.network.get()))
            continue;
        app.persons_drawn += v->stats().persons;
        for (const auto& l : v->stats().drawn_labels) app.drawn_labels.push_back(l);
    }
}

std::vector<std::uint8_t> read_framebuffer(int w, int h) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // OpenGL rows run bottom-up; PNG rows top-down.
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h / 2; ++y)
        std::swap_ranges(px.begin() + static_cast<std::ptrdiff_t>(y * row),
                         px.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         px.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * row));
    for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 255;
    return px;
}

bool screenshot(const std::string& file, int fw, int fh) {
    const std::string err = write_png(file, fw, fh, read_framebuffer(fw, fh));
    if (!err.empty()) {
        std::cerr << "kring-app: cannot write screenshot " << file << ": " << err << "\n";
        return false;
    }
    return true;
}

// The UI scale: --scale, else KRING_UI_SCALE, else the screen's content scale (a high-DPI
// screen reports 1.5 or 2), rounded to quarters so fonts are rasterised at whole sizes.
float ui_scale_for(GLFWwindow* window, const Options& opt) {
    float scale = opt.scale;
    if (scale <= 0) {
        if (const char* env = std::getenv("KRING_UI_SCALE"); env && *env && !parse_scale(env, scale)) {
            std::cerr << "kring-app: KRING_UI_SCALE=" << env << " is not a scale from 0.5 to 4; using the screen's\n";
            scale = 0;
        }
    }
    if (scale <= 0) {
        float xs = 1, ys = 1;
        glfwGetWindowContentScale(window, &xs, &ys);
        scale = std::max(xs, ys);
    }
    return std::clamp(std::round(scale * 4) / 4, 0.5f, 4.0f);
}

int run(const Options& opt) {
    glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "kring-app: GLFW error " << code << ": " << msg << "\n"; });
    if (!glfwInit()) {
        std::cerr << "kring-app: cannot open a window (no display? set DISPLAY or run under xvfb-run)\n";
        return 1;
    }
    const char* glsl = "#version 150";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // a high-DPI screen gets a window of the same visual size
    GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, "kring", nullptr, nullptr);
    if (!window) {  // older drivers: whatever context is available
        glfwDefaultWindowHints();
        glsl = "#version 130";
        window = glfwCreateWindow(opt.width, opt.height, "kring", nullptr, nullptr);
    }
    if (!window) {
        std::cerr << "kring-app: cannot create an OpenGL window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(opt.batch() ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini next to the user's files
    io.ConfigInputTextCursorBlink = !opt.batch();

    auto app = std::make_unique<App>();
    app->ui_scale = ui_scale_for(window, opt);
    app->fonts = load_fonts(io, 16.0f * app->ui_scale, app->ui_scale);
    if (!app->fonts.error.empty()) {
        std::cerr << "kring-app: " << app->fonts.error << "\n";
        app->say(app->fonts.error, true);
    }
    theme::apply_style(false, app->ui_scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init(glsl);
    glfwSetWindowUserPointer(window, app.get());
    glfwSetDropCallback(window, on_drop);
    glfwSetWindowCloseCallback(window, on_close);

    // Scripted runs leave the user's recent files and recovery file alone, unless a test
    // asks for autosave (--autosave) to check recovery after a crash.
    const bool autosave = !opt.batch() || opt.autosave > 0;
    app->persist = autosave;
    app->allow_recovery = !opt.no_recovery && autosave;
    if (opt.lang) app->lang = *opt.lang;
    if (opt.view) app->mode = *opt.view;
    app->record_drawn = opt.batch();
    load_recent(*app);
    if (!opt.case_path.empty()) {
        open_case(*app, opt.case_path);
    } else {
        const std::filesystem::path demo = KRING_ASSETS_DIR "/demo/familie-demo.kring";
        std::error_code ec;
        if (std::filesystem::is_regular_file(demo, ec)) {
            open_case(*app, demo);
        } else {
            std::cerr << "kring-app: demo case not found: " << demo.string() << "; starting with an empty case\n";
            new_case(*app);
        }
    }
    check_recovery(*app);
    if (opt.together) toggle_together(*app);

    ScriptRunner script;
    if (!opt.script.empty()) {
        if (std::string err = load_script(opt.script, script); !err.empty()) {
            std::cerr << "kring-app: " << err << "\n";
            return 2;
        }
    }

    WindowedState ws;
    std::string title;
    int frame = 0;
    int quiet = 0;  // frames in a row without input (interactive runs sleep when idle)
    int settle = 0;  // frames rendered after the script finished
    long waits = 0;  // frames the script asks to wait, on top of ~40 per step
    for (const auto& st : script.steps)
        if (st.op == "wait" && !st.args.empty()) waits += std::clamp(std::atol(st.args[0].c_str()), 0L, 1000000L);
    const int max_frames =
        opt.script.empty() ? opt.frames : static_cast<int>(static_cast<long>(script.steps.size()) * 40 + 600 + waits);
    int exit_code = 0;
    while (!app->quit) {
        // Idle: after a few frames without input, wait for the next event (or half a second,
        // for autosave and the text cursor) instead of drawing 60 frames a second — a laptop
        // at the kitchen table should not run its fan for a picture that does not change.
        if (!opt.batch() && quiet > 4) glfwWaitEventsTimeout(0.5);
        else glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (!opt.script.empty()) {
            script.before_frame(*app, io);
        } else if (opt.batch()) {
            io.MousePos = {-FLT_MAX, -FLT_MAX};  // a screenshot shows no hover effects
            for (bool& b : io.MouseDown) b = false;
        }
        ImGui::NewFrame();
        {
            bool input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                         io.MouseWheelH != 0 || io.InputQueueCharacters.Size > 0;
            for (bool b : io.MouseDown) input |= b;
            for (bool k : io.KeysDown) input |= k;
            quiet = input ? 0 : quiet + 1;
        }
        build_ui(*app);
        ImGui::Render();

        int fw = 0, fh = 0;
        glfwGetFramebufferSize(window, &fw, &fh);
        glViewport(0, 0, fw, fh);
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme::kCanvas);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        if (!script.screenshot.empty()) {
            screenshot(script.screenshot, fw, fh);
            script.screenshot.clear();
        }
        ++frame;
        bool last = false;
        if (opt.batch()) {
            if (opt.script.empty()) last = frame >= opt.frames;
            else last = (script.done() && ++settle > 2) || frame >= max_frames;
        }
        if (last) {
            if (!opt.script.empty() && !script.done()) {
                std::cerr << "kring-app: script did not finish within " << max_frames << " frames\n";
                exit_code = 1;
            }
            if (!opt.screenshot.empty() && !screenshot(opt.screenshot, fw, fh)) exit_code = 1;
            if (!opt.dump_drawn.empty() && !write_drawn(*app, opt.dump_drawn)) {
                std::cerr << "kring-app: cannot write " << opt.dump_drawn << "\n";
                exit_code = 1;
            }
            std::cout << "persons-drawn " << app->persons_drawn << "\n";
            std::cout << "persons-drawn-genogram " << (app->mode != ViewMode::Network ? app->genogram->stats().persons : 0)
                      << "\n";
            std::cout << "persons-drawn-network " << (app->mode != ViewMode::Genogram ? app->network->stats().persons : 0)
                      << "\n";
            if (script.failures > 0) exit_code = 1;
            app->quit = true;
        }
        // Batch runs (tests, screenshots) read the back buffer; nobody sees the window, so
        // presenting it would only cost time (a full-window copy to the X server per frame).
        if (!opt.batch()) glfwSwapBuffers(window);

        if (!opt.batch()) set_fullscreen(window, ws, app->together);
        if (autosave) autosave_tick(*app, opt.autosave > 0 ? opt.autosave : 60.0);
        if (const std::string t = app->title(); t != title) {
            title = t;
            glfwSetWindowTitle(window, title.c_str());
        }
    }
    if (app->persist && !app->dirty()) remove_recovery();

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace

}  // namespace kring::app

int main(int argc, char** argv) {
    kring::app::Options opt;
    if (std::string err = kring::app::parse_options(argc, argv, opt); !err.empty()) {
        std::cerr << "kring-app: " << err << "\n" << kring::app::usage();
        return 2;
    }
    if (opt.help) {
        std::cout << kring::app::usage();
        return 0;
    }
    if (opt.version) {
        std::cout << "kring-app 0.1.0\n";
        return 0;
    }
    try {
        return kring::app::run(opt);
    } catch (const std::exception& e) {
        std::cerr << "kring-app: unexpected error: " << e.what() << "\n";
        return 1;
    }
}
