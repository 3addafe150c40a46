// HTTP request and response as plain values, so handlers never see Beast.
// Only src/api/server*.cc include Boost.Beast.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tamas::api {

struct Request {
  std::string method;   // "GET", "POST", ...
  std::string target;   // raw request target, e.g. "/api/v1/x?y=1"
  std::string path;     // decoded path without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;  // from {name} segments in the route
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote;   // peer address

  // First header with this (lower-case) name, or "".
  std::string_view header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body);
  // {"error":{"status":404,"code":"not_found","message":"..."}}
  static Response error(int status, std::string_view code, std::string_view message);
};

// Handlers answer through `respond`, exactly once, from any thread; this lets
// a handler wait for a store commit or the engine without blocking I/O.
using Respond = std::function<void(Response)>;
using Handler = std::function<void(const Request&, Respond)>;

// Wraps a synchronous function as a Handler.
Handler sync(std::function<Response(const Request&)> fn);

// JSON string escaping (RFC 8259), without surrounding quotes.
std::string json_escape(std::string_view s);

}  // namespace tamas::api
