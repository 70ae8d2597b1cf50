// Opening an encrypted case file (core/crypto.hpp): a modal asks for the passphrase, the
// case opens with it, and the passphrase is kept in guarded memory (App::passphrase) so
// saving and autosave write the file encrypted again — never a plaintext copy.
#pragma once

#include "app_state.hpp"

#include <filesystem>

namespace kring::app {

// Asks for the passphrase of `file`; on success the case becomes the document with path
// `origin` (the recovery file opens as the case it came from: `recovering`).
void ask_passphrase(App& app, std::filesystem::path file, std::filesystem::path origin, bool recovering);
void draw_passphrase_prompt(App& app);

}  // namespace kring::app
