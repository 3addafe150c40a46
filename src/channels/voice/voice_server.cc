// VoiceServer: the voice thread (its own libre loop), start/stop and the
// command queue from other threads.
#include "channels/voice/voice_server.h"

#include <sys/resource.h>

#include <atomic>
#include <cassert>
#include <cstring>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <variant>

#include "channels/voice/agent.h"
#include "channels/voice/call.h"
#include "channels/voice/libre.h"
#include "core/log.h"

namespace tamas::voice {

namespace {

constexpr int kMaxFds = 16384;
constexpr uint32_t kGraceMs = 2000;

struct Stop {};
struct Hangup {
  uint64_t call_id;
};
struct Dial {
  uint64_t call_id;
  AgentDial dial;
};
struct Drop {
  uint64_t call_id;
  std::string agent;
};
// Caller care (call_care.cc).
struct Announce {
  uint64_t call_id;
  std::vector<std::string> prompts;
  AfterAnnouncement after;
};
struct Voicemail {
  uint64_t call_id;
  VoicemailRequest request;
};
struct ArmSurvey {
  uint64_t call_id;
  SurveyPlan plan;
};
struct Finish {
  uint64_t call_id;
};
struct Hold {
  uint64_t call_id;
  bool on;
};
struct Task {
  std::function<void()> run;
};
struct DialOut {
  uint64_t id;
  OutboundDial dial;
};
struct HangupOut {
  uint64_t id;
};
struct TransferOut {
  uint64_t call_id;
  std::string uri, recording_path;
};
using Command = std::variant<Stop, Hangup, Dial, Drop, Hold, Task, Announce, Voicemail, ArmSurvey,
                             Finish, DialOut, HangupOut, TransferOut>;

// libre's process-wide setup (random seed, sockets) and a larger fd limit:
// every call uses a socket or two.
void init_process() {
  static std::once_flag once;
  std::call_once(once, [] {
    libre_init();
    struct rlimit rl {};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < static_cast<rlim_t>(kMaxFds)) {
      rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, kMaxFds);
      setrlimit(RLIMIT_NOFILE, &rl);
    }
  });
}

}  // namespace

class VoiceServer::Impl {
 public:
  Impl(VoiceConfig config, VoiceEvents events)
      : config_(std::move(config)), events_(std::move(events)) {}

  Status start(const std::string& addr, uint16_t port) {
    assert(!thread_.joinable());
    if (Status s = check_prompts(config_); !s) return s;
    init_process();
    std::promise<Status> ready;
    std::future<Status> started = ready.get_future();
    thread_ = std::thread(
        [this, addr, port, ready = std::move(ready)]() mutable { run(addr, port, ready); });
    Status s = started.get();
    if (!s) thread_.join();
    return s;
  }

  void stop() {
    if (!thread_.joinable()) return;
    post(Stop{});
    thread_.join();
  }

  void post(Command c) {
    std::lock_guard lock(mutex_);
    if (!mq_) return;  // not running
    commands_.push_back(std::move(c));
    mqueue_push(mq_, 0, nullptr);
  }

  // Runs `f` on the voice thread (while the server runs).
  void on_voice_thread(std::function<void(Agent&)> f) {
    post(Task{[this, f = std::move(f)] {
      if (agent_) f(*agent_);
    }});
  }

  uint16_t udp_port_ = 0;
  uint16_t tcp_port_ = 0;
  std::atomic<size_t> active_{0};
  std::atomic<uint64_t> next_outbound_{1};

 private:
  void run(const std::string& addr, uint16_t port, std::promise<Status>& ready) {
    re_thread_init();
    fd_setsize(kMaxFds);
    Status status = setup(addr, port);
    const bool ok = status.ok();
    ready.set_value(std::move(status));
    if (ok) re_main(nullptr);
    agent_.reset();
    {
      std::lock_guard lock(mutex_);
      mq_ = static_cast<struct mqueue*>(mem_deref(mq_));
      commands_.clear();
    }
    re_thread_close();
  }

  Status setup(const std::string& addr, uint16_t port) {
    struct sa laddr {};
    if (sa_set_str(&laddr, addr.c_str(), port) != 0) {
      return Error::invalid("voice: bad listen address '" + addr + "'");
    }
    agent_ = std::make_unique<Agent>(config_, events_, active_,
                                     [this](std::function<void()> f) { post(Task{std::move(f)}); });
    if (int err = agent_->listen(laddr); err != 0) {
      agent_.reset();
      return Error::unavailable("voice: cannot listen on " + addr + ":" + std::to_string(port) +
                                ": " + std::strerror(err));
    }
    udp_port_ = agent_->udp_port();
    tcp_port_ = agent_->tcp_port();
    std::lock_guard lock(mutex_);
    if (mqueue_alloc(&mq_, on_command, this) != 0) {
      agent_.reset();
      return Error::unavailable("voice: cannot create the command queue");
    }
    log(LogLevel::info, "voice.listening",
        {{"addr", addr}, {"udp", udp_port_}, {"tcp", tcp_port_}});
    return {};
  }

  static void on_command(int, void*, void* arg) {
    auto* self = static_cast<Impl*>(arg);
    std::deque<Command> batch;
    {
      std::lock_guard lock(self->mutex_);
      batch.swap(self->commands_);
    }
    for (const Command& c : batch) {
      if (std::holds_alternative<Stop>(c)) {
        self->agent_->shutdown(kGraceMs);
      } else if (const auto* h = std::get_if<Hangup>(&c)) {
        self->agent_->hangup(h->call_id);
      } else if (const auto* d = std::get_if<Dial>(&c)) {
        self->agent_->dial_agent(d->call_id, d->dial);
      } else if (const auto* x = std::get_if<Drop>(&c)) {
        self->agent_->drop_agent(x->call_id, x->agent);
      } else if (const auto* h = std::get_if<Hold>(&c)) {
        self->agent_->hold(h->call_id, h->on);
      } else if (const auto* t = std::get_if<Task>(&c)) {
        t->run();
      } else if (const auto* o = std::get_if<DialOut>(&c)) {
        self->agent_->dial_out(o->id, o->dial);
      } else if (const auto* o = std::get_if<HangupOut>(&c)) {
        self->agent_->hangup_out(o->id);
      } else if (const auto* t = std::get_if<TransferOut>(&c)) {
        if (Call* k = self->agent_->find_call(t->call_id))
          k->transfer_out(t->uri, t->recording_path);
      } else {
        self->care(c);
      }
    }
  }

  // Caller-care commands (voice thread).
  void care(const Command& c) {
    auto call = [this](uint64_t id) { return agent_->find_call(id); };
    if (const auto* a = std::get_if<Announce>(&c)) {
      if (Call* k = call(a->call_id)) k->announce(a->prompts, a->after);
    } else if (const auto* v = std::get_if<Voicemail>(&c)) {
      if (Call* k = call(v->call_id)) k->record_voicemail(v->request);
    } else if (const auto* s = std::get_if<ArmSurvey>(&c)) {
      if (Call* k = call(s->call_id)) k->set_survey(s->plan);
    } else if (const auto* f = std::get_if<Finish>(&c)) {
      if (Call* k = call(f->call_id)) k->finish_call();
    }
  }

  VoiceConfig config_;
  VoiceEvents events_;
  std::thread thread_;
  std::unique_ptr<Agent> agent_;  // voice thread only
  std::mutex mutex_;              // guards mq_ and commands_
  struct mqueue* mq_ = nullptr;
  std::deque<Command> commands_;
};

VoiceServer::VoiceServer(VoiceConfig config, VoiceEvents events)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(events))) {}

VoiceServer::~VoiceServer() {
  stop();
}

Status VoiceServer::start(const std::string& addr, uint16_t port) {
  return impl_->start(addr, port);
}
void VoiceServer::stop() {
  impl_->stop();
}
uint16_t VoiceServer::udp_port() const {
  return impl_->udp_port_;
}
uint16_t VoiceServer::tcp_port() const {
  return impl_->tcp_port_;
}
void VoiceServer::hangup(uint64_t call_id) {
  impl_->post(Hangup{call_id});
}
void VoiceServer::dial_agent(uint64_t call_id, AgentDial dial) {
  impl_->post(Dial{call_id, std::move(dial)});
}
void VoiceServer::drop_agent(uint64_t call_id, std::string agent) {
  impl_->post(Drop{call_id, std::move(agent)});
}
void VoiceServer::announce(uint64_t call_id, std::vector<std::string> prompts,
                           AfterAnnouncement after) {
  impl_->post(Announce{call_id, std::move(prompts), after});
}
void VoiceServer::record_voicemail(uint64_t call_id, VoicemailRequest request) {
  impl_->post(Voicemail{call_id, std::move(request)});
}
void VoiceServer::set_survey(uint64_t call_id, SurveyPlan plan) {
  impl_->post(ArmSurvey{call_id, std::move(plan)});
}
void VoiceServer::finish_call(uint64_t call_id) {
  impl_->post(Finish{call_id});
}
void VoiceServer::hold(uint64_t call_id, bool on) {
  impl_->post(Hold{call_id, on});
}
void VoiceServer::transfer_out(uint64_t call_id, std::string uri, std::string recording_path) {
  impl_->post(TransferOut{call_id, std::move(uri), std::move(recording_path)});
}
void VoiceServer::consult(uint64_t call_id, AgentDial dial) {
  impl_->on_voice_thread([call_id, d = std::move(dial)](Agent& a) { a.consult(call_id, d); });
}
void VoiceServer::cancel_consult(uint64_t call_id) {
  impl_->on_voice_thread([call_id](Agent& a) {
    if (Call* k = a.find_call(call_id)) k->cancel_consult();
  });
}
void VoiceServer::complete_consult(uint64_t call_id, bool to_line) {
  impl_->on_voice_thread([call_id, to_line](Agent& a) {
    if (Call* k = a.find_call(call_id)) k->complete_consult(to_line);
  });
}
uint64_t VoiceServer::dial_out(OutboundDial dial) {
  const uint64_t id = impl_->next_outbound_++;
  impl_->post(DialOut{id, std::move(dial)});
  return id;
}
void VoiceServer::hangup_outbound(uint64_t id) {
  impl_->post(HangupOut{id});
}
size_t VoiceServer::active_calls() const {
  return impl_->active_.load();
}

Status check_prompts(const VoiceConfig& config) {
  if (!config.prompts) return Error::invalid("voice: no prompts");
  auto need = [&](const std::string& id, const std::string& where) -> Status {
    if (id.empty() || config.prompts->contains(id)) return {};
    return Error::invalid("voice: " + where + " names unknown prompt '" + id + "'");
  };
  for (const VoiceEntryPoint& e : config.entry_points) {
    if (!e.ivr) return Error::invalid("voice: entry point " + e.number + " has no IVR");
    const std::string at = "entry point " + e.number;
    for (const std::string* p : {&e.hold_prompt, &e.transferring_prompt, &e.goodbye_prompt}) {
      if (Status s = need(*p, at); !s) return s;
    }
    for (const IvrMenu& m : e.ivr->config().menus) {
      const std::string where = at + " menu " + m.id;
      if (Status s = need(m.prompt, where); !s) return s;
      if (Status s = need(m.invalid, where); !s) return s;
      for (const IvrOption& o : m.options) {
        if (!o.collect) continue;
        if (Status s = need(o.collect->prompt, where); !s) return s;
        if (Status s = need(o.collect->invalid, where); !s) return s;
      }
    }
  }
  return {};
}

}  // namespace tamas::voice
