// parse_dtmf_info: the two common SIP INFO DTMF bodies.
#include "channels/voice/dtmf_info.h"

#include <cctype>

namespace tamas::voice {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<char> digit_of(std::string_view v) {
  v = trim(v);
  if (v == "10") return '*';
  if (v == "11") return '#';
  if (v.size() != 1) return std::nullopt;
  const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(v[0])));
  if ((c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D')) return c;
  return std::nullopt;
}

// The value of "Signal=" in a dtmf-relay body (one "key=value" per line).
std::optional<char> relay_signal(std::string_view body) {
  while (!body.empty()) {
    const size_t eol = body.find_first_of("\r\n");
    std::string_view line = body.substr(0, eol);
    body.remove_prefix(eol == std::string_view::npos ? body.size() : eol + 1);
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    if (iequals(trim(line.substr(0, eq)), "signal")) return digit_of(line.substr(eq + 1));
  }
  return std::nullopt;
}

}  // namespace

std::optional<char> parse_dtmf_info(std::string_view content_type, std::string_view body) {
  std::string_view type = trim(content_type.substr(0, content_type.find(';')));
  if (iequals(type, "application/dtmf-relay")) return relay_signal(body);
  if (iequals(type, "application/dtmf")) return digit_of(body);
  return std::nullopt;
}

}  // namespace tamas::voice
