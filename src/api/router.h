// Routes (method, path pattern) to handlers. Patterns are literal segments
// and {name} placeholders: "/api/v1/contacts/{id}". Immutable once the
// server starts; dispatch is safe from any number of threads.
#pragma once

#include <string>
#include <vector>

#include "api/http.h"

namespace tamas::api {

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void get(std::string pattern, Handler h) { add("GET", std::move(pattern), std::move(h)); }
  void post(std::string pattern, Handler h) { add("POST", std::move(pattern), std::move(h)); }

  // Calls the matching handler with req.params filled in; answers 404 for
  // an unknown path and 405 (with Allow) for a known path and wrong method.
  void dispatch(Request& req, Respond respond) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const Route& r, const std::vector<std::string_view>& path,
                    std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
};

}  // namespace tamas::api
