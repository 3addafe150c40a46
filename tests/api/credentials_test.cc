#include "api/credentials.h"

#include <gtest/gtest.h>

#include "api/rate_limiter.h"

namespace tamas::api {
namespace {

TEST(Credentials, HashesWithArgon2idAndVerifies) {
  auto hash = hash_password("correct horse", /*fast=*/true);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse"));
  EXPECT_FALSE(verify_password(*hash, "correct horsE"));
}

TEST(Credentials, SamePasswordGetsDifferentSalts) {
  EXPECT_NE(*hash_password("pw123456", true), *hash_password("pw123456", true));
}

TEST(Credentials, MalformedHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
}

TEST(Credentials, PolicyNamesTheLimit) {
  auto s = check_password_policy("short");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "password must be at least 8 characters");
  EXPECT_TRUE(check_password_policy("long enough").ok());
}

TEST(Credentials, TokensAreUrlSafeAndDistinct) {
  const auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(Credentials, TokenDigestIsSha256Hex) {
  EXPECT_EQ(token_digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(RateLimiter, AllowsABurstThenRefillsOverTime) {
  RateLimiter limiter(3, 60);  // burst 3, one token per second
  const Instant t0 = from_millis(1'000'000);
  EXPECT_TRUE(limiter.allow("10.0.0.1", t0));
  EXPECT_TRUE(limiter.allow("10.0.0.1", t0));
  EXPECT_TRUE(limiter.allow("10.0.0.1", t0));
  EXPECT_FALSE(limiter.allow("10.0.0.1", t0));
  EXPECT_NEAR(limiter.retry_after_seconds("10.0.0.1", t0), 1.0, 1e-9);
  EXPECT_TRUE(limiter.allow("10.0.0.2", t0)) << "keys are independent";
  EXPECT_TRUE(limiter.allow("10.0.0.1", t0 + std::chrono::seconds(1)));
  EXPECT_FALSE(limiter.allow("10.0.0.1", t0 + std::chrono::seconds(1)));
}

}  // namespace
}  // namespace tamas::api
