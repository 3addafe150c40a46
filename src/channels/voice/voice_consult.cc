// VoiceContacts: the desk's attended (consult) transfer — checks, the
// consulted party, the engine's transfer on completion, and the notices for
// the agent's feed and the interaction's timeline.
#include <boost/json.hpp>

#include <algorithm>

#include "channels/voice/voice_contacts.h"
#include "core/log.h"

namespace tamas::voice {
namespace {

namespace json = boost::json;

bool valid_number(const std::string& n) {
  if (n.empty() || n.size() > 32) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '+' || c == '*' || c == '#';
  });
}

json::object target_json(const ConsultTarget& to, const std::string& party) {
  if (!to.number.empty()) return {{"number", to.number}};
  if (!to.queue.empty()) return {{"queue", to.queue}, {"agent", party}};
  return {{"agent", party}};
}

}  // namespace

void VoiceContacts::use_consult(ConsultOptions options) {
  std::lock_guard lock(mutex_);
  consult_options_ = std::move(options);
}

void VoiceContacts::watch_logins() {
  switchboard_.observe_commands([this](const engine::Command& c, Instant) {
    std::lock_guard lock(mutex_);
    if (const auto* in = std::get_if<engine::AgentLogin>(&c))
      agents_[in->agent].queues = in->queues;
  });
}

// Engine thread.
void VoiceContacts::agent_seen(const services::ResolvedEvent& e) {
  std::lock_guard lock(mutex_);
  agents_[e.agent].status = static_cast<engine::AgentStatus>(e.event.code);
}

ConsultNotice VoiceContacts::notice(CallState& call, const std::string& type, json::object body) {
  const ConsultRun& run = *call.consult;
  body["contact"] = call.interaction;
  body["target"] = target_json(run.to, run.party);
  json::object entry = body;
  entry["type"] = type;
  json::array history;
  if (!call.consult_history.empty()) {
    boost::system::error_code ec;
    json::value v = json::parse(call.consult_history, ec);
    if (!ec && v.is_array()) history = std::move(v.as_array());
  }
  history.push_back(std::move(entry));
  call.consult_history = json::serialize(history);
  return {run.by, call.interaction, type, json::serialize(body), call.consult_history};
}

void VoiceContacts::publish(const ConsultNotice& n) {
  log(LogLevel::info, "voice.consult_notice",
      {{"interaction", n.interaction}, {"agent", n.agent}, {"type", n.type}});
  std::function<void(const ConsultNotice&)> notify;
  {
    std::lock_guard lock(mutex_);
    notify = consult_options_.notify;
  }
  if (notify) notify(n);
}

Result<uint64_t> VoiceContacts::consult_call(const std::string& interaction,
                                             const std::string& agent) {
  auto it = call_of_interaction_.find(interaction);
  if (it == call_of_interaction_.end())
    return Error::not_found("'" + interaction + "' is not a call of ours");
  auto call = calls_.find(it->second);
  if (call == calls_.end() || call->second.offered != agent)
    return Error{ErrorCode::permission_denied, "'" + interaction + "' is not " + agent + "'s call"};
  if (!call->second.bridged)
    return Error::conflict("'" + interaction + "' is not bridged to " + agent + "'s phone");
  return it->second;
}

void VoiceContacts::consult(const std::string& interaction, const std::string& agent,
                            const ConsultTarget& to, ConsultDone done) {
  const int given = !to.agent.empty() + !to.queue.empty() + !to.number.empty();
  if (given != 1) return done(Error::invalid("give exactly one of agent, queue or number"));
  AgentDial dial;
  ConsultNotice started;
  uint64_t call_id = 0;
  {
    std::lock_guard lock(mutex_);
    auto id = consult_call(interaction, agent);
    if (!id) return done(id.error());
    call_id = *id;
    CallState& call = calls_[call_id];
    if (call.consult)
      return done(Error::conflict("a consult already runs on '" + interaction + "'"));
    const auto signed_in = [&](const std::string& a) {
      auto s = agents_.find(a);
      return s != agents_.end() && s->second.status != engine::AgentStatus::logged_out;
    };
    if (!to.number.empty()) {
      if (!valid_number(to.number)) return done(Error::invalid("'" + to.number + "' is no number"));
      if (consult_options_.gateway.empty())
        return done(Error::unavailable("no outbound gateway for numbers"));
      dial.agent = "line:" + to.number;
      dial.uri = gateway_uri(to.number, consult_options_.gateway);
    } else if (!to.agent.empty()) {
      if (to.agent == agent) return done(Error::invalid("an agent cannot consult themself"));
      if (!signed_in(to.agent))
        return done(Error::invalid("agent '" + to.agent + "' is not signed in"));
      dial.agent = to.agent;
    } else {
      for (const auto& [a, seen] : agents_) {
        if (a == agent || seen.status != engine::AgentStatus::ready) continue;
        if (std::find(seen.queues.begin(), seen.queues.end(), to.queue) == seen.queues.end())
          continue;
        dial.agent = a;
        break;
      }
      if (dial.agent.empty())
        return done(Error::invalid("no ready agent serves queue '" + to.queue + "'"));
    }
    dial.ring_ms = consult_options_.ring_ms;
    call.consult = ConsultRun{agent, to, dial.agent};
    call.consult->dialled = !to.number.empty();
    if (!to.number.empty()) started = notice(call, "consult_started", {});
  }
  if (!to.number.empty()) {
    publish(started);
    if (server_) server_->consult(call_id, std::move(dial));
    return done({});
  }
  // The consulted agent is busy for routing from now on; when the engine
  // refuses (in another consult, logged out meanwhile) nothing rings.
  switchboard_.post(engine::ConsultBegin{interaction, dial.agent},
                    [this, call_id, dial, done](const Status& st, const auto&) mutable {
                      ring_consulted(call_id, std::move(dial), st, std::move(done));
                    });
}

VoiceContacts::CallState* VoiceContacts::consulting(uint64_t call_id, const std::string& party) {
  auto it = calls_.find(call_id);
  if (it == calls_.end() || !it->second.consult || it->second.consult->party != party)
    return nullptr;
  return &it->second;
}

// Engine thread: the engine's answer to ConsultBegin.
void VoiceContacts::ring_consulted(uint64_t call_id, AgentDial dial, const Status& begun,
                                   ConsultDone done) {
  ConsultNotice started;
  std::function<void(const std::string&, AgentDevices::Found)> find;
  {
    std::lock_guard lock(mutex_);
    CallState* call = consulting(call_id, dial.agent);
    if (!call) return done(begun.ok() ? Status(Error::conflict("the call ended")) : begun);
    if (!begun.ok()) {
      call->consult.reset();
      return done(begun);
    }
    started = notice(*call, "consult_started", {});
    find = devices_.find;
  }
  publish(started);
  // Without a static device the voice thread still tries the phone the
  // consulted agent registered; neither: the consult ends as failed.
  // Rings unless the consult was cancelled (or the call ended) meanwhile.
  auto ring = [this, call_id, dial](std::optional<std::string> uri) mutable {
    {
      std::lock_guard lock(mutex_);
      CallState* call = consulting(call_id, dial.agent);
      if (!call) return;
      call->consult->dialled = true;
    }
    dial.uri = uri.value_or("");
    if (server_) server_->consult(call_id, std::move(dial));
  };
  if (find)
    find(dial.agent, std::move(ring));
  else
    ring(std::nullopt);
  done({});
}

Status VoiceContacts::cancel_consult(const std::string& interaction, const std::string& agent) {
  uint64_t call_id = 0;
  std::optional<ConsultNotice> ended;
  {
    std::lock_guard lock(mutex_);
    auto id = consult_call(interaction, agent);
    if (!id) return id.error();
    const auto& run = calls_[*id].consult;
    if (!run) return Error::conflict("no consult runs on '" + interaction + "'");
    if (run->completing) return Error::conflict("the consult is being completed");
    call_id = *id;
    if (!run->dialled) {  // nothing rings yet: ended here, the colleague freed
      CallState& call = calls_[*id];
      ended = notice(call, "consult_ended", {{"reason", "cancelled"}});
      call.consult.reset();
    }
  }
  if (ended) {
    switchboard_.post(engine::ConsultEnd{interaction});
    publish(*ended);
    return {};
  }
  if (server_) server_->cancel_consult(call_id);  // reported back: consult_ended, cancelled
  return {};
}

void VoiceContacts::complete_consult(const std::string& interaction, const std::string& agent,
                                     ConsultDone done) {
  uint64_t call_id = 0;
  std::string party;
  std::optional<ConsultNotice> completed;
  {
    std::lock_guard lock(mutex_);
    auto id = consult_call(interaction, agent);
    if (!id) return done(id.error());
    call_id = *id;
    CallState& call = calls_[call_id];
    if (!call.consult) return done(Error::conflict("no consult runs on '" + interaction + "'"));
    if (!call.consult->answered)
      return done(Error::conflict("the consulted party has not answered"));
    if (call.consult->completing) return done(Error::conflict("the consult is being completed"));
    call.consult->completing = true;
    party = call.consult->party;
    if (!call.consult->to.number.empty()) {
      // The caller now talks to an outside line: no longer a contact of ours.
      completed = notice(call, "consult_completed", {});
      call_of_interaction_.erase(interaction);
      calls_.erase(call_id);
    }
  }
  if (completed) {
    publish(*completed);
    if (server_) server_->complete_consult(call_id, true);
    if (care()) care()->survey_started(call_id);  // no more announcements, no survey
    switchboard_.post(engine::ContactEnd{interaction});
    return done({});
  }
  // The engine's contact_transferred and offer come before `done`
  // (consult_transferred, consult_offered); a refusal leaves the consult
  // running.
  switchboard_.post(engine::TransferToAgent{interaction, party},
                    [this, call_id, done](const Status& st, const auto&) {
                      if (!st.ok()) {
                        std::lock_guard lock(mutex_);
                        auto it = calls_.find(call_id);
                        if (it != calls_.end() && it->second.consult)
                          it->second.consult->completing = false;
                      }
                      done(st);
                    });
}

// Engine thread: contact_transferred. A completing consult's caller goes to
// the consulted agent's leg, already up: nothing is dropped or rung again.
bool VoiceContacts::consult_transferred(const services::ResolvedEvent& e) {
  uint64_t call_id = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = call_of_interaction_.find(e.contact);
    if (it == call_of_interaction_.end()) return false;
    CallState& call = calls_[it->second];
    if (!call.consult || !call.consult->completing || call.consult->party != e.agent) return false;
    call_id = it->second;
    call.offered = e.agent;
  }
  if (server_) server_->complete_consult(call_id, false);
  return true;
}

// Engine thread: the offer that follows consult_transferred.
bool VoiceContacts::consult_offered(uint64_t call_id, const std::string& contact,
                                    const std::string& agent) {
  std::function<void(const std::string&, const std::string&, const std::string&)> recorded;
  std::string path;
  ConsultNotice completed;
  {
    std::lock_guard lock(mutex_);
    CallState* call = consulting(call_id, agent);
    if (!call || !call->consult->completing) return false;
    completed = notice(*call, "consult_completed", {});
    call->consult.reset();
    call->bridged = true;
    recorded = devices_.recorded;
    if (!options_.recordings_dir.empty()) path = options_.recordings_dir + "/" + contact + ".wav";
  }
  switchboard_.post(engine::AcceptOffer{agent, contact});
  publish(completed);
  if (recorded && !path.empty()) recorded(contact, path, agent);  // the new agent may listen
  return true;
}

// Voice thread: what became of the consult leg.
void VoiceContacts::on_consult(const CallInfo& info, const ConsultReport& r) {
  std::optional<ConsultNotice> n;
  std::string release;  // the interaction whose consulted agent is free again
  {
    std::lock_guard lock(mutex_);
    CallState* found = consulting(info.id, r.target);
    if (!found) return;
    CallState& call = *found;
    if (r.stage == ConsultStage::answered) {
      call.consult->answered = true;
      n = notice(call, "consult_answered", {});
    } else if (r.stage == ConsultStage::ended) {
      json::object body{{"reason", r.reason}};
      if (r.status) body["status"] = r.status;
      n = notice(call, "consult_ended", std::move(body));
      if (call.consult->to.number.empty()) release = call.interaction;
      call.consult.reset();
    }
    // completed: noticed when the engine took the transfer (or at once for a line).
  }
  if (!release.empty()) switchboard_.post(engine::ConsultEnd{release});  // back in their state
  if (n) publish(*n);
}

}  // namespace tamas::voice
