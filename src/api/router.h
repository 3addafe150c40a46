// Routes (method, path pattern) to handlers. Patterns are literal segments
// and {name} placeholders: "/api/v1/contacts/{id}". Immutable once the
// server starts; dispatch is safe from any number of threads.
#pragma once

#include <string>
#include <vector>

#include "api/http.h"
#include "api/websocket.h"

namespace tamas::api {

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void get(std::string pattern, Handler h) { add("GET", std::move(pattern), std::move(h)); }
  void post(std::string pattern, Handler h) { add("POST", std::move(pattern), std::move(h)); }
  void put(std::string pattern, Handler h) { add("PUT", std::move(pattern), std::move(h)); }
  void patch(std::string pattern, Handler h) { add("PATCH", std::move(pattern), std::move(h)); }
  void del(std::string pattern, Handler h) { add("DELETE", std::move(pattern), std::move(h)); }

  // A WebSocket endpoint; the pattern may use {name} placeholders.
  void ws(std::string pattern, WsHandler handler);
  // The WebSocket handler for `req.path`, with req.params filled; null if none.
  const WsHandler* find_ws(Request& req) const;

  // Calls the matching handler with req.params filled in; answers 404 for
  // an unknown path and 405 (with Allow) for a known path and wrong method.
  void dispatch(Request& req, Respond respond) const;

  // Every registered route in registration order: HTTP routes with their
  // method, WebSocket routes with method "WS". Patterns as registered
  // (normalised to "/a/{b}").
  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const std::vector<std::string>& segments,
                    const std::vector<std::string_view>& path,
                    std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
  struct WsRoute {
    std::vector<std::string> segments;
    WsHandler handler;
  };
  std::vector<WsRoute> ws_routes_;
};

}  // namespace tamas::api
