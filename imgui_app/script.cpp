#include "script.hpp"

#include "diagram_view.hpp"
#include "session.hpp"

#include "core/caseio.hpp"

#include <GLFW/glfw3.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

namespace kring::app {

namespace {

constexpr int kDragFrames = 10;

std::optional<int> key_code(const std::string& name) {
    if (name.size() == 1) {
        const char c = name[0];
        if (c >= 'a' && c <= 'z') return GLFW_KEY_A + (c - 'a');
        if (c >= '0' && c <= '9') return GLFW_KEY_0 + (c - '0');
        if (c == '+' || c == '=') return GLFW_KEY_EQUAL;
        if (c == '-') return GLFW_KEY_MINUS;
    }
    if (name.size() >= 2 && name[0] == 'f') {
        int n = 0;
        auto [p, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), n);
        if (ec == std::errc() && p == name.data() + name.size() && n >= 1 && n <= 12) return GLFW_KEY_F1 + n - 1;
    }
    static const std::pair<const char*, int> named[] = {
        {"escape", GLFW_KEY_ESCAPE}, {"esc", GLFW_KEY_ESCAPE},      {"enter", GLFW_KEY_ENTER},
        {"return", GLFW_KEY_ENTER},  {"tab", GLFW_KEY_TAB},         {"delete", GLFW_KEY_DELETE},
        {"del", GLFW_KEY_DELETE},    {"backspace", GLFW_KEY_BACKSPACE}, {"space", GLFW_KEY_SPACE},
        {"left", GLFW_KEY_LEFT},     {"right", GLFW_KEY_RIGHT},     {"up", GLFW_KEY_UP},
        {"down", GLFW_KEY_DOWN},     {"home", GLFW_KEY_HOME},       {"end", GLFW_KEY_END},
        {"plus", GLFW_KEY_EQUAL},    {"minus", GLFW_KEY_MINUS},
    };
    for (const auto& [n, k] : named)
        if (name == n) return k;
    return std::nullopt;
}

// UTF-8 -> code points (invalid bytes become U+FFFD).
std::vector<unsigned> code_points(const std::string& s) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + static_cast<std::size_t>(n) > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::optional<PersonId> person_arg(const std::string& s) { return PersonId::parse(s); }

// The view in which a person is looked up: the active one if it shows the person.
DiagramView* view_showing(App& app, PersonId p) {
    std::vector<DiagramView*> order;
    if (app.active_view) order.push_back(app.active_view);
    if (app.mode != ViewMode::Network) order.push_back(app.genogram.get());
    if (app.mode != ViewMode::Genogram) order.push_back(app.network.get());
    for (DiagramView* v : order) {
        if (app.mode == ViewMode::Genogram && v != app.genogram.get()) continue;
        if (app.mode == ViewMode::Network && v != app.network.get()) continue;
        if (auto s = v->screen_of(app, p); s && v->contains(*s)) return v;
    }
    return nullptr;
}

bool has_relation(const Case& c, const std::string& kind, PersonId a, PersonId b) {
    for (const auto& [id, r] : c.relations()) {
        const bool same = r.a == a && r.b == b;
        const bool any = same || (r.a == b && r.b == a);
        if (kind == "partner" && r.kind == RelationKind::Partner && any) return true;
        if (kind == "parent" && r.kind == RelationKind::ParentChild && same) return true;
        if (kind == "twin" && r.kind == RelationKind::Twin && any) return true;
        if (kind == "emotional" && r.kind == RelationKind::Emotional && any) return true;
        if (kind == "support" && r.kind == RelationKind::Support && any) return true;
        if (kind == "contact" && r.kind == RelationKind::Contact && any) return true;
    }
    return false;
}

bool write_text(const std::filesystem::path& p, const std::string& text) { return write_file_atomic(p, text).ok(); }

}  // namespace

std::string load_script(const std::filesystem::path& path, ScriptRunner& out) {
    std::ifstream in(path);
    if (!in) return path.string() + ": cannot read the script";
    out.file = path.string();
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        line = line.substr(b);
        ScriptStep s;
        s.line = n;
        const auto sp = line.find(' ');
        s.op = line.substr(0, sp);
        s.rest = sp == std::string::npos ? "" : line.substr(sp + 1);
        std::istringstream words(s.rest);
        for (std::string w; words >> w;) s.args.push_back(w);
        static const char* known[] = {
            "move-to", "move-by", "move-to-person", "move-to-handle", "move-to-ui", "move-to-cell", "click", "double-click", "mouse-down",
            "mouse-up", "click-person", "click-ui", "drag-to-person", "drag-by", "drag-to", "key", "type", "wheel",
            "wait", "hold", "assert-persons", "assert-relations", "assert-selected", "assert-name", "assert-relation",
            "assert-drawn", "assert-not-drawn", "assert-centred", "assert-in-view", "assert-under-mouse", "assert-multi", "assert-dirty", "assert-mode", "assert-together",
            "assert-ui", "assert-no-ui", "assert-status", "save",
            "dump-case", "dump-drawn", "screenshot", "echo", "quit"};
        bool ok = false;
        for (const char* k : known) ok |= s.op == k;
        if (!ok) return out.file + ":" + std::to_string(n) + ": unknown script step '" + s.op + "'";
        if (s.op == "key") {
            std::string spec = s.args.empty() ? "" : s.args[0];
            std::size_t p0 = 0;
            while (true) {
                auto p1 = spec.find('+', p0);
                std::string part = spec.substr(p0, p1 == std::string::npos ? std::string::npos : p1 - p0);
                if (part.empty() && p1 != std::string::npos) part = "+";  // "ctrl++"
                if (p1 == std::string::npos) {
                    if (!key_code(part)) return out.file + ":" + std::to_string(n) + ": unknown key '" + part + "'";
                    break;
                }
                if (part != "ctrl" && part != "shift" && part != "alt")
                    return out.file + ":" + std::to_string(n) + ": unknown modifier '" + part + "'";
                p0 = p1 + 1;
            }
        }
        out.steps.push_back(std::move(s));
    }
    return {};
}

void ScriptRunner::fail(const ScriptStep& s, const std::string& what) {
    ++failures;
    std::cerr << file << ":" << s.line << ": " << s.op << " " << s.rest << ": " << what << "\n";
}

void ScriptRunner::before_frame(App& app, ImGuiIO& io) {
    // Defaults for this frame: nothing pressed unless the step says so; fixed frame time
    // so double-clicks and key repeat behave the same on every machine.
    io.DeltaTime = 1.0f / 60.0f;
    io.MouseWheel = 0;
    for (int k : keys) io.KeysDown[k] = false;
    keys.clear();
    ctrl = shift = alt = false;

    // Steps that need no frame of their own run back to back.
    if (warmup > 0) --warmup;
    for (int guard = 0; warmup == 0 && guard < 1000 && !done(); ++guard) {
        const ScriptStep& s = steps[pc];
        const auto arg = [&](std::size_t i) { return i < s.args.size() ? s.args[i] : std::string(); };
        const auto num = [&](std::size_t i) { return std::strtod(arg(i).c_str(), nullptr); };
        const auto person_pos = [&](bool handle) -> std::optional<ImVec2> {
            auto p = person_arg(arg(0));
            if (!p) {
                fail(s, "not a person id");
                return std::nullopt;
            }
            DiagramView* v = view_showing(app, *p);
            if (!v) {
                fail(s, "person is not drawn in the current view");
                return std::nullopt;
            }
            return handle ? v->handle_of(app, *p) : v->screen_of(app, *p);
        };
        const auto ui_pos = [&](const std::string& name) -> std::optional<ImVec2> {
            auto it = app.ui_rects.find(name);
            if (it == app.ui_rects.end()) {
                fail(s, "no widget '" + name + "' in the last frame");
                return std::nullopt;
            }
            return ImVec2{(it->second.first.x + it->second.second.x) / 2, (it->second.first.y + it->second.second.y) / 2};
        };
        const std::string& op = s.op;

        if (op == "move-to") {
            mouse = {static_cast<float>(num(0)), static_cast<float>(num(1))};
            next();
            break;
        }
        if (op == "move-by") {
            mouse = {mouse.x + static_cast<float>(num(0)), mouse.y + static_cast<float>(num(1))};
            next();
            break;
        }
        if (op == "move-to-person" || op == "move-to-handle") {
            if (auto p = person_pos(op == "move-to-handle")) mouse = *p;
            next();
            break;
        }
        if (op == "move-to-cell") {
            // An empty spot of the network map in sector S (0..6), ring R (1..3): the grid
            // point of that cell closest to the cell's middle, away from symbols.
            DiagramView& v = *app.network;
            const LayoutResult& lay = v.layout(app);
            std::vector<ImVec2> pts;
            ImVec2 mean{0, 0};
            const ImVec2 c = v.centre();
            for (float y = c.y - 500; y <= c.y + 500; y += 5)
                for (float x = c.x - 700; x <= c.x + 700; x += 5) {
                    if (!v.contains({x, y})) continue;
                    const Point w = v.transform().to_world({x, y});
                    const auto cell = network_cell_at(lay, app.doc, w);
                    if (!cell || cell->sector != static_cast<int>(num(0)) || cell->ring != static_cast<int>(num(1))) continue;
                    bool near = false;
                    for (const Symbol& sym : lay.symbols) {
                        const ImVec2 sc = v.transform().to_screen(sym.center);
                        near |= std::hypot(sc.x - x, sc.y - y) < 40;
                    }
                    if (near) continue;
                    pts.push_back({x, y});
                    mean.x += x;
                    mean.y += y;
                }
            if (pts.empty()) {
                fail(s, "no empty spot in that cell of the network map");
            } else {
                mean = {mean.x / static_cast<float>(pts.size()), mean.y / static_cast<float>(pts.size())};
                ImVec2 best = pts[0];
                for (ImVec2 p : pts)
                    if (std::hypot(p.x - mean.x, p.y - mean.y) < std::hypot(best.x - mean.x, best.y - mean.y)) best = p;
                mouse = best;
            }
            next();
            break;
        }
        if (op == "move-to-ui") {
            if (auto p = ui_pos(arg(0))) mouse = *p;
            next();
            break;
        }
        if (op == "click" || op == "mouse-down" || op == "mouse-up") {
            const int b = arg(0) == "right" ? 1 : arg(0) == "middle" ? 2 : 0;
            if (op == "mouse-down") down[b] = true;
            else if (op == "mouse-up") down[b] = false;
            else down[b] = sub == 0;
            if (op != "click" || sub == 1) next();
            else ++sub;
            break;
        }
        if (op == "double-click") {
            down[0] = sub == 0 || sub == 2;
            if (++sub == 4) next();
            break;
        }
        if (op == "click-person" || op == "click-ui") {
            // Widgets that just appeared (auto-sized popups, the quick bar) are placed on
            // their second frame: look the target up again for a few frames, then press.
            constexpr int settle = 3;
            if (sub < settle) {
                auto p = op == "click-person" ? person_pos(false) : ui_pos(arg(0));
                if (!p) {
                    next();
                    continue;
                }
                mouse = *p;
            }
            down[0] = sub == settle;
            if (++sub == settle + 2) next();
            break;
        }
        if (op == "drag-to-person" || op == "drag-by" || op == "drag-to") {
            if (sub == 0) {
                drag_from = mouse;
                down[0] = true;
                ++sub;
                break;
            }
            if (sub == 1) {
                if (op == "drag-by") {
                    drag_to = {drag_from.x + static_cast<float>(num(0)), drag_from.y + static_cast<float>(num(1))};
                } else if (op == "drag-to") {
                    drag_to = {static_cast<float>(num(0)), static_cast<float>(num(1))};
                } else if (auto p = person_pos(false)) {
                    drag_to = {p->x + static_cast<float>(num(1)), p->y + static_cast<float>(num(2))};
                } else {
                    down[0] = false;
                    next();
                    break;
                }
            }
            if (sub <= kDragFrames) {
                const float t = static_cast<float>(sub) / kDragFrames;
                mouse = {drag_from.x + (drag_to.x - drag_from.x) * t, drag_from.y + (drag_to.y - drag_from.y) * t};
                ++sub;
                break;
            }
            down[0] = false;
            next();
            break;
        }
        if (op == "key") {
            if (sub == 0) {
                const std::string spec = arg(0);
                std::size_t p0 = 0;
                while (true) {
                    auto p1 = spec.find('+', p0);
                    std::string part = spec.substr(p0, p1 == std::string::npos ? std::string::npos : p1 - p0);
                    if (part.empty() && p1 != std::string::npos) part = "+";
                    if (p1 == std::string::npos) {
                        keys.push_back(*key_code(part));
                        break;
                    }
                    if (part == "ctrl") ctrl = true;
                    if (part == "shift") shift = true;
                    if (part == "alt") alt = true;
                    p0 = p1 + 1;
                }
                ++sub;
            } else {
                next();
            }
            break;
        }
        if (op == "type") {
            for (unsigned cp : code_points(s.rest)) io.AddInputCharacter(cp);
            next();
            break;
        }
        if (op == "wheel") {
            io.MouseWheel = static_cast<float>(num(0));
            next();
            break;
        }
        if (op == "hold") {
            held_shift = arg(0) == "shift";
            held_ctrl = arg(0) == "ctrl";
            next();
            continue;
        }
        if (op == "wait") {
            if (++sub >= std::max(1, static_cast<int>(num(0)))) next();
            break;
        }
        if (op == "screenshot") {
            screenshot = s.rest;
            next();
            break;
        }

        // Checks and file steps: no frame of their own.
        if (op == "assert-persons" || op == "assert-relations") {
            const std::size_t have = op == "assert-persons" ? app.doc.persons().size() : app.doc.relations().size();
            if (have != static_cast<std::size_t>(num(0))) fail(s, "found " + std::to_string(have));
        } else if (op == "assert-selected") {
            const std::string have = app.selected ? app.selected.str() : "none";
            if (have != arg(0)) fail(s, "selected is " + have);
        } else if (op == "assert-name") {
            auto p = person_arg(arg(0));
            const Person* person = p ? app.doc.person(*p) : nullptr;
            const std::string want = s.rest.size() > arg(0).size() ? s.rest.substr(arg(0).size() + 1) : "";
            if (!person) fail(s, "no such person");
            else if (person->display_name() != want) fail(s, "name is '" + person->display_name() + "'");
        } else if (op == "assert-relation") {
            auto a = person_arg(arg(1)), b = person_arg(arg(2));
            if (!a || !b || !has_relation(app.doc, arg(0), *a, *b)) fail(s, "no such relation");
        } else if (op == "assert-drawn" || op == "assert-not-drawn") {
            bool found = false;
            for (const auto& l : app.drawn_labels) found |= l.find(s.rest) != std::string::npos;
            if (found != (op == "assert-drawn")) fail(s, found ? "is drawn" : "is not drawn");
        } else if (op == "assert-centred") {
            auto p = person_arg(arg(0));
            bool ok = false;
            for (DiagramView* v : {app.genogram.get(), app.network.get()}) {
                if ((app.mode == ViewMode::Genogram && v != app.genogram.get()) ||
                    (app.mode == ViewMode::Network && v != app.network.get()) || !p)
                    continue;
                const auto at = v->screen_of(app, *p);
                const ImVec2 c = v->centre();
                ok |= at && std::hypot(at->x - c.x, at->y - c.y) < 40.0f;
            }
            if (!ok) fail(s, "not in the middle of a view");
        } else if (op == "assert-in-view") {
            auto p = person_arg(arg(0));
            if (!p || !view_showing(app, *p)) fail(s, "not in a view");
        } else if (op == "assert-under-mouse") {
            auto p = person_arg(arg(0));
            DiagramView* v = p ? view_showing(app, *p) : nullptr;
            const auto at = v ? v->screen_of(app, *p) : std::nullopt;
            if (!at || std::hypot(at->x - mouse.x, at->y - mouse.y) > 3.0f) fail(s, "has moved away from the mouse");
        } else if (op == "assert-multi") {
            if (app.multi.size() != static_cast<std::size_t>(num(0)))
                fail(s, std::to_string(app.multi.size()) + " persons are box-selected");
        } else if (op == "assert-dirty") {
            if (app.dirty() != (arg(0) == "yes")) fail(s, app.dirty() ? "has unsaved changes" : "is saved");
        } else if (op == "assert-mode") {
            const char* have = app.mode == ViewMode::Genogram ? "genogram" : app.mode == ViewMode::Network ? "network" : "both";
            if (arg(0) != have) fail(s, std::string("mode is ") + have);
        } else if (op == "assert-together") {
            if (app.together != (arg(0) == "yes")) fail(s, app.together ? "is on" : "is off");
        } else if (op == "assert-ui" || op == "assert-no-ui") {
            const bool shown = app.ui_rects.count(arg(0)) > 0;
            if (shown != (op == "assert-ui")) fail(s, shown ? "widget is shown" : "no such widget in the last frame");
        } else if (op == "assert-status") {
            if (app.status.text.find(s.rest) == std::string::npos) fail(s, "status is \"" + app.status.text + "\"");
        } else if (op == "save") {
            if (!save_as(app, s.rest)) fail(s, "could not save: " + app.status.text);
        } else if (op == "dump-case") {
            if (!write_text(s.rest, serialize_case(app.doc))) fail(s, "could not write");
        } else if (op == "dump-drawn") {
            if (!write_drawn(app, s.rest)) fail(s, "could not write");
        } else if (op == "echo") {
            std::cout << s.rest << std::endl;
        } else if (op == "quit") {
            quit = true;
        }
        next();
    }

    io.MousePos = mouse;
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = down[b];
    io.MouseDown[3] = io.MouseDown[4] = false;
    for (int k : keys) io.KeysDown[k] = true;
    ctrl |= held_ctrl;
    shift |= held_shift;
    io.KeysDown[GLFW_KEY_LEFT_CONTROL] = ctrl;
    io.KeysDown[GLFW_KEY_LEFT_SHIFT] = shift;
    io.KeysDown[GLFW_KEY_LEFT_ALT] = alt;
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeySuper = false;
}

bool write_drawn(const App& app, const std::filesystem::path& path) {
    std::string out;
    for (const auto& l : app.drawn_labels) {
        std::string one = l;
        for (char& c : one)
            if (c == '\n') c = ' ';
        out += "label\t" + one + "\n";
    }
    for (const DiagramView* v : {app.genogram.get(), app.network.get()}) {
        if ((app.mode == ViewMode::Genogram && v != app.genogram.get()) ||
            (app.mode == ViewMode::Network && v != app.network.get()))
            continue;
        for (PersonId p : v->stats().drawn_persons) out += "person\t" + p.str() + "\n";
    }
    for (const auto& [name, r] : app.ui_rects)
        out += "widget\t" + name + "\t" + std::to_string(r.first.x) + "\t" + std::to_string(r.first.y) + "\t" +
               std::to_string(r.second.x) + "\t" + std::to_string(r.second.y) + "\n";
    out += "scale\t" + std::to_string(app.ui_scale) + "\n";
    return write_text(path, out);
}

}  // namespace kring::app
