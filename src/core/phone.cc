// Phone number normalisation; see phone.h for the rules.
#include "core/phone.h"

#include <cstdio>

#include "core/text.h"
#include "core/utf8.h"

namespace tamas {
namespace {

constexpr std::size_t kMaxE164Digits = 15;

bool is_separator(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '-':
    case '.':
    case '/':
    case '(':
    case ')':
    case 0x00A0:
    case 0x202F:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
      return true;
    default:
      break;
  }
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0xFEFF;
}

std::string describe(char32_t c) {
  if (c >= 0x21 && c < 0x7F) return std::string("'") + char(c) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
  return buf;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

Error bad(const std::string& why) {
  return Error::invalid("phone number: " + why);
}

// Digits of `raw` and whether it started with '+', or an error.
Result<std::pair<std::string, bool>> extract_digits(std::string_view raw) {
  const std::string ascii = to_ascii_digits(raw);
  std::string digits;
  bool plus = false;
  std::size_t index = 0;
  for (std::size_t pos = 0; pos < ascii.size(); ++index) {
    const std::size_t at = pos;
    const char32_t c = utf8::next(ascii, pos);
    if (c >= '0' && c <= '9') {
      digits.push_back(char(c));
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (!is_separator(c)) {
      if (c == utf8::kReplacement && ascii.compare(at, pos - at, "\uFFFD") != 0) {
        return bad("invalid UTF-8 at byte " + std::to_string(at));
      }
      return bad("unexpected character " + describe(c) + " at position " + std::to_string(index));
    }
  }
  if (digits.empty()) return bad("no digits");
  return std::make_pair(std::move(digits), plus);
}

Result<std::string> international(std::string digits) {
  if (digits.rfind("980", 0) == 0) digits.erase(2, 1);  // "+98 (0)912..."
  if (digits.empty() || digits[0] == '0') return bad("country code cannot start with 0");
  if (digits.rfind("98", 0) == 0 && (digits.size() != 12 || digits[2] == '0')) {
    return bad("an Iranian number has 10 digits after +98");
  }
  if (digits.size() < 8 || digits.size() > kMaxE164Digits) {
    return bad("an international number has 8 to 15 digits");
  }
  return "+" + digits;
}

Result<std::string> national(std::string digits, std::string_view country) {
  if (digits[0] == '0') digits.erase(0, 1);
  if (country == "98") {
    if (digits.size() == 8) return bad("a landline number needs its area code (e.g. 021)");
    if (digits.size() != 10 || digits[0] == '0') {
      return bad("an Iranian number has 10 digits after the leading 0");
    }
  } else if (digits.size() < 4 || digits.size() + country.size() > kMaxE164Digits) {
    return bad("wrong number of digits for country code " + std::string(country));
  }
  return "+" + std::string(country) + digits;
}

}  // namespace

Result<std::string> normalise_phone(std::string_view raw, std::string_view default_country) {
  if (default_country.size() > 3 || !all_digits(default_country) || default_country[0] == '0') {
    return bad("default country code must be 1-3 digits");
  }
  auto extracted = extract_digits(raw);
  if (!extracted) return extracted.error();
  auto [digits, plus] = std::move(extracted).value();
  if (plus) return international(std::move(digits));
  if (digits.rfind("00", 0) == 0) return international(digits.substr(2));
  if (digits.size() >= 3 && digits.size() <= 6 && digits[0] != '0') return digits;  // short code
  if (default_country == "98" && digits.size() == 12 && digits.rfind("98", 0) == 0) {
    return international(std::move(digits));
  }
  return national(std::move(digits), default_country);
}

}  // namespace tamas
