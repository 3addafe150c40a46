#include "api/route_helpers.h"

#include <algorithm>
#include <cmath>

namespace tamas::api {

std::optional<store::RowId> id_param(const Request& req, const char* name) {
  auto it = req.params.find(name);
  if (it == req.params.end()) return std::nullopt;
  const std::string& text = it->second;
  if (text.empty() || text.size() > 18) return std::nullopt;
  store::RowId id = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  if (id == 0) return std::nullopt;
  return id;
}

Response invalid_id() {
  return Response::error(400, "invalid_argument", "the id must be a positive integer");
}

Response store_failure(const Error& e) {
  switch (e.code) {
    case ErrorCode::not_found:
      return Response::error(404, "not_found", e.message);
    case ErrorCode::already_exists:
      return Response::error(409, "conflict", e.message);
    case ErrorCode::invalid_argument:
      return Response::error(422, "invalid", e.message);
    default:
      return Response::error(503, "unavailable", "the store is unavailable; try again");
  }
}

Response error_response(const Error& e) {
  switch (e.code) {
    case ErrorCode::invalid_argument:
      return Response::error(422, "invalid", e.message);
    case ErrorCode::not_found:
      return Response::error(404, "not_found", e.message);
    case ErrorCode::already_exists:
    case ErrorCode::conflict:
      return Response::error(409, "conflict", e.message);
    case ErrorCode::permission_denied:
      return Response::error(403, "forbidden", e.message);
    case ErrorCode::unavailable:
      return Response::error(503, "unavailable", e.message);
    case ErrorCode::internal:
      break;
  }
  return Response::error(500, "internal", e.message);
}

Response too_many_requests(double retry_after_seconds, const std::string& message) {
  auto r = Response::error(429, "too_many_requests", message);
  r.headers.emplace_back(
      "Retry-After", std::to_string(std::max(1, static_cast<int>(std::ceil(retry_after_seconds)))));
  return r;
}

}  // namespace tamas::api
