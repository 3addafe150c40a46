#include "services/cases/sla.h"

#include <algorithm>

#include "services/cases/workflow.h"

namespace tamas::services::cases {
namespace {

std::optional<Instant> after(const SlaCalendar& cal, Instant start, Duration d) {
  if (d <= Duration::zero()) return std::nullopt;
  return cal.calendar.add_business_time(cal.hours, start, d);
}

void set_clock(store::SlaClock& k, Duration target, double warn_fraction, const SlaCalendar& cal,
               Instant start) {
  k = store::SlaClock{};
  k.due_at = after(cal, start, target);
  if (k.due_at)
    k.warn_at = after(
        cal, start,
        Duration(static_cast<std::int64_t>(static_cast<double>(target.count()) * warn_fraction)));
}

bool first_response_pending(const store::Case& c) {
  return !c.first_response_at;
}
bool resolution_pending(const store::Case& c) {
  return is_open(c.state);
}

void shift(std::optional<Instant>& t, bool raised, const SlaCalendar& cal, Instant paused,
           Instant now) {
  if (!t || raised || *t <= paused) return;
  Duration left = cal.calendar.business_time_between(cal.hours, paused, *t);
  t = cal.calendar.add_business_time(cal.hours, now, left);
}

}  // namespace

void start_clocks(store::Case& c, const SlaTarget* target, double warn_fraction,
                  const SlaCalendar& cal, Instant start) {
  c.first_response = {};
  c.resolution = {};
  if (target) {
    set_clock(c.first_response, target->first_response, warn_fraction, cal, start);
    set_clock(c.resolution, target->resolution, warn_fraction, cal, start);
  }
  refresh_next(c);
}

void pause_clocks(store::Case& c, Instant now) {
  if (!c.paused_since) c.paused_since = now;
  refresh_next(c);
}

void resume_clocks(store::Case& c, const SlaCalendar& cal, Instant now) {
  if (!c.paused_since) return;
  const Instant paused = *c.paused_since;
  for (store::SlaClock* k : {&c.first_response, &c.resolution}) {
    shift(k->warn_at, k->warned, cal, paused, now);
    shift(k->due_at, k->breached, cal, paused, now);
  }
  c.paused_since.reset();
  refresh_next(c);
}

void refresh_next(store::Case& c) {
  c.next_sla_at.reset();
  if (c.paused_since) return;
  auto consider = [&](const store::SlaClock& k, bool pending) {
    if (!pending) return;
    for (auto [t, raised] : {std::pair{k.warn_at, k.warned}, std::pair{k.due_at, k.breached}})
      if (t && !raised && (!c.next_sla_at || *t < *c.next_sla_at)) c.next_sla_at = t;
  };
  consider(c.first_response, first_response_pending(c));
  consider(c.resolution, resolution_pending(c));
}

const char* to_string(SlaSignal s) {
  switch (s) {
    case SlaSignal::first_response_warning:
      return "first_response_warning";
    case SlaSignal::first_response_breach:
      return "first_response_breach";
    case SlaSignal::resolution_warning:
      return "resolution_warning";
    case SlaSignal::resolution_breach:
      return "resolution_breach";
  }
  return "?";
}

std::vector<SlaSignal> take_due_signals(store::Case& c, Instant now) {
  std::vector<SlaSignal> out;
  if (c.paused_since) return out;
  auto take = [&](store::SlaClock& k, bool pending, SlaSignal warn, SlaSignal breach) {
    if (!pending) return;
    if (k.warn_at && !k.warned && *k.warn_at <= now) {
      k.warned = true;
      out.push_back(warn);
    }
    if (k.due_at && !k.breached && *k.due_at <= now) {
      k.breached = true;
      k.warned = true;
      out.push_back(breach);
    }
  };
  take(c.first_response, first_response_pending(c), SlaSignal::first_response_warning,
       SlaSignal::first_response_breach);
  take(c.resolution, resolution_pending(c), SlaSignal::resolution_warning,
       SlaSignal::resolution_breach);
  refresh_next(c);
  return out;
}

}  // namespace tamas::services::cases
