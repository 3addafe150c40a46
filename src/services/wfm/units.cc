#include "services/wfm/units.h"

#include <charconv>
#include <cmath>
#include <string>

namespace tamas::wfm {
namespace {

bool to_double(std::string_view s, double& out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end && std::isfinite(out);
}

}  // namespace

Result<double> parse_number(std::string_view text, std::string_view what) {
  double v = 0;
  if (!to_double(text, v) || v < 0)
    return Error::invalid(std::string(what) + " must be a non-negative number, got '" +
                          std::string(text) + "'");
  return v;
}

Result<double> parse_duration(std::string_view text) {
  const auto bad = [&] {
    return Error::invalid("bad duration '" + std::string(text) +
                          "' (expected e.g. 30m, 1800s, 1h, 1h30m or 180)");
  };
  if (text.empty()) return bad();
  double total = 0;
  std::string_view rest = text;
  while (!rest.empty()) {  // one or more NUMBER[UNIT]; a bare number is seconds
    size_t n = 0;
    while (n < rest.size() && ((rest[n] >= '0' && rest[n] <= '9') || rest[n] == '.')) ++n;
    double v = 0;
    if (!to_double(rest.substr(0, n), v)) return bad();
    if (n == rest.size()) {
      if (rest.size() != text.size()) return bad();  // "1h30": unit missing
      return v;
    }
    double scale = 0;
    switch (rest[n]) {
      case 's':
        scale = 1;
        break;
      case 'm':
        scale = 60;
        break;
      case 'h':
        scale = 3600;
        break;
      case 'd':
        scale = 86400;
        break;
      default:
        return Error::invalid("unknown duration unit in '" + std::string(text) +
                              "' (use s, m, h or d)");
    }
    total += v * scale;
    rest.remove_prefix(n + 1);
  }
  return total;
}

Result<ServiceTarget> parse_service_target(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos)
    return Error::invalid("bad service-level target '" + std::string(text) +
                          "' (expected PERCENT/TIME, e.g. 80/20s)");
  double pct = 0;
  if (!to_double(text.substr(0, slash), pct) || !(pct > 0 && pct < 100))
    return Error::invalid("service-level percentage in '" + std::string(text) +
                          "' must be greater than 0 and less than 100");
  Result<double> within = parse_duration(text.substr(slash + 1));
  if (!within) return within.error();
  return ServiceTarget{pct / 100, *within};
}

}  // namespace tamas::wfm
