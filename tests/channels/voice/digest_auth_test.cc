// Digest authentication for REGISTER: the RFC 2617 example, wrong
// passwords, broken headers, and our stateless nonces.
#include "channels/voice/digest_auth.h"

#include <gtest/gtest.h>

namespace tamas::voice {
namespace {

constexpr const char* kRfcExample =
    R"(Digest username="Mufasa", realm="testrealm@host.com", )"
    R"(nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, )"
    R"(nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", )"
    R"(opaque="5ccc069c403ebaf9f0171e9517f40e41")";

TEST(DigestAuth, TheRfc2617ExampleParsesAndVerifies) {
  auto r = parse_digest(kRfcExample);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->username, "Mufasa");
  EXPECT_EQ(r->realm, "testrealm@host.com");
  EXPECT_EQ(r->uri, "/dir/index.html");
  EXPECT_EQ(r->qop, "auth");
  EXPECT_EQ(r->cnonce, "0a4f113b");
  const std::string ha1 = digest_ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
  EXPECT_EQ(ha1.size(), 32u);
  EXPECT_TRUE(digest_verify(*r, "GET", ha1));
}

TEST(DigestAuth, AWrongPasswordOrMethodDoesNotVerify) {
  auto r = parse_digest(kRfcExample);
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(digest_verify(*r, "GET", digest_ha1("Mufasa", "testrealm@host.com", "guess")));
  EXPECT_FALSE(
      digest_verify(*r, "REGISTER", digest_ha1("Mufasa", "testrealm@host.com", "Circle Of Life")));
  r->algorithm = "SHA-256";  // not offered by us
  EXPECT_FALSE(
      digest_verify(*r, "GET", digest_ha1("Mufasa", "testrealm@host.com", "Circle Of Life")));
}

TEST(DigestAuth, WithoutQopTheResponseIsTheRfc2069Form) {
  DigestResponse r{"alice", "tamas", "n1", "sip:127.0.0.1", "", "", "", "", "", ""};
  const std::string ha1 = digest_ha1("alice", "tamas", "pw123456");
  r.response = md5_hex(ha1 + ":n1:" + md5_hex("REGISTER:sip:127.0.0.1"));
  EXPECT_TRUE(digest_verify(r, "REGISTER", ha1));
}

TEST(DigestAuth, BrokenHeadersAreRefused) {
  EXPECT_FALSE(parse_digest("Basic YWxhZGRpbjpvcGVuc2VzYW1l"));
  EXPECT_FALSE(parse_digest("Digest"));
  EXPECT_FALSE(parse_digest(R"(Digest username="a, realm="r")"));  // unterminated quote
  EXPECT_FALSE(parse_digest(R"(Digest username="a", realm="r", nonce="n", uri="u")"));
  EXPECT_FALSE(parse_digest(
      R"(Digest username="a", realm="r", nonce="n", uri="u", response="x", qop=auth)"));
  EXPECT_FALSE(parse_digest(R"(Digest username="a" realm="r")"));  // no comma
  EXPECT_TRUE(parse_digest(R"(digest USERNAME="a",realm=r,nonce="n",uri="sip:x",response=ab)"));
}

TEST(DigestAuth, NoncesAreOursAndExpire) {
  const std::string n = make_nonce("s3cret", 1000);
  EXPECT_EQ(check_nonce(n, "s3cret", 1000, 300000), NonceCheck::ok);
  EXPECT_EQ(check_nonce(n, "s3cret", 301000, 300000), NonceCheck::ok);
  EXPECT_EQ(check_nonce(n, "s3cret", 301001, 300000), NonceCheck::stale);
  EXPECT_EQ(check_nonce(n, "other", 1000, 300000), NonceCheck::invalid);
  EXPECT_EQ(check_nonce("3e8.0000", "s3cret", 1000, 300000), NonceCheck::invalid);
  EXPECT_EQ(check_nonce("zz", "s3cret", 1000, 300000), NonceCheck::invalid);
  EXPECT_EQ(check_nonce("", "s3cret", 1000, 300000), NonceCheck::invalid);
}

}  // namespace
}  // namespace tamas::voice
