// Small helpers shared by the account, token and webhook endpoints.
#pragma once

#include <optional>
#include <string>

#include "api/http.h"
#include "core/result.h"
#include "store/records.h"

namespace tamas::api {

// The {id} path parameter as a row id; nullopt unless it is 1-18 digits.
std::optional<store::RowId> id_param(const Request& req);

// A store error as a response: 404, 409, or 503 for everything else.
Response store_failure(const Error& e);

}  // namespace tamas::api
