#include "api/cors.h"

#include <algorithm>
#include <cctype>

namespace tamas::api {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> origins) {
  for (const auto& o : origins) {
    if (o == "*") {
      any_ = true;
      continue;
    }
    if (auto n = normalise(o)) origins_.push_back(*n);
  }
}

std::optional<std::string> CorsPolicy::normalise(std::string_view origin) {
  std::string o = lower(origin);
  while (!o.empty() && o.back() == '/') o.pop_back();
  const auto scheme = o.find("://");
  if (scheme == std::string::npos || scheme == 0) return std::nullopt;
  const std::string s = o.substr(0, scheme);
  if (s != "http" && s != "https") return std::nullopt;
  const std::string host = o.substr(scheme + 3);
  if (host.empty() || host.find_first_of("/?#@ \t\r\n") != std::string::npos) return std::nullopt;
  return o;
}

bool CorsPolicy::public_path(std::string_view path) {
  return starts_with(path, "/api/v1/public/") || starts_with(path, "/api/v1/forms/") ||
         starts_with(path, "/api/v1/chat/");
}

bool CorsPolicy::allows(std::string_view origin) const {
  if (any_) return normalise(origin).has_value();
  auto n = normalise(origin);
  return n && std::find(origins_.begin(), origins_.end(), *n) != origins_.end();
}

std::optional<Response> CorsPolicy::preflight(const Request& req) const {
  const auto origin = req.header("origin");
  if (req.method != "OPTIONS" || origin.empty() || !public_path(req.path)) return std::nullopt;
  if (!allows(origin)) {
    Response r = Response::error(403, "origin_not_allowed",
                                 "this origin may not call tamas (see tamas serve --cors-origin)");
    r.headers.emplace_back("Vary", "Origin");
    return r;
  }
  Response r;
  r.status = 204;
  r.headers = {{"Access-Control-Allow-Origin", std::string(origin)},
               {"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
               {"Access-Control-Allow-Headers", "Content-Type"},
               {"Access-Control-Max-Age", "600"},
               {"Vary", "Origin"}};
  return r;
}

std::string CorsPolicy::allow_origin(const Request& req) const {
  const auto origin = req.header("origin");
  if (origin.empty() || !public_path(req.path) || !allows(origin)) return "";
  return std::string(origin);
}

bool CorsPolicy::websocket_allowed(const Request& req) const {
  const auto origin = req.header("origin");
  if (origin.empty() || !public_path(req.path)) return true;
  auto n = normalise(origin);
  if (!n) return false;
  const std::string host = lower(req.header("host"));
  const auto scheme_end = n->find("://");
  if (!host.empty() && n->substr(scheme_end + 3) == host) return true;  // same origin
  return allows(origin);
}

}  // namespace tamas::api
