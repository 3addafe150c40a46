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
  double scale = 1;
  std::string_view num = text;
  if (!text.empty() && !(text.back() >= '0' && text.back() <= '9') && text.back() != '.') {
    switch (text.back()) {
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
    num.remove_suffix(1);
  }
  double v = 0;
  if (!to_double(num, v) || v < 0)
    return Error::invalid("bad duration '" + std::string(text) +
                          "' (expected e.g. 30m, 1800s, 1h or 180)");
  return v * scale;
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
