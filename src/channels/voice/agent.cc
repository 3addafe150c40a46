// Agent: SIP listening, INVITE dispatch, the shared pacer and deferred frees.
#include "channels/voice/agent.h"

#include <cerrno>

#include "channels/voice/call.h"
#include "channels/voice/invite_check.h"
#include "channels/voice/outbound_call.h"
#include "core/log.h"

namespace tamas::voice {

namespace {

constexpr uint64_t kFrameMs = 20;
constexpr uint64_t kMaxCatchUp = 3;  // frames sent in a burst after a stall
constexpr const char* kAllow = "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REGISTER\r\n";

std::string str(const struct pl& p) {
  return p.p ? std::string(p.p, p.l) : std::string();
}

}  // namespace

InviteHeaders invite_headers(const struct sip_msg* msg) {
  InviteHeaders h;
  h.from = pl_isset(&msg->from.auri);
  h.from_tag = pl_isset(&msg->from.tag);
  h.to = pl_isset(&msg->to.auri);
  h.call_id = pl_isset(&msg->callid);
  h.contact = sip_msg_hdr(msg, SIP_HDR_CONTACT) != nullptr;
  h.cseq_method = std::string_view(msg->cseq.met.p ? msg->cseq.met.p : "", msg->cseq.met.l);
  if (pl_isset(&msg->maxfwd)) h.max_forwards = pl_u32(&msg->maxfwd);
  if (pl_isset(&msg->clen)) h.content_length = pl_u32(&msg->clen);
  h.body_size = mbuf_get_left(msg->mb);
  return h;
}

Agent::Agent(const VoiceConfig& config, const VoiceEvents& events, std::atomic<size_t>& active,
             Registrar::Post post)
    : config_(config),
      events_(events),
      active_(active),
      registrar_(config, events, std::move(post)) {
  tmr_init(&pacer_);
  tmr_init(&reaper_);
  tmr_init(&grace_);
  txbuf_ = mbuf_alloc(RTP_HEADER_SIZE + kFrameSamples);
}

Agent::~Agent() {
  tmr_cancel(&pacer_);
  tmr_cancel(&reaper_);
  tmr_cancel(&grace_);
  calls_.clear();
  outbound_.clear();
  recordings_.stop();  // writes what the calls queued
  active_ = 0;
  mem_deref(lsnr_);
  mem_deref(sock_);
  // After a graceful close libre hands the SIP stack back through the exit
  // handler with one reference for us; before one we still own it.
  if (!closing_ || sip_exited_) mem_deref(sip_);
  mem_deref(txbuf_);
}

int Agent::listen(const struct sa& laddr) {
  laddr_ = laddr;
  int err = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    err = bind(laddr);
    if (err == 0) return 0;
    lsnr_ = static_cast<struct sip_lsnr*>(mem_deref(lsnr_));
    sock_ = static_cast<struct sipsess_sock*>(mem_deref(sock_));
    sip_ = static_cast<struct sip*>(mem_deref(sip_));
    // With port 0 the UDP port may be taken for TCP: try another one.
    if (err != EADDRINUSE || sa_port(&laddr) != 0) break;
  }
  return err;
}

int Agent::bind(const struct sa& laddr) {
  int err = sip_alloc(&sip_, nullptr, 32, 32, 32, config_.user_agent.c_str(), on_sip_exit, this);
  if (!err) err = sip_transp_add(sip_, SIP_TRANSP_UDP, &laddr);
  struct sa bound {};
  if (!err) err = sip_transp_laddr(sip_, &bound, SIP_TRANSP_UDP, nullptr);
  if (!err) {
    udp_port_ = tcp_port_ = sa_port(&bound);
    struct sa tcp = laddr;
    sa_set_port(&tcp, udp_port_);
    err = sip_transp_add(sip_, SIP_TRANSP_TCP, &tcp);
  }
  if (!err) err = sipsess_listen(&sock_, sip_, 32, on_invite, this);
  if (!err) err = sip_listen(&lsnr_, sip_, true, on_request, this);
  registrar_.set_sip(sip_);
  return err;
}

const VoiceEntryPoint* Agent::entry_for(const struct sip_msg* msg) const {
  for (const struct pl* user : {&msg->uri.user, &msg->to.uri.user}) {
    for (const VoiceEntryPoint& e : config_.entry_points) {
      if (user->l && pl_strcmp(user, e.number.c_str()) == 0) return &e;
    }
  }
  return nullptr;
}

void Agent::on_invite(const struct sip_msg* msg, void* arg) {
  static_cast<Agent*>(arg)->answer(msg);
}

void Agent::answer(const struct sip_msg* msg) {
  if (closing_) {
    sip_treply(nullptr, sip_, msg, 503, "Service Unavailable");
    return;
  }
  if (std::optional<SipStatus> bad = check_invite(invite_headers(msg))) {
    log(LogLevel::info, "voice.rejected", {{"status", bad->status}, {"reason", bad->reason}});
    sip_treply(nullptr, sip_, msg, bad->status, bad->reason);
    return;
  }
  const VoiceEntryPoint* entry = entry_for(msg);
  if (!entry) {
    log(LogLevel::info, "voice.unknown_number", {{"uri", str(msg->ruri)}});
    sip_treply(nullptr, sip_, msg, 404, "Not Found");
    return;
  }
  if (static_cast<int>(calls_.size()) >= config_.max_calls) {
    sip_treply(nullptr, sip_, msg, 503, "Service Unavailable");
    return;
  }
  CallInfo info{next_id_++, str(msg->callid), entry->number, entry->id, str(msg->from.uri.user)};
  auto call = std::make_unique<Call>(*this, info, *entry);
  struct sa rtp_ip = msg->dst;
  if (sa_is_any(&rtp_ip)) net_default_source_addr_get(sa_af(&rtp_ip), &rtp_ip);
  const SipStatus outcome = call->accept(msg, rtp_ip);
  if (outcome.status != 200) {
    log(LogLevel::info, "voice.rejected", {{"status", outcome.status}, {"reason", outcome.reason}});
    sip_treply(nullptr, sip_, msg, outcome.status, outcome.reason);
    return;
  }
  calls_.emplace(info.id, std::move(call));
  active_ = calls_.size();
  start_pacer();
}

void Agent::start_pacer() {
  if (tmr_isrunning(&pacer_)) return;
  pace_start_ = tmr_jiffies();
  ticks_ = 0;
  tmr_start(&pacer_, kFrameMs, on_pace, this);
}

bool Agent::on_request(const struct sip_msg* msg, void* arg) {
  auto* self = static_cast<Agent*>(arg);
  if (pl_strcmp(&msg->met, "REGISTER") == 0 && !self->closing_) {
    self->registrar_.handle(msg);
    return true;
  }
  if (pl_strcmp(&msg->met, "OPTIONS") != 0) return false;
  sip_treplyf(nullptr, nullptr, self->sip_, msg, false, 200, "OK", "%sContent-Length: 0\r\n\r\n",
              kAllow);
  return true;
}

void Agent::on_pace(void* arg) {
  static_cast<Agent*>(arg)->pace();
}

// One timer for every call: each run sends the frames due since the last run
// (catching up with the clock, at most kMaxCatchUp at once), then re-arms for
// the next 20 ms boundary.
void Agent::pace() {
  const uint64_t now = tmr_jiffies();
  const uint64_t due = (now - pace_start_) / kFrameMs;
  if (due > ticks_ + kMaxCatchUp) ticks_ = due - kMaxCatchUp;
  while (ticks_ < due) {
    ++ticks_;
    for (auto& entry : calls_) entry.second->tick(now);
    for (auto& entry : outbound_) entry.second->tick();
  }
  if (calls_.empty() && outbound_.empty()) return;  // restarted by the next call
  const uint64_t next = pace_start_ + (ticks_ + 1) * kFrameMs;
  tmr_start(&pacer_, next > now ? next - now : 0, on_pace, this);
}

void Agent::reap_later() {
  if (!tmr_isrunning(&reaper_)) tmr_start(&reaper_, 0, on_reap, this);
}

void Agent::on_reap(void* arg) {
  auto* self = static_cast<Agent*>(arg);
  std::erase_if(self->calls_, [](const auto& entry) { return entry.second->dead(); });
  std::erase_if(self->outbound_, [](const auto& entry) { return entry.second->dead(); });
  for (auto& entry : self->calls_) entry.second->reap();
  self->active_ = self->calls_.size();
}

void Agent::hangup(uint64_t call_id) {
  auto it = calls_.find(call_id);
  if (it != calls_.end()) it->second->hangup("hung up by tamas");
}

void Agent::dial_agent(uint64_t call_id, const AgentDial& dial) {
  auto it = calls_.find(call_id);
  if (it == calls_.end()) return;
  if (auto registered = registrar_.contact(dial.agent)) {
    AgentDial d = dial;
    d.uri = *registered;
    return it->second->dial_agent(d);
  }
  it->second->dial_agent(dial);
}

void Agent::drop_agent(uint64_t call_id, const std::string& agent) {
  auto it = calls_.find(call_id);
  if (it != calls_.end()) it->second->drop_agent(agent);
}

void Agent::hold(uint64_t call_id, bool on) {
  auto it = calls_.find(call_id);
  if (it != calls_.end()) it->second->hold(on);
}

void Agent::shutdown(uint32_t grace_ms) {
  if (closing_) return;
  closing_ = true;
  tmr_cancel(&pacer_);
  for (auto& entry : calls_) entry.second->hangup("server stopping");
  calls_.clear();  // each session sends its BYE
  outbound_.clear();
  active_ = 0;
  tmr_cancel(&reaper_);
  lsnr_ = static_cast<struct sip_lsnr*>(mem_deref(lsnr_));
  tmr_start(&grace_, grace_ms, on_grace_over, this);
  sip_close(sip_, false);  // on_sip_exit once no transaction is left
}

void Agent::on_sip_exit(void* arg) {
  auto* self = static_cast<Agent*>(arg);
  self->sip_exited_ = true;
  tmr_cancel(&self->grace_);
  re_cancel();
}

void Agent::on_grace_over(void* arg) {
  auto* self = static_cast<Agent*>(arg);
  log(LogLevel::warn, "voice.shutdown_forced", {});
  // Sessions still waiting (an ACK that never comes, a BYE unanswered) are
  // dropped, then every transaction; the SIP stack then exits.
  sipsess_close_all(self->sock_);
  sip_close(self->sip_, true);
  re_cancel();
}

}  // namespace tamas::voice
