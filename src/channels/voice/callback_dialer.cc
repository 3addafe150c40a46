// CallbackDialer: agent first, then the customer; retries as new tasks.
#include "channels/voice/callback_dialer.h"

#include <boost/json.hpp>

#include "core/log.h"

namespace tamas::voice {

namespace {

std::string outcome_name(AgentLegOutcome o, uint16_t status) {
  if (o == AgentLegOutcome::rejected)
    return status == 486 || status == 600 || status == 603 ? "busy" : "rejected";
  return to_string(o);
}

}  // namespace

CallbackDialer::CallbackDialer(services::Switchboard& switchboard, CallerCare& care,
                               const Clock& clock, CallbackOptions options, CallbackStore store,
                               AgentDevices devices)
    : switchboard_(switchboard),
      care_(care),
      clock_(clock),
      options_(std::move(options)),
      store_(std::move(store)),
      devices_(std::move(devices)) {}

void CallbackDialer::attach(VoiceServer* server) {
  std::lock_guard lock(mutex_);
  server_ = server;
}

void CallbackDialer::add_events(VoiceEvents& ev) {
  ev.on_outbound = [this](const OutboundReport& r) { on_outbound(r); };
}

// Engine thread.
void CallbackDialer::on_engine_event(const services::ResolvedEvent& e) {
  using engine::EventKind;
  // Virtual-hold callbacks come as start_callback; callback tasks (channel
  // callback: voicemails, retries) as plain offers.
  if (e.event.kind == EventKind::start_callback ||
      (e.event.kind == EventKind::offer && care_.is_callback_task(e.contact))) {
    if (options_.gateway.empty()) {
      log(LogLevel::warn, "voice.callback_no_gateway", {{"contact", e.contact}});
      return;
    }
    start(e.contact, e.agent);
    return;
  }
  if (e.event.kind != EventKind::offer_revoked && e.event.kind != EventKind::contact_completed)
    return;
  uint64_t outbound = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = dialling_.find(e.contact);
    if (it == dialling_.end()) return;
    if (e.event.kind == EventKind::offer_revoked && it->second.agent != e.agent) return;
    outbound = it->second.outbound;
    dialling_.erase(it);
  }
  if (outbound && server_) server_->hangup_outbound(outbound);
}

void CallbackDialer::start(const std::string& contact, const std::string& agent) {
  {
    std::lock_guard lock(mutex_);
    Dialling d;
    d.agent = agent;
    dialling_[contact] = d;
  }
  if (!store_.target) return;
  store_.target(contact, [this, contact, agent](std::optional<CallbackTarget> target) {
    if (!target || target->number.empty()) {
      log(LogLevel::warn, "voice.callback_no_number", {{"contact", contact}});
      return;  // the engine's RONA or the desk decides
    }
    if (!devices_.find) return dial(contact, agent, *target, std::nullopt);
    devices_.find(agent, [this, contact, agent, t = *target](std::optional<std::string> uri) {
      dial(contact, agent, t, std::move(uri));
    });
  });
}

void CallbackDialer::dial(const std::string& contact, const std::string& agent,
                          CallbackTarget target, std::optional<std::string> uri) {
  OutboundDial d;
  d.agent = agent;
  d.agent_uri = uri.value_or("");  // a registered phone wins on the voice thread
  d.customer_uri = gateway_uri(target.number, options_.gateway);
  d.caller_id = options_.caller_id;
  d.agent_ring_ms = options_.agent_ring_ms;
  d.customer_ring_ms = options_.customer_ring_ms;
  if (!options_.recordings_dir.empty())
    d.recording_path = options_.recordings_dir + "/" + contact + ".wav";
  std::lock_guard lock(mutex_);
  auto it = dialling_.find(contact);
  if (it == dialling_.end() || it->second.agent != agent || it->second.outbound || !server_)
    return;  // revoked meanwhile
  it->second.target = std::move(target);
  it->second.outbound = server_->dial_out(std::move(d));
  log(LogLevel::info, "voice.callback_dial",
      {{"contact", contact}, {"agent", agent}, {"attempt", it->second.target.attempt}});
}

std::optional<std::string> CallbackDialer::contact_of(uint64_t outbound) {
  for (const auto& [contact, d] : dialling_)
    if (d.outbound == outbound) return contact;
  return std::nullopt;
}

// Voice thread.
void CallbackDialer::on_outbound(const OutboundReport& r) {
  Dialling d;
  std::string contact;
  {
    std::lock_guard lock(mutex_);
    auto c = contact_of(r.id);
    if (!c) return;
    contact = *c;
    Dialling& live = dialling_[contact];
    if (r.outcome == AgentLegOutcome::answered) {
      if (r.stage == OutboundStage::agent) live.accepted = true;
      if (r.stage == OutboundStage::customer) live.connected = true;
    }
    d = live;
    if (r.over) dialling_.erase(contact);
  }
  if (r.outcome == AgentLegOutcome::answered && r.stage == OutboundStage::agent) {
    switchboard_.post(engine::AcceptOffer{r.agent, contact}, [this, id = r.id, contact](
                                                                 const Status& st, const auto&) {
      if (st.ok()) return;
      log(LogLevel::warn, "voice.callback_accept_failed", {{"error", st.error().message}});
      {
        std::lock_guard lock(mutex_);
        dialling_.erase(contact);
      }
      if (server_) server_->hangup_outbound(id);
    });
    return;
  }
  if (r.outcome == AgentLegOutcome::answered) {
    if (!options_.recordings_dir.empty() && devices_.recorded)
      devices_.recorded(contact, options_.recordings_dir + "/" + contact + ".wav", r.agent);
    return;
  }
  if (!r.over) return;
  if (d.connected) {  // a bridged callback ended normally
    note(contact, d.target.attempt, "answered", 0);
    switchboard_.post(engine::ContactEnd{contact});
  } else if (!d.accepted) {  // the agent's phone did not take it: next agent
    switchboard_.post(engine::RejectOffer{r.agent, contact});
  } else {
    const std::string outcome = r.stage == OutboundStage::agent ? std::string("agent_hung_up")
                                                                : outcome_name(r.outcome, r.status);
    attempt_failed(contact, d, outcome, r.status);
  }
}

void CallbackDialer::attempt_failed(const std::string& contact, const Dialling& d,
                                    const std::string& outcome, uint16_t status) {
  const int attempt = d.target.attempt;
  switchboard_.post(engine::ContactEnd{contact});
  if (attempt >= options_.max_attempts) {
    note(contact, attempt, outcome, status, "callback_final",
         outcome + " after " + std::to_string(attempt) + " attempts");
    log(LogLevel::info, "voice.callback_given_up", {{"contact", contact}, {"outcome", outcome}});
    return;
  }
  note(contact, attempt, outcome, status);
  CallbackTask retry;
  retry.from_interaction = contact;
  retry.entry_point = d.target.entry_point;
  retry.type = d.target.type;
  retry.queue = d.target.queue;
  retry.number = d.target.number;
  retry.due = clock_.now() + options_.retry_interval;
  retry.attempt = attempt + 1;
  care_.queue_callback(std::move(retry));
}

void CallbackDialer::note(const std::string& contact, int attempt, const std::string& outcome,
                          uint16_t status, const std::string& extra_key, const std::string& extra) {
  if (!store_.note) return;
  boost::json::object result;
  result["attempt"] = attempt;
  result["outcome"] = outcome;
  result["status"] = status;
  boost::json::object fields;
  fields["callback_result"] = std::move(result);
  if (!extra_key.empty()) fields[extra_key] = extra;
  store_.note(contact, boost::json::serialize(fields));
}

}  // namespace tamas::voice
