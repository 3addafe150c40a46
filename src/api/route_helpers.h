// Small helpers shared by the account, token and webhook endpoints.
#pragma once

#include <optional>
#include <string>

#include "api/http.h"
#include "core/result.h"
#include "store/records.h"

namespace tamas::api {

// The path parameter `name` as a row id; nullopt unless it is 1-18 digits
// and not 0.
std::optional<store::RowId> id_param(const Request& req, const char* name = "id");

// 400 for a path id that is not a positive integer.
Response invalid_id();

// A store error as a response: 404, 409, or 503 for everything else.
Response store_failure(const Error& e);

// A domain error as a response: invalid_argument 422, not_found 404,
// already_exists/conflict 409, permission_denied 403, unavailable 503,
// internal 500; the message is the error's.
Response error_response(const Error& e);

// 429 too_many_requests with `message` and Retry-After (whole seconds, at
// least 1) for a rate-limited caller.
Response too_many_requests(double retry_after_seconds, const std::string& message);

}  // namespace tamas::api
