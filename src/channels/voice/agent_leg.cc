// AgentLeg: INVITE to the agent's phone, ring timeout, answer, media.
#include "channels/voice/agent_leg.h"

#include <netinet/in.h>

#include <cerrno>

#include "channels/voice/agent.h"
#include "core/log.h"

namespace tamas::voice {

AgentLeg::AgentLeg(Agent& agent, LegOwner& call, std::string agent_id)
    : agent_(agent), call_(call), agent_id_(std::move(agent_id)) {
  tmr_init(&ring_);
}

AgentLeg::~AgentLeg() {
  tmr_cancel(&ring_);
  mem_deref(sess_);  // CANCEL while ringing, BYE once up
  mem_deref(rtp_);
  mem_deref(sdp_);
}

int AgentLeg::dial(const std::string& uri, const std::string& from_user, const struct sa& rtp_ip,
                   G711 prefer, uint32_t ring_ms) {
  if (uri.empty()) return EINVAL;  // no static device and no registered phone
  const VoiceConfig& cfg = agent_.config();
  int err = rtp_listen(&rtp_, IPPROTO_UDP, &rtp_ip, cfg.rtp_port_min, cfg.rtp_port_max, false,
                       on_rtp, nullptr, this);
  if (err) return err;
  struct sa local = rtp_ip;
  sa_set_port(&local, sa_port(rtp_local(rtp_)));
  if (sdp_make_offer(&sdp_, &audio_, &local, prefer).status != 200) return ENOMEM;
  struct mbuf* offer = nullptr;
  if ((err = sdp_encode(&offer, sdp_, true)) != 0) return err;
  char from[160];
  re_snprintf(from, sizeof(from), "sip:%s@%j:%u", from_user.empty() ? "tamas" : from_user.c_str(),
              &rtp_ip, agent_.udp_port());
  err = sipsess_connect(&sess_, agent_.sessions(), uri.c_str(), nullptr, from, "tamas", nullptr, 0,
                        "application/sdp", offer, nullptr, nullptr, false, on_offer, on_answer,
                        on_progress, on_estab, nullptr, nullptr, on_close, this,
                        "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n");
  mem_deref(offer);
  if (err) return err;
  tmr_start(&ring_, ring_ms, on_ring_timeout, this);
  log(LogLevel::info, "voice.agent_dialled",
      {{"call", call_.owner_id()}, {"agent", agent_id_}, {"uri", uri}});
  return 0;
}

void AgentLeg::send(const struct rtp_header* hdr, struct mbuf* mb) {
  if (!up_ || !media_.sending) return;
  rtp_send(rtp_, &media_.remote, false, hdr->m, media_.pt, hdr->ts, mb);
}

// The agent's phone re-offers (hold, codec change): answer from our session.
int AgentLeg::on_offer(struct mbuf** descp, const struct sip_msg* msg, void* arg) {
  auto* leg = static_cast<AgentLeg*>(arg);
  if (mbuf_get_left(msg->mb) == 0) return sdp_encode(descp, leg->sdp_, true);
  SdpChoice choice = leg->media_;
  if (sdp_take_offer(leg->sdp_, leg->audio_, msg->mb, choice, false).status != 200) return EPROTO;
  leg->media_ = choice;
  return sdp_encode(descp, leg->sdp_, false);
}

int AgentLeg::on_answer(const struct sip_msg* msg, void* arg) {
  auto* leg = static_cast<AgentLeg*>(arg);
  const SipStatus st = sdp_take_answer(leg->sdp_, leg->audio_, msg->mb, leg->media_);
  if (st.status != 200) return EPROTO;  // libre ends the session: on_close
  leg->answered_ = true;
  return 0;
}

void AgentLeg::on_progress(const struct sip_msg*, void*) {}

void AgentLeg::on_estab(const struct sip_msg*, void* arg) {
  auto* leg = static_cast<AgentLeg*>(arg);
  tmr_cancel(&leg->ring_);
  if (leg->over_) return;
  if (!leg->answered_) {
    leg->over_ = true;
    leg->call_.leg_ended(*leg, AgentLegOutcome::failed, 488);
    return;
  }
  leg->up_ = true;
  leg->call_.leg_answered(*leg);
}

void AgentLeg::on_close(int err, const struct sip_msg* msg, void* arg) {
  auto* leg = static_cast<AgentLeg*>(arg);
  tmr_cancel(&leg->ring_);
  if (leg->over_) return;
  leg->over_ = true;
  const bool was_up = leg->up_;
  leg->up_ = false;
  if (was_up) {
    leg->call_.leg_ended(*leg, AgentLegOutcome::hung_up, 0);
  } else if (msg && !msg->req && msg->scode >= 300) {
    leg->call_.leg_ended(*leg, AgentLegOutcome::rejected, msg->scode);
  } else {
    log(LogLevel::info, "voice.agent_leg_failed", {{"agent", leg->agent_id_}, {"error", err}});
    leg->call_.leg_ended(*leg, AgentLegOutcome::failed, 0);
  }
}

void AgentLeg::on_rtp(const struct sa*, const struct rtp_header* hdr, struct mbuf* mb, void* arg) {
  auto* leg = static_cast<AgentLeg*>(arg);
  if (!leg->up_ || hdr->pt != leg->media_.pt) return;  // DTMF and comfort noise are not relayed
  leg->call_.leg_media(*leg, hdr, mb);
}

void AgentLeg::on_ring_timeout(void* arg) {
  auto* leg = static_cast<AgentLeg*>(arg);
  if (leg->over_) return;
  leg->over_ = true;
  leg->call_.leg_ended(*leg, AgentLegOutcome::no_answer, 0);
}

}  // namespace tamas::voice
