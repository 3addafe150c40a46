// An in-process contact centre for the agent-leg tests: the gas utility's
// strategy, an in-memory store, the engine thread (Switchboard), intake,
// VoiceContacts and the VoiceServer on 127.0.0.1:0; agents' phones from a
// map of static URIs and, optionally, SIP passwords for phones that
// register with tamas.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "baresip_peer.h"
#include "channels/voice/digest_auth.h"
#include "channels/voice/strategy_voice.h"
#include "channels/voice/voice_contacts.h"
#include "channels/voice/voice_server.h"
#include "engine/bridge/from_strategy.h"
#include "peers.h"
#include "services/intake/intake.h"
#include "store/memory_store.h"
#include "strategy/loader.h"

namespace tamas::voice::testing {

namespace fs = std::filesystem;

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
};

inline std::vector<int16_t> tone(int ms, double hz) {
  std::vector<int16_t> pcm(static_cast<size_t>(ms) * 8);
  for (size_t i = 0; i < pcm.size(); ++i)
    pcm[i] = static_cast<int16_t>(4000 * std::sin(2 * M_PI * hz * static_cast<double>(i) / 8000));
  return pcm;
}

inline strategy::Strategy gas_utility() {
  auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                   "/examples/gas-utility/strategy.yaml");
  EXPECT_TRUE(r.errors.empty());
  return std::move(*r.strategy);
}

inline std::unique_ptr<store::Store> memory_store_with_tenant() {
  auto db = store::open_memory_store();
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE((*db)->tenants().add(store::Tenant{0, "gas-tehran", "Gas", Instant{}}).ok());
  return std::move(db).value();
}

// How long an auto-answering test phone may ring before the offer times out:
// baresip answers within a second on an idle machine, but a loaded one (the
// whole suite on two cores, browsers beside it) has taken over five.
inline constexpr uint32_t kAnswerRingMs = 15000;

// One contact centre with its voice server; agents' phones from `phones`.
class Center {
 public:
  // `passwords`: SIP passwords (realm "tamas") of phones that register.
  explicit Center(std::map<std::string, std::string> phones, uint32_t ring_ms,
                  std::map<std::string, std::string> passwords = {})
      : strategy_(gas_utility()),
        writer_(memory_store_with_tenant()),
        switchboard_(engine::Engine::create(*engine::engine_config_from(strategy_)).value(),
                     clock_),
        intake_(strategy_, 1, writer_, switchboard_, clock_),
        contacts_(intake_, switchboard_) {
    switchboard_.subscribe([this](const services::ResolvedEvent& e) {
      contacts_.on_engine_event(e);
      std::lock_guard lock(mutex_);
      events_.push_back(std::string(engine::to_string(e.event.kind)) + " " + e.agent);
      if (!e.contact.empty()) contact_ = e.contact;
    });
    contacts_.watch_logins();  // queue targets of consults
    switchboard_.start();
    contacts_.use_consult({"", ring_ms, [this](const ConsultNotice& n) {
                             std::lock_guard lock(mutex_);
                             notices_.push_back(n.agent + " " + n.type + " " + n.json);
                             consult_history_ = n.history;
                           }});
    AgentDevices devices;
    devices.find = [this, phones](const std::string& agent, AgentDevices::Found found) {
      auto it = phones.find(agent);
      std::optional<std::string> uri;
      if (it != phones.end()) uri = it->second;
      std::unique_lock lock(mutex_);
      if (!hold_lookups_) {
        lock.unlock();
        return found(uri);
      }
      held_lookups_.push_back([found, uri] { found(uri); });
    };
    devices.recorded = [this](const std::string& interaction, const std::string& path,
                              const std::string&) {
      std::lock_guard lock(mutex_);
      recorded_[interaction] = path;
    };
    contacts_.use_devices(devices, {recordings_.string(), ring_ms});
    auto plan = voice_plan_from(strategy_, "en");
    EXPECT_TRUE(plan.ok());
    auto prompts = std::make_shared<PromptSet>();
    for (const auto& [id, source] : plan->prompts) prompts->add(id, tone(300, 440));
    plan->config.prompts = prompts;
    VoiceEvents events = contacts_.events();
    events.sip_credentials = [passwords](const std::string& user, VoiceEvents::Ha1Answer answer) {
      auto it = passwords.find(user);
      if (it == passwords.end()) return answer(std::nullopt);
      // Answered later from another thread, as the store does.
      std::thread([answer, ha1 = digest_ha1(user, "tamas", it->second)] { answer(ha1); }).detach();
    };
    events.on_registered = [this](const std::string& user, const std::string& contact,
                                  uint32_t expires) {
      std::lock_guard lock(mutex_);
      registered_[user] = expires ? contact : "";
    };
    server_ = std::make_unique<VoiceServer>(std::move(plan->config), std::move(events));
    contacts_.attach(server_.get());
    EXPECT_TRUE(server_->start("127.0.0.1", 0).ok());
  }

  ~Center() {
    server_->stop();
    switchboard_.stop();
    writer_.stop();
    fs::remove_all(recordings_);
  }

  void login(const std::string& agent) {
    auto login = engine::agent_login_from(strategy_, agent, {"dispatch"}, true);
    ASSERT_TRUE(login.ok());
    switchboard_.post(*login);
  }

  uint16_t port() const { return server_->udp_port(); }
  void use_partners(std::map<std::string, std::string> uris) {
    contacts_.use_partners(std::move(uris));
  }
  Status transfer_to_partner(const std::string& agent, const std::string& partner) {
    return contacts_.transfer_to_partner(contact(), agent, partner);
  }
  void stop_voice() { server_->stop(); }

  // Attended transfer, as the desk would ask for it (waits for the answer).
  Status consult(const std::string& agent, ConsultTarget to, std::string contact = "") {
    std::promise<Status> answer;
    contacts_.consult(contact.empty() ? this->contact() : contact, agent, to,
                      [&answer](const Status& st) { answer.set_value(st); });
    return answer.get_future().get();
  }
  Status complete_consult(const std::string& agent) {
    std::promise<Status> answer;
    contacts_.complete_consult(contact(), agent,
                               [&answer](const Status& st) { answer.set_value(st); });
    return answer.get_future().get();
  }
  Status cancel_consult(const std::string& agent) {
    return contacts_.cancel_consult(contact(), agent);
  }
  // Consult notices so far ("<agent> <type> <json>"), waiting up to 20 s for
  // one that contains `wanted`.
  std::vector<std::string> notices_until(const std::string& wanted) {
    return lines_until(notices_,
                       [&](const std::string& n) { return n.find(wanted) != std::string::npos; });
  }
  std::string consult_history() {
    std::lock_guard lock(mutex_);
    return consult_history_;
  }
  // While held, the device lookups of consults (a store query in tamas
  // serve) answer only at release_lookups(): the window before a phone rings.
  void hold_lookups() {
    std::lock_guard lock(mutex_);
    hold_lookups_ = true;
  }
  void release_lookups() {
    std::vector<std::function<void()>> held;
    {
      std::lock_guard lock(mutex_);
      hold_lookups_ = false;
      held.swap(held_lookups_);
    }
    for (auto& answer : held) answer();
  }

  // The engine's status of `agent` ("wrap_up", "busy", ...).
  std::string agent_status(const std::string& agent) {
    std::string status;
    switchboard_.inspect([&](const engine::Engine& e) {
      auto v = e.agent_view(agent);
      status = v ? engine::to_string(v->status) : "unknown";
    });
    return status;
  }

  // The engine's events so far as "kind agent", waiting up to 20 s for
  // `last` (a softphone answers in well under a second, but under the
  // sanitizer with other tests beside it, it has taken more than 5 s).
  std::vector<std::string> events_until(const std::string& last) {
    return lines_until(events_, [&](const std::string& e) { return e == last; });
  }
  // The contact the engine last spoke of (our only call's interaction).
  std::string contact() {
    std::lock_guard lock(mutex_);
    return contact_;
  }
  template <typename C>
  void post(C command) {
    switchboard_.post(std::move(command));
  }
  // The contact `user`'s phone registered, waiting up to `wait_ms` ("" if none).
  std::string registered(const std::string& user, int wait_ms = 5000) {
    for (int i = 0; i < wait_ms / 50; ++i) {
      {
        std::lock_guard lock(mutex_);
        auto it = registered_.find(user);
        if (it != registered_.end() && !it->second.empty()) return it->second;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return "";
  }
  std::map<std::string, std::string> recorded() {
    std::lock_guard lock(mutex_);
    return recorded_;
  }

 private:
  // `lines` (guarded by mutex_) once one matches, polling for up to 20 s.
  template <typename Match>
  std::vector<std::string> lines_until(const std::vector<std::string>& lines, Match match) {
    for (int i = 0; i < 400; ++i) {
      {
        std::lock_guard lock(mutex_);
        if (std::any_of(lines.begin(), lines.end(), match)) return lines;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::lock_guard lock(mutex_);
    return lines;
  }

  SystemClock clock_;
  strategy::Strategy strategy_;
  store::StoreWriter writer_;
  services::Switchboard switchboard_;
  services::Intake intake_;
  VoiceContacts contacts_;
  fs::path recordings_ =
      fs::temp_directory_path() / ("tamas-recordings-" + std::to_string(::getpid()));
  std::unique_ptr<VoiceServer> server_;
  std::mutex mutex_;
  bool hold_lookups_ = false;
  std::vector<std::function<void()>> held_lookups_;
  std::vector<std::string> events_;
  std::map<std::string, std::string> recorded_;
  std::map<std::string, std::string> registered_;
  std::string contact_;
  std::vector<std::string> notices_;
  std::string consult_history_;
};

inline bool has(const std::vector<std::string>& events, const std::string& e) {
  return std::find(events.begin(), events.end(), e) != events.end();
}

inline std::string joined(const std::vector<std::string>& events) {
  std::string s;
  for (const auto& e : events) s += e + "; ";
  return s;
}

}  // namespace tamas::voice::testing
