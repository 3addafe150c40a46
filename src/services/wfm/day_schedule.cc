#include "services/wfm/day_schedule.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/yaml_where.h"

namespace tamas::wfm {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

constexpr const char* kStateNames[kAgentStateCount] = {"logged_out", "ready",   "reserved",
                                                       "busy",       "wrap_up", "not_ready"};

using Where = YamlWhere;

// "08:00-16:00" -> minutes after midnight. A window that ends at or before
// its start ends the next day ("22:00-06:00" -> 1320..1800).
Result<std::pair<int, int>> window(const Where& w, const YAML::Node& n, const std::string& field) {
  const std::string s = n.IsScalar() ? n.Scalar() : "";
  int h0 = -1, m0 = -1, h1 = -1, m1 = -1;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%d:%d-%d:%d%c", &h0, &m0, &h1, &m1, &tail) != 4 || h0 < 0 ||
      h0 > 23 || m0 < 0 || m0 > 59 || h1 < 0 || h1 > 24 || m1 < 0 || m1 > 59 ||
      (h1 == 24 && m1 != 0))
    return w.at(n, field, "expected HH:MM-HH:MM, got '" + s + "'");
  const int a = h0 * 60 + m0, b = h1 * 60 + m1;
  if (b == a) return w.at(n, field, "starts and ends at the same time");
  return std::make_pair(a, b > a ? b : b + kMinutesPerDay);
}

Result<AgentDaySchedule> parse_agent(const Where& w, const YAML::Node& n, const std::string& f) {
  if (!n.IsMap()) return w.at(n, f, "expected a mapping");
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (key != "agent" && key != "shift" && key != "breaks")
      return w.at(kv.first, f, "unknown key '" + key + "'");
  }
  AgentDaySchedule a;
  if (!n["agent"] || !n["agent"].IsScalar() || n["agent"].Scalar().empty())
    return w.at(n, f + ".agent", "is required");
  a.agent = n["agent"].Scalar();
  if (!n["shift"]) return w.at(n, f + ".shift", "is required");
  auto shift = window(w, n["shift"], f + ".shift");
  if (!shift) return shift.error();
  a.start_min = shift->first;
  a.end_min = shift->second;
  if (const YAML::Node breaks = n["breaks"]) {
    if (!breaks.IsSequence()) return w.at(breaks, f + ".breaks", "expected a list");
    int after = a.start_min;
    for (std::size_t k = 0; k < breaks.size(); ++k) {
      const std::string bf = f + ".breaks[" + std::to_string(k) + "]";
      auto b = window(w, breaks[k], bf);
      if (!b) return b.error();
      if (b->first < a.start_min) {  // after midnight, in a night shift
        b->first += kMinutesPerDay;
        b->second += kMinutesPerDay;
      }
      if (b->first < after || b->second > a.end_min)
        return w.at(breaks[k], bf, "must lie inside the shift, after the previous break");
      a.breaks.push_back(*b);
      after = b->second;
    }
  }
  return a;
}

Result<DaySchedule> parse_root(const Where& w, const YAML::Node& root) {
  if (!root || !root.IsMap()) return Error::invalid(w.file + ": expected a mapping with 'agents'");
  for (const auto& kv : root)
    if (kv.first.Scalar() != "agents")
      return w.at(kv.first, "schedule", "unknown key '" + kv.first.Scalar() + "'");
  const YAML::Node agents = root["agents"];
  if (!agents || !agents.IsSequence())
    return w.at(agents ? agents : root, "agents", "expected a list of agents");
  DaySchedule d;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < agents.size(); ++i) {
    const std::string f = "agents[" + std::to_string(i) + "]";
    auto a = parse_agent(w, agents[i], f);
    if (!a) return a.error();
    if (!seen.insert(a->agent).second)
      return w.at(agents[i], f + ".agent", "'" + a->agent + "' appears twice");
    d.agents.push_back(std::move(a).value());
  }
  return d;
}

std::string clock(Instant t, Instant day_start) {
  const long m =
      static_cast<long>(std::chrono::duration_cast<std::chrono::minutes>(t - day_start).count());
  char b[32];
  std::snprintf(b, sizeof b, "%02ld:%02ld", m / 60, m % 60);
  return b;
}

double minutes(Duration d) {
  return double(d.count()) / 60000.0;
}

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4g", v);
  return b;
}

const char* activity_name(Activity a) {
  return a == Activity::work ? "work" : a == Activity::break_ ? "break" : "off";
}

}  // namespace

Result<DaySchedule> parse_day_schedule(std::string_view text, std::string_view file_name) {
  const Where w{std::string(file_name)};
  try {
    return parse_root(w, YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    return YamlWhere{std::string(file_name)}.at(e);
  }
}

std::vector<ScheduledActivity> activities_of(const AgentDaySchedule& a, Instant day_start) {
  using std::chrono::minutes;
  std::vector<ScheduledActivity> out;
  int at = a.start_min;
  for (const auto& [b0, b1] : a.breaks) {
    if (b0 > at) out.push_back({day_start + minutes(at), day_start + minutes(b0), Activity::work});
    out.push_back({day_start + minutes(b0), day_start + minutes(b1), Activity::break_});
    at = b1;
  }
  if (a.end_min > at)
    out.push_back({day_start + minutes(at), day_start + minutes(a.end_min), Activity::work});
  return out;
}

Result<AgentState> parse_agent_state(std::string_view name) {
  for (int i = 0; i < kAgentStateCount; ++i)
    if (name == kStateNames[i]) return static_cast<AgentState>(i);
  return Error::invalid("unknown agent state '" + std::string(name) + "'");
}

const char* state_name(AgentState s) {
  return kStateNames[static_cast<int>(s)];
}

namespace {

// Every agent's activities within [day_start, day_start + 24h): today's
// shifts, then the part of yesterday's night shifts that runs past midnight.
std::map<std::string, std::vector<ScheduledActivity>> day_activities(const DaySchedule& today,
                                                                     const DaySchedule& yesterday,
                                                                     Instant day_start) {
  const Instant day_end = day_start + std::chrono::hours(24);
  std::map<std::string, std::vector<ScheduledActivity>> out;
  auto add = [&](const AgentDaySchedule& a, Instant start) {
    auto& acts = out[a.agent];
    for (ScheduledActivity act : activities_of(a, start)) {
      act.start = std::max(act.start, day_start);
      act.end = std::min(act.end, day_end);
      if (act.start < act.end) acts.push_back(act);
    }
  };
  for (const AgentDaySchedule& a : yesterday.agents) add(a, day_start - std::chrono::hours(24));
  for (const AgentDaySchedule& a : today.agents) add(a, day_start);
  for (auto& [agent, acts] : out)
    std::sort(acts.begin(), acts.end(), [](const ScheduledActivity& x, const ScheduledActivity& y) {
      return x.start < y.start;
    });
  return out;
}

}  // namespace

std::vector<AgentDayAdherence> day_adherence(const DaySchedule& schedule,
                                             const DaySchedule& previous_day,
                                             const std::vector<AgentStateSample>& changes,
                                             Instant day_start, Duration grace, Instant until) {
  const Instant day_end = std::max(day_start, std::min(day_start + std::chrono::hours(24), until));
  std::map<std::string, std::vector<StateChange>> by_agent;
  for (const AgentStateSample& c : changes) by_agent[c.agent].push_back({c.at, c.state});
  const auto planned = day_activities(schedule, previous_day, day_start);
  std::vector<AgentDayAdherence> out;
  auto add = [&](const std::string& agent) {
    AgentDayAdherence r;
    r.agent = agent;
    const auto p = planned.find(agent);
    r.scheduled = p != planned.end();
    const std::vector<ScheduledActivity> acts =
        r.scheduled ? p->second : std::vector<ScheduledActivity>{};
    for (const ScheduledActivity& a : acts)
      (a.activity == Activity::work ? r.scheduled_work : r.scheduled_break) += a.end - a.start;
    const std::vector<StateChange>& states = by_agent[agent];
    AgentState state = AgentState::logged_out;
    Instant since = day_start;
    for (const StateChange& c : states) {
      const Instant at = std::clamp(c.at, day_start, day_end);
      r.actual[static_cast<std::size_t>(state)] += at - since;
      since = at;
      state = c.state;
    }
    r.actual[static_cast<std::size_t>(state)] += day_end - since;
    r.report = adherence(acts, states, day_start, day_end, grace);
    out.push_back(std::move(r));
  };
  std::set<std::string> done;
  for (const DaySchedule* d : {&schedule, &previous_day})
    for (const AgentDaySchedule& a : d->agents)
      if (done.insert(a.agent).second) add(a.agent);
  for (const auto& [agent, states] : by_agent) {
    if (done.count(agent)) continue;
    const bool logged_in = std::any_of(states.begin(), states.end(), [&](const StateChange& c) {
      return c.state != AgentState::logged_out && c.at < day_end;
    });
    if (logged_in) add(agent);
  }
  return out;
}

std::string day_adherence_json(const std::string& day, Duration grace,
                               const std::vector<AgentDayAdherence>& rows, Instant day_start) {
  std::string out =
      "{\"day\":\"" + day + "\",\"grace_minutes\":" + num(minutes(grace)) + ",\"agents\":[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AgentDayAdherence& r = rows[i];
    out += std::string(i ? "," : "") + "{\"agent\":\"" + r.agent +
           "\",\"scheduled\":" + (r.scheduled ? "true" : "false") +
           ",\"scheduled_minutes\":{\"work\":" + num(minutes(r.scheduled_work)) +
           ",\"break\":" + num(minutes(r.scheduled_break)) + "},\"actual_minutes\":{";
    for (int s = 0; s < kAgentStateCount; ++s)
      out += std::string(s ? "," : "") + "\"" + kStateNames[s] + "\":" + num(minutes(r.actual[s]));
    out += "},\"adherence\":" + num(r.report.adherence) +
           ",\"conformance\":" + num(r.report.conformance) + ",\"exceptions\":[";
    for (std::size_t k = 0; k < r.report.periods.size(); ++k) {
      const OutOfAdherence& p = r.report.periods[k];
      out += std::string(k ? "," : "") + "{\"start\":\"" + clock(p.start, day_start) +
             "\",\"end\":\"" + clock(p.end, day_start) +
             "\",\"minutes\":" + num(minutes(p.end - p.start)) + ",\"expected\":\"" +
             activity_name(p.expected) + "\",\"actual\":\"" + state_name(p.actual) + "\"}";
    }
    out += "]}";
  }
  return out + "]}";
}

}  // namespace tamas::wfm
