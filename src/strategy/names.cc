// Names of the strategy's enumerations, as written in the YAML file.
#include <unicode/timezone.h>

#include <memory>

#include "strategy/parse.h"

namespace tamas::strategy {
namespace detail {

const std::vector<std::string>& case_kind_names() {
  static const std::vector<std::string> v{"request",           "complaint", "suggestion",
                                          "inquiry",           "order",     "order_change",
                                          "technical_support", "feedback",  "emergency"};
  return v;
}
const std::vector<std::string>& channel_names() {
  static const std::vector<std::string> v{"voice",   "chat", "email", "sms",   "webform",  "social",
                                          "walk_in", "fax",  "video", "kiosk", "community"};
  return v;
}
const std::vector<std::string>& field_type_names() {
  static const std::vector<std::string> v{"text", "number", "phone", "email",
                                          "vin",  "date",   "choice"};
  return v;
}
const std::vector<std::string>& privacy_names() {
  static const std::vector<std::string> v{"public", "internal", "personal", "sensitive"};
  return v;
}
const std::vector<std::string>& selection_names() {
  static const std::vector<std::string> v{"longest_idle", "most_skilled", "least_occupied",
                                          "round_robin"};
  return v;
}
const std::vector<std::string>& fallback_names() {
  static const std::vector<std::string> v{"wait", "voicemail_callback", "message", "transfer",
                                          "self_service"};
  return v;
}
const std::vector<std::string>& scale_names() {
  static const std::vector<std::string> v{"csat", "nps", "ces", "free_text"};
  return v;
}

bool is_valid_time_zone(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
  return tz && *tz != icu::TimeZone::getUnknown();
}

}  // namespace detail

namespace {
const char* name_of(const std::vector<std::string>& names, int i) {
  return i >= 0 && i < int(names.size()) ? names[std::size_t(i)].c_str() : "?";
}
const std::vector<std::string>& op_names() {
  static const std::vector<std::string> v{"is",      "is_not", "in",    "not_in", "at_least",
                                          "at_most", "above",  "below", "present"};
  return v;
}
const std::vector<std::string>& action_names() {
  static const std::vector<std::string> v{"set_type", "submenu", "transfer",
                                          "route",    "agent",   "repeat"};
  return v;
}
}  // namespace

const char* to_string(CaseKind k) {
  return name_of(detail::case_kind_names(), int(k));
}
const char* to_string(ChannelKind k) {
  return name_of(detail::channel_names(), int(k));
}
const char* to_string(FieldType k) {
  return name_of(detail::field_type_names(), int(k));
}
const char* to_string(Privacy k) {
  return name_of(detail::privacy_names(), int(k));
}
const char* to_string(SelectionPolicy k) {
  return name_of(detail::selection_names(), int(k));
}
const char* to_string(ConditionOp k) {
  return name_of(op_names(), int(k));
}
const char* to_string(FallbackKind k) {
  return name_of(detail::fallback_names(), int(k));
}
const char* to_string(IvrActionKind k) {
  return name_of(action_names(), int(k));
}
const char* to_string(SurveyScale k) {
  return name_of(detail::scale_names(), int(k));
}

}  // namespace tamas::strategy
