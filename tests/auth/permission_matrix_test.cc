// Every operation of docs/api/openapi.json, called by nobody and by one user
// of each role: anonymous callers get 401 on everything not public, a role
// gets 403 exactly when the role → permission matrix (api::permits) says no,
// and never 401 or 403 otherwise. Data-driven from the file, so operations
// other teams add are walked too. Requests are syntactically valid: the
// request body's `example`, path parameters from their `example` or a dummy
// id (a 404 or 422 then counts as allowed).
#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "api/access.h"
#include "auth_fixture.h"
#include "ws_client.h"

namespace tamas::test {
namespace {

namespace json = boost::json;

struct Operation {
  std::string method;  // "GET", ... ("WS" for x-websocket)
  std::string path;    // as documented
  std::string target;  // with parameters filled in
  std::string permission;
  std::string body;
  bool ends_session = false;
};

json::value openapi() {
  std::ifstream in(std::string(TAMAS_SOURCE_DIR) + "/docs/api/openapi.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string fill_params(std::string path, const json::object& op) {
  std::map<std::string, std::string> examples;
  if (auto* params = op.if_contains("parameters"))
    for (const auto& p : params->as_array())
      if (auto* ex = p.as_object().if_contains("example"))
        examples[std::string(p.at("name").as_string())] =
            ex->is_string() ? std::string(ex->as_string()) : json::serialize(*ex);
  for (auto open = path.find('{'); open != std::string::npos; open = path.find('{')) {
    const auto close = path.find('}', open);
    const std::string name = path.substr(open + 1, close - open - 1);
    path.replace(open, close - open + 1, examples.count(name) ? examples[name] : "999999");
  }
  return path;
}

std::vector<Operation> operations() {
  std::vector<Operation> out;
  const json::value doc = openapi();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, value] : item.as_object()) {
      if (!value.is_object() || !value.as_object().contains("responses")) continue;
      const auto& op = value.as_object();
      Operation o;
      o.method = std::string(method);
      for (auto& c : o.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (auto* ws = op.if_contains("x-websocket"); ws && ws->as_bool()) o.method = "WS";
      o.path = std::string(path);
      o.target = fill_params(o.path, op);
      o.permission = std::string(op.at("x-permission").as_string());
      if (auto* rb = op.if_contains("requestBody")) {
        const auto& media = rb->at("content").at("application/json").as_object();
        o.body = media.contains("example") ? json::serialize(media.at("example")) : "{}";
      }
      if (auto* ends = op.if_contains("x-ends-session")) o.ends_session = ends->as_bool();
      out.push_back(std::move(o));
    }
  }
  return out;
}

class PermissionMatrix : public AuthServer {
 protected:
  int status(const Operation& op, const std::string& token) {
    std::map<std::string, std::string> headers;
    if (!token.empty()) headers["authorization"] = "Bearer " + token;
    if (op.method == "WS") {
      WsClient ws;
      if (ws.connect(port(), op.target, headers)) {
        ws.close();
        return 101;
      }
      return ws.http_status();
    }
    return call(op.method, op.target, op.body, headers).status;
  }
};

TEST_F(PermissionMatrix, EveryRoleGetsExactlyWhatTheMatrixAllows) {
  const std::vector<std::pair<std::string, store::Role>> roles{
      {"admin", store::Role::admin},
      {"supervisor", store::Role::supervisor},
      {"agent", store::Role::agent},
      {"backoffice", store::Role::backoffice}};
  for (const auto& [name, role] : roles) add_user(name, store::to_string(role));
  start();
  std::map<std::string, std::string> tokens;
  for (const auto& [name, role] : roles) tokens[name] = login(name).token;

  const auto ops = operations();
  ASSERT_GT(ops.size(), 15u);
  for (const auto& op : ops) {
    SCOPED_TRACE(op.method + " " + op.target + " (" + op.permission + ")");
    const bool is_public = op.permission == "public";
    std::optional<api::Permission> permission;
    if (!is_public) {
      permission = api::parse_permission(op.permission);
      ASSERT_TRUE(permission) << "x-permission must name a Permission or be public";
    }
    const int anonymous = status(op, "");
    if (is_public) {
      EXPECT_NE(anonymous, 401);
      EXPECT_NE(anonymous, 403);
    } else {
      EXPECT_EQ(anonymous, 401);
    }
    for (const auto& [name, role] : roles) {
      SCOPED_TRACE("as " + name);
      const std::string token = op.ends_session ? login(name).token : tokens[name];
      const int got = status(op, token);
      if (!is_public && !api::permits(role, *permission)) {
        EXPECT_EQ(got, 403);
      } else {
        EXPECT_NE(got, 401);
        EXPECT_NE(got, 403);
      }
    }
  }
}

}  // namespace
}  // namespace tamas::test
