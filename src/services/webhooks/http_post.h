// A minimal blocking HTTP/1.1 POST client for webhook deliveries: plain
// http:// only (https needs a TLS-terminating proxy in front of the
// receiver, or OpenSSL support here later). One connection per call.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace tamas::services {

struct HttpUrl {
  std::string host;
  std::uint16_t port = 80;
  std::string target = "/";  // path and query
};

// Accepts "http://host[:port][/path][?query]"; the error says what is wrong.
Result<HttpUrl> parse_http_url(const std::string& url);

struct PostOutcome {
  int status = 0;     // 0 when no response arrived
  std::string error;  // "" when a response arrived
};

// POSTs `body` as application/json with `headers`; gives up after `timeout`.
PostOutcome http_post_json(const HttpUrl& url,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body, Duration timeout);

}  // namespace tamas::services
