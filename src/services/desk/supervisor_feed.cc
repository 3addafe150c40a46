#include "services/desk/supervisor_feed.h"

#include "services/desk/desk_json.h"

namespace tamas::services {
namespace {

namespace json = boost::json;

double secs(Duration d) {
  return static_cast<double>(d.count()) / 1000.0;
}

json::object queue_json(const std::string& id, const engine::QueueStats& q) {
  return {
      {"queue", id},
      {"waiting", q.waiting},
      {"longest_wait_s", std::chrono::duration_cast<std::chrono::seconds>(q.longest_wait).count()},
      {"serving_agents", q.serving_agents},
      {"offered", q.offered},
      {"answered", q.answered},
      {"abandoned", q.abandoned},
      {"completed", q.completed},
      {"overflowed", q.overflowed},
      {"service_level", q.service_level},
      {"asa_s", secs(q.asa)},
      {"aht_s", secs(q.aht)},
      {"occupancy", q.occupancy}};
}

std::string join(const std::map<std::string, std::string>& items) {
  std::string out = "[";
  for (const auto& [k, v] : items) {
    if (out.size() > 1) out += ',';
    out += v;
  }
  return out + "]";
}

}  // namespace

std::string agent_status_json(const DeskAgent& a) {
  json::array contacts;
  for (const auto& c : a.contacts)
    contacts.push_back(json::object{{"contact", c.id}, {"state", c.state}});
  return desk_json::text({{"agent", a.agent},
                          {"name", a.display_name},
                          {"state", a.state},
                          {"reason", a.reason},
                          {"since", desk_json::iso(a.since)},
                          {"contacts", contacts}});
}

SupervisorFeed::SupervisorFeed(const strategy::Strategy& s, store::TenantId tenant,
                               Switchboard& board, AgentDesk& desk, EventBus& bus,
                               const Clock& clock)
    : strategy_(s), tenant_(tenant), board_(board), desk_(desk), bus_(bus), clock_(clock) {}

std::map<std::string, std::string> SupervisorFeed::read_queues() {
  std::map<std::string, std::string> out;
  board_.inspect([&](const engine::Engine& e) {
    for (const auto& q : strategy_.queues)
      if (auto st = e.queue_stats(q.id)) out[q.id] = desk_json::text(queue_json(q.id, *st));
  });
  return out;
}

std::string SupervisorFeed::queues_now() {
  return join(read_queues());
}

void SupervisorFeed::prime() {
  auto queues = read_queues();
  std::lock_guard lock(mu_);
  for (auto& [id, text] : queues) queues_.emplace(id, std::move(text));
}

void SupervisorFeed::on_stats(const StatsUpdate& update) {
  std::vector<BusEvent> out;
  {
    std::lock_guard lock(mu_);
    for (const auto& q : update.queues) {
      auto text = desk_json::text(queue_json(q.queue, q.stats));
      queues_[q.queue] = text;
      out.push_back(
          BusEvent{0, tenant_, "queue/" + q.queue, "queue_stats", update.at, std::move(text)});
    }
  }
  for (const auto& a : update.agents) {
    const auto& st = a.stats;
    out.push_back(BusEvent{0, tenant_, "agents/" + a.agent, "agent_stats", update.at,
                           desk_json::text({{"agent", a.agent},
                                            {"handled", st.handled},
                                            {"talk_s", secs(st.talk_time)},
                                            {"hold_s", secs(st.hold_time)},
                                            {"wrap_s", secs(st.wrap_time)},
                                            {"occupancy", st.occupancy}})});
  }
  for (auto& e : out) bus_.publish(std::move(e));
}

int SupervisorFeed::poll() {
  std::map<std::string, std::string> agents;
  for (const auto& a : desk_.agents()) agents[a.agent] = agent_status_json(a);
  std::vector<BusEvent> out;
  {
    std::lock_guard lock(mu_);
    for (const auto& [id, text] : agents)
      if (agents_[id] != text)
        out.push_back(BusEvent{0, tenant_, "agents/" + id, "agent_status", {}, text});
    agents_ = std::move(agents);
  }
  const Instant now = clock_.now();
  for (auto& e : out) {
    e.at = now;
    bus_.publish(std::move(e));
  }
  return static_cast<int>(out.size());
}

std::string SupervisorFeed::snapshot() const {
  std::lock_guard lock(mu_);
  return R"({"queues":)" + join(queues_) + R"(,"agents":)" + join(agents_) + "}";
}

}  // namespace tamas::services
