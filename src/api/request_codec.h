// Conversion between Beast messages and tamas::api values. Internal to the
// server (and its fuzz target): includes Beast, so keep it out of other files.
#pragma once

#include <boost/beast/http.hpp>

#include <string>

#include "api/http.h"

namespace tamas::api {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

Request decode_request(BeastRequest& msg, std::string remote);
BeastResponse encode_response(Response res, bool keep_alive, bool head,
                              const std::string& server_name);

// Percent-decoding; '+' becomes a space only when `form` is true. Invalid
// escapes are kept literally.
std::string url_decode(std::string_view in, bool form);

}  // namespace tamas::api
