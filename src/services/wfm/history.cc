#include "services/wfm/history.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace tamas::wfm {
namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

long day_number(CivilDate d) {
  using namespace std::chrono;
  return sys_days{year{d.year} / month{d.month} / day{d.day}}.time_since_epoch().count();
}

CivilDate from_day_number(long n) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{n}}};
  return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

int weekday(CivilDate d) {
  using namespace std::chrono;
  return static_cast<int>(std::chrono::weekday{sys_days{days{day_number(d)}}}.c_encoding());
}

Result<CivilDate> parse_local_date(std::string_view text) {
  text = trim(text);
  const bool jalali = text.find('/') != std::string_view::npos;
  const char sep = jalali ? '/' : '-';
  const size_t a = text.find(sep), b = text.find(sep, a == text.npos ? a : a + 1);
  int y = 0, m = 0, d = 0;
  if (a == text.npos || b == text.npos || !parse_int(text.substr(0, a), y) ||
      !parse_int(text.substr(a + 1, b - a - 1), m) || !parse_int(text.substr(b + 1), d) || m < 1 ||
      d < 1) {
    return Error::invalid("bad date '" + std::string(text) +
                          "' (expected 2026-03-01 or Jalali 1404/12/10)");
  }
  if (jalali) {
    const JalaliDate j{y, unsigned(m), unsigned(d)};
    if (!is_valid(j)) return Error::invalid("no such Jalali date '" + std::string(text) + "'");
    return from_jalali(j);
  }
  const CivilDate c{y, unsigned(m), unsigned(d)};
  if (!is_valid(c)) return Error::invalid("no such date '" + std::string(text) + "'");
  return c;
}

Result<std::pair<CivilDate, int>> parse_local_datetime(std::string_view text) {
  text = trim(text);
  const size_t split = text.find_first_of(" T");
  if (split == text.npos)
    return Error::invalid("bad date-time '" + std::string(text) + "' (expected 2026-03-01 08:00)");
  Result<CivilDate> date = parse_local_date(text.substr(0, split));
  if (!date) return date.error();
  const std::string_view hm = trim(text.substr(split + 1));
  int h = 0, m = 0;
  const size_t colon = hm.find(':');
  // Seconds, if given, must be zero: "08:00:00".
  const std::string_view mm = colon == hm.npos ? hm : hm.substr(colon + 1, 2);
  const std::string_view rest = colon == hm.npos ? "" : hm.substr(std::min(hm.size(), colon + 3));
  if (colon == hm.npos || !parse_int(hm.substr(0, colon), h) || !parse_int(mm, m) ||
      !(rest.empty() || rest == ":00") || h < 0 || h > 23 || m < 0 || m > 59) {
    return Error::invalid("bad time in '" + std::string(text) + "' (expected HH:MM)");
  }
  return std::make_pair(*date, h * 60 + m);
}

std::string format_local(CivilDate d, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", d.year, d.month, d.day, minute / 60,
                minute % 60);
  return buf;
}

std::string format_local_date(CivilDate d) {
  return format_local(d, 0).substr(0, 10);
}

Result<History> parse_history_csv(std::string_view text, std::string_view file_name,
                                  int interval_minutes) {
  if (interval_minutes <= 0 || 1440 % interval_minutes != 0)
    return Error::invalid("interval must divide a day (e.g. 15m or 30m)");
  std::map<long, std::pair<double, double>> rows;  // interval index -> volume, aht
  const auto fail = [&](int line, const std::string& msg) {
    return Error::invalid(std::string(file_name) + ":" + std::to_string(line) + ": " + msg);
  };
  int line_no = 0;
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    const std::string_view line = trim(text.substr(0, eol));
    text = eol == text.npos ? std::string_view{} : text.substr(eol + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (line_no == 1 && line.substr(0, 8) == "datetime") continue;
    const size_t c1 = line.find(','), c2 = line.find(',', c1 == line.npos ? c1 : c1 + 1);
    if (c1 == line.npos || c2 == line.npos || line.find(',', c2 + 1) != line.npos)
      return fail(line_no, "expected 3 fields: datetime,volume,aht_s");
    Result<std::pair<CivilDate, int>> when = parse_local_datetime(line.substr(0, c1));
    if (!when) return fail(line_no, when.error().message);
    double volume = 0, aht = 0;
    if (!parse_double(line.substr(c1 + 1, c2 - c1 - 1), volume) || volume < 0)
      return fail(line_no, "volume must be a non-negative number");
    if (!parse_double(line.substr(c2 + 1), aht) || aht < 0)
      return fail(line_no, "aht_s must be a non-negative number");
    if (when->second % interval_minutes != 0)
      return fail(line_no, "time is not on a " + std::to_string(interval_minutes) +
                               "-minute interval boundary");
    const long index =
        day_number(when->first) * (1440 / interval_minutes) + when->second / interval_minutes;
    if (!rows.emplace(index, std::make_pair(volume, aht)).second)
      return fail(line_no, "duplicate interval " + format_local(when->first, when->second));
  }
  if (rows.empty()) return Error::invalid(std::string(file_name) + ": no data rows");
  History h;
  h.interval_minutes = interval_minutes;
  const int per_day = h.intervals_per_day();
  const long first_day = rows.begin()->first / per_day;
  const long last_day = rows.rbegin()->first / per_day;
  h.first_day = from_day_number(first_day);
  h.volume.assign((last_day - first_day + 1) * per_day, 0.0);
  h.aht_s.assign(h.volume.size(), 0.0);
  for (const auto& [index, row] : rows) {
    h.volume[index - first_day * per_day] = row.first;
    h.aht_s[index - first_day * per_day] = row.first > 0 ? row.second : 0;
  }
  return h;
}

}  // namespace tamas::wfm
