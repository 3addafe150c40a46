// Logging agents in and out of the contact center, state changes, and the
// logout of everyone at server start.
#include <boost/json.hpp>

#include "engine/bridge/from_strategy.h"
#include "services/desk/agent_desk.h"
#include "services/desk/desk_json.h"

namespace tamas::services {
namespace {

namespace json = boost::json;

// A login from the agent's row: groups give skills and queues; the row's
// own skill levels and channel capacities override.
Result<engine::AgentLogin> login_of(const strategy::Strategy& s, const std::string& agent,
                                    const store::Agent& row) {
  std::vector<std::string> groups;
  for (const auto& g : row.groups)
    if (s.index.agent_groups.count(g)) groups.push_back(g);
  auto login = engine::agent_login_from(s, agent, groups, /*ready=*/false);
  if (!login) return login.error();
  json::error_code ec;
  auto skills = json::parse(row.skills_json, ec);
  if (!ec && skills.is_object())
    for (const auto& [k, v] : skills.as_object()) {
      if (!v.is_int64() || !s.index.skills.count(std::string(k))) continue;
      const int level = static_cast<int>(std::clamp<std::int64_t>(v.as_int64(), 1, 5));
      const std::string skill(k);
      auto it = std::find_if(login->skills.begin(), login->skills.end(),
                             [&](const engine::AgentSkill& a) { return a.skill == skill; });
      if (it == login->skills.end())
        login->skills.push_back({std::string(k), level});
      else
        it->level = level;
    }
  auto caps = json::parse(row.capacities_json, ec);
  if (!ec && caps.is_object() && !caps.as_object().empty()) {
    auto profile = engine::CapacityProfile::standard();
    for (const auto& [k, v] : caps.as_object()) {
      engine::Channel ch{};
      if (v.is_int64() && engine::parse_channel(std::string(k), ch))
        profile.capacity[static_cast<size_t>(ch)] =
            static_cast<std::uint8_t>(std::clamp<std::int64_t>(v.as_int64(), 0, 255));
    }
    login->capacity = profile;
  }
  return login;
}

// The user's Agent row; a new one serving every agent group when missing.
Result<store::Agent> agent_row(store::Store& db, const strategy::Strategy& s,
                               store::TenantId tenant, store::RowId user) {
  auto row = db.agents().find_by_user(tenant, user);
  if (row || row.error().code != ErrorCode::not_found) return row;
  store::Agent a;
  a.tenant = tenant;
  a.user = user;
  for (const auto& g : s.agent_groups) a.groups.push_back(g.id);
  auto id = db.agents().add(a);
  if (!id) return id.error();
  a.id = *id;
  return a;
}

}  // namespace

void AgentDesk::login(const DeskUser& who, std::function<void(Result<DeskAgent>)> done) {
  {
    std::lock_guard lock(mu_);
    auto& s = sessions_[who.username];
    if (s.logged_in) return done(Error::conflict("already logged in to the contact center"));
    s.view.agent = who.username;
    s.view.display_name = who.display_name;
  }
  auto row = std::make_shared<store::Agent>();
  auto op = [this, user = who.user, row](store::Store& db) -> Status {
    auto r = agent_row(db, strategy_, tenant_, user);
    if (!r) return r.error();
    *row = *r;
    return {};
  };
  writer_.submit(op, [this, who, row, done](const Status& st) {
    if (!st.ok()) return done(st.error());
    auto login = login_of(strategy_, who.username, *row);
    if (!login) return done(login.error());
    board_.post(std::move(*login), [this, who, done](const Status& s, const auto&) {
      if (!s.ok()) return done(s.error());
      done(agent(who.username));
    });
  });
}

void AgentDesk::logout(const std::string& agent, const std::string& reason, Done done) {
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(agent);
    if (it == sessions_.end() || !it->second.logged_in)
      return done(Error::conflict("not logged in to the contact center"));
    if (!it->second.contacts.empty())
      return done(Error::conflict("finish your " + std::to_string(it->second.contacts.size()) +
                                  " contact(s) before logging out"));
    it->second.logout_reason = reason;
  }
  board_.post(engine::AgentLogout{agent}, [done](const Status& s, const auto&) { done(s); });
}

void AgentDesk::set_ready(const std::string& agent, Done done) {
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(agent);
    if (it == sessions_.end() || !it->second.logged_in)
      return done(Error::conflict("log in to the contact center first"));
  }
  board_.post(engine::AgentReady{agent}, [done](const Status& s, const auto&) { done(s); });
}

void AgentDesk::set_not_ready(const std::string& agent, const std::string& reason, Done done) {
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(agent);
    if (it == sessions_.end() || !it->second.logged_in)
      return done(Error::conflict("log in to the contact center first"));
  }
  board_.post(engine::AgentNotReady{agent, reason.empty() ? "break" : reason},
              [done](const Status& s, const auto&) { done(s); });
}

void AgentDesk::announce_restart(std::function<void(Result<int>)> done) {
  auto names = std::make_shared<std::vector<std::pair<std::string, std::string>>>();
  const Instant now = clock_.now();
  auto op = [this, names, now](store::Store& db) -> Status {
    auto rows = db.agents().list(tenant_);
    if (!rows) return rows.error();
    for (const auto& a : *rows) {
      auto user = db.users().get(tenant_, a.user);
      if (!user) continue;
      store::Event ev;
      ev.tenant = tenant_;
      ev.type = "agent.logged_out";
      ev.at = now;
      ev.payload_json = desk_json::text({{"agent", user->username}, {"reason", "server restart"}});
      if (auto seq = db.events().append(ev); !seq) return seq.error();
      names->emplace_back(user->username, user->display_name);
    }
    return {};
  };
  writer_.submit(op, [this, names, now, done](const Status& st) {
    if (!st.ok()) return done(st.error());
    for (const auto& [agent, display] : *names) {
      {
        std::lock_guard lock(mu_);
        auto& s = sessions_[agent];
        s.view = DeskAgent{agent, display, "logged_out", "server restart", now, {}};
      }
      publish("agent/" + agent, "agent_state",
              desk_json::text({{"state", "logged_out"},
                               {"reason", "server restart"},
                               {"since", desk_json::iso(now)}}));
    }
    done(static_cast<int>(names->size()));
  });
}

}  // namespace tamas::services
