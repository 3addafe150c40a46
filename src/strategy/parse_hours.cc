// Section `hours`: named schedules (weekly ranges, 24x7, dated exceptions).
#include <algorithm>
#include <cstdio>
#include <set>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

// Iranian week order; the index into WeeklyHours is c_encoding (Sunday = 0).
const std::vector<std::string>& day_names() {
  static const std::vector<std::string> v{"sat", "sun", "mon", "tue", "wed", "thu", "fri"};
  return v;
}
int c_encoding(int iranian) {
  return (iranian + 6) % 7;
}
int day_index(std::string_view s) {
  const auto& d = day_names();
  for (std::size_t i = 0; i < d.size(); ++i)
    if (d[i] == s) return int(i);
  return -1;
}

std::string hhmm(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return buf;
}

bool parse_clock(std::string_view s, int& minute) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (int i : {0, 1, 3, 4})
    if (s[std::size_t(i)] < '0' || s[std::size_t(i)] > '9') return false;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
  minute = h * 60 + m;
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// "07:30-18:00" items of a value; reports and returns false on a problem.
bool parse_ranges(Ctx& ctx, const YAML::Node& n, std::vector<DayRange>& out) {
  std::vector<std::pair<std::string, YAML::Node>> items;
  if (n.IsSequence()) {
    for (const auto& i : n)
      if (auto s = read_string(ctx.sink, i, "hours")) items.emplace_back(*s, i);
  } else if (auto s = read_string(ctx.sink, n, "hours")) {
    if (*s == "closed") return true;
    std::size_t start = 0;
    while (start <= s->size()) {
      const std::size_t comma = std::min(s->find(',', start), s->size());
      items.emplace_back(trim(std::string_view(*s).substr(start, comma - start)), n);
      start = comma + 1;
    }
  } else {
    return false;
  }
  for (const auto& [text, at] : items) {
    const std::size_t dash = text.find('-');
    DayRange r;
    if (dash == std::string::npos || !parse_clock(text.substr(0, dash), r.start_minute) ||
        !parse_clock(text.substr(dash + 1), r.end_minute)) {
      ctx.sink.error(at,
                     "expected hours such as 07:30-18:00, '08:00-12:00, 13:00-17:00' or "
                     "closed, got '" +
                         text + "'");
      return false;
    }
    if (r.end_minute <= r.start_minute) {
      ctx.sink.error(at, "empty or inverted time range '" + text + "'");
      return false;
    }
    out.push_back(r);
  }
  std::sort(out.begin(), out.end(),
            [](const DayRange& a, const DayRange& b) { return a.start_minute < b.start_minute; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].start_minute < out[i - 1].end_minute) {
      ctx.sink.error(n, "time ranges " + hhmm(out[i - 1].start_minute) + "-" +
                            hhmm(out[i - 1].end_minute) + " and " + hhmm(out[i].start_minute) +
                            "-" + hhmm(out[i].end_minute) + " overlap");
      return false;
    }
  }
  return true;
}

// "sat", "sat-wed" or "daily" -> Iranian day indices; empty on error.
std::vector<int> parse_days(Ctx& ctx, const YAML::Node& key, const std::string& sched) {
  const std::string& s = key.Scalar();
  if (s == "daily") return {0, 1, 2, 3, 4, 5, 6};
  const std::size_t dash = s.find('-');
  const int a = day_index(s.substr(0, dash));
  const int b = dash == std::string::npos ? a : day_index(s.substr(dash + 1));
  if (a < 0 || b < 0) {
    std::vector<std::string> words = day_names();
    for (const char* w : {"daily", "holidays", "exceptions"}) words.emplace_back(w);
    ctx.sink.error(key, "unknown key '" + s + "' in schedule '" + sched +
                            "': expected a weekday (sat..fri), a range such as sat-wed, daily, "
                            "holidays or exceptions" +
                            did_you_mean(s, words));
    return {};
  }
  if (b < a) {
    ctx.sink.error(key, "weekday range '" + s + "' is inverted (the week runs sat..fri)");
    return {};
  }
  std::vector<int> out;
  for (int d = a; d <= b; ++d) out.push_back(d);
  return out;
}

void parse_exceptions(Ctx& ctx, const YAML::Node& n, Schedule& sch) {
  std::set<CivilDate> dates;
  for (const auto& item : read_seq(ctx.sink, n, "exceptions")) {
    Map m(ctx.sink, item, "schedule exception", {"date", "name", "hours"});
    if (!m.ok()) continue;
    auto date = parse_date(ctx, m.need("date"), ctx.st.organisation.calendar, "exception date");
    read_text(ctx.sink, m.get("name"), "exception name");
    ScheduleException ex;
    if (!m.need("hours").IsDefined() || !parse_ranges(ctx, m.get("hours"), ex.ranges) || !date)
      continue;
    ex.date = *date;
    if (!dates.insert(ex.date).second)
      ctx.sink.error(m.get("date"), "schedule '" + sch.id + "' has two exceptions on one date");
    else
      sch.exceptions.push_back(ex);
  }
}

void parse_schedule(Ctx& ctx, const YAML::Node& key, const YAML::Node& n, Schedule& sch) {
  if (n.IsScalar() && n.Scalar() == "24x7") {
    sch.always_open = true;
    return;
  }
  if (!n.IsMap()) {
    ctx.sink.error(n, "expected 24x7 or a mapping of weekdays to hours for schedule '" + sch.id +
                          "', found " + describe(n));
    return;
  }
  std::array<std::string, 7> given_by;
  bool valid = true;
  for (const auto& it : n) {
    if (!it.first.IsScalar()) {
      ctx.sink.error(it.first, "expected a weekday key in schedule '" + sch.id + "'");
      continue;
    }
    const std::string& k = it.first.Scalar();
    if (k == "exceptions") {
      parse_exceptions(ctx, it.second, sch);
      continue;
    }
    if (k == "holidays") {
      if (auto c = read_choice(ctx.sink, it.second, "holidays", {"closed", "open"}))
        sch.closed_on_holidays = *c == 0;
      continue;
    }
    const std::vector<int> days = parse_days(ctx, it.first, sch.id);
    std::vector<DayRange> ranges;
    if (days.empty() || !parse_ranges(ctx, it.second, ranges)) {
      valid = false;
      continue;
    }
    for (int d : days) {
      if (!given_by[std::size_t(d)].empty()) {
        ctx.sink.error(it.first, "'" + day_names()[std::size_t(d)] + "' already has hours (from '" +
                                     given_by[std::size_t(d)] + "')");
        valid = false;
        break;
      }
      given_by[std::size_t(d)] = k;
      sch.week[std::size_t(c_encoding(d))] = ranges;
    }
  }
  const bool open =
      std::any_of(sch.week.begin(), sch.week.end(), [](const auto& day) { return !day.empty(); });
  if (valid && !open) ctx.sink.error(key, "schedule '" + sch.id + "' is never open");
}

}  // namespace

void parse_hours(Ctx& ctx, const YAML::Node& n) {
  if (!n.IsMap()) {
    ctx.sink.error(
        n, std::string("expected a mapping of schedule names for hours, found ") + describe(n));
    return;
  }
  for (const auto& it : n) {
    auto id = read_id(ctx.sink, it.first, "schedule name");
    if (!id || ctx.schedules.define(*id, it.first) < 0) continue;
    Schedule sch;
    sch.id = *id;
    parse_schedule(ctx, it.first, it.second, sch);
    ctx.st.schedules.push_back(std::move(sch));
  }
}

int resolve_hours(Ctx& ctx, const YAML::Node& n, std::string& id, const std::string& ctx_text) {
  auto v = read_id(ctx.sink, n, "hours");
  if (!v) return -1;
  id = *v;
  return ctx.schedules.resolve(*v, n, ctx_text);
}

}  // namespace tamas::strategy::detail
