#include "api/router.h"

namespace tamas::api {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  Route r{std::move(method), {}, std::move(handler)};
  for (auto s : split_path(pattern)) r.segments.emplace_back(s);
  routes_.push_back(std::move(r));
}

void Router::ws(std::string pattern, WsHandler handler) {
  WsRoute r{{}, std::move(handler)};
  for (auto s : split_path(pattern)) r.segments.emplace_back(s);
  ws_routes_.push_back(std::move(r));
}

const WsHandler* Router::find_ws(Request& req) const {
  const auto path = split_path(req.path);
  for (const auto& r : ws_routes_) {
    std::map<std::string, std::string> params;
    if (match(r.segments, path, params)) {
      req.params = std::move(params);
      return &r.handler;
    }
  }
  return nullptr;
}

bool Router::match(const std::vector<std::string>& segments,
                   const std::vector<std::string_view>& path,
                   std::map<std::string, std::string>& params) {
  if (segments.size() != path.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < path.size(); ++i) {
    const std::string& seg = segments[i];
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      if (path[i].empty()) return false;
      found.emplace(seg.substr(1, seg.size() - 2), std::string(path[i]));
    } else if (seg != path[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

std::vector<Router::RouteInfo> Router::routes() const {
  auto join = [](const std::vector<std::string>& segments) {
    std::string out;
    for (const auto& s : segments) out += "/" + s;
    return out.empty() ? std::string("/") : out;
  };
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, join(r.segments)});
  for (const auto& r : ws_routes_) out.push_back({"WS", join(r.segments)});
  return out;
}

void Router::dispatch(Request& req, Respond respond) const {
  const auto path = split_path(req.path);
  std::string allow;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!match(r.segments, path, params)) continue;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      req.params = std::move(params);
      r.handler(req, std::move(respond));
      return;
    }
    if (!allow.empty()) allow += ", ";
    allow += r.method;
  }
  if (allow.empty()) {
    respond(Response::error(404, "not_found", "no such endpoint: " + req.path));
    return;
  }
  auto res = Response::error(405, "method_not_allowed",
                             req.method + " is not allowed on " + req.path + " (allowed: " + allow + ")");
  res.headers.emplace_back("Allow", allow);
  respond(std::move(res));
}

}  // namespace tamas::api
