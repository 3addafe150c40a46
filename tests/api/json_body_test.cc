#include "api/json_body.h"

#include <gtest/gtest.h>

namespace tamas::api {
namespace {

Request post(std::string body, std::string type = "application/json") {
  Request r;
  r.method = "POST";
  r.headers.emplace_back("content-type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(JsonBody, ReadsKnownFields) {
  JsonBody b(post(R"({"name":"سارا","age":31,"vip":true,"fields":{"vin":"X"}})"));
  EXPECT_EQ(b.string("name", true), "سارا");
  EXPECT_EQ(b.integer("age"), 31);
  EXPECT_EQ(b.boolean("vip"), true);
  EXPECT_EQ(b.string_map("fields")->at("vin"), "X");
  EXPECT_FALSE(b.error().has_value());
}

TEST(JsonBody, WrongContentTypeIs415) {
  JsonBody b(post("{}", "text/plain"));
  auto e = b.error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 415);
}

TEST(JsonBody, ContentTypeParametersAreAllowed) {
  JsonBody b(post("{}", "application/json; charset=utf-8"));
  EXPECT_FALSE(b.error().has_value());
}

TEST(JsonBody, MalformedJsonIs400) {
  JsonBody b(post("{\"a\":"));
  auto e = b.error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 400);
  EXPECT_NE(e->body.find("malformed_json"), std::string::npos);
}

TEST(JsonBody, NonObjectIs400) {
  JsonBody b(post("[1,2]"));
  EXPECT_EQ(b.error()->status, 400);
}

TEST(JsonBody, ReportsEveryFieldProblemAtOnce) {
  JsonBody b(post(R"({"name":5,"extra":1})"));
  b.string("name", true);
  b.string("email", true);
  auto e = b.error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 422);
  EXPECT_NE(e->body.find(R"("name":"must be a string")"), std::string::npos) << e->body;
  EXPECT_NE(e->body.find(R"("email":"is required")"), std::string::npos);
  EXPECT_NE(e->body.find(R"("extra":"unknown field")"), std::string::npos);
}

TEST(JsonBody, DeepNestingIsRejectedNotACrash) {
  JsonBody b(post(std::string(10000, '[') + std::string(10000, ']')));
  EXPECT_EQ(b.error()->status, 400);
}

}  // namespace
}  // namespace tamas::api
