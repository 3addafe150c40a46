#include "services/intake/field_validation.h"

#include <algorithm>
#include <regex>

#include "core/phone.h"
#include "core/text.h"

namespace tamas::services {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// UTF-8 code points, for length limits people understand.
std::size_t length_in_characters(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_email(const std::string& v) {
  static const std::regex re(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  return std::regex_match(v, re);
}

bool is_number(const std::string& v) {
  static const std::regex re(R"(-?[0-9]+(\.[0-9]+)?)");
  return std::regex_match(v, re);
}

bool is_date(const std::string& v) {
  static const std::regex re(R"([0-9]{4}[-/][0-9]{2}[-/][0-9]{2})");
  return std::regex_match(v, re);
}

// Normalises by type; returns a problem or "".
std::string clean_by_type(const strategy::Field& f, std::string& v) {
  using strategy::FieldType;
  switch (f.type) {
    case FieldType::number:
      v = to_ascii_digits(v);
      return is_number(v) ? "" : "must be a number";
    case FieldType::phone: {
      auto p = normalise_phone(v);
      if (!p) return "is not a phone number we can call";
      v = *p;
      return "";
    }
    case FieldType::email:
      return is_email(v) ? "" : "is not an e-mail address";
    case FieldType::vin:
      v = to_ascii_digits(v);
      std::transform(v.begin(), v.end(), v.begin(), [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
      return std::regex_match(v, std::regex("[A-HJ-NPR-Z0-9]{17}")) ? "" : "must be a 17-character VIN";
    case FieldType::date:
      v = to_ascii_digits(v);
      return is_date(v) ? "" : "must be a date like 1404/01/15 or 2025-04-04";
    case FieldType::choice:
      return std::find(f.choices.begin(), f.choices.end(), v) != f.choices.end()
                 ? ""
                 : "must be one of the listed choices";
    case FieldType::text:
      return "";
  }
  return "";
}

std::string check_one(const strategy::Field& f, std::string& v) {
  if (auto p = clean_by_type(f, v); !p.empty()) return p;
  const auto n = length_in_characters(v);
  if (f.min_length > 0 && n < static_cast<std::size_t>(f.min_length))
    return "must be at least " + std::to_string(f.min_length) + " characters";
  if (f.max_length > 0 && n > static_cast<std::size_t>(f.max_length))
    return "must be at most " + std::to_string(f.max_length) + " characters";
  if (!f.pattern.empty()) {
    try {
      if (!std::regex_match(v, std::regex(f.pattern, std::regex::ECMAScript))) return "has the wrong format";
    } catch (const std::regex_error&) {
      return "cannot be checked (the strategy's pattern is invalid)";
    }
  }
  return "";
}

}  // namespace

FieldCheck check_fields(const strategy::Strategy& s,
                        const std::vector<strategy::FieldRequirement>& requirements,
                        const std::map<std::string, std::string>& input) {
  FieldCheck out;
  for (const auto& req : requirements) {
    const auto& field = s.fields[static_cast<std::size_t>(req.field_index)];
    const auto it = input.find(req.field);
    std::string v = it == input.end() ? "" : trim(it->second);
    if (v.empty()) {
      if (req.required) out.problems[req.field] = "is required";
      continue;
    }
    if (auto problem = check_one(field, v); !problem.empty()) {
      out.problems[req.field] = problem;
      continue;
    }
    out.values[req.field] = std::move(v);
  }
  for (const auto& entry : input) {
    const std::string& name = entry.first;
    const bool asked = std::any_of(requirements.begin(), requirements.end(),
                                   [&](const strategy::FieldRequirement& r) { return r.field == name; });
    if (!asked) out.problems[name] = "is not asked for on this form";
  }
  return out;
}

}  // namespace tamas::services
