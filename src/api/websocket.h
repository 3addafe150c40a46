// WebSocket endpoints, Beast-free. A route registered with Router::ws() is
// offered every upgrade request on its path; the handler accepts by filling
// in callbacks, or refuses with an HTTP response (401, 403, 404...).
//
// Threads: callbacks run on the connection's I/O strand, one at a time.
// WsConnection::send and close may be called from any thread; sends are
// queued and written in order. After on_close no callback runs again.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/http.h"

namespace tamas::api {

class WsConnection {
 public:
  virtual ~WsConnection() = default;
  virtual void send(std::string text) = 0;
  virtual void close(std::string reason = "") = 0;
  virtual const std::string& remote() const = 0;
};

struct WsCallbacks {
  std::function<void(const std::string& text)> on_message;
  std::function<void()> on_close;
};

// Return nullopt to accept (after filling `callbacks`), or a response to refuse.
using WsHandler = std::function<std::optional<Response>(
    const Request& req, std::shared_ptr<WsConnection> connection, WsCallbacks& callbacks)>;

}  // namespace tamas::api
