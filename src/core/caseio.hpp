// Case files (.kring): versioned, human-readable JSON with a stable key and element order,
// so that two saves of the same case are byte-identical. Saving is atomic and owner-only.
#pragma once

#include "crypto.hpp"
#include "model.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kring {

// Format history (each older version is upgraded in memory when read; files are always
// written in the current version, and a kring refuses versions newer than its own):
//   1  persons, relations, households, case info
//   2  adds the netwerkberaad ("meeting") and dated "snapshots" sections. A version-1 kring
//      would silently drop them on saving, so such files must not be readable by it.
inline constexpr int kFormatVersion = 2;
inline constexpr std::uintmax_t kMaxCaseFileBytes = 256ull * 1024 * 1024;  // refuse larger files
inline constexpr std::size_t kMaxPersons = 200000;

struct LoadResult {
    Case value;
    std::string error;  // empty on success; otherwise "FILE: where: what" for the user
    std::vector<std::string> notes;  // e.g. "upgraded from format version 0"
    bool encrypted = false;  // the file was encrypted (crypto.hpp): save it encrypted again
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Parses case JSON. `origin` names the source in messages (usually the file path).
[[nodiscard]] LoadResult parse_case(std::string_view text, const std::string& origin);
[[nodiscard]] LoadResult load_case(const std::filesystem::path& path);
// Also opens encrypted case files with `passphrase` (may be null: then they are refused).
[[nodiscard]] LoadResult load_case(const std::filesystem::path& path, const Secret* passphrase);

// The exact bytes a case is saved as.
[[nodiscard]] std::string serialize_case(const Case& c);

struct SaveResult {
    std::string error;  // empty on success
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Atomic save: writes a temporary file in the same folder (mode 0600), flushes it to disk,
// keeps the previous file as PATH.bak and renames the temporary file over PATH. On any
// failure the original file is untouched and no temporary file remains.
SaveResult save_case(const Case& c, const std::filesystem::path& path);
// The same, encrypted with a key derived from `passphrase` (crypto.hpp).
SaveResult save_case(const Case& c, const std::filesystem::path& path, const Secret& passphrase,
                     const CryptoParams& params = {});

// Same mechanism for any bytes (used by print/export too).
SaveResult write_file_atomic(const std::filesystem::path& path, std::string_view bytes, bool keep_backup = false);

}  // namespace kring
