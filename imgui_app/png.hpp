// A minimal PNG writer (RGBA, 8 bit, stored/uncompressed deflate blocks): enough for
// screenshots of the canvas without a new dependency. CRC-32 and Adler-32 included.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kring::app {

// PNG file bytes for a w x h RGBA image, rows top to bottom.
[[nodiscard]] std::string encode_png(int w, int h, const std::vector<std::uint8_t>& rgba);

// Encodes and writes atomically (owner-only). Returns an error message or "".
[[nodiscard]] std::string write_png(const std::filesystem::path& path, int w, int h,
                                    const std::vector<std::uint8_t>& rgba);

[[nodiscard]] std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc = 0);

}  // namespace kring::app
