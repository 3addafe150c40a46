#include "api/credentials.h"

#include <argon2.h>
#include <sodium.h>

#include <mutex>
#include <vector>

namespace tamas::api {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no CSPRNG: refusing to run is the only safe choice
  });
}

}  // namespace

Status check_password_policy(std::string_view password, const PasswordPolicy& policy) {
  if (password.size() < policy.min_length)
    return Error::invalid("password must be at least " + std::to_string(policy.min_length) + " characters");
  if (password.size() > policy.max_length)
    return Error::invalid("password must be at most " + std::to_string(policy.max_length) + " characters");
  return {};
}

Result<std::string> hash_password(std::string_view password, bool fast) {
  ensure_sodium();
  const uint32_t t_cost = fast ? 1 : 2;
  const uint32_t m_cost = fast ? 256 : 19 * 1024;  // KiB
  const uint32_t parallelism = 1;
  unsigned char salt[16];
  randombytes_buf(salt, sizeof salt);
  const size_t hash_len = 32;
  const size_t encoded_len =
      argon2_encodedlen(t_cost, m_cost, parallelism, sizeof salt, hash_len, Argon2_id);
  std::string encoded(encoded_len, '\0');
  const int rc = argon2id_hash_encoded(t_cost, m_cost, parallelism, password.data(), password.size(),
                                       salt, sizeof salt, hash_len, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) return Error::internal(std::string("argon2: ") + argon2_error_message(rc));
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  return encoded;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  const std::string enc(encoded);  // argon2 wants a NUL-terminated string
  return argon2id_verify(enc.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string token_digest(std::string_view token) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tamas::api
