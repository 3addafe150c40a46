#include "api/http.h"

#include <cstdio>

namespace tamas::api {

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

Response Response::json(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {}};
}

Response Response::text(int status, std::string body) {
  return Response{status, "text/plain; charset=utf-8", std::move(body), {}};
}

Response Response::error(int status, std::string_view code, std::string_view message) {
  std::string body = "{\"error\":{\"status\":" + std::to_string(status) + ",\"code\":\"" +
                     json_escape(code) + "\",\"message\":\"" + json_escape(message) + "\"}}";
  return json(status, std::move(body));
}

Handler sync(std::function<Response(const Request&)> fn) {
  return [fn = std::move(fn)](const Request& req, Respond respond) { respond(fn(req)); };
}

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace tamas::api
