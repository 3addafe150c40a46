// A blocking WebSocket client for tests (loopback, text frames).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace tamas::test {

class WsClient {
 public:
  WsClient();
  ~WsClient();
  // Performs the handshake; on refusal returns false and sets http_status.
  bool connect(std::uint16_t port, const std::string& target,
               const std::map<std::string, std::string>& headers = {});
  int http_status() const { return http_status_; }
  void send(const std::string& text);
  // Next text message, or nullopt on timeout/close.
  std::optional<std::string> receive(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int http_status_ = 0;
};

}  // namespace tamas::test
