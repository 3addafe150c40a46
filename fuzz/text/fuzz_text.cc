// Fuzzes Persian text normalisation, tokenisation, digit conversion and
// phone normalisation with arbitrary bytes (mostly Persian/Arabic seeds).
// Checks, beyond "does not crash": outputs are valid UTF-8, normalisation is
// idempotent, tokens are non-empty and space-free, accepted phone numbers are
// E.164 or short codes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/phone.h"
#include "core/text.h"
#include "core/utf8.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

bool valid_utf8(std::string_view s) {
  return tamas::utf8::encode(tamas::utf8::decode(s)) == s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::string norm = tamas::normalise_text(input);
  check(valid_utf8(norm));
  check(tamas::normalise_text(norm) == norm);
  check(norm.empty() || (norm.front() != ' ' && norm.back() != ' '));

  for (const std::string& token : tamas::search_tokens(input)) {
    check(!token.empty());
    check(token.find(' ') == std::string::npos);
    check(valid_utf8(token));
  }

  check(tamas::to_ascii_digits(tamas::to_persian_digits(input)) == tamas::to_ascii_digits(input));

  auto phone = tamas::normalise_phone(input);
  if (phone.ok()) {
    const std::string& p = phone.value();
    check(!p.empty() && p.size() <= 16);
    const std::size_t first = p[0] == '+' ? 1 : 0;
    for (std::size_t i = first; i < p.size(); ++i) check(p[i] >= '0' && p[i] <= '9');
  } else {
    check(!phone.error().message.empty());
  }
  return 0;
}
