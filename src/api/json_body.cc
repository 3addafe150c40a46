#include "api/json_body.h"

#include <algorithm>

namespace tamas::api {

namespace json = boost::json;

JsonBody::JsonBody(const Request& req) {
  const auto type = req.header("content-type");
  if (type.substr(0, type.find(';')) != "application/json") {
    parse_error_ = Response::error(415, "unsupported_media_type",
                                   "send the body as application/json");
    return;
  }
  json::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  json::value v = json::parse(req.body, ec, {}, opts);
  if (ec) {
    parse_error_ = Response::error(400, "malformed_json", "request body is not valid JSON: " + ec.message());
    return;
  }
  if (!v.is_object()) {
    parse_error_ = Response::error(400, "malformed_json", "request body must be a JSON object");
    return;
  }
  object_ = std::move(v.as_object());
}

const json::value* JsonBody::find(const std::string& name) {
  read_.push_back(name);
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

const json::value* JsonBody::raw(const std::string& name) { return find(name); }

void JsonBody::problem(const std::string& field, std::string message) {
  problems_.emplace(field, std::move(message));
}

std::optional<std::string> JsonBody::string(const std::string& name, bool required,
                                            std::size_t max_length) {
  const auto* v = find(name);
  if (!v) {
    if (required) problem(name, "is required");
    return std::nullopt;
  }
  if (!v->is_string()) {
    problem(name, "must be a string");
    return std::nullopt;
  }
  const auto& s = v->as_string();
  if (s.size() > max_length) {
    problem(name, "must be at most " + std::to_string(max_length) + " bytes");
    return std::nullopt;
  }
  if (required && s.empty()) {
    problem(name, "must not be empty");
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::int64_t> JsonBody::integer(const std::string& name, bool required) {
  const auto* v = find(name);
  if (!v) {
    if (required) problem(name, "is required");
    return std::nullopt;
  }
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v->as_uint64());
  problem(name, "must be an integer");
  return std::nullopt;
}

std::optional<bool> JsonBody::boolean(const std::string& name, bool required) {
  const auto* v = find(name);
  if (!v) {
    if (required) problem(name, "is required");
    return std::nullopt;
  }
  if (!v->is_bool()) {
    problem(name, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::map<std::string, std::string>> JsonBody::string_map(const std::string& name,
                                                                       bool required) {
  const auto* v = find(name);
  if (!v) {
    if (required) problem(name, "is required");
    return std::nullopt;
  }
  if (!v->is_object()) {
    problem(name, "must be an object of strings");
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (const auto& [k, val] : v->as_object()) {
    if (!val.is_string()) {
      problem(name + "." + std::string(k), "must be a string");
      continue;
    }
    out.emplace(std::string(k), std::string(val.as_string()));
  }
  return out;
}

std::optional<Response> JsonBody::error() {
  if (parse_error_) return parse_error_;
  for (const auto& [k, v] : object_)
    if (std::find(read_.begin(), read_.end(), std::string(k)) == read_.end())
      problems_.emplace(std::string(k), "unknown field");
  if (problems_.empty()) return std::nullopt;
  return field_problems_response(problems_);
}

Response field_problems_response(const std::map<std::string, std::string>& problems) {
  json::object fields;
  std::string summary;
  for (const auto& [k, v] : problems) {
    fields[k] = v;
    if (!summary.empty()) summary += "; ";
    summary += k + " " + v;
  }
  json::object err{{"status", 422}, {"code", "invalid_fields"}, {"message", summary}, {"fields", fields}};
  return Response::json(422, json::serialize(json::object{{"error", err}}));
}

std::string to_text(const json::value& v) { return json::serialize(v); }

}  // namespace tamas::api
