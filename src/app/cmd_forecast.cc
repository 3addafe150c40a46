// `tamas forecast`: Holt–Winters (weekday × interval) forecast from a CSV
// history or from the interactions a database recorded, with its accuracy
// against the seasonal-naive baseline.
//   tamas forecast --history FILE.csv --interval 30m --weeks 1 [--holdout 1]
//                  [--holidays 2026-03-20,1405/01/02] [--holiday-scale 0.3] [--json]
//   tamas forecast --db PATH [--tenant SLUG] --from DATE --to DATE [--queue Q]
//                  [--type T] [--channel C] [...as above]
// With --db the active strategy's time zone places the interactions in
// local intervals and its holidays (Nowruz, ...) are the holidays of history
// and horizon unless --holidays is given. The JSON lists the holidays used.
// Exit codes: 0 ok, 2 bad input.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/command.h"
#include "app/tenant_setup.h"
#include "services/switchboard/queue_hours.h"
#include "services/wfm/forecast.h"
#include "services/wfm/history_from_interactions.h"
#include "services/wfm/units.h"
#include "store/sqlite_store.h"

namespace tamas::app {
namespace {

struct ForecastArgs {
  std::string history, interval = "30m", weeks = "1", holdout, holidays, holiday_scale;
  std::string db, tenant, from, to, queue, type, channel;
  bool json = false;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "tamas forecast: %s\n", message.c_str());
  return 2;
}

Result<wfm::ForecastOptions> options(const ForecastArgs& a) {
  wfm::ForecastOptions opt;
  std::stringstream list(a.holidays);
  for (std::string item; std::getline(list, item, ',');) {
    if (item.empty()) continue;
    Result<CivilDate> d = wfm::parse_local_date(item);
    if (!d) return Error::invalid("--holidays: " + d.error().message);
    opt.holidays.push_back(*d);
  }
  if (!a.holiday_scale.empty()) {
    Result<double> s = wfm::parse_number(a.holiday_scale, "holiday scale");
    if (!s) return s.error();
    opt.holiday_scale = *s;
  }
  return opt;
}

const char* kind_name(wfm::Seasonality k) {
  return k == wfm::Seasonality::additive ? "additive" : "multiplicative";
}

void print_json(const wfm::VolumeForecast& f, const std::optional<wfm::Backtest>& b,
                std::vector<CivilDate> holidays) {
  std::printf(
      "{\"interval_minutes\":%d,\"model\":{\"kind\":\"%s\",\"alpha\":%g,\"beta\":%g,"
      "\"gamma\":%g},\"holiday_scale\":%.4g,\"holidays\":[",
      f.interval_minutes, kind_name(f.params.kind), f.params.alpha, f.params.beta, f.params.gamma,
      f.holiday_scale);
  std::sort(holidays.begin(), holidays.end());
  for (std::size_t i = 0; i < holidays.size(); ++i)
    std::printf("%s\"%s\"", i ? "," : "", wfm::format_local_date(holidays[i]).c_str());
  std::printf("]");
  if (b) {
    std::printf(
        ",\"accuracy\":{\"holdout_days\":%d,\"holt_winters\":{\"mape\":%.4f,\"wape\":%.4f},"
        "\"seasonal_naive\":{\"mape\":%.4f,\"wape\":%.4f}}",
        b->holdout_days, b->holt_winters.mape, b->holt_winters.wape, b->seasonal_naive.mape,
        b->seasonal_naive.wape);
  }
  std::printf(",\"forecast\":[");
  const long first = wfm::day_number(f.first_day);
  const int per_day = 1440 / f.interval_minutes;
  for (size_t i = 0; i < f.volume.size(); ++i) {
    const CivilDate d = wfm::from_day_number(first + static_cast<long>(i) / per_day);
    std::printf("%s{\"start\":\"%s\",\"volume\":%.2f,\"aht_s\":%.1f}", i ? "," : "",
                wfm::format_local(d, (i % per_day) * f.interval_minutes).c_str(), f.volume[i],
                f.aht_s[i]);
  }
  std::printf("]}\n");
}

void print_table(const wfm::VolumeForecast& f, const std::optional<wfm::Backtest>& b) {
  std::printf("model: Holt-Winters %s (alpha %g, beta %g, gamma %g), holiday scale %.3g\n",
              kind_name(f.params.kind), f.params.alpha, f.params.beta, f.params.gamma,
              f.holiday_scale);
  if (b) {
    std::printf(
        "holdout %d days: Holt-Winters MAPE %.1f%% WAPE %.1f%% | seasonal naive MAPE "
        "%.1f%% WAPE %.1f%%\n",
        b->holdout_days, 100 * b->holt_winters.mape, 100 * b->holt_winters.wape,
        100 * b->seasonal_naive.mape, 100 * b->seasonal_naive.wape);
  }
  std::printf("%-16s %9s %8s\n", "start", "volume", "aht_s");
  const long first = wfm::day_number(f.first_day);
  const int per_day = 1440 / f.interval_minutes;
  for (size_t i = 0; i < f.volume.size(); ++i) {
    if (f.volume[i] < 0.005) continue;
    const CivilDate d = wfm::from_day_number(first + static_cast<long>(i) / per_day);
    std::printf("%-16s %9.2f %8.1f\n",
                wfm::format_local(d, (i % per_day) * f.interval_minutes).c_str(), f.volume[i],
                f.aht_s[i]);
  }
}

Result<std::string> read_csv(const ForecastArgs& a) {
  std::ifstream in(a.history, std::ios::binary);
  if (!in) return Error::not_found("cannot read " + a.history);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<CivilDate> date_arg(const std::string& text, const char* flag) {
  if (text.empty()) return Error::invalid(std::string(flag) + " is required with --db");
  auto d = wfm::parse_local_date(text);
  if (!d) return Error::invalid(std::string(flag) + ": " + d.error().message);
  return *d;
}

// The history of the recorded interactions; `calendar` gets the active
// strategy's (time zone and holidays).
Result<wfm::History> recorded(const ForecastArgs& a, int minutes,
                              std::optional<BusinessCalendar>& calendar) {
  auto from = date_arg(a.from, "--from");
  if (!from) return from.error();
  auto to = date_arg(a.to, "--to");
  if (!to) return to.error();
  if (!std::filesystem::exists(a.db)) return Error::not_found("no database at '" + a.db + "'");
  auto db = store::open_sqlite_store(a.db);
  if (!db) return db.error();
  auto tenant = find_tenant(**db, a.tenant);
  if (!tenant) return tenant.error();
  auto active = active_strategy(**db, *tenant);
  if (!active) return active.error();
  auto cal = services::calendar_of(active->strategy);
  if (!cal) return cal.error();
  calendar = *cal;
  const Instant start = cal->to_instant(*from, 0);
  const Instant end = cal->to_instant(wfm::from_day_number(wfm::day_number(*to) + 1), 0);
  auto rows = (*db)->interactions().list_arrived(*tenant, start, end);
  if (!rows) return rows.error();
  return wfm::history_from_interactions(*rows, *tenant, *cal, *from, *to, minutes,
                                        {a.queue, a.type, a.channel});
}

int run(const ForecastArgs& a) {
  if (a.history.empty() == a.db.empty())
    return fail("give exactly one of --history FILE.csv and --db PATH");
  Result<double> interval = wfm::parse_duration(a.interval);
  if (!interval) return fail(interval.error().message);
  Result<double> weeks = wfm::parse_number(a.weeks, "weeks");
  if (!weeks || *weeks < 1 || *weeks != static_cast<int>(*weeks))
    return fail("--weeks must be a whole number of at least 1");
  Result<wfm::ForecastOptions> opt = options(a);
  if (!opt) return fail(opt.error().message);
  const int minutes = static_cast<int>(*interval / 60);
  std::optional<BusinessCalendar> calendar;
  Result<wfm::History> h = Error::invalid("no history");
  if (a.db.empty()) {
    auto text = read_csv(a);
    if (!text) return fail(text.error().message);
    h = wfm::parse_history_csv(*text, a.history, minutes);
  } else {
    h = recorded(a, minutes, calendar);
  }
  if (!h) return fail(h.error().message);
  if (calendar && a.holidays.empty()) {
    const long last = wfm::day_number(h->first_day) + h->days() + 7 * static_cast<int>(*weeks) - 1;
    opt->holidays = wfm::holidays_between(*calendar, h->first_day, wfm::from_day_number(last));
  }
  int holdout = h->days() >= 21 ? 1 : 0;
  if (!a.holdout.empty()) {
    Result<double> n = wfm::parse_number(a.holdout, "holdout");
    if (!n || *n != static_cast<int>(*n)) return fail("--holdout must be a whole number of weeks");
    holdout = static_cast<int>(*n);
  }
  std::optional<wfm::Backtest> back;
  if (holdout > 0) {
    Result<wfm::Backtest> b = wfm::backtest(*h, holdout, *opt);
    if (!b) return fail(b.error().message);
    back = *b;
  }
  Result<wfm::VolumeForecast> f = wfm::forecast_history(*h, 7 * static_cast<int>(*weeks), *opt);
  if (!f) return fail(f.error().message);
  a.json ? print_json(*f, back, opt->holidays) : print_table(*f, back);
  return 0;
}

TAMAS_REGISTER_COMMAND(Command{
    "forecast", "forecast interval volume and AHT from a CSV history or recorded interactions",
    [](CLI::App& sub) -> std::function<int()> {
      auto a = std::make_shared<ForecastArgs>();
      sub.add_option("--history", a->history, "CSV: datetime,volume,aht_s");
      sub.add_option("--interval", a->interval, "interval length (15m or 30m)");
      sub.add_option("--weeks", a->weeks, "weeks to forecast");
      sub.add_option("--holdout", a->holdout, "weeks held out to measure accuracy");
      sub.add_option("--holidays", a->holidays, "comma-separated local dates (Jalali or ISO)");
      sub.add_option("--holiday-scale", a->holiday_scale, "holiday volume / normal volume");
      sub.add_option("--db", a->db, "read the history from this database's interactions");
      sub.add_option("--tenant", a->tenant, "organisation slug (with --db)");
      sub.add_option("--from", a->from, "first local day of history (with --db)");
      sub.add_option("--to", a->to, "last local day of history (with --db)");
      sub.add_option("--queue", a->queue, "only this queue (with --db)");
      sub.add_option("--type", a->type, "only this interaction type (with --db)");
      sub.add_option("--channel", a->channel, "only this channel (with --db)");
      sub.add_flag("--json", a->json, "print one JSON object");
      return [a] { return run(*a); };
    }});

}  // namespace
}  // namespace tamas::app
