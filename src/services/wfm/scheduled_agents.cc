#include "services/wfm/scheduled_agents.h"

#include <algorithm>
#include <map>
#include <string>

namespace tamas::wfm {
namespace {

void add_work(const DaySchedule& s, Instant day_start, Instant start, Instant end,
              std::map<std::string, Duration>& work) {
  for (const auto& agent : s.agents)
    for (const auto& a : activities_of(agent, day_start)) {
      if (a.activity != Activity::work) continue;
      const Instant from = std::max(a.start, start), to = std::min(a.end, end);
      if (from < to) work[agent.agent] += to - from;
    }
}

}  // namespace

int agents_working(const DaySchedule& day, Instant day_start, const DaySchedule& previous_day,
                   Instant previous_day_start, Instant start, Instant end) {
  std::map<std::string, Duration> work;
  add_work(day, day_start, start, end, work);
  add_work(previous_day, previous_day_start, start, end, work);
  int n = 0;
  for (const auto& [agent, d] : work) n += 2 * d >= end - start ? 1 : 0;
  return n;
}

}  // namespace tamas::wfm
