#include "services/sim/roster_yaml.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "core/yaml_where.h"

namespace tamas::services::sim {
namespace {

// Errors with the node's position and the field's path.
using Where = YamlWhere;

Status only_keys(const Where& w, const YAML::Node& map, const std::string& field,
                 const std::set<std::string>& allowed) {
  if (!map.IsMap()) return w.at(map, field, "expected a mapping");
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (!allowed.count(key)) return w.at(kv.first, field, "unknown key '" + key + "'");
  }
  return {};
}

Result<std::string> scalar(const Where& w, const YAML::Node& n, const std::string& field) {
  if (!n.IsScalar() || n.Scalar().empty()) return w.at(n, field, "expected a non-empty value");
  return n.Scalar();
}

// {name: n, ...} with whole numbers in [lo, hi].
Result<std::vector<std::pair<std::string, int>>> levels(const Where& w, const YAML::Node& n,
                                                        const std::string& field, int lo, int hi) {
  if (!n.IsMap()) return w.at(n, field, "expected a mapping such as {sales: 3}");
  std::vector<std::pair<std::string, int>> out;
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    int v = 0;
    if (!kv.second.IsScalar() || !YAML::convert<int>::decode(kv.second, v) || v < lo || v > hi)
      return w.at(
          kv.second, field + "." + key,
          "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    out.emplace_back(key, v);
  }
  return out;
}

Result<std::pair<int, int>> span(const Where& w, const YAML::Node& n, const std::string& field) {
  auto text = scalar(w, n, field);
  if (!text) return text.error();
  const auto dash = text->find('-');
  if (dash == std::string::npos) return w.at(n, field, "expected HH:MM-HH:MM, got '" + *text + "'");
  auto a = parse_clock(trim(std::string_view(*text).substr(0, dash)));
  auto b = parse_clock(trim(std::string_view(*text).substr(dash + 1)));
  if (!a || !b) return w.at(n, field, "expected HH:MM-HH:MM, got '" + *text + "'");
  return std::make_pair(*a, *b);
}

Result<unsigned> days_of(const Where& w, const YAML::Node& n, const std::string& field) {
  std::string text;
  if (n.IsSequence()) {
    for (const YAML::Node& d : n) {
      auto one = scalar(w, d, field);
      if (!one) return one.error();
      text += (text.empty() ? "" : ",") + *one;
    }
  } else {
    auto one = scalar(w, n, field);
    if (!one) return one.error();
    text = *one;
  }
  auto bits = parse_days(text);
  if (!bits) return w.at(n, field, bits.error().message);
  return *bits;
}

// The weekdays after each of `days` (bit d = weekday d, 0 = Sunday).
unsigned next_weekdays(unsigned days) {
  return ((days << 1) | (days >> 6)) & 0x7fu;
}

// One shift entry: its working pieces (the shift minus its breaks).
Status add_shift(const Where& w, const YAML::Node& n, const std::string& field,
                 std::vector<ShiftRule>& out) {
  if (Status s = only_keys(w, n, field, {"days", "hours", "breaks"}); !s) return s;
  unsigned days = 0x7fu;
  if (n["days"]) {
    auto d = days_of(w, n["days"], field + ".days");
    if (!d) return d.error();
    days = *d;
  }
  if (!n["hours"]) return w.at(n, field + ".hours", "is required");
  auto hours = span(w, n["hours"], field + ".hours");
  if (!hours) return hours.error();
  const bool overnight = hours->second <= hours->first;
  const int end = overnight ? hours->second + 1440 : hours->second;
  // Minutes from the start day's midnight; past 1440 is the next day.
  std::vector<std::pair<int, int>> pieces;
  int at = hours->first;
  if (n["breaks"]) {
    if (!n["breaks"].IsSequence())
      return w.at(n["breaks"], field + ".breaks", "expected a list such as [\"12:00-12:30\"]");
    for (std::size_t k = 0; k < n["breaks"].size(); ++k) {
      const YAML::Node b = n["breaks"][k];
      const std::string bf = field + ".breaks[" + std::to_string(k) + "]";
      auto br = span(w, b, bf);
      if (!br) return br.error();
      if (br->second < br->first) br->second += 1440;  // a break across midnight
      if (overnight && br->first < hours->first) {     // after midnight
        br->first += 1440;
        br->second += 1440;
      }
      if (br->first < at || br->second > end || br->second <= br->first)
        return w.at(b, bf, "must lie inside the shift, after the previous break");
      if (br->first > at) pieces.emplace_back(at, br->first);
      at = br->second;
    }
  }
  if (at < end) pieces.emplace_back(at, end);
  for (const auto& [a, b] : pieces) {
    if (a >= 1440) {  // wholly after midnight: the next weekday's morning
      out.push_back({next_weekdays(days), a - 1440, b - 1440});
    } else {
      out.push_back({days, a, b > 1440 ? b - 1440 : b});
    }
  }
  return {};
}

Result<RosterAgent> parse_agent(const Where& w, const YAML::Node& n, const std::string& field) {
  if (Status s = only_keys(w, n, field, {"id", "name", "groups", "skills", "capacity", "shifts"});
      !s)
    return s.error();
  RosterAgent a;
  a.where = w.line_of(n);
  if (!n["id"]) return w.at(n, field + ".id", "is required");
  auto id = scalar(w, n["id"], field + ".id");
  if (!id) return id.error();
  a.agent = *id;
  if (n["name"]) a.name = n["name"].Scalar();
  const YAML::Node groups = n["groups"];
  if (!groups || !groups.IsSequence() || groups.size() == 0)
    return w.at(groups ? groups : n, field + ".groups", "needs at least one agent group");
  for (const YAML::Node& g : groups) {
    auto gid = scalar(w, g, field + ".groups");
    if (!gid) return gid.error();
    a.groups.push_back(*gid);
  }
  if (n["skills"]) {
    auto s = levels(w, n["skills"], field + ".skills", 1, 5);
    if (!s) return s.error();
    a.skills = std::move(s).value();
  }
  if (n["capacity"]) {
    auto c = levels(w, n["capacity"], field + ".capacity", 0, 50);
    if (!c) return c.error();
    a.capacity = std::move(c).value();
  }
  if (const YAML::Node shifts = n["shifts"]) {
    if (!shifts.IsSequence()) return w.at(shifts, field + ".shifts", "expected a list");
    for (std::size_t k = 0; k < shifts.size(); ++k)
      if (Status s =
              add_shift(w, shifts[k], field + ".shifts[" + std::to_string(k) + "]", a.shifts);
          !s)
        return s.error();
  }
  return a;
}

Result<Roster> parse_document(const Where& w, const YAML::Node& root) {
  if (!root || root.IsNull()) return Error::invalid(w.file + ": empty roster");
  if (Status s = only_keys(w, root, "roster", {"agents"}); !s) return s.error();
  const YAML::Node agents = root["agents"];
  if (!agents || !agents.IsSequence() || agents.size() == 0)
    return w.at(agents ? agents : root, "agents", "needs at least one agent");
  Roster roster;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < agents.size(); ++i) {
    const std::string field = "agents[" + std::to_string(i) + "]";
    auto a = parse_agent(w, agents[i], field);
    if (!a) return a.error();
    if (!seen.insert(a->agent).second)
      return w.at(agents[i]["id"], field + ".id", "agent '" + a->agent + "' appears twice");
    roster.agents.push_back(std::move(a).value());
  }
  return roster;
}

}  // namespace

Result<Roster> parse_roster_yaml(std::string_view text, std::string_view file_name) {
  const Where w{std::string(file_name)};
  try {
    return parse_document(w, YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    return YamlWhere{std::string(file_name)}.at(e);
  }
}

Result<Roster> parse_roster(std::string_view text, std::string_view file_name) {
  auto ends = [&](std::string_view suffix) {
    return file_name.size() >= suffix.size() &&
           file_name.substr(file_name.size() - suffix.size()) == suffix;
  };
  if (ends(".yaml") || ends(".yml") || ends(".json")) return parse_roster_yaml(text, file_name);
  return parse_roster_csv(text, file_name);
}

}  // namespace tamas::services::sim
