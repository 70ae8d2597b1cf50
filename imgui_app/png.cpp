#include "png.hpp"

#include "core/caseio.hpp"

#include <array>

namespace kring::app {

namespace {

const std::array<std::uint32_t, 256>& crc_table() {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const std::string& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    std::string body(type, 4);
    body += data;
    out += body;
    put32(out, crc32(reinterpret_cast<const std::uint8_t*>(body.data()), body.size()));
}

}  // namespace

std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc) {
    crc = ~crc;
    const auto& t = crc_table();
    for (std::size_t i = 0; i < n; ++i) crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

std::string encode_png(int w, int h, const std::vector<std::uint8_t>& rgba) {
    // Raw scanlines: filter byte 0 (none) + w*4 bytes per row.
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    std::string raw;
    raw.reserve((row + 1) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        raw += '\0';
        raw.append(reinterpret_cast<const char*>(rgba.data() + static_cast<std::size_t>(y) * row), row);
    }

    // zlib stream: header, stored deflate blocks of at most 65535 bytes, Adler-32.
    std::string z;
    z += static_cast<char>(0x78);
    z += static_cast<char>(0x01);
    std::uint32_t s1 = 1, s2 = 0;
    for (unsigned char c : raw) {
        s1 = (s1 + c) % 65521;
        s2 = (s2 + s1) % 65521;
    }
    std::size_t pos = 0;
    do {
        const std::size_t len = std::min<std::size_t>(65535, raw.size() - pos);
        const bool last = pos + len == raw.size();
        z += static_cast<char>(last ? 1 : 0);
        z += static_cast<char>(len & 0xFF);
        z += static_cast<char>((len >> 8) & 0xFF);
        z += static_cast<char>(~len & 0xFF);
        z += static_cast<char>((~len >> 8) & 0xFF);
        z.append(raw, pos, len);
        pos += len;
    } while (pos < raw.size());
    put32(z, (s2 << 16) | s1);

    std::string out("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put32(ihdr, static_cast<std::uint32_t>(w));
    put32(ihdr, static_cast<std::uint32_t>(h));
    ihdr += static_cast<char>(8);  // bit depth
    ihdr += static_cast<char>(6);  // colour type RGBA
    ihdr += std::string(3, '\0');  // compression, filter, interlace
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", z);
    chunk(out, "IEND", "");
    return out;
}

std::string write_png(const std::filesystem::path& path, int w, int h, const std::vector<std::uint8_t>& rgba) {
    if (w <= 0 || h <= 0 || rgba.size() < static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)
        return "no image to write";
    auto r = write_file_atomic(path, encode_png(w, h, rgba));
    return r.error;
}

}  // namespace kring::app
