#include "services/wfm/schedule_variants.h"

#include <algorithm>
#include <functional>

#include "services/wfm/history.h"

namespace tamas::wfm {
namespace {

int overlap(int a0, int a1, int b0, int b1) {
  return std::max(0, std::min(a1, b1) - std::max(a0, b0));
}

// Candidate starts of each break, as minutes after midnight.
std::vector<std::vector<int>> break_candidates(const ShiftTemplate& s, int start, int step) {
  std::vector<std::vector<int>> out;
  for (const BreakRule& b : s.breaks) {
    std::vector<int> starts;
    const int lo = b.relative ? start + b.earliest_min : b.earliest_min;
    const int hi = b.relative ? start + b.latest_min : b.latest_min;
    for (int t = lo; t <= hi; t += step) {
      if (t >= start && t + b.length_min <= start + s.length_min) starts.push_back(t);
    }
    out.push_back(std::move(starts));
  }
  return out;
}

// All non-overlapping combinations of one start per break.
std::vector<std::vector<int>> break_placements(const ShiftTemplate& s, int start, int step) {
  const std::vector<std::vector<int>> cand = break_candidates(s, start, step);
  std::vector<std::vector<int>> out;
  std::vector<int> pick;
  std::function<void(size_t)> rec = [&](size_t k) {
    if (k == cand.size()) {
      out.push_back(pick);
      return;
    }
    for (int t : cand[k]) {
      bool clash = false;
      for (size_t j = 0; j < k; ++j) {
        clash |=
            overlap(t, t + s.breaks[k].length_min, pick[j], pick[j] + s.breaks[j].length_min) > 0;
      }
      if (clash) continue;
      pick.push_back(t);
      rec(k + 1);
      pick.pop_back();
    }
  };
  rec(0);
  return out;
}

// Share of each interval of the day worked, for one start and placement.
std::vector<std::pair<int, double>> day_cover(const ShiftTemplate& s, int start,
                                              const std::vector<int>& breaks, int step) {
  std::vector<std::pair<int, double>> cover;
  for (int k = start / step; k * step < start + s.length_min; ++k) {
    const int k0 = k * step, k1 = k0 + step;
    int worked = overlap(start, start + s.length_min, k0, k1);
    for (size_t b = 0; b < breaks.size(); ++b)
      worked -= overlap(breaks[b], breaks[b] + s.breaks[b].length_min, k0, k1);
    if (worked > 0) cover.emplace_back(k, double(worked) / step);
  }
  return cover;
}

// Subsets of `days` with exactly `k` members (all of them when k is 0).
std::vector<std::vector<int>> day_sets(const std::vector<int>& days, int k) {
  if (k <= 0 || k >= static_cast<int>(days.size())) return {days};
  std::vector<std::vector<int>> out;
  std::vector<char> mask(days.size(), 0);
  std::fill(mask.begin(), mask.begin() + k, 1);
  do {
    std::vector<int> set;
    for (size_t i = 0; i < days.size(); ++i)
      if (mask[i]) set.push_back(days[i]);
    out.push_back(std::move(set));
  } while (std::prev_permutation(mask.begin(), mask.end()));
  return out;
}

Status check_template(const ShiftTemplate& s) {
  const std::string where = "shift '" + s.name + "': ";
  if (s.length_min <= 0) return Error::invalid(where + "length must be positive");
  if (s.earliest_start_min < 0 || s.latest_start_min < s.earliest_start_min)
    return Error::invalid(where + "start window is empty");
  if (s.latest_start_min + s.length_min > 1440)
    return Error::invalid(where + "must end by midnight (overnight shifts are not supported)");
  for (const BreakRule& b : s.breaks) {
    if (b.length_min <= 0 || b.latest_min < b.earliest_min)
      return Error::invalid(where + "break '" + b.name + "' needs a positive length and window");
  }
  return {};
}

}  // namespace

Result<std::vector<ShiftVariant>> enumerate_variants(const Requirements& req,
                                                     const ShiftConfig& config, int max_variants) {
  const int step = req.interval_minutes;
  const int per_day = 1440 / step;
  std::vector<ShiftVariant> out;
  for (size_t si = 0; si < config.shifts.size(); ++si) {
    const ShiftTemplate& s = config.shifts[si];
    if (Status st = check_template(s); !st) return st.error();
    const auto g = std::find_if(config.groups.begin(), config.groups.end(),
                                [&](const AgentGroup& x) { return x.name == s.group; });
    if (g == config.groups.end())
      return Error::invalid("shift '" + s.name + "': unknown group '" + s.group + "'");
    std::vector<int> days;
    for (int d = 0; d < req.days(); ++d) {
      const int wd = weekday(from_day_number(day_number(req.first_day) + d));
      if (std::find(s.weekdays.begin(), s.weekdays.end(), wd) != s.weekdays.end())
        days.push_back(d);
    }
    const size_t before = out.size();
    for (int start = s.earliest_start_min; start <= s.latest_start_min; start += step) {
      for (const std::vector<int>& breaks : break_placements(s, start, step)) {
        const auto cover = day_cover(s, start, breaks, step);
        for (const std::vector<int>& set : day_sets(days, s.work_days)) {
          ShiftVariant v{static_cast<int>(si),
                         static_cast<int>(g - config.groups.begin()),
                         start,
                         breaks,
                         set,
                         {},
                         0};
          for (int d : set)
            for (const auto& [k, share] : cover) v.cover.emplace_back(d * per_day + k, share);
          v.cost = g->cost_per_hour * s.length_min / 60.0 * set.size();
          out.push_back(std::move(v));
          if (static_cast<int>(out.size()) > max_variants)
            return Error::invalid("more than " + std::to_string(max_variants) +
                                  " shift variants; narrow the start or break windows");
        }
      }
    }
    if (out.size() == before && !days.empty())
      return Error::invalid("shift '" + s.name + "': no placement of its breaks fits the shift");
  }
  return out;
}

}  // namespace tamas::wfm
