#include "core/time.h"

#include <cstdio>

namespace tamas {

std::string format_iso8601(Instant t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()),
                int(hms.subseconds().count()));
  return buf;
}

bool parse_iso8601(const std::string& text, Instant& out) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0, n = 0;
  const char* p = text.c_str();
  if (std::sscanf(p, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5) return false;
  p += n;
  if (*p == ':') {
    if (std::sscanf(p, ":%2d%n", &s, &n) != 1) return false;
    p += n;
    if (*p == '.') {
      if (std::sscanf(p, ".%3d%n", &ms, &n) != 1) return false;
      p += n;
    }
  }
  if (p[0] != 'Z' || p[1] != '\0') return false;
  const year_month_day ymd{year{y}, month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return false;
  out = Instant{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
  return true;
}

}  // namespace tamas
