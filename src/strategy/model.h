// The compiled customer access strategy (R1-R10, R12, R13): plain, immutable
// data produced by the loader (strategy/loader.h) from one YAML file.
//
// Contract: a Strategy returned by the loader is fully validated. Every
// cross-reference is resolved both as an id string and as a dense index into
// the owning vector (`-1` means "none"); ids are unique within their kind.
// A Strategy is never mutated after loading and may be shared read-only
// between threads.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/time.h"

namespace tamas::strategy {

// Text shown to people, in Persian and English (either may be empty).
struct Text {
  std::string fa;
  std::string en;
};

enum class CaseKind {
  request,
  complaint,
  suggestion,
  inquiry,
  order,
  order_change,
  technical_support,
  feedback,
  emergency,
};
enum class ChannelKind {
  voice,
  chat,
  email,
  sms,
  webform,
  social,
  walk_in,
  fax,
  video,
  kiosk,
  community,
};
enum class FieldType { text, number, phone, email, vin, date, choice };
enum class Privacy { public_, internal, personal, sensitive };
enum class SelectionPolicy { longest_idle, most_skilled, least_occupied, round_robin };
enum class ConditionOp { is, is_not, in, not_in, at_least, at_most, above, below, present };
enum class FallbackKind { wait, voicemail_callback, message, transfer, self_service };
enum class IvrActionKind { set_type, submenu, transfer, route, agent, repeat };
enum class SurveyScale { csat, nps, ces, free_text };

const char* to_string(CaseKind k);
const char* to_string(ChannelKind k);
const char* to_string(FieldType k);
const char* to_string(Privacy k);
const char* to_string(SelectionPolicy k);
const char* to_string(ConditionOp k);
const char* to_string(FallbackKind k);
const char* to_string(IvrActionKind k);
const char* to_string(SurveyScale k);

struct Organisation {
  std::string id;
  Text name;
  std::string time_zone = "Asia/Tehran";
  CalendarKind calendar = CalendarKind::persian;
  std::vector<std::string> locales{"fa", "en"};
  std::string business_hours;  // schedule id for "business" SLO clocks
  int business_hours_index = -1;
};

// One test on a customer attribute. Numeric ops use `number`; is/in use
// `values` (is: exactly one value).
struct Condition {
  std::string attribute;
  ConditionOp op = ConditionOp::is;
  std::vector<std::string> values;
  double number = 0;
};

struct Segment {
  std::string id;
  Text name;
  int priority = 0;             // 0..100, added to the contact's priority
  std::vector<Condition> when;  // all must hold; empty matches everyone
  std::string queue;            // optional dedicated queue
  int queue_index = -1;
  bool implicit = false;  // the "default" segment the loader adds
};

struct Field {
  std::string id;
  Text name;
  FieldType type = FieldType::text;
  Privacy privacy = Privacy::internal;
  std::string pattern;  // ECMAScript regex over the whole value; may be empty
  int min_length = 0;
  int max_length = 0;                // 0 = unlimited
  std::vector<std::string> choices;  // for FieldType::choice
  bool reported = false;             // appears in reports (R8)
};

struct FieldRequirement {
  std::string field;
  int field_index = -1;
  bool required = false;
};

struct InteractionType {
  std::string id;
  Text name;
  CaseKind kind = CaseKind::request;
  int priority = 0;  // 0..100, higher is more urgent
  bool opens_case = false;
  std::string hours;  // schedule id; empty = the entry point's
  int hours_index = -1;
  std::vector<FieldRequirement> information;  // R8: what to capture
};

struct EntryPoint {
  std::string id;
  Text name;
  ChannelKind channel = ChannelKind::voice;
  std::string address;   // number, e-mail address, URL, handle or desk location
  std::string platform;  // social only (e.g. instagram)
  std::string hours;
  int hours_index = -1;
  std::string ivr;  // voice: the first IVR menu
  int ivr_index = -1;
  std::string type;  // default interaction type
  int type_index = -1;
  std::vector<FieldRequirement> fields;  // web forms (R12)
};

// A service-level objective: `percent` of contacts answered within
// `threshold` (of business time if `business`). "*" matches anything.
struct ServiceLevel {
  std::string type = "*", channel = "*", segment = "*";
  double percent = 0;
  Duration threshold{};
  bool business = false;
  std::string hours;  // business clock; set when business
  int hours_index = -1;
};

struct Skill {
  std::string id;
  Text name;
};

struct SkillLevel {
  std::string skill;
  int skill_index = -1;
  int level = 1;  // 1..5
};

struct AgentGroup {
  std::string id;
  Text name;
  std::vector<SkillLevel> skills;
};

struct Queue {
  std::string id;
  Text name;
  SelectionPolicy selection = SelectionPolicy::longest_idle;
  int max_size = 0;  // 0 = unbounded
  Duration offer_timeout{std::chrono::seconds(20)};
  Duration wrap_up{std::chrono::seconds(60)};
  std::string hours;
  int hours_index = -1;
  std::vector<std::string> groups;
  std::vector<int> group_indices;
};

struct Partner {
  std::string id;
  Text name;
  std::string number;
  std::string hours;
  int hours_index = -1;
};

struct Fallback {
  FallbackKind kind = FallbackKind::wait;
  Text message;
  std::string partner;  // for transfer
  int partner_index = -1;
};

struct Relaxation {
  Duration after{};
  std::vector<SkillLevel> skills;  // replaces the rule's skills
};

struct Overflow {
  Duration after{};
  std::string queue;
  int queue_index = -1;
};

struct FieldMatch {
  std::string field;
  int field_index = -1;
  std::vector<std::string> values;
};

struct RoutingRule {
  std::string id;
  // Empty = any.
  std::vector<std::string> types, channels, segments;
  std::vector<FieldMatch> fields;
  std::string queue;  // exactly one of queue / transfer
  int queue_index = -1;
  std::string transfer;  // partner id
  int transfer_index = -1;
  std::vector<SkillLevel> skills;
  std::optional<int> priority;    // overrides the type's default
  std::vector<Relaxation> relax;  // ordered by `after`
  std::optional<Overflow> overflow;
  Fallback after_hours{FallbackKind::voicemail_callback, {}, {}, -1};
  Fallback no_agents{FallbackKind::wait, {}, {}, -1};
};

struct Collect {
  std::string field;
  int field_index = -1;
  std::string pattern;
  int min_digits = 1;
  int max_digits = 32;
  Text prompt;
};

struct IvrOption {
  char digit = '0';  // 0-9, * or #
  Text say;
  IvrActionKind action = IvrActionKind::agent;
  std::string target;  // type, menu, partner or queue id
  int target_index = -1;
  std::optional<Collect> collect;  // runs before the action
};

struct IvrMenu {
  std::string id;
  Text prompt;
  Text invalid;
  Duration timeout{std::chrono::seconds(5)};
  int max_retries = 3;
  std::vector<IvrOption> options;
};

struct SurveyQuestion {
  std::string id;
  SurveyScale scale = SurveyScale::csat;
  Text prompt;
};

struct Survey {
  std::string id;
  std::vector<std::string> types, channels;  // empty = any
  int sample_percent = 100;
  std::vector<SurveyQuestion> questions;
};

struct Governance {
  std::string version;
  std::string owner;
  Duration review_interval{};
  std::optional<CivilDate> last_review;  // Gregorian
  std::vector<std::pair<std::string, std::string>> section_owners;
  std::string new_service_guideline;
};

// The case system's configuration (R22, R24, R30): the top-level `cases:`
// section. Every target and due time is business time on
// organisation.business_hours.
struct CaseCategory {
  std::string id;      // path of ids from the root: "complaint/product_quality"
  std::string parent;  // the parent's path; "" for a root
  Text name;
  std::string kind;  // case kind of the subtree ("" = any); children inherit it
};

struct Department {
  std::string id;
  Text name;
  Duration answer_within{};  // default due time of a forward (business time)
};

// SLA targets for one case kind and segment ("*" = any). Zero = no target.
struct CaseTarget {
  std::string kind;
  std::string segment = "*";
  Duration first_response{};
  Duration resolution{};
};

struct CaseSection {
  double warn_at = 0.8;  // share of a target elapsed when the warning fires
  // The kinds listed in the file, then every other kind an interaction
  // type uses, in type order; as case_kind_names() strings.
  std::vector<std::string> kinds;
  std::vector<CaseCategory> categories;  // depth first: a parent precedes its children
  std::vector<Department> departments;
  std::vector<CaseTarget> sla;
};

// The phone experience (the top-level `voice:` section, issue 6). Absent
// keys keep these defaults, which are what tamas did before the section
// existed.
struct VoiceSettings {
  Duration first_announcement{std::chrono::seconds(10)};  // after queueing
  Duration announce_every{std::chrono::seconds(30)};
  bool announce_position = true;  // "you are number n in line"
  bool announce_wait = true;      // "your estimated wait is m minutes"
  bool offer_callback = true;     // virtual hold: "press 1 to be called back"
  Duration callback_offer_wait{std::chrono::seconds(120)};  // offered at or above this EWT
  Duration ring_timeout{std::chrono::seconds(20)};          // an agent's phone
  // A WAV file callers hear in a loop while they wait or are on hold; the
  // loader resolves it against the strategy file's directory and checks it
  // exists. Empty: the spoken hold prompt.
  std::string hold_music;
  Duration voicemail_max{std::chrono::seconds(120)};
  // Callbacks (voicemail and virtual hold): attempts to reach the customer
  // and the wait before a retry after busy / no answer. Unset: the server's
  // defaults (`tamas serve --callback-attempts / --callback-retry-seconds`).
  std::optional<int> callback_attempts;          // 1..20
  std::optional<Duration> callback_retry_after;  // 1s..24h
};

struct Strategy {
  Organisation organisation;
  std::vector<HolidayRule> holidays;
  std::vector<Schedule> schedules;
  std::vector<Field> fields;
  std::vector<Skill> skills;
  std::vector<AgentGroup> agent_groups;
  std::vector<Queue> queues;
  std::vector<Partner> partners;
  std::vector<Segment> segments;  // in file order; last one matches everyone
  std::vector<InteractionType> types;
  std::vector<IvrMenu> ivr_menus;
  std::vector<EntryPoint> entry_points;
  std::vector<RoutingRule> routes;  // in file order; first match wins
  std::vector<ServiceLevel> service_levels;
  std::vector<Survey> surveys;
  Governance governance;
  std::optional<CaseSection> cases;  // absent when the file has no `cases:`
  VoiceSettings voice;

  // id -> index, one map per kind, filled by the loader.
  struct Index {
    std::unordered_map<std::string, int> schedules, fields, skills, agent_groups, queues, partners,
        segments, types, ivr_menus, entry_points, routes;
  } index;
};

}  // namespace tamas::strategy
