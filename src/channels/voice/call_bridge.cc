// Call: the agent leg — dialling, bridging, relaying and recording.
#include <vector>

#include "channels/voice/agent.h"
#include "channels/voice/call.h"
#include "core/log.h"

namespace tamas::voice {

const char* to_string(AgentLegOutcome o) {
  switch (o) {
    case AgentLegOutcome::answered:
      return "answered";
    case AgentLegOutcome::rejected:
      return "rejected";
    case AgentLegOutcome::no_answer:
      return "no_answer";
    case AgentLegOutcome::failed:
      return "failed";
    case AgentLegOutcome::hung_up:
      return "hung_up";
  }
  return "?";
}

void Call::report(const std::string& agent, AgentLegOutcome outcome, uint16_t status) {
  log(LogLevel::info, "voice.agent_leg",
      {{"call", info_.id}, {"agent", agent}, {"outcome", to_string(outcome)}, {"status", status}});
  if (agent_.events().on_agent_leg) agent_.events().on_agent_leg(info_, {agent, outcome, status});
}

void Call::dial_agent(const AgentDial& dial) {
  if (dead_) return;
  if (leg_ && leg_over_) leg_.reset();  // dropped and not reaped yet (a transfer)
  if (phase_ != Phase::waiting || leg_) {
    report(dial.agent, AgentLegOutcome::failed, 0);
    return;
  }
  leg_ = std::make_unique<AgentLeg>(agent_, *this, dial.agent);
  leg_over_ = false;
  recording_path_ = dial.recording_path;
  if (int err = leg_->dial(dial.uri, info_.caller, rtp_ip_, media_.law, dial.ring_ms); err != 0) {
    log(LogLevel::warn, "voice.agent_dial_failed", {{"call", info_.id}, {"error", err}});
    leg_over_ = true;
    agent_.reap_later();
    report(dial.agent, AgentLegOutcome::failed, 0);
  }
}

void Call::drop_agent(const std::string& agent) {
  if (!leg_ || leg_over_ || (!agent.empty() && leg_->agent_id() != agent)) return;
  if (phase_ == Phase::bridged) unbridge();
  leg_over_ = true;
  agent_.reap_later();
}

void Call::transfer_out(const std::string& uri, const std::string& recording_path) {
  if (dead_) return;
  if (leg_ && !leg_over_) drop_agent("");
  if (phase_ != Phase::waiting) return;  // in a voicemail or survey: not transferable
  log(LogLevel::info, "voice.transfer_out", {{"call", info_.id}, {"uri", uri}});
  partner_leg_ = true;
  play({entry_.transferring_prompt, entry_.hold_prompt}, true);
  dial_agent({"partner", uri, agent_.config().partner_ring_ms, recording_path});
}

void Call::hold(bool on) {
  if (dead_ || phase_ != Phase::bridged || held_ == on) return;
  held_ = on;
  log(LogLevel::info, "voice.hold", {{"call", info_.id}, {"on", on}});
  if (on) {
    ts_ = to_caller_.next();
    marker_ = true;
    play_hold();
  } else {
    playlist_.clear();
    to_caller_.start(ts_);
  }
}

void Call::reap() {
  reap_consult();
  if (leg_over_ && leg_) {
    leg_.reset();
    leg_over_ = false;
  }
}

void Call::leg_answered(AgentLeg& leg) {
  if (consult_answered(leg)) return;
  if (dead_ || phase_ != Phase::waiting) return;
  phase_ = Phase::bridged;
  playlist_.clear();
  to_caller_.start(ts_);
  if (!recording_path_.empty())
    recorder_ = std::make_unique<Recorder>(agent_.recordings(), recording_path_);
  report(leg.agent_id(), AgentLegOutcome::answered, 0);
}

void Call::leg_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status) {
  if (consult_ended(leg, outcome, status)) return;
  const bool was_bridged = phase_ == Phase::bridged;
  if (was_bridged) unbridge();
  leg_over_ = true;
  agent_.reap_later();
  report(leg.agent_id(), outcome, status);
  if (partner_leg_ && !dead_) {  // the partner did not answer, or hung up: goodbye
    partner_leg_ = false;
    phase_ = Phase::leaving;
    play({entry_.goodbye_prompt}, false);
    if (playlist_.empty()) hangup("partner leg ended");
    return;
  }
  // The agent hung up: the caller's survey (call_care.cc), if armed, or BYE.
  if (was_bridged && !dead_ && !start_survey()) hangup("agent hung up");
}

// Back from a bridge to the hold prompt, continuing our RTP timestamps.
void Call::unbridge() {
  if (consult_ && !consult_over_) end_consult("agent_left", 0, false);
  recorder_.reset();
  held_ = false;
  ts_ = to_caller_.next();
  marker_ = true;
  phase_ = Phase::waiting;
  if (!dead_) play_hold();
}

void Call::from_caller(const struct rtp_header* hdr, struct mbuf* mb) {
  if (!leg_ || leg_over_ || !leg_->up() || held_) return;
  uint8_t* payload = mbuf_buf(mb);
  const size_t n = mbuf_get_left(mb);
  if (recorder_) {
    std::vector<int16_t> pcm(n);
    g711_decode(media_.law, payload, n, pcm.data());
    recorder_->caller(pcm.data(), n);
  }
  g711_transcode(payload, n, media_.law, leg_->media().law);
  leg_->send(hdr, mb);
}

void Call::from_agent(const struct rtp_header* hdr, struct mbuf* mb) {
  if (phase_ != Phase::bridged || dead_ || held_) return;
  uint8_t* payload = mbuf_buf(mb);
  const size_t n = mbuf_get_left(mb);
  const G711 law = leg_->media().law;
  if (recorder_) {
    std::vector<int16_t> pcm(n);
    g711_decode(law, payload, n, pcm.data());
    recorder_->agent(pcm.data(), n);
  }
  g711_transcode(payload, n, law, media_.law);
  bool marker = hdr->m;
  const uint32_t ts = to_caller_.map(hdr->ts, n, marker);
  if (media_.sending) rtp_send(rtp_, &media_.remote, false, marker, media_.pt, ts, mb);
}

}  // namespace tamas::voice
