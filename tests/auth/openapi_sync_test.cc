// docs/api/openapi.json and the server agree: every route `tamas serve`
// registers is documented and every documented operation is routed, and
// each operation says what it needs and how it fails.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "api/access.h"
#include "server_process.h"

namespace tamas::test {
namespace {

namespace json = boost::json;

json::object document() {
  std::ifstream in(std::string(TAMAS_SOURCE_DIR) + "/docs/api/openapi.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str()).as_object();
}

std::set<std::string> documented_routes(const json::object& doc) {
  std::set<std::string> out;
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, op] : item.as_object()) {
      if (!op.is_object() || !op.as_object().contains("responses")) continue;
      std::string m(method);
      for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (auto* ws = op.as_object().if_contains("x-websocket"); ws && ws->as_bool()) m = "WS";
      out.insert(m + " " + std::string(path));
    }
  return out;
}

std::set<std::string> served_routes() {
  TempDir dir;
  std::string out;
  int rc = run_command({tamas_binary(), "routes", "--strategy",
                        std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml",
                        "--db", dir.file("t.db")},
                       out);
  EXPECT_EQ(rc, 0) << out;
  std::set<std::string> routes;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("GET ", 0) == 0 || line.rfind("POST ", 0) == 0 || line.rfind("PUT ", 0) == 0 ||
        line.rfind("PATCH ", 0) == 0 || line.rfind("DELETE ", 0) == 0 || line.rfind("WS ", 0) == 0)
      routes.insert(line);
  return routes;
}

TEST(OpenApi, EveryServedRouteIsDocumentedAndEveryDocumentedOperationIsServed) {
  const auto documented = documented_routes(document());
  const auto served = served_routes();
  ASSERT_FALSE(served.empty());
  for (const auto& r : served) EXPECT_TRUE(documented.count(r)) << r << " is not in openapi.json";
  for (const auto& r : documented)
    EXPECT_TRUE(served.count(r)) << r << " is documented but not routed";
}

TEST(OpenApi, EveryOperationHasASummaryAPermissionAndItsErrorResponses) {
  const auto doc = document();
  EXPECT_EQ(doc.at("openapi").as_string().subview().substr(0, 3), "3.1");
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, value] : item.as_object()) {
      if (!value.is_object() || !value.as_object().contains("responses")) continue;
      const auto& op = value.as_object();
      SCOPED_TRACE(std::string(method) + " " + std::string(path));
      EXPECT_FALSE(op.at("summary").as_string().empty());
      const std::string permission(op.at("x-permission").as_string());
      EXPECT_TRUE(permission == "public" || api::parse_permission(permission)) << permission;
      const auto& responses = op.at("responses").as_object();
      bool has_success = false;
      for (const auto& [code, r] : responses) has_success |= code.starts_with("2") || code == "101";
      EXPECT_TRUE(has_success);
      if (permission != "public") {
        EXPECT_TRUE(responses.contains("401"));
        if (permission != "authenticated") {
          EXPECT_TRUE(responses.contains("403"));
        }
      }
      if (op.contains("requestBody")) {
        const auto& media = op.at("requestBody").at("content").at("application/json").as_object();
        EXPECT_TRUE(media.contains("schema"));
        EXPECT_TRUE(media.contains("example")) << "the permission-matrix test sends the example";
        EXPECT_TRUE(responses.contains("422"));
      }
    }
}

}  // namespace
}  // namespace tamas::test
