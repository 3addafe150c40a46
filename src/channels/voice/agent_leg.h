// AgentLeg: the outgoing call from tamas to an agent's phone for one caller.
// Owned by its Call; voice thread only.
//
// Life: dial() sends the INVITE (our SDP offers both G.711 laws, the caller's
// first) and starts the ring timer. The Call hears back through its
// leg_answered() / leg_ended() methods, called from the leg's own libre
// callbacks — so the Call never frees the leg there: it marks it finished
// and the Agent's reaper frees it (mem_deref of a ringing session sends
// CANCEL, of an established one BYE).
#pragma once

#include <cstdint>
#include <string>

#include "channels/voice/libre.h"
#include "channels/voice/sdp_answer.h"
#include "channels/voice/voice_server.h"

namespace tamas::voice {

class Agent;
class AgentLeg;

// Who a leg reports to: an incoming Call (its agent leg) or an outbound call
// (its agent and customer legs). Voice thread; called from the leg's own libre
// callbacks, so the owner must not free the leg there (see above).
class LegOwner {
 public:
  virtual void leg_answered(AgentLeg& leg) = 0;
  virtual void leg_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status) = 0;
  // One received audio frame (the leg's negotiated payload type only).
  virtual void leg_media(AgentLeg& leg, const struct rtp_header* hdr, struct mbuf* mb) = 0;
  virtual uint64_t owner_id() const = 0;  // for logs

 protected:
  ~LegOwner() = default;
};

class AgentLeg {
 public:
  AgentLeg(Agent& agent, LegOwner& owner, std::string agent_id);
  ~AgentLeg();
  AgentLeg(const AgentLeg&) = delete;
  AgentLeg& operator=(const AgentLeg&) = delete;

  // Places the call to `uri` from `from_user`; RTP bound on `rtp_ip`. Errno
  // (then nothing was sent).
  int dial(const std::string& uri, const std::string& from_user, const struct sa& rtp_ip,
           G711 prefer, uint32_t ring_ms);

  // Sends one relayed frame to the agent. `mb` is a received RTP mbuf (its
  // header room is reused); its payload is in the leg's codec already.
  void send(const struct rtp_header* hdr, struct mbuf* mb);

  const std::string& agent_id() const { return agent_id_; }
  bool up() const { return up_; }
  const SdpChoice& media() const { return media_; }

 private:
  static int on_offer(struct mbuf** descp, const struct sip_msg* msg, void* arg);
  static int on_answer(const struct sip_msg* msg, void* arg);
  static void on_progress(const struct sip_msg* msg, void* arg);
  static void on_estab(const struct sip_msg* msg, void* arg);
  static void on_close(int err, const struct sip_msg* msg, void* arg);
  static void on_rtp(const struct sa* src, const struct rtp_header* hdr, struct mbuf* mb,
                     void* arg);
  static void on_ring_timeout(void* arg);

  Agent& agent_;
  LegOwner& call_;
  std::string agent_id_;
  struct sipsess* sess_ = nullptr;
  struct rtp_sock* rtp_ = nullptr;
  struct sdp_session* sdp_ = nullptr;
  struct sdp_media* audio_ = nullptr;  // owned by sdp_
  struct tmr ring_ {};
  SdpChoice media_;
  bool answered_ = false;  // a usable SDP answer arrived
  bool up_ = false;        // established
  bool over_ = false;      // reported to the call
};

}  // namespace tamas::voice
