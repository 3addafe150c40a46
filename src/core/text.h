// Persian (and English) text normalisation for search.
//
// normalise_text() maps the many ways the same Persian word is typed to one
// spelling, so that "كتاب‌هاي" (Arabic kaf and yeh, ZWNJ) and "کتابهای"
// compare equal. Steps, in order:
//  1. Invalid UTF-8: each byte that does not start a well-formed sequence
//     becomes U+FFFD (the output is always valid UTF-8). Never crashes.
//  2. Unicode NFKC (ICU): Arabic presentation forms and ligatures become
//     plain letters (ﻻ -> لا, ﷼ -> ریال), full-width Latin becomes ASCII, and
//     alef + combining maddah composes to آ.
//  3. Letters:  ي ى ئ -> ی;  ك -> ک;  ة -> ه;  ۀ ە ھ ہ -> ه;  ؤ -> و;
//     أ إ ٱ -> ا.  آ is KEPT: it is its own letter in Persian (آب "water"
//     is not اب), and keyboards type it directly. Hamza ء is kept.
//     (ئ ؤ أ إ ۀ are a base letter plus hamza; dropping the hamza matches
//     how people search, e.g. مسئله / مساله.)
//  4. Removed: harakat/tashkil U+064B..U+065F and superscript alef U+0670;
//     tatweel U+0640; ZWNJ U+200C, ZWJ U+200D, ZWSP U+200B, LRM/RLM
//     U+200E/U+200F, ALM U+061C, bidi embeddings/isolates U+202A..U+202E,
//     U+2066..U+2069, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD;
//     and control characters other than whitespace. So "می‌خواهم" (with
//     ZWNJ) and "میخواهم" normalise alike; "می خواهم" (a space) stays two words.
//  5. Digits: Persian ۰-۹ and Arabic-Indic ٠-٩ -> ASCII 0-9.
//  6. Letters lowercased (ICU simple case mapping; ASCII A-Z -> a-z).
//  7. Any run of Unicode whitespace -> one ASCII space; trimmed at both ends.
// Idempotent: normalise_text(normalise_text(x)) == normalise_text(x).
//
// All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tamas {

std::string normalise_text(std::string_view text);

// The normalised words of `text`: normalise_text(), then split at
// whitespace, punctuation (ASCII and Persian: ، ؛ ؟ « » ٪ ٫ ٬ ...), symbols
// and anything else that is not a letter, mark or number. No empty tokens;
// order and duplicates kept.
std::vector<std::string> search_tokens(std::string_view text);

// ASCII digits -> Persian digits (۰-۹). Every other byte is copied as is,
// so invalid UTF-8 passes through unchanged.
std::string to_persian_digits(std::string_view text);

// Persian (۰-۹) and Arabic-Indic (٠-٩) digits -> ASCII. Every other byte is
// copied as is, so invalid UTF-8 passes through unchanged.
std::string to_ascii_digits(std::string_view text);

}  // namespace tamas
