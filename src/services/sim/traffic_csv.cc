#include "services/sim/traffic_csv.h"

#include <charconv>
#include <map>
#include <tuple>

#include "services/sim/roster.h"

namespace tamas::services::sim {
namespace {

bool number(std::string_view t, double& out) {
  if (t.empty()) return false;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && end == t.data() + t.size() && out >= 0;
}

struct Acc {
  Traffic t;
  double volume = 0, aht_sum = 0, patience_sum = 0;
};

}  // namespace

Result<std::vector<Traffic>> parse_traffic_csv(std::string_view text, std::string_view file_name,
                                               Duration interval) {
  const double interval_min = double(interval.count()) / 60000.0;
  if (interval_min <= 0) return Error::invalid("the interval must be positive");
  std::map<std::string, int> col;
  std::map<std::tuple<std::string, std::string, int>, Acc> streams;
  int line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto where = [&](const std::string& m) {
      return Error::invalid(std::string(file_name) + ":" + std::to_string(line_no) + ": " + m);
    };
    const auto cells = split(line, ',');
    if (col.empty()) {
      for (std::size_t i = 0; i < cells.size(); ++i) col[std::string(cells[i])] = int(i);
      for (const char* need : {"start", "volume", "aht"})
        if (!col.count(need)) return where(std::string("the header needs a '") + need + "' column");
      if (!col.count("type") && !col.count("queue"))
        return where("the header needs a 'type' or 'queue' column");
      continue;
    }
    auto cell = [&](const char* name) -> std::string_view {
      auto it = col.find(name);
      return it == col.end() || std::size_t(it->second) >= cells.size() ? std::string_view{}
                                                                        : cells[it->second];
    };
    double day = 0, volume = 0, aht = 0, patience = 0;
    if (!cell("day").empty() && !number(cell("day"), day))
      return where("bad day '" + std::string(cell("day")) + "'");
    if (!number(cell("volume"), volume))
      return where("bad volume '" + std::string(cell("volume")) + "'");
    if (!number(cell("aht"), aht) || (volume > 0 && aht <= 0))
      return where("bad aht '" + std::string(cell("aht")) + "'");
    if (!cell("patience").empty() && !number(cell("patience"), patience))
      return where("bad patience '" + std::string(cell("patience")) + "'");
    const std::string_view start = cell("start");
    int h = -1, m = -1;
    const auto colon = start.find(':');
    if (colon != start.npos) {
      std::from_chars(start.data(), start.data() + colon, h);
      std::from_chars(start.data() + colon + 1, start.data() + start.size(), m);
    }
    if (h < 0 || h > 23 || m < 0 || m > 59)
      return where("bad start '" + std::string(start) + "' (HH:MM)");
    const double minute = day * 1440 + h * 60 + m;
    const double index = minute / interval_min;
    if (index != double(static_cast<long>(index)))
      return where("start is not on an interval boundary");
    engine::Channel ch = engine::Channel::voice;
    if (!cell("channel").empty() && !engine::parse_channel(std::string(cell("channel")), ch))
      return where("unknown channel '" + std::string(cell("channel")) + "'");
    const std::string queue(cell("queue")), type(cell("type"));
    if (queue.empty() && type.empty()) return where("a row needs a type or a queue");
    Acc& acc = streams[{queue, type, int(ch)}];
    acc.t.queue = queue;
    acc.t.type = type;
    acc.t.channel = ch;
    auto& rates = acc.t.interval_per_hour;
    const auto i = static_cast<std::size_t>(index);
    if (rates.size() <= i) rates.resize(i + 1, 0.0);
    rates[i] += volume * 60.0 / interval_min;
    acc.volume += volume;
    acc.aht_sum += volume * aht;
    acc.patience_sum += volume * patience;
  }
  if (col.empty()) return Error::invalid(std::string(file_name) + ": empty traffic file");
  std::vector<Traffic> out;
  for (auto& [key, acc] : streams) {
    if (acc.volume <= 0) continue;
    acc.t.aht = Duration{static_cast<Duration::rep>(acc.aht_sum / acc.volume * 1000.0 + 0.5)};
    acc.t.patience =
        Duration{static_cast<Duration::rep>(acc.patience_sum / acc.volume * 1000.0 + 0.5)};
    acc.t.label =
        acc.t.queue.empty() ? acc.t.type + "/" + engine::to_string(acc.t.channel) : acc.t.queue;
    out.push_back(std::move(acc.t));
  }
  if (out.empty())
    return Error::invalid(std::string(file_name) + ": no traffic (all volumes are zero)");
  return out;
}

}  // namespace tamas::services::sim
