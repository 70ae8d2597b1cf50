// Text encodings met in genealogy files, converted to UTF-8 (kring's only internal encoding):
// ANSEL (ANSI Z39.47 with the GEDCOM and MARC-21 additions), Windows-1252, ISO-8859-1 and
// UTF-16 (LE/BE). Invalid input never throws: bad bytes become U+FFFD and are counted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kring {

enum class TextEncoding { Utf8, Utf16Le, Utf16Be, Ansel, Cp1252, Latin1, Ascii };

[[nodiscard]] std::string_view encoding_name(TextEncoding e);  // "UTF-8", "ANSEL", ...

// Appends code point `cp` as UTF-8 (invalid code points become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

// Whether `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view s);
// Whether `s` holds any byte >= 0x80.
[[nodiscard]] bool has_non_ascii(std::string_view s);

// A byte order mark at the start of `bytes`: sets `bom_length` (0 when there is none) and
// returns the encoding it announces (Utf8 when there is none).
[[nodiscard]] TextEncoding detect_bom(std::string_view bytes, std::size_t& bom_length);

// Converters. `bad` (optional) receives the number of bytes or units that could not be decoded.
[[nodiscard]] std::string utf8_sanitize(std::string_view s, std::size_t* bad = nullptr);
[[nodiscard]] std::string utf16_to_utf8(std::string_view bytes, bool big_endian, std::size_t* bad = nullptr);
[[nodiscard]] std::string cp1252_to_utf8(std::string_view bytes, std::size_t* bad = nullptr);
// Strict ISO-8859-1: every byte is the code point of the same number (0x80-0x9F are C1 controls).
[[nodiscard]] std::string latin1_to_utf8(std::string_view bytes);
// ANSEL: the combining diacritics (0xE0-0xFE) come *before* their base letter; they are moved
// after it and composed with it (NFC) where Unicode has a precomposed letter, e.g.
// "\xE8u" (diaeresis + u) -> "ü", "\xE2\xF0c"-style stacks compose step by step.
[[nodiscard]] std::string ansel_to_utf8(std::string_view bytes, std::size_t* bad = nullptr);

// Converts `bytes` in encoding `e` to UTF-8 (Utf8 input is sanitized).
[[nodiscard]] std::string to_utf8(std::string_view bytes, TextEncoding e, std::size_t* bad = nullptr);

// Composes a base letter followed by combining marks into NFC for the Latin letters and the
// diacritics ANSEL can express (what genealogy files contain). Other text is returned unchanged.
[[nodiscard]] std::u32string compose_latin(const std::u32string& s);

}  // namespace kring
