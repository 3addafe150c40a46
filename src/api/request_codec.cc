#include "api/request_codec.h"

#include <cctype>

namespace tamas::api {

namespace http = boost::beast::http;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void parse_query(std::string_view q, std::map<std::string, std::string>& out) {
  while (!q.empty()) {
    const size_t amp = q.find('&');
    const std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    std::string key = url_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1), true);
    out.emplace(std::move(key), std::move(value));
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string url_decode(std::string_view in, bool form) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%' && i + 2 < in.size()) {
      const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (form && c == '+') ? ' ' : c;
  }
  return out;
}

Request decode_request(BeastRequest& msg, std::string remote) {
  Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  const std::string_view target = req.target;
  const size_t qpos = target.find('?');
  req.path = url_decode(target.substr(0, qpos), false);
  if (qpos != std::string_view::npos) parse_query(target.substr(qpos + 1), req.query);
  for (const auto& field : msg)
    req.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
  req.body = std::move(msg.body());
  req.remote = std::move(remote);
  return req;
}

BeastResponse encode_response(Response res, bool keep_alive, bool head,
                              const std::string& server_name) {
  BeastResponse msg{static_cast<http::status>(res.status), 11};
  msg.set(http::field::server, server_name);
  msg.set(http::field::content_type, res.content_type);
  msg.set("X-Content-Type-Options", "nosniff");
  msg.set(http::field::cache_control, "no-store");
  for (auto& [k, v] : res.headers) msg.set(k, v);
  msg.keep_alive(keep_alive);
  const auto size = res.body.size();
  if (!head) msg.body() = std::move(res.body);
  msg.content_length(size);
  return msg;
}

}  // namespace tamas::api
