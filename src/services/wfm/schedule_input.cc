#include "services/wfm/schedule_input.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "core/yaml_where.h"
#include "services/wfm/history.h"
#include "services/wfm/units.h"

namespace tamas::wfm {
namespace {

// A YAML error with the node's position.
using Where = YamlWhere;

Status only_keys(const Where& w, const YAML::Node& map, std::set<std::string> allowed) {
  if (!map.IsMap()) return w.at(map, "expected a mapping");
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (!allowed.count(key)) return w.at(kv.first, "unknown key '" + key + "'");
  }
  return {};
}

Result<std::string> text(const Where& w, const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n || !n.IsScalar()) return w.at(map, std::string("'") + key + "' is required");
  return n.as<std::string>();
}

Result<int> minutes(const Where& w, const YAML::Node& n) {
  Result<double> d = parse_duration(n.as<std::string>());
  if (!d) return w.at(n, d.error().message);
  return static_cast<int>(*d / 60);
}

// "07:00-09:00" -> minutes after midnight.
Result<std::pair<int, int>> clock_window(const Where& w, const YAML::Node& n) {
  const std::string s = n.as<std::string>();
  int h0, m0, h1, m1;
  if (std::sscanf(s.c_str(), "%d:%d-%d:%d", &h0, &m0, &h1, &m1) != 4 || h0 < 0 || h1 > 24 ||
      m0 < 0 || m0 > 59 || m1 < 0 || m1 > 59)
    return w.at(n, "expected a window like 07:00-09:00, got '" + s + "'");
  if (h1 * 60 + m1 < h0 * 60 + m0) return w.at(n, "window ends before it starts");
  return std::make_pair(h0 * 60 + m0, h1 * 60 + m1);
}

Result<std::vector<int>> weekdays(const Where& w, const YAML::Node& n) {
  static const char* kNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  if (!n.IsSequence()) return w.at(n, "days must be a list such as [sat, sun, mon]");
  std::vector<int> out;
  for (const YAML::Node& d : n) {
    const std::string name = d.as<std::string>();
    int k = 0;
    while (k < 7 && name.substr(0, 3) != kNames[k]) ++k;
    if (k == 7 || name.size() < 3) return w.at(d, "unknown day '" + name + "'");
    out.push_back(k);
  }
  return out;
}

Result<BreakRule> parse_break(const Where& w, const YAML::Node& n) {
  if (Status s = only_keys(w, n, {"name", "length", "after", "before", "between"}); !s)
    return s.error();
  BreakRule b;
  b.name = n["name"] ? n["name"].as<std::string>() : "break";
  if (!n["length"]) return w.at(n, "break needs a length");
  Result<int> len = minutes(w, n["length"]);
  if (!len) return len.error();
  b.length_min = *len;
  if (n["between"]) {
    Result<std::pair<int, int>> win = clock_window(w, n["between"]);
    if (!win) return win.error();
    b.relative = false;
    b.earliest_min = win->first;
    b.latest_min = win->second - b.length_min;
    if (b.latest_min < b.earliest_min) return w.at(n["between"], "window shorter than the break");
    return b;
  }
  if (!n["after"] || !n["before"])
    return w.at(n, "break needs 'between' (clock window) or 'after' and 'before'");
  Result<int> after = minutes(w, n["after"]), before = minutes(w, n["before"]);
  if (!after) return after.error();
  if (!before) return before.error();
  b.earliest_min = *after;
  b.latest_min = *before;
  return b;
}

Result<ShiftTemplate> parse_shift(const Where& w, const YAML::Node& n) {
  if (Status s =
          only_keys(w, n, {"name", "group", "start", "length", "days", "work_days", "breaks"});
      !s)
    return s.error();
  ShiftTemplate t;
  Result<std::string> name = text(w, n, "name"), group = text(w, n, "group");
  if (!name) return name.error();
  if (!group) return group.error();
  t.name = *name;
  t.group = *group;
  if (!n["start"] || !n["length"]) return w.at(n, "shift needs 'start' and 'length'");
  Result<std::pair<int, int>> start = clock_window(w, n["start"]);
  if (!start) return start.error();
  t.earliest_start_min = start->first;
  t.latest_start_min = start->second;
  Result<int> len = minutes(w, n["length"]);
  if (!len) return len.error();
  t.length_min = *len;
  t.weekdays = {6, 0, 1, 2, 3, 4};  // Saturday–Thursday
  if (n["days"]) {
    Result<std::vector<int>> days = weekdays(w, n["days"]);
    if (!days) return days.error();
    t.weekdays = *days;
  }
  if (n["work_days"]) t.work_days = n["work_days"].as<int>();
  if (n["breaks"]) {
    for (const YAML::Node& b : n["breaks"]) {
      Result<BreakRule> br = parse_break(w, b);
      if (!br) return br.error();
      t.breaks.push_back(*br);
    }
  }
  return t;
}

Result<AgentGroup> parse_group(const Where& w, const YAML::Node& n) {
  if (Status s = only_keys(w, n, {"name", "cost_per_hour", "max_agents"}); !s) return s.error();
  AgentGroup g;
  Result<std::string> name = text(w, n, "name");
  if (!name) return name.error();
  g.name = *name;
  if (!n["cost_per_hour"]) return w.at(n, "group needs cost_per_hour");
  g.cost_per_hour = n["cost_per_hour"].as<double>();
  if (g.cost_per_hour < 0) return w.at(n["cost_per_hour"], "cost must be non-negative");
  if (n["max_agents"]) g.max_agents = n["max_agents"].as<int>();
  return g;
}

}  // namespace

Result<ShiftConfig> parse_shift_file(std::string_view content, std::string_view file_name) {
  const Where w{std::string(file_name)};
  try {
    const YAML::Node root = YAML::Load(std::string(content));
    if (Status s = only_keys(w, root, {"groups", "shifts"}); !s) return s.error();
    if (!root["groups"] || !root["shifts"]) return w.at(root, "needs 'groups' and 'shifts'");
    ShiftConfig c;
    for (const YAML::Node& g : root["groups"]) {
      Result<AgentGroup> group = parse_group(w, g);
      if (!group) return group.error();
      c.groups.push_back(*group);
    }
    for (const YAML::Node& s : root["shifts"]) {
      Result<ShiftTemplate> shift = parse_shift(w, s);
      if (!shift) return shift.error();
      c.shifts.push_back(*shift);
    }
    return c;
  } catch (const YAML::Exception& e) {  // syntax errors and bad scalar types
    return YamlWhere{std::string(file_name)}.at(e);
  }
}

Result<Requirements> parse_requirements_csv(std::string_view content, std::string_view file_name,
                                            int interval_minutes) {
  // Same layout as a history with a single value column: reuse its parser by
  // appending a dummy AHT column.
  std::string csv;
  int line_no = 0;
  for (size_t pos = 0; pos <= content.size();) {
    const size_t eol = std::min(content.find('\n', pos), content.size());
    std::string line(content.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (!blank && line[0] != '#' && !(line_no == 1 && line.rfind("datetime", 0) == 0)) {
      if (std::count(line.begin(), line.end(), ',') != 1)
        return Error::invalid(std::string(file_name) + ":" + std::to_string(line_no) +
                              ": expected 2 fields: datetime,agents");
      line += ",0";
    }
    csv += line + "\n";
  }
  Result<History> h = parse_history_csv(csv, file_name, interval_minutes);
  if (!h) {
    std::string msg = h.error().message;
    if (const size_t at = msg.find("volume must"); at != std::string::npos)
      msg.replace(at, 6, "agents");
    return Error::invalid(msg);
  }
  if (h->days() > 7) return Error::invalid(std::string(file_name) + ": spans more than 7 days");
  return Requirements{h->first_day, interval_minutes, h->volume};
}

}  // namespace tamas::wfm
