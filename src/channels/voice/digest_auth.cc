// Digest authentication: header parsing, MD5 responses, stateless nonces.
#include "channels/voice/digest_auth.h"

#include <cctype>
#include <cstdio>

#include "channels/voice/libre.h"

namespace tamas::voice {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_token(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("-_.!%*+`'~").find(c) != std::string_view::npos;
}

void skip_space(std::string_view s, size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
}

// A token or a quoted string at s[i]; nullopt on broken syntax.
std::optional<std::string> value(std::string_view s, size_t& i) {
  std::string out;
  if (i < s.size() && s[i] == '"') {
    for (++i; i < s.size(); ++i) {
      if (s[i] == '"') {
        ++i;
        return out;
      }
      if (s[i] == '\\') {
        if (++i == s.size()) return std::nullopt;
      }
      out += s[i];
    }
    return std::nullopt;  // unterminated
  }
  while (i < s.size() && (is_token(s[i]) || s[i] == '/' || s[i] == ':' || s[i] == '@'))
    out += s[i++];
  return out;
}

std::string* field(DigestResponse& r, std::string_view key) {
  struct Name {
    const char* key;
    std::string DigestResponse::*member;
  };
  static const Name names[] = {
      {"username", &DigestResponse::username}, {"realm", &DigestResponse::realm},
      {"nonce", &DigestResponse::nonce},       {"uri", &DigestResponse::uri},
      {"response", &DigestResponse::response}, {"algorithm", &DigestResponse::algorithm},
      {"qop", &DigestResponse::qop},           {"nc", &DigestResponse::nc},
      {"cnonce", &DigestResponse::cnonce},     {"opaque", &DigestResponse::opaque}};
  for (const Name& n : names) {
    if (iequals(key, n.key)) return &(r.*n.member);
  }
  return nullptr;  // other parameters are ignored
}

bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

std::optional<DigestResponse> parse_digest(std::string_view s) {
  size_t i = 0;
  skip_space(s, i);
  if (s.size() - i < 6 || !iequals(s.substr(i, 6), "digest")) return std::nullopt;
  i += 6;
  if (i >= s.size() || !is_space(s[i])) return std::nullopt;
  DigestResponse r;
  while (true) {
    skip_space(s, i);
    const size_t start = i;
    while (i < s.size() && is_token(s[i])) ++i;
    if (i == start) return std::nullopt;
    const std::string_view key = s.substr(start, i - start);
    skip_space(s, i);
    if (i >= s.size() || s[i] != '=') return std::nullopt;
    ++i;
    skip_space(s, i);
    auto v = value(s, i);
    if (!v) return std::nullopt;
    if (std::string* f = field(r, key)) *f = std::move(*v);
    skip_space(s, i);
    if (i == s.size()) break;
    if (s[i] != ',') return std::nullopt;
    ++i;
  }
  if (r.username.empty() || r.realm.empty() || r.nonce.empty() || r.uri.empty() ||
      r.response.empty())
    return std::nullopt;
  if (!r.qop.empty() && (r.nc.empty() || r.cnonce.empty())) return std::nullopt;
  return r;
}

std::string md5_hex(std::string_view text) {
  uint8_t digest[MD5_SIZE];
  md5(reinterpret_cast<const uint8_t*>(text.data()), text.size(), digest);
  static const char* hex = "0123456789abcdef";
  std::string out(2 * MD5_SIZE, '0');
  for (size_t i = 0; i < MD5_SIZE; ++i) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  return out;
}

std::string digest_ha1(std::string_view username, std::string_view realm,
                       std::string_view password) {
  std::string in;
  in.append(username).append(":").append(realm).append(":").append(password);
  return md5_hex(in);
}

bool digest_verify(const DigestResponse& r, std::string_view method, std::string_view ha1) {
  if (!r.algorithm.empty() && !iequals(r.algorithm, "MD5")) return false;
  if (!r.qop.empty() && !iequals(r.qop, "auth")) return false;
  std::string a2;
  a2.append(method).append(":").append(r.uri);
  const std::string ha2 = md5_hex(a2);
  std::string in(ha1);
  in.append(":").append(r.nonce).append(":");
  if (!r.qop.empty())
    in.append(r.nc).append(":").append(r.cnonce).append(":").append(r.qop).append(":");
  in.append(ha2);
  std::string response = r.response;
  for (char& c : response) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return same(md5_hex(in), response);
}

std::string make_nonce(std::string_view secret, uint64_t issued_ms) {
  char issued[17];
  std::snprintf(issued, sizeof issued, "%llx", static_cast<unsigned long long>(issued_ms));
  std::string in(secret);
  in.append(":").append(issued);
  return std::string(issued) + "." + md5_hex(in);
}

NonceCheck check_nonce(std::string_view nonce, std::string_view secret, uint64_t now_ms,
                       uint64_t max_age_ms) {
  const size_t dot = nonce.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 16) return NonceCheck::invalid;
  uint64_t issued = 0;
  for (char c : nonce.substr(0, dot)) {
    const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                  : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                                                              : -1;
    if (d < 0) return NonceCheck::invalid;
    issued = issued * 16 + static_cast<uint64_t>(d);
  }
  if (!same(make_nonce(secret, issued), nonce)) return NonceCheck::invalid;
  if (issued > now_ms || now_ms - issued > max_age_ms) return NonceCheck::stale;
  return NonceCheck::ok;
}

}  // namespace tamas::voice
