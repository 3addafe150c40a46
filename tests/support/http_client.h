// A minimal blocking HTTP/1.1 client for tests: one connection per call
// unless a Connection object is kept. Loopback only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace tamas::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port, std::string host = "127.0.0.1");
  ~HttpConnection();
  HttpReply request(const std::string& method, const std::string& target,
                    const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {});
  // Writes raw bytes and reads until the server closes or `max` bytes.
  std::string raw(const std::string& bytes, std::size_t max = 1 << 20);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

HttpReply http_get(std::uint16_t port, const std::string& target);
HttpReply http_post(std::uint16_t port, const std::string& target, const std::string& body,
                    const std::string& content_type = "application/json");

}  // namespace tamas::test
