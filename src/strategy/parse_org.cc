// Sections: organisation, holidays, governance; dates.
#include <charconv>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

// "1405-01-13" or "01-13" -> up to three numbers; false on bad syntax.
bool split_date(std::string_view s, std::vector<int>& out) {
  out.clear();
  while (true) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p == s.data() || v < 0) return false;
    out.push_back(v);
    s.remove_prefix(std::size_t(p - s.data()));
    if (s.empty()) break;
    if (s[0] != '-' || out.size() == 3) return false;
    s.remove_prefix(1);
  }
  return out.size() >= 2;
}

bool valid_recurring(CalendarKind cal, int month, int day) {
  if (cal == CalendarKind::gregorian)
    return month >= 1 && month <= 12 && is_valid(CivilDate{2000, unsigned(month), unsigned(day)});
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month <= 6 ? 31 : 30);
}

const char* cal_name(CalendarKind c) {
  return c == CalendarKind::persian ? "Jalali" : "Gregorian";
}

std::optional<HolidayRule> parse_holiday_date(Ctx& ctx, const YAML::Node& n, CalendarKind cal) {
  auto text = read_string(ctx.sink, n, "holiday date");
  if (!text) return std::nullopt;
  const std::size_t dots = text->find("..");
  const std::string a = text->substr(0, dots);
  const std::string b = dots == std::string::npos ? a : text->substr(dots + 2);
  std::vector<int> x, y;
  if (!split_date(a, x) || !split_date(b, y) || x.size() != y.size()) {
    ctx.sink.error(
        n, "expected a date such as 01-01, 1405-01-13 or 01-01..01-04, got '" + *text + "'");
    return std::nullopt;
  }
  const bool dated = x.size() == 3;
  const int off = dated ? 1 : 0;
  for (const auto* d : {&x, &y}) {
    const std::string part = d == &x ? a : b;
    const int m = (*d)[std::size_t(off)], day = (*d)[std::size_t(off) + 1];
    const bool ok = dated ? (cal == CalendarKind::persian
                                 ? is_valid(JalaliDate{(*d)[0], unsigned(m), unsigned(day)})
                                 : is_valid(CivilDate{(*d)[0], unsigned(m), unsigned(day)}))
                          : valid_recurring(cal, m, day);
    if (!ok || m > 12 || day > 31 || (dated && ((*d)[0] < 1200 || (*d)[0] > 2200))) {
      ctx.sink.error(n, std::string("invalid ") + cal_name(cal) + " date '" + part + "'");
      return std::nullopt;
    }
  }
  HolidayRule r;
  r.calendar = cal;
  r.from_month = unsigned(x[std::size_t(off)]);
  r.from_day = unsigned(x[std::size_t(off) + 1]);
  r.to_month = unsigned(y[std::size_t(off)]);
  r.to_day = unsigned(y[std::size_t(off) + 1]);
  if (dated) {
    r.year = x[0];
    const bool wraps = std::pair(r.to_month, r.to_day) < std::pair(r.from_month, r.from_day);
    if (y[0] != x[0] + (wraps ? 1 : 0)) {
      ctx.sink.error(n, "holiday range '" + *text + "' is inverted or longer than a year");
      return std::nullopt;
    }
  }
  return r;
}

}  // namespace

std::optional<CivilDate> parse_date(Ctx& ctx, const YAML::Node& n, CalendarKind,
                                    std::string_view what) {
  auto text = read_string(ctx.sink, n, what);
  if (!text) return std::nullopt;
  std::vector<int> v;
  if (!split_date(*text, v) || v.size() != 3) {
    ctx.sink.error(n, "expected a date such as 1405-01-20 or 2026-04-09 for " + std::string(what) +
                          ", got '" + *text + "'");
    return std::nullopt;
  }
  // Years before 1700 are Jalali (1405), later ones Gregorian (2026).
  if (v[0] < 1700) {
    const JalaliDate j{v[0], unsigned(v[1]), unsigned(v[2])};
    if (v[0] >= 1200 && v[1] <= 12 && v[2] <= 31 && is_valid(j)) return from_jalali(j);
    ctx.sink.error(n, "invalid Jalali date '" + *text + "'");
    return std::nullopt;
  }
  const CivilDate g{v[0], unsigned(v[1]), unsigned(v[2])};
  if (v[0] <= 2200 && v[1] <= 12 && v[2] <= 31 && is_valid(g)) return g;
  ctx.sink.error(n, "invalid Gregorian date '" + *text + "'");
  return std::nullopt;
}

void parse_organisation(Ctx& ctx, const YAML::Node& n) {
  Map m(ctx.sink, n, "organisation",
        {"id", "name", "time_zone", "calendar", "locales", "business_hours"});
  if (!m.ok()) return;
  Organisation& o = ctx.st.organisation;
  if (auto id = read_id(ctx.sink, m.need("id"), "organisation id")) o.id = *id;
  if (auto t = read_text(ctx.sink, m.need("name"), "organisation name")) o.name = *t;
  if (auto tz = read_string(ctx.sink, m.get("time_zone"), "time_zone")) {
    if (is_valid_time_zone(*tz))
      o.time_zone = *tz;
    else
      ctx.sink.error(m.get("time_zone"), "unknown time zone '" + *tz + "'");
  }
  if (auto c = read_choice(ctx.sink, m.get("calendar"), "calendar", {"persian", "gregorian"}))
    o.calendar = CalendarKind(*c);
  if (auto l = read_list(ctx.sink, m.get("locales"), "locales")) {
    o.locales.clear();
    for (const auto& loc : *l) {
      if (loc != "fa" && loc != "en")
        ctx.sink.error(m.get("locales"), "unsupported locale '" + loc + "'; expected fa or en");
      else
        o.locales.push_back(loc);
    }
  }
  ctx.business_hours = m.get("business_hours");
}

void parse_holidays(Ctx& ctx, const YAML::Node& n) {
  for (const auto& item : read_seq(ctx.sink, n, "holidays")) {
    Map m(ctx.sink, item, "holiday", {"name", "date", "calendar"});
    if (!m.ok()) continue;
    CalendarKind cal = ctx.st.organisation.calendar;
    if (auto c = read_choice(ctx.sink, m.get("calendar"), "calendar", {"persian", "gregorian"}))
      cal = CalendarKind(*c);
    auto name = read_text(ctx.sink, m.need("name"), "holiday name");
    const YAML::Node date = m.need("date");
    if (!date.IsDefined()) continue;
    if (auto r = parse_holiday_date(ctx, date, cal)) {
      if (name) r->name = !name->en.empty() ? name->en : name->fa;
      ctx.st.holidays.push_back(*r);
    }
  }
}

void parse_governance(Ctx& ctx, const YAML::Node& n) {
  Map m(ctx.sink, n, "governance",
        {"version", "owner", "review_every", "last_review", "owners", "new_service_guideline"});
  if (!m.ok()) return;
  Governance& g = ctx.st.governance;
  if (auto v = read_string(ctx.sink, m.need("version"), "governance version")) g.version = *v;
  if (auto v = read_string(ctx.sink, m.need("owner"), "governance owner")) g.owner = *v;
  if (auto d = read_duration(ctx.sink, m.get("review_every"), "review_every"))
    g.review_interval = *d;
  if (m.has("last_review"))
    g.last_review =
        parse_date(ctx, m.get("last_review"), ctx.st.organisation.calendar, "last_review");
  if (auto v = read_string(ctx.sink, m.get("new_service_guideline"), "new_service_guideline"))
    g.new_service_guideline = *v;
  const YAML::Node owners = m.get("owners");
  if (!owners.IsDefined()) return;
  Map o(ctx.sink, owners, "governance owners",
        {"organisation", "holidays", "hours", "fields", "skills", "agent_groups", "queues",
         "partners", "segments", "interaction_types", "ivr", "entry_points", "routing",
         "service_levels", "surveys", "cases", "voice"});
  if (!o.ok()) return;
  for (const auto& it : owners) {
    if (!o.get(it.first.Scalar()).IsDefined()) continue;
    if (auto who = read_string(ctx.sink, it.second, "section owner"))
      g.section_owners.emplace_back(it.first.Scalar(), *who);
  }
}

}  // namespace tamas::strategy::detail
