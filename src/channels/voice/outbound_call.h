// OutboundCall: a call tamas places itself (VoiceServer::dial_out), e.g. a
// callback. Two AgentLegs: the agent's phone first, then the customer through
// the gateway; once both are up their RTP is relayed through tamas (PCMU/PCMA
// transcoded, timestamps mapped) and recorded (customer left, agent right).
// Internal to the voice folder; voice thread only.
//
// Life: start() rings the agent. Any leg ending ends the call (the other leg
// is cancelled or hung up); the call is then dead and the Agent's reaper
// frees it — never inside a leg's callback.
#pragma once

#include <cstdint>
#include <memory>

#include "channels/voice/agent_leg.h"
#include "channels/voice/g711_relay.h"
#include "channels/voice/libre.h"
#include "channels/voice/recording.h"
#include "channels/voice/voice_server.h"

namespace tamas::voice {

class Agent;

class OutboundCall final : public LegOwner {
 public:
  OutboundCall(Agent& agent, uint64_t id, OutboundDial dial, const struct sa& rtp_ip);
  ~OutboundCall();
  OutboundCall(const OutboundCall&) = delete;
  OutboundCall& operator=(const OutboundCall&) = delete;

  void start();                     // rings the agent; a failure is reported
  void tick();                      // 20 ms: the recording's frame
  void hangup(const char* reason);  // ours: no report
  bool dead() const { return dead_; }

  void leg_answered(AgentLeg& leg) override;
  void leg_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status) override;
  void leg_media(AgentLeg& leg, const struct rtp_header* hdr, struct mbuf* mb) override;
  uint64_t owner_id() const override { return id_; }

 private:
  void report(OutboundStage stage, AgentLegOutcome outcome, uint16_t status, bool over);
  void dial_customer();
  void end();  // dead: legs dropped by the destructor (reaper)

  Agent& agent_;
  uint64_t id_;
  OutboundDial dial_;
  struct sa rtp_ip_ {};
  std::unique_ptr<AgentLeg> agent_leg_;
  std::unique_ptr<AgentLeg> customer_leg_;
  std::unique_ptr<Recorder> recorder_;  // while bridged
  TimestampMap to_agent_, to_customer_;
  bool bridged_ = false;
  bool dead_ = false;
};

}  // namespace tamas::voice
