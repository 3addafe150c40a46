#include "services/sim/recorded.h"

#include <algorithm>
#include <map>

#include "engine/bridge/from_strategy.h"

namespace tamas::services::sim {

Result<std::vector<Traffic>> recorded_traffic(const std::vector<store::Interaction>& interactions,
                                              Instant start) {
  std::map<std::pair<std::string, int>, Traffic> streams;
  for (const store::Interaction& i : interactions) {
    if (i.arrived_at < start) continue;
    auto ch = engine::engine_channel(i.channel);
    if (!ch)
      return Error::invalid("interaction " + std::to_string(i.id) + ": " + ch.error().message);
    Traffic& t = streams[{i.type, static_cast<int>(*ch)}];
    t.type = i.type;
    t.channel = *ch;
    t.label = i.type + "/" + engine::to_string(*ch);
    RecordedContact c;
    c.arrival = i.arrived_at - start;
    if (i.answered_at && i.ended_at && *i.ended_at > *i.answered_at) {
      c.handle = *i.ended_at - *i.answered_at;
    } else if (!i.answered_at && i.ended_at && *i.ended_at > i.arrived_at) {
      c.patience = *i.ended_at - i.arrived_at;
    }
    t.recorded.push_back(c);
  }
  std::vector<Traffic> out;
  for (auto& [key, t] : streams) {
    std::stable_sort(
        t.recorded.begin(), t.recorded.end(),
        [](const RecordedContact& a, const RecordedContact& b) { return a.arrival < b.arrival; });
    // A reported AHT for the stream (handle times themselves are replayed).
    double sum = 0, n = 0;
    for (const RecordedContact& c : t.recorded)
      if (c.handle.count() > 0) sum += double(c.handle.count()), ++n;
    t.aht = Duration{n > 0 ? static_cast<Duration::rep>(sum / n) : 1};
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace tamas::services::sim
