// HTTP digest authentication for SIP REGISTER (RFC 2617 / RFC 8760, MD5,
// qop "auth" or none). Pure functions, any thread; the registrar uses them
// on the voice thread and the fuzz target calls them directly.
//
// Passwords are never stored: a user's credential is HA1 =
// MD5(username ":" realm ":" password) as 32 lower-case hex digits, so a
// stored HA1 is only good for one realm.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tamas::voice {

// The parameters of an `Authorization: Digest ...` header value.
struct DigestResponse {
  std::string username, realm, nonce, uri, response, algorithm, qop, nc, cnonce, opaque;
};

// Parses `Digest k=v, k="v", ...` (scheme compared case-insensitively,
// quoted strings with backslash escapes). nullopt when the scheme is not
// Digest, the syntax is broken, or username/realm/nonce/uri/response is
// missing, or qop is given without nc and cnonce.
std::optional<DigestResponse> parse_digest(std::string_view header_value);

// 32 lower-case hex digits of MD5(text).
std::string md5_hex(std::string_view text);
// HA1 for storing: MD5(username:realm:password).
std::string digest_ha1(std::string_view username, std::string_view realm,
                       std::string_view password);
// True when `r` proves knowledge of the password behind `ha1` for a request
// with this method (e.g. "REGISTER"). Only MD5 (or no algorithm) and qop
// auth (or none) are accepted. Compares in constant time.
bool digest_verify(const DigestResponse& r, std::string_view method, std::string_view ha1);

// Stateless nonces: "<issued, hex>.<MD5(secret:issued)>". A nonce is valid
// when it was made with this secret and is at most `max_age_ms` old.
std::string make_nonce(std::string_view secret, uint64_t issued_ms);
enum class NonceCheck { ok, stale, invalid };
NonceCheck check_nonce(std::string_view nonce, std::string_view secret, uint64_t now_ms,
                       uint64_t max_age_ms);

}  // namespace tamas::voice
