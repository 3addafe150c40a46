// OutboundCall: agent first, then the customer, bridged and recorded.
#include "channels/voice/outbound_call.h"

#include <vector>

#include "channels/voice/agent.h"
#include "core/log.h"

namespace tamas::voice {

const char* to_string(OutboundStage s) {
  return s == OutboundStage::agent ? "agent" : "customer";
}

OutboundCall::OutboundCall(Agent& agent, uint64_t id, OutboundDial dial, const struct sa& rtp_ip)
    : agent_(agent), id_(id), dial_(std::move(dial)), rtp_ip_(rtp_ip) {}

OutboundCall::~OutboundCall() {
  recorder_.reset();
  customer_leg_.reset();  // CANCEL or BYE
  agent_leg_.reset();
}

void OutboundCall::report(OutboundStage stage, AgentLegOutcome outcome, uint16_t status,
                          bool over) {
  log(LogLevel::info, "voice.outbound",
      {{"id", id_},
       {"agent", dial_.agent},
       {"stage", to_string(stage)},
       {"outcome", to_string(outcome)},
       {"status", status}});
  if (agent_.events().on_outbound)
    agent_.events().on_outbound({id_, dial_.agent, stage, outcome, status, over});
}

void OutboundCall::start() {
  // The agent's phone shows whom it calls back.
  std::string shown = dial_.customer_uri;
  if (auto at = shown.find('@'); at != std::string::npos && shown.rfind("sip:", 0) == 0)
    shown = shown.substr(4, at - 4);
  agent_leg_ = std::make_unique<AgentLeg>(agent_, *this, dial_.agent);
  if (agent_leg_->dial(dial_.agent_uri, shown, rtp_ip_, G711::pcmu, dial_.agent_ring_ms) != 0) {
    report(OutboundStage::agent, AgentLegOutcome::failed, 0, true);
    end();
  }
}

void OutboundCall::dial_customer() {
  customer_leg_ = std::make_unique<AgentLeg>(agent_, *this, "customer");
  const G711 law = agent_leg_->media().law;  // no transcoding when the gateway agrees
  if (customer_leg_->dial(dial_.customer_uri, dial_.caller_id, rtp_ip_, law,
                          dial_.customer_ring_ms) != 0) {
    report(OutboundStage::customer, AgentLegOutcome::failed, 0, true);
    end();
  }
}

void OutboundCall::leg_answered(AgentLeg& leg) {
  if (dead_) return;
  if (&leg == agent_leg_.get()) {
    report(OutboundStage::agent, AgentLegOutcome::answered, 0, false);
    if (!dead_) dial_customer();  // the embedder may have hung up meanwhile
    return;
  }
  bridged_ = true;
  to_agent_.start(0);
  to_customer_.start(0);
  if (!dial_.recording_path.empty())
    recorder_ = std::make_unique<Recorder>(agent_.recordings(), dial_.recording_path);
  report(OutboundStage::customer, AgentLegOutcome::answered, 0, false);
}

void OutboundCall::leg_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status) {
  if (dead_) return;
  const OutboundStage stage =
      &leg == agent_leg_.get() ? OutboundStage::agent : OutboundStage::customer;
  report(stage, outcome, status, true);
  end();
}

void OutboundCall::end() {
  dead_ = true;
  bridged_ = false;
  recorder_.reset();
  agent_.reap_later();
}

void OutboundCall::hangup(const char* reason) {
  if (dead_) return;
  log(LogLevel::info, "voice.outbound_hangup", {{"id", id_}, {"reason", reason}});
  end();
}

void OutboundCall::tick() {
  if (recorder_) recorder_->tick();
}

void OutboundCall::leg_media(AgentLeg& leg, const struct rtp_header* hdr, struct mbuf* mb) {
  if (!bridged_ || dead_ || !agent_leg_ || !customer_leg_) return;
  const bool from_agent = &leg == agent_leg_.get();
  AgentLeg& to = from_agent ? *customer_leg_ : *agent_leg_;
  uint8_t* payload = mbuf_buf(mb);
  const size_t n = mbuf_get_left(mb);
  const G711 law = leg.media().law;
  if (recorder_) {
    std::vector<int16_t> pcm(n);
    g711_decode(law, payload, n, pcm.data());
    if (from_agent)
      recorder_->agent(pcm.data(), n);
    else
      recorder_->caller(pcm.data(), n);
  }
  g711_transcode(payload, n, law, to.media().law);
  bool marker = hdr->m;
  struct rtp_header out = *hdr;
  out.ts = (from_agent ? to_customer_ : to_agent_).map(hdr->ts, n, marker);
  out.m = marker;
  to.send(&out, mb);
}

}  // namespace tamas::voice
