#include "services/sim/roster.h"

#include <algorithm>
#include <charconv>

namespace tamas::services::sim {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = s.find(sep, from);
    out.push_back(trim(s.substr(from, at == std::string_view::npos ? s.npos : at - from)));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

namespace {

int weekday_of(std::string_view name) {
  static const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int i = 0; i < 7; ++i)
    if (name == names[i]) return i;
  return -1;
}

}  // namespace

Result<unsigned> parse_days(std::string_view text) {
  if (text.empty() || text == "*") return 0x7fu;
  unsigned bits = 0;
  for (std::string_view part : split(text, ',')) {
    const auto dash = part.find('-');
    const int a = weekday_of(part.substr(0, dash));
    const int b = dash == part.npos ? a : weekday_of(part.substr(dash + 1));
    if (a < 0 || b < 0) return Error::invalid("unknown weekday in '" + std::string(text) + "'");
    for (int d = a;; d = (d + 1) % 7) {  // ranges wrap: sat-thu
      bits |= 1u << d;
      if (d == b) break;
    }
  }
  return bits;
}

Result<int> parse_clock(std::string_view t) {
  int h = -1, m = -1;
  const auto colon = t.find(':');
  if (colon == t.npos) return Error::invalid("time '" + std::string(t) + "' is not HH:MM");
  std::from_chars(t.data(), t.data() + colon, h);
  std::from_chars(t.data() + colon + 1, t.data() + t.size(), m);
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0))
    return Error::invalid("time '" + std::string(t) + "' is not HH:MM");
  return h * 60 + m;
}

namespace {

Result<ShiftRule> parse_shift(std::string_view text) {
  ShiftRule r;
  const auto space = text.rfind(' ');
  std::string_view days = space == text.npos ? std::string_view{} : trim(text.substr(0, space));
  std::string_view span = space == text.npos ? text : trim(text.substr(space + 1));
  auto bits = parse_days(days);
  if (!bits) return bits.error();
  r.weekdays = *bits;
  const auto dash = span.find('-');
  if (dash == span.npos)
    return Error::invalid("shift '" + std::string(text) + "' needs HH:MM-HH:MM");
  auto a = parse_clock(span.substr(0, dash)), b = parse_clock(span.substr(dash + 1));
  if (!a) return a.error();
  if (!b) return b.error();
  r.start_minute = *a;
  r.end_minute = *b;
  return r;
}

}  // namespace

Result<Roster> parse_roster_csv(std::string_view text, std::string_view file_name) {
  Roster roster;
  int line_no = 0;
  bool header = false;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto where = [&](const std::string& m) {
      return Error::invalid(std::string(file_name) + ":" + std::to_string(line_no) + ": " + m);
    };
    if (!header) {
      if (line.substr(0, 5) != "agent")
        return where("the first line must be the header agent,groups,shifts");
      header = true;
      continue;
    }
    auto cols = split(line, ',');
    // Commas also separate weekdays inside the shifts column: re-join.
    if (cols.size() > 3) {
      const auto second = line.find(',', line.find(',') + 1);
      cols.resize(2);
      cols.push_back(trim(line.substr(second + 1)));
    }
    if (cols.size() < 2 || cols[0].empty()) return where("expected agent,groups[,shifts]");
    RosterAgent a;
    a.agent = std::string(cols[0]);
    for (std::string_view g : split(cols[1], ';'))
      if (!g.empty()) a.groups.emplace_back(g);
    if (a.groups.empty()) return where("agent '" + a.agent + "' has no group");
    if (cols.size() > 2 && !cols[2].empty()) {
      for (std::string_view s : split(cols[2], ';')) {
        auto r = parse_shift(s);
        if (!r) return where(r.error().message);
        a.shifts.push_back(*r);
      }
    }
    for (const RosterAgent& other : roster.agents)
      if (other.agent == a.agent) return where("agent '" + a.agent + "' appears twice");
    roster.agents.push_back(std::move(a));
  }
  if (roster.agents.empty()) return Error::invalid(std::string(file_name) + ": no agents");
  return roster;
}

std::vector<Shift> expand_shifts(const std::vector<ShiftRule>& rules, int first_weekday, int days) {
  using std::chrono::minutes;
  std::vector<Shift> out;
  for (int d = 0; d < days; ++d) {
    const int wd = (first_weekday + d) % 7;
    for (const ShiftRule& r : rules) {
      if (!(r.weekdays & (1u << wd))) continue;
      const int end = r.end_minute > r.start_minute ? r.end_minute : r.end_minute + 1440;
      out.push_back({minutes(d * 1440 + r.start_minute), minutes(d * 1440 + end)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Shift& a, const Shift& b) { return a.start < b.start; });
  std::vector<Shift> merged;
  for (const Shift& s : out) {
    if (!merged.empty() && s.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

}  // namespace tamas::services::sim
