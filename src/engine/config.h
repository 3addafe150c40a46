// Routing configuration of the engine, in routing terms. The strategy
// compiler (strategy/) produces one of these; the engine validates it once
// (Engine::create) and interns every string id into a dense integer.
// Immutable after the engine is built. Plain data; no invariants until
// validated.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.h"

namespace tamas::engine {

// Channels a contact can arrive on. `callback` is a callback task created
// outside the engine (e.g. from voicemail); virtual-hold callbacks keep
// their original channel.
enum class Channel : std::uint8_t { voice, chat, email, sms, social, webform, walkin, callback };
inline constexpr int kChannelCount = 8;
const char* to_string(Channel c);
bool parse_channel(const std::string& text, Channel& out);

enum class SelectionPolicy : std::uint8_t {
  longest_idle,    // agent idle the longest first
  most_skilled,    // highest summed level over the contact's required skills
  least_occupied,  // fewest active interactions, then longest idle
  round_robin,     // least recently offered agent first
};
const char* to_string(SelectionPolicy p);
bool parse_policy(const std::string& text, SelectionPolicy& out);

// What happens to an arrival the queue cannot take (closed, no agent logged
// in, full). Every kind except queue_anyway ends the contact.
enum class FallbackKind : std::uint8_t { queue_anyway, voicemail_callback, message, transfer };
const char* to_string(FallbackKind k);
bool parse_fallback(const std::string& text, FallbackKind& out);

struct FallbackAction {
  FallbackKind kind = FallbackKind::queue_anyway;
  std::string target;  // phone number for transfer, message id for message
};

struct SkillRequirement {
  std::string skill;
  int min_level = 1;  // 1..5
};

// After `after` of waiting in the queue, the contact's requirements become
// `skills` (absolute, not a delta; an empty list means "any agent of the
// queue"). Steps must be in increasing `after` order.
struct RelaxationStep {
  Duration after{0};
  std::vector<SkillRequirement> skills;
};

struct QueueConfig {
  std::string id;
  SelectionPolicy policy = SelectionPolicy::longest_idle;
  int max_size = 0;             // waiting contacts; 0 = unlimited
  Duration offer_timeout{0};    // ring-no-answer; 0 = offers never time out
  Duration wrapup_limit{0};     // 0 = wrap-up until the agent says done
  Duration overflow_after{0};   // 0 = no overflow
  std::string overflow_target;  // queue id; required when overflow_after > 0
  std::vector<RelaxationStep> relaxation;
  double aging_per_second = 0;  // priority points gained per second waiting
  int default_priority = 0;
  std::vector<SkillRequirement> default_skills;
  Duration sl_threshold{std::chrono::seconds(20)};  // "answered within"
  // When set, the wait judged against sl_threshold is business time (see
  // SloConfig::business_time; must be pure).
  std::function<Duration(Instant from, Instant to)> sl_business_time;
  Duration default_aht{std::chrono::seconds(180)};  // EWT before any contact ends
  bool announce_position = true;                    // compute exact position on queueing
  FallbackAction closed_action;                     // on arrival while closed
  FallbackAction no_agents_action;  // on arrival while no serving agent is logged in
  FallbackAction full_action;       // on arrival while max_size is reached
  bool open = true;                 // initial opening state
};

// First matching rule (in order) decides queue, priority and skills.
// Unset match fields match anything; `fields` must all be equal.
struct RoutingRule {
  std::optional<std::string> type;
  std::optional<Channel> channel;
  std::optional<std::string> segment;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string queue;
  std::optional<int> priority;                          // overrides queue default
  std::optional<std::vector<SkillRequirement>> skills;  // overrides queue default
};

// Per-agent channel capacity and mixing. blocks[c] is a bitmask of channels
// (bit = 1 << channel) that cannot receive NEW offers while the agent holds
// at least one interaction on channel c (offered, active or in wrap-up).
// Existing interactions always continue.
struct CapacityProfile {
  std::array<std::uint8_t, kChannelCount> capacity{};
  std::array<std::uint8_t, kChannelCount> blocks{};
  // 1 voice, 3 chats, 5 emails, 3 sms, 3 social, 5 webforms, 1 walk-in,
  // 1 callback; voice, walk-in and callback block every other channel.
  static CapacityProfile standard();
};

// A service-level objective: `target` of the contacts of (type, channel,
// segment) answered within `threshold` of their arrival. Unset / "*" match
// anything. Each contact resolves its SLO once, at arrival: the most specific
// entry (fewest wildcards), the earliest on a tie; none if nothing applies.
// A contact is "answered within" when its wait measured by `business_time`
// (business hours of the SLO's schedule) or, without one, its elapsed wait
// is at most `threshold`. ASA and waits in the figures stay elapsed time.
struct SloConfig {
  std::string id;  // unique, e.g. "complaint/voice/*"
  std::string type = "*", segment = "*";
  std::optional<Channel> channel;  // nullopt = any
  Duration threshold{std::chrono::seconds(20)};
  double target = 0.8;  // 0..1
  bool business = false;
  // The business time between two instants; must be pure (same answer for
  // the same instants, no clock, no I/O) so replays stay deterministic.
  std::function<Duration(Instant from, Instant to)> business_time;
};

struct EngineConfig {
  std::vector<std::string> skills;
  std::vector<SloConfig> slos;
  std::vector<QueueConfig> queues;
  std::vector<RoutingRule> rules;
  std::string default_queue;  // when no rule matches; empty = reject arrival
  CapacityProfile default_capacity = CapacityProfile::standard();
  // Weight of the newest handle time in the moving AHT used for EWT (0..1].
  double aht_smoothing = 0.2;
  // Whether the engine records which statistics each apply changed for
  // Engine::take_stats_changes() (a flag test per event). A driver that never
  // takes them (the simulator) turns this off; nothing else changes.
  bool track_stats_changes = true;
};

}  // namespace tamas::engine
