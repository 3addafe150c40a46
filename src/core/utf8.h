// Minimal UTF-8 decoding and encoding for core's text helpers.
//
// Decoding never fails: every byte that does not start a well-formed
// sequence (bad lead byte, truncated or overlong sequence, surrogate, beyond
// U+10FFFF) yields one U+FFFD and decoding resumes at the next byte.
#pragma once

#include <string>
#include <string_view>

namespace tamas::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[pos], advancing pos past it.
// REQUIRES: pos < text.size().
char32_t next(std::string_view text, std::size_t& pos);

// Decodes all of `text` (invalid bytes become U+FFFD).
std::u32string decode(std::string_view text);

// Appends `cp` as UTF-8. REQUIRES: cp is a scalar value (not a surrogate).
void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view text);

}  // namespace tamas::utf8
