// Persian text normalisation; see text.h for the rules.
#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace tamas {
namespace {

bool is_removable(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || c == 0x061C ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD;
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

char32_t map_letter(char32_t c) {
  switch (c) {
    case 0x064A:  // ي Arabic yeh
    case 0x0649:  // ى alef maksura
    case 0x0626:  // ئ yeh with hamza
      return 0x06CC;
    case 0x0643:  // ك Arabic kaf
      return 0x06A9;
    case 0x0629:  // ة teh marbuta
    case 0x06C0:  // ۀ heh with yeh above
    case 0x06D5:  // ە ae
    case 0x06BE:  // ھ heh doachashmee
    case 0x06C1:  // ہ heh goal
      return 0x0647;
    case 0x0624:  // ؤ
      return 0x0648;
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ alef wasla
      return 0x0627;
    default:
      break;
  }
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return char32_t(u_tolower(UChar32(c)));
}

bool has_non_ascii(std::u32string_view s) {
  for (char32_t c : s) {
    if (c >= 0x80) return true;
  }
  return false;
}

std::u32string nfkc(const std::u32string& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return in;
  const icu::UnicodeString src = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(in.data()), int32_t(in.size()));
  const icu::UnicodeString norm = n->normalize(src, status);
  if (U_FAILURE(status)) return in;
  std::u32string out(std::size_t(norm.countChar32()), U'\0');
  norm.toUTF32(reinterpret_cast<UChar32*>(out.data()), int32_t(out.size()), status);
  return U_FAILURE(status) ? in : out;
}

// One pass: spaces collapsed, removable and control characters dropped,
// letters mapped. Sets `removed` when a character was dropped.
std::u32string strip_and_map(const std::u32string& cps, bool& removed) {
  std::u32string out;
  out.reserve(cps.size());
  bool pending_space = false;
  for (char32_t c : cps) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (is_removable(c) || is_control(c)) {
      removed = true;
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(map_letter(c));
  }
  return out;
}

// NFKC, then strip and map. Dropping a character can make two combining
// marks adjacent in non-canonical order (found by fuzz_text), so NFKC runs
// again until nothing more is dropped: the result is a fixed point.
std::u32string normalise_code_points(std::string_view text) {
  std::u32string cps = utf8::decode(text);
  for (int pass = 0; pass < 4; ++pass) {
    bool removed = false;
    if (has_non_ascii(cps)) cps = nfkc(cps);
    cps = strip_and_map(cps, removed);
    if (!removed || !has_non_ascii(cps)) break;
  }
  return cps;
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(UChar32(c)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

}  // namespace

std::string normalise_text(std::string_view text) {
  return utf8::encode(normalise_code_points(text));
}

std::vector<std::string> search_tokens(std::string_view text) {
  const std::u32string cps = normalise_code_points(text);
  std::vector<std::string> tokens;
  std::string current;
  for (char32_t c : cps) {
    if (is_word_char(c)) {
      utf8::append(current, c);
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

std::string to_persian_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      utf8::append(out, char32_t(0x06F0 + (c - '0')));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Byte-level: a UTF-8 lead byte is never a continuation byte, so the pairs
// DB B0..B9 (U+06F0..9) and D9 A0..A9 (U+0660..9) are always those digits.
std::string to_ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (i + 1 < text.size()) {
      const auto n = static_cast<unsigned char>(text[i + 1]);
      if ((b == 0xDB && n >= 0xB0 && n <= 0xB9) || (b == 0xD9 && n >= 0xA0 && n <= 0xA9)) {
        out.push_back(char('0' + (n & 0x0F)));
        ++i;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace tamas
