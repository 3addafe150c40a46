// Cross-origin access for the public endpoints, so the chat widget and the
// web forms can be embedded on the organisation's own website (another
// origin than tamas). Only the public endpoints take part:
//   /api/v1/public/...     forms, case status, knowledge-base search
//   /api/v1/forms/{ep}     web-form submissions
//   /api/v1/chat/...       chat transcript and survey, and the chat WebSocket
// For an allowed Origin they answer preflight OPTIONS and carry
// Access-Control-Allow-Origin; private endpoints never do (they rely on
// same-origin cookies and bearer tokens). No credentials are allowed
// cross-origin. The chat WebSocket refuses an Origin that is neither the
// server's own host nor allowed.
//
// Immutable after construction; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.h"

namespace tamas::api {

class CorsPolicy {
 public:
  CorsPolicy() = default;
  // `origins`: "https://shop.example" (scheme://host[:port]) or "*" for any.
  explicit CorsPolicy(std::vector<std::string> origins);

  // "https://shop.example" when well formed (lower-cased, no trailing
  // slash), else nullopt.
  static std::optional<std::string> normalise(std::string_view origin);

  static bool public_path(std::string_view path);
  bool allows(std::string_view origin) const;

  // For OPTIONS on a public path with an Origin header: 204 with the
  // Access-Control-Allow-* headers, or 403 for an origin not allowed.
  // nullopt for anything else (the router answers as usual).
  std::optional<Response> preflight(const Request& req) const;

  // The Access-Control-Allow-Origin value for the response to `req` ("" for
  // none: a private path, no Origin, or an origin not allowed).
  std::string allow_origin(const Request& req) const;

  // Whether a WebSocket upgrade to `req.path` may go ahead: no Origin
  // (not a browser), the server's own host, or an allowed origin. Only
  // public WebSocket endpoints are checked.
  bool websocket_allowed(const Request& req) const;

 private:
  bool any_ = false;
  std::vector<std::string> origins_;
};

}  // namespace tamas::api
