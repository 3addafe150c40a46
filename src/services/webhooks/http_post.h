// A minimal blocking HTTP/1.1 POST client for webhook deliveries, over
// plain TCP (http://) or TLS (https://, OpenSSL). TLS verifies the
// receiver's certificate chain against the system's CA store (plus an
// optional extra CA file) and its name against the URL's host; a receiver
// that fails verification is not sent anything. One connection per call.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace tamas::services {

struct HttpUrl {
  bool tls = false;  // https
  std::string host;
  std::uint16_t port = 80;   // 443 for https unless given
  std::string target = "/";  // path and query
};

// Accepts "http[s]://host[:port][/path][?query]"; the error says what is wrong.
Result<HttpUrl> parse_http_url(const std::string& url);

struct PostOutcome {
  int status = 0;     // 0 when no response arrived
  std::string error;  // "" when a response arrived
};

struct TlsOptions {
  std::string ca_file;  // PEM certificates trusted besides the system's; "" for none
  bool verify = true;   // off only in tests of the refusal itself
};

// POSTs `body` as application/json with `headers`; gives up after `timeout`.
PostOutcome http_post_json(const HttpUrl& url,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& body, Duration timeout, const TlsOptions& tls = {});

}  // namespace tamas::services
