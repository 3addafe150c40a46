#include "engine/bridge/from_strategy.h"

#include <algorithm>
#include <functional>
#include <memory>

#include "strategy/match.h"

namespace tamas::engine {
namespace {

SelectionPolicy policy_of(strategy::SelectionPolicy p) {
  switch (p) {
    case strategy::SelectionPolicy::longest_idle:
      return SelectionPolicy::longest_idle;
    case strategy::SelectionPolicy::most_skilled:
      return SelectionPolicy::most_skilled;
    case strategy::SelectionPolicy::least_occupied:
      return SelectionPolicy::least_occupied;
    case strategy::SelectionPolicy::round_robin:
      return SelectionPolicy::round_robin;
  }
  return SelectionPolicy::longest_idle;
}

FallbackAction fallback_of(const strategy::Strategy& s, const strategy::Fallback& f) {
  switch (f.kind) {
    case strategy::FallbackKind::wait:
      return {FallbackKind::queue_anyway, ""};
    case strategy::FallbackKind::voicemail_callback:
      return {FallbackKind::voicemail_callback, ""};
    case strategy::FallbackKind::message:
      return {FallbackKind::message, f.message.fa.empty() ? f.message.en : f.message.fa};
    case strategy::FallbackKind::self_service:
      return {FallbackKind::message, "self_service"};
    case strategy::FallbackKind::transfer:
      return {FallbackKind::transfer,
              f.partner_index >= 0 ? s.partners[static_cast<size_t>(f.partner_index)].number : ""};
  }
  return {};
}

std::vector<SkillRequirement> skills_of(const std::vector<strategy::SkillLevel>& levels) {
  std::vector<SkillRequirement> out;
  for (const auto& l : levels) out.push_back({l.skill, l.level});
  return out;
}

bool only_deferred_channels(const strategy::RoutingRule& rule) {
  if (rule.channels.empty()) return false;
  for (const auto& c : rule.channels)
    if (c != "email" && c != "webform" && c != "sms" && c != "fax" && c != "social") return false;
  return true;
}

using BusinessTime = std::function<Duration(Instant, Instant)>;

// Business time of the service level's schedule; null without a calendar.
BusinessTime business_clock(const strategy::Strategy& s, const strategy::ServiceLevel& sl,
                            const std::shared_ptr<const BusinessCalendar>& calendar) {
  if (!sl.business || !calendar || sl.hours_index < 0) return {};
  const Schedule& hours = s.schedules[static_cast<std::size_t>(sl.hours_index)];
  return [calendar, hours](Instant from, Instant to) {
    return calendar->business_time_between(hours, from, to);
  };
}

// Takes relaxation, overflow, fallbacks and the SL threshold from `rule`.
void apply_first_rule(const strategy::Strategy& s, const strategy::RoutingRule& rule,
                      const std::shared_ptr<const BusinessCalendar>& calendar, QueueConfig& q) {
  for (const auto& r : rule.relax) q.relaxation.push_back({r.after, skills_of(r.skills)});
  if (rule.overflow) {
    q.overflow_after = rule.overflow->after;
    q.overflow_target = rule.overflow->queue;
  }
  q.closed_action = fallback_of(s, rule.after_hours);
  // Written contacts cannot leave a voicemail: after hours they wait.
  if (q.closed_action.kind == FallbackKind::voicemail_callback && only_deferred_channels(rule))
    q.closed_action = {FallbackKind::queue_anyway, ""};
  q.no_agents_action = fallback_of(s, rule.no_agents);
  const std::string type = rule.types.empty() ? "*" : rule.types.front();
  const std::string channel = rule.channels.empty() ? "*" : rule.channels.front();
  const auto* sl = strategy::service_level_for(s, type, channel, "*");
  if (!sl) return;
  // A business-time level needs the calendar; without one the queue keeps
  // its default rather than judge elapsed time against hours of business.
  q.sl_business_time = business_clock(s, *sl, calendar);
  if (!sl->business || q.sl_business_time) q.sl_threshold = sl->threshold;
}

// Appends the expansion of one rule over its lists (empty list = any).
Status expand_rule(const strategy::Strategy& s, const strategy::RoutingRule& rule,
                   std::vector<RoutingRule>& out) {
  std::vector<std::optional<std::string>> types{std::nullopt}, segments{std::nullopt};
  std::vector<std::optional<Channel>> channels{std::nullopt};
  if (!rule.types.empty()) types.assign(rule.types.begin(), rule.types.end());
  if (!rule.segments.empty()) segments.assign(rule.segments.begin(), rule.segments.end());
  if (!rule.channels.empty()) {
    channels.clear();
    for (const auto& c : rule.channels) {
      auto ch = engine_channel(c);
      if (!ch) return ch.error();
      channels.push_back(*ch);
    }
  }
  std::vector<std::vector<std::pair<std::string, std::string>>> field_sets{{}};
  for (const auto& fm : rule.fields) {
    std::vector<std::vector<std::pair<std::string, std::string>>> next;
    for (const auto& set : field_sets)
      for (const auto& v : fm.values) {
        next.push_back(set);
        next.back().emplace_back(fm.field, v);
      }
    field_sets = std::move(next);
  }
  for (const auto& t : types)
    for (const auto& c : channels)
      for (const auto& seg : segments)
        for (const auto& fields : field_sets) {
          RoutingRule r;
          r.type = t;
          r.channel = c;
          r.segment = seg;
          r.fields = fields;
          r.queue = rule.queue;
          if (!rule.skills.empty()) r.skills = skills_of(rule.skills);
          if (rule.priority) {
            r.priority = *rule.priority;
          } else if (t) {
            const auto it = s.index.types.find(*t);
            if (it != s.index.types.end())
              r.priority = s.types[static_cast<size_t>(it->second)].priority;
          }
          out.push_back(std::move(r));
        }
  return {};
}

// The strategy's service levels, in file order, as engine SLOs. Ids are
// "type/channel/segment" with "*" for any; strategy channels map to engine
// channels, so two entries may coincide (fax and email): the earlier wins in
// the engine's resolution, and the later one keeps its id with a "#n" suffix.
Result<std::vector<SloConfig>> slos_of(const strategy::Strategy& s,
                                       const std::shared_ptr<const BusinessCalendar>& calendar) {
  std::vector<SloConfig> out;
  for (const auto& sl : s.service_levels) {
    SloConfig c;
    c.type = sl.type;
    c.segment = sl.segment;
    if (sl.channel != "*") {
      auto ch = engine_channel(sl.channel);
      if (!ch) return ch.error();
      c.channel = *ch;
    }
    c.id = sl.type + "/" + sl.channel + "/" + sl.segment;
    for (int n = 2;
         std::any_of(out.begin(), out.end(), [&](const SloConfig& o) { return o.id == c.id; }); ++n)
      c.id = sl.type + "/" + sl.channel + "/" + sl.segment + "#" + std::to_string(n);
    c.threshold = sl.threshold;
    c.target = sl.percent / 100.0;
    c.business = sl.business;
    c.business_time = business_clock(s, sl, calendar);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Result<AgentLogin> agent_login_from(const strategy::Strategy& s, const std::string& agent,
                                    const std::vector<std::string>& groups, bool ready) {
  AgentLogin login;
  login.agent = agent;
  login.ready = ready;
  std::vector<int> group_indices;
  for (const auto& g : groups) {
    const auto it = s.index.agent_groups.find(g);
    if (it == s.index.agent_groups.end()) return Error::invalid("unknown agent group '" + g + "'");
    group_indices.push_back(it->second);
    for (const auto& sl : s.agent_groups[static_cast<size_t>(it->second)].skills) {
      auto have = std::find_if(login.skills.begin(), login.skills.end(),
                               [&](const AgentSkill& a) { return a.skill == sl.skill; });
      if (have == login.skills.end())
        login.skills.push_back({sl.skill, sl.level});
      else
        have->level = std::max(have->level, sl.level);
    }
  }
  for (const auto& q : s.queues)
    for (int gi : q.group_indices)
      if (std::find(group_indices.begin(), group_indices.end(), gi) != group_indices.end()) {
        login.queues.push_back(q.id);
        break;
      }
  return login;
}

Result<Channel> engine_channel(std::string_view c) {
  Channel out{};
  if (c == "walk_in" || c == "kiosk") return Channel::walkin;
  if (c == "fax") return Channel::email;
  if (c == "video") return Channel::voice;
  if (c == "community") return Channel::social;
  if (parse_channel(std::string(c), out)) return out;
  return Error::invalid("channel '" + std::string(c) + "' has no routing equivalent");
}

Result<EngineConfig> engine_config_from(const strategy::Strategy& s,
                                        const BusinessCalendar* calendar) {
  EngineConfig config;
  std::shared_ptr<const BusinessCalendar> shared;
  if (calendar) shared = std::make_shared<const BusinessCalendar>(*calendar);
  for (const auto& sk : s.skills) config.skills.push_back(sk.id);
  for (const auto& q : s.queues) {
    QueueConfig qc;
    qc.id = q.id;
    qc.policy = policy_of(q.selection);
    qc.max_size = q.max_size;
    qc.offer_timeout = q.offer_timeout;
    qc.wrapup_limit = q.wrap_up;
    config.queues.push_back(std::move(qc));
  }
  std::vector<bool> configured(s.queues.size(), false);
  for (const auto& rule : s.routes) {
    if (rule.queue_index < 0) continue;  // a partner transfer: handled at intake
    const auto qi = static_cast<size_t>(rule.queue_index);
    if (!configured[qi]) {
      apply_first_rule(s, rule, shared, config.queues[qi]);
      configured[qi] = true;
    }
    if (auto st = expand_rule(s, rule, config.rules); !st.ok()) return st.error();
  }
  auto slos = slos_of(s, shared);
  if (!slos) return slos.error();
  config.slos = std::move(*slos);
  return config;
}

}  // namespace tamas::engine
