// Secrets: argon2id password hashes and random bearer tokens.
// Thread-safe; every function is self-contained.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace tamas::api {

struct PasswordPolicy {
  std::size_t min_length = 8;
  std::size_t max_length = 256;
};

// Checks length limits; the message says which.
Status check_password_policy(std::string_view password, const PasswordPolicy& policy = {});

// An argon2id PHC string ("$argon2id$v=19$m=...,t=...,p=...$salt$hash") with
// a fresh random salt. Cost: m=19 MiB, t=2, p=1 (OWASP's minimum), or the
// cheap test profile when `fast` is set (for tests only).
Result<std::string> hash_password(std::string_view password, bool fast = false);
// Constant-time verification against a PHC string; false on any mismatch
// or malformed hash.
bool verify_password(std::string_view encoded, std::string_view password);

// `bytes` random bytes from the OS CSPRNG, URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
// Hex SHA-256 of a token: what the store keeps instead of the token.
std::string token_digest(std::string_view token);
// Constant-time string comparison.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace tamas::api
