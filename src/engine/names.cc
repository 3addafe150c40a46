// Names of the engine's enums, for logs, scenario files and the API.
#include <array>
#include <string>

#include "engine/config.h"
#include "engine/event.h"

namespace tamas::engine {

namespace {
constexpr std::array<const char*, kChannelCount> kChannels = {
    "voice", "chat", "email", "sms", "social", "webform", "walkin", "callback"};
constexpr std::array<const char*, 4> kPolicies = {"longest_idle", "most_skilled", "least_occupied",
                                                  "round_robin"};
constexpr std::array<const char*, 4> kFallbacks = {"queue_anyway", "voicemail_callback", "message",
                                                   "transfer"};

template <std::size_t N, class E>
bool parse_name(const std::array<const char*, N>& names, const std::string& text, E& out) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i]) {
      out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}
}  // namespace

const char* to_string(Channel c) {
  return kChannels[static_cast<int>(c)];
}
bool parse_channel(const std::string& t, Channel& out) {
  return parse_name(kChannels, t, out);
}
const char* to_string(SelectionPolicy p) {
  return kPolicies[static_cast<int>(p)];
}
bool parse_policy(const std::string& t, SelectionPolicy& out) {
  return parse_name(kPolicies, t, out);
}
const char* to_string(FallbackKind k) {
  return kFallbacks[static_cast<int>(k)];
}
bool parse_fallback(const std::string& t, FallbackKind& out) {
  return parse_name(kFallbacks, t, out);
}

const char* to_string(EventKind k) {
  static constexpr const char* kNames[] = {"offer",
                                           "offer_revoked",
                                           "contact_queued",
                                           "agent_state_changed",
                                           "contact_answered",
                                           "contact_abandoned",
                                           "contact_overflowed",
                                           "contact_relaxed",
                                           "after_hours_action",
                                           "start_callback",
                                           "contact_completed",
                                           "wrapup_done",
                                           "contact_transferred",
                                           "contact_held",
                                           "contact_resumed"};
  return kNames[static_cast<int>(k)];
}

const char* to_string(AgentStatus s) {
  static constexpr const char* kNames[] = {"logged_out", "ready", "not_ready",
                                           "reserved",   "busy",  "wrap_up"};
  return kNames[static_cast<int>(s)];
}

const char* to_string(Outcome o) {
  static constexpr const char* kNames[] = {"handled", "abandoned", "after_hours", "no_agents",
                                           "queue_full"};
  return kNames[static_cast<int>(o)];
}

const char* to_string(RevokeReason r) {
  static constexpr const char* kNames[] = {"rona", "rejected", "abandoned", "logout"};
  return kNames[static_cast<int>(r)];
}

const char* to_string(FallbackReason r) {
  static constexpr const char* kNames[] = {"closed", "no_agents", "full"};
  return kNames[static_cast<int>(r)];
}

CapacityProfile CapacityProfile::standard() {
  CapacityProfile p;
  p.capacity = {1, 3, 5, 3, 3, 5, 1, 1};
  const std::uint8_t all = 0xff;
  p.blocks[static_cast<int>(Channel::voice)] = all;
  p.blocks[static_cast<int>(Channel::walkin)] = all;
  p.blocks[static_cast<int>(Channel::callback)] = all;
  return p;
}

}  // namespace tamas::engine
