// The HTTP server: Boost.Beast on an Asio io_context run by a small thread
// pool. Beast stays inside server.cc; this header is cheap to include.
//
// Contract: start() binds and returns the bound port (pass port 0 for a free
// one). Handlers run on I/O threads and must not block for long; they answer
// through Respond, possibly later and from another thread. stop() stops
// accepting, closes connections and joins the threads; the destructor calls it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "api/router.h"
#include "core/result.h"
#include "core/time.h"

namespace tamas::api {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 2;
  std::size_t body_limit = 1 << 20;            // bytes; larger bodies get 413
  std::size_t header_limit = 16 << 10;         // bytes; larger headers get 431
  Duration read_timeout = std::chrono::seconds(15);  // per request, headers + body
  Duration idle_timeout = std::chrono::seconds(60);  // keep-alive between requests
  std::size_t ws_message_limit = 64 << 10;      // bytes per WebSocket message
  std::string server_name = "tamas";
  bool log_requests = false;  // one debug line per request (costs ~5% of throughput)
  // Origins whose pages may call the public endpoints (cors.h); "*" for any.
  std::vector<std::string> cors_origins;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, std::shared_ptr<const Router> router);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  Result<std::uint16_t> start();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tamas::api
