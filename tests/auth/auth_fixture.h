// A running `tamas serve` on the automotive example with helpers to add
// users through the CLI, log them in and call the API as them.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <memory>
#include <string>

#include "http_client.h"
#include "server_process.h"

namespace tamas::test {

inline const char* kPassword = "correct horse battery";

struct Login {
  std::string token;
  std::string csrf;
  std::string set_cookie;
};

class AuthServer : public ::testing::Test {
 protected:
  std::string strategy() const {
    return std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml";
  }
  std::string db() const { return dir_.file("t.db"); }

  // Adds a user with the CLI (before or while the server runs).
  void add_user(const std::string& name, const std::string& role) {
    std::string out;
    int rc = run_command({tamas_binary(), "user", "add", name, "--role", role, "--password",
                          kPassword, "--strategy", strategy(), "--db", db()},
                         out);
    ASSERT_EQ(rc, 0) << out;
  }

  void start(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--strategy", strategy(), "--db", db()};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(args);
    ASSERT_NE(server_->port(), 0) << server_->log();
  }

  std::uint16_t port() const { return server_->port(); }

  HttpReply call(const std::string& method, const std::string& target, const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) {
    if (!body.empty() && !headers.count("content-type"))
      headers["content-type"] = "application/json";
    return HttpConnection(port()).request(method, target, body, headers);
  }

  HttpReply as(const std::string& token, const std::string& method, const std::string& target,
               const std::string& body = "") {
    return call(method, target, body, {{"authorization", "Bearer " + token}});
  }

  Login login(const std::string& name, const std::string& password = kPassword) {
    auto r = call("POST", "/api/v1/auth/login",
                  R"({"username":")" + name + R"(","password":")" + password + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    auto v = boost::json::parse(r.body).as_object();
    return Login{std::string(v.at("token").as_string()),
                 std::string(v.at("csrf_token").as_string()), r.headers["set-cookie"]};
  }

  static boost::json::value json(const HttpReply& r) { return boost::json::parse(r.body); }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace tamas::test
