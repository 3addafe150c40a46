// Call: the attended (consult) transfer. While the agent consults, the caller
// is on hold (hold prompt, nothing relayed to or from the caller) and the
// agent's leg is relayed to a second leg, the consulted party's. Cancel (or
// the consulted party's leg ending) puts the caller back with the agent;
// complete bridges the caller to the consulted party and hangs up the agent.
// Voice thread only.
#include "channels/voice/agent.h"
#include "channels/voice/call.h"
#include "core/log.h"

namespace tamas::voice {

const char* to_string(ConsultStage s) {
  switch (s) {
    case ConsultStage::answered:
      return "answered";
    case ConsultStage::ended:
      return "ended";
    case ConsultStage::completed:
      return "completed";
  }
  return "?";
}

void Agent::consult(uint64_t call_id, const AgentDial& dial) {
  Call* call = find_call(call_id);
  if (!call) return;
  if (auto registered = registrar_.contact(dial.agent)) {
    AgentDial d = dial;
    d.uri = *registered;
    return call->consult(d);
  }
  call->consult(dial);
}

void Call::consult_report(const std::string& target, ConsultStage stage, const std::string& reason,
                          uint16_t status) {
  log(LogLevel::info, "voice.consult",
      {{"call", info_.id},
       {"target", target},
       {"stage", to_string(stage)},
       {"reason", reason},
       {"status", status}});
  if (agent_.events().on_consult)
    agent_.events().on_consult(info_, {target, stage, reason, status});
}

void Call::consult(const AgentDial& dial) {
  if (dead_) return;
  reap_consult();  // a finished consult not reaped yet
  const bool bridged = phase_ == Phase::bridged && leg_ && !leg_over_ && leg_->up();
  if (!bridged || consult_ || partner_leg_) {
    consult_report(dial.agent, ConsultStage::ended, consult_ ? "busy" : "failed", 0);
    return;
  }
  held_before_consult_ = held_;
  hold(true);
  consult_ = std::make_unique<AgentLeg>(agent_, *this, dial.agent);
  consult_over_ = false;
  if (int err = consult_->dial(dial.uri, info_.caller, rtp_ip_, leg_->media().law, dial.ring_ms);
      err != 0) {
    log(LogLevel::warn, "voice.consult_dial_failed", {{"call", info_.id}, {"error", err}});
    end_consult("failed", 0, true);
  }
}

void Call::cancel_consult() {
  if (consult_ && !consult_over_) end_consult("cancelled", 0, true);
}

void Call::complete_consult(bool to_line) {
  if (dead_ || !consult_ || consult_over_) return;
  if (!consult_->up() || phase_ != Phase::bridged || !leg_ || leg_over_) {
    end_consult("failed", 0, true);
    return;
  }
  consult_report(consult_->agent_id(), ConsultStage::completed, "", 0);
  retired_.push_back(std::move(leg_));  // BYE to the consulting agent when reaped
  leg_ = std::move(consult_);
  leg_over_ = false;
  consult_over_ = false;
  partner_leg_ = to_line;
  hold(false);  // the caller talks to the consulted party; the recording goes on
  agent_.reap_later();
}

// The consult is over without a transfer: its leg is freed by the reaper and
// the caller is taken off hold (unless it was held before, or `resume` is
// false because the bridge itself is going away).
void Call::end_consult(const std::string& reason, uint16_t status, bool resume) {
  consult_over_ = true;
  agent_.reap_later();
  consult_report(consult_->agent_id(), ConsultStage::ended, reason, status);
  if (resume && !held_before_consult_ && !dead_) hold(false);
}

void Call::reap_consult() {
  retired_.clear();
  if (consult_over_) {
    consult_.reset();
    consult_over_ = false;
  }
}

bool Call::consult_answered(AgentLeg& leg) {
  if (leg_.get() == &leg) return false;
  if (consult_.get() == &leg && !consult_over_ && !dead_) {
    consult_report(consult_->agent_id(), ConsultStage::answered, "", 0);
  }
  return true;  // the consult leg, or a retired one
}

bool Call::consult_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status) {
  if (leg_.get() == &leg) return false;  // the agent's leg: leg_ended, via unbridge()
  if (consult_.get() == &leg && !consult_over_) end_consult(to_string(outcome), status, true);
  return true;
}

// Agent ↔ consulted party while consulting; the caller hears neither.
bool Call::consult_media(AgentLeg& leg, const struct rtp_header* hdr, struct mbuf* mb) {
  const bool from_consulted = consult_.get() == &leg;
  if (!from_consulted && leg_.get() != &leg) return true;  // a retired leg
  if (!consult_ || consult_over_) return from_consulted;
  AgentLeg* to = from_consulted ? leg_.get() : consult_.get();
  if (!to || !to->up() || leg_over_ || dead_) return true;
  g711_transcode(mbuf_buf(mb), mbuf_get_left(mb), leg.media().law, to->media().law);
  to->send(hdr, mb);
  return true;
}

}  // namespace tamas::voice
