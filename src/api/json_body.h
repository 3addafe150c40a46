// Reading JSON request bodies strictly: the content type must be JSON, the
// body an object, unknown fields and missing required ones are errors, and
// every problem is reported at once as a 4xx Response with a JSON body:
//   {"error":{"status":422,"code":"invalid_fields","message":"...",
//             "fields":{"email":"must be a string", "x":"unknown field"}}}
//
// Include only in files that handle request bodies (pulls Boost.JSON).
#pragma once

#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/http.h"

namespace tamas::api {

class JsonBody {
 public:
  // Parses req.body. On failure, error() holds a 400/415 response.
  explicit JsonBody(const Request& req);

  // Field access; each records an error when the field has the wrong type
  // (or is missing and required). Remembers which fields were read.
  std::optional<std::string> string(const std::string& name, bool required = false,
                                    std::size_t max_length = 10'000);
  std::optional<std::int64_t> integer(const std::string& name, bool required = false);
  std::optional<bool> boolean(const std::string& name, bool required = false);
  // An object of string values (e.g. captured fields).
  std::optional<std::map<std::string, std::string>> string_map(const std::string& name,
                                                               bool required = false);
  // The raw value, for nested structures. Marks the field as read.
  const boost::json::value* raw(const std::string& name);
  // Records a custom problem with a field (e.g. a pattern mismatch).
  void problem(const std::string& field, std::string message);

  // After reading every allowed field: fails on parse errors, unknown fields
  // and recorded problems. REQUIRES: called once.
  std::optional<Response> error();

 private:
  const boost::json::value* find(const std::string& name);
  std::optional<Response> parse_error_;
  boost::json::object object_;
  std::vector<std::string> read_;
  std::map<std::string, std::string> problems_;
};

// 422 {"error":{"status":422,"code":"invalid_fields","message":"a is x; b is y",
//      "fields":{"a":"is x","b":"is y"}}} — every problem of a request at once.
Response field_problems_response(const std::map<std::string, std::string>& problems);

// Serialises a JSON value to text.
std::string to_text(const boost::json::value& v);

}  // namespace tamas::api
