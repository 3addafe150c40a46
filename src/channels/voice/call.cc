// Call: SIP session and media of one incoming call, and its IVR.
#include "channels/voice/call.h"

#include <netinet/in.h>

#include <cerrno>
#include <cstring>

#include "channels/voice/agent.h"
#include "channels/voice/dtmf_info.h"
#include "core/log.h"

namespace tamas::voice {

namespace {

std::string str(const struct pl& p) {
  return p.p ? std::string(p.p, p.l) : std::string();
}

}  // namespace

Call::Call(Agent& agent, CallInfo info, const VoiceEntryPoint& entry)
    : agent_(agent), info_(std::move(info)), entry_(entry), ivr_(entry.ivr) {
  if (!entry_.hold_prompt.empty()) hold_audio_ = agent_.config().prompts->find(entry_.hold_prompt);
}

Call::~Call() {
  recorder_.reset();
  leg_.reset();      // CANCEL or BYE to the agent
  mem_deref(sess_);  // sends BYE if the dialog is still up
  mem_deref(rtp_);
  mem_deref(sdp_);
  mem_deref(telev_);
}

SipStatus Call::accept(const struct sip_msg* msg, const struct sa& rtp_ip) {
  const VoiceConfig& cfg = agent_.config();
  rtp_ip_ = rtp_ip;
  if (rtp_listen(&rtp_, IPPROTO_UDP, &rtp_ip, cfg.rtp_port_min, cfg.rtp_port_max, false, on_rtp,
                 nullptr, this) != 0) {
    return {503, "No Media Port"};
  }
  struct sa local = *rtp_local(rtp_);
  if (!sa_isset(&local, SA_ADDR) || sa_is_any(&local)) sa_cpy(&local, &rtp_ip);
  sa_set_port(&local, sa_port(rtp_local(rtp_)));
  if (msg->ctyp.type.l && !msg_ctype_cmp(&msg->ctyp, "application", "sdp")) {
    return {415, "Unsupported Media Type"};
  }
  SipStatus outcome = sdp_answer_offer(&sdp_, &audio_, &local, msg->mb, media_);
  if (outcome.status != 200) return outcome;
  if (telev_alloc(&telev_, TELEV_PTIME) != 0) return {500, "Server Internal Error"};

  struct mbuf* answer = nullptr;
  if (sdp_encode(&answer, sdp_, false) != 0) return {500, "Server Internal Error"};
  const int err = sipsess_accept(&sess_, agent_.sessions(), msg, 200, "OK", entry_.number.c_str(),
                                 "application/sdp", answer, nullptr, nullptr, false, on_offer,
                                 on_answer, on_estab, on_info, nullptr, on_close, this,
                                 "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n");
  mem_deref(answer);
  if (err != 0) return {500, "Server Internal Error"};
  return outcome;
}

// A re-INVITE: with SDP we answer it (new address, codec or hold); without,
// we offer our session again and expect the answer in the ACK.
int Call::on_offer(struct mbuf** descp, const struct sip_msg* msg, void* arg) {
  auto* call = static_cast<Call*>(arg);
  if (mbuf_get_left(msg->mb) == 0) return sdp_encode(descp, call->sdp_, true);
  SdpChoice choice = call->media_;
  if (sdp_take_offer(call->sdp_, call->audio_, msg->mb, choice, false).status != 200) return EPROTO;
  call->media_ = choice;
  return sdp_encode(descp, call->sdp_, false);
}

int Call::on_answer(const struct sip_msg* msg, void* arg) {
  auto* call = static_cast<Call*>(arg);
  if (mbuf_get_left(msg->mb) == 0) return 0;
  return sdp_decode(call->sdp_, msg->mb, false);
}

void Call::on_estab(const struct sip_msg*, void* arg) {
  auto* call = static_cast<Call*>(arg);
  if (call->phase_ != Phase::answering || call->dead_) return;
  call->phase_ = Phase::ivr;
  log(LogLevel::info, "voice.answered",
      {{"call", call->info_.id}, {"entry", call->info_.entry_number}});
  call->apply(call->ivr_.start());
}

void Call::on_close(int err, const struct sip_msg* msg, void* arg) {
  auto* call = static_cast<Call*>(arg);
  // libre reports the caller's BYE as ECONNRESET without a message.
  if (err == ECONNRESET && !msg) {
    call->die("caller hung up");
  } else if (msg && !msg->req) {
    call->die("closed by " + std::to_string(msg->scode));
  } else {
    call->die(err ? std::strerror(err) : "closed");
  }
}

void Call::on_info(struct sip* sip, const struct sip_msg* msg, void* arg) {
  auto* call = static_cast<Call*>(arg);
  const std::string type = str(msg->ctyp.type) + "/" + str(msg->ctyp.subtype);
  const std::string body(reinterpret_cast<const char*>(mbuf_buf(msg->mb)), mbuf_get_left(msg->mb));
  const std::optional<char> d = parse_dtmf_info(type, body);
  if (!d) {
    sip_reply(sip, msg, 415, "Unsupported Media Type");
    return;
  }
  sip_reply(sip, msg, 200, "OK");
  call->digit(*d);
}

void Call::on_rtp(const struct sa*, const struct rtp_header* hdr, struct mbuf* mb, void* arg) {
  auto* call = static_cast<Call*>(arg);
  if (call->media_.telev_pt >= 0 && hdr->pt == call->media_.telev_pt) {
    call->telephone_event(mb);
  } else if (call->phase_ == Phase::bridged && hdr->pt == call->media_.pt) {
    call->from_caller(hdr, mb);
  } else if (call->phase_ == Phase::voicemail && hdr->pt == call->media_.pt) {
    call->voicemail_audio(mb);
  }
}

void Call::telephone_event(struct mbuf* mb) {
  int event = 0;
  bool end = false;
  if (telev_recv(telev_, mb, &event, &end) != 0) return;  // repeat or malformed
  // A digit counts once: at its first packet, or at its end if the start was lost.
  const bool report = !end || !in_event_;
  in_event_ = !end;
  if (!report) return;
  const int d = telev_code2digit(event);
  if (d > 0) digit(static_cast<char>(d));
}

void Call::digit(char d) {
  if (dead_) return;
  if (phase_ != Phase::ivr) return care_digit(d);  // call_care.cc
  log(LogLevel::debug, "voice.digit", {{"call", info_.id}, {"digit", std::string(1, d)}});
  apply(ivr_.digit(d));
}

void Call::apply(IvrStep step) {
  if (step.stop || !step.play.empty() || step.done) {
    deadline_ = 0;
    if (step.stop) playlist_.clear();
  }
  if (!step.play.empty()) play(step.play, false);
  if (step.wait) deadline_ = tmr_jiffies() + static_cast<uint64_t>(step.wait->count());
  if (step.done) finish(*step.done);
}

void Call::finish(const IvrResult& result) {
  log(LogLevel::info, "voice.ivr_done",
      {{"call", info_.id}, {"action", to_string(result.action)}, {"target", result.target}});
  if (agent_.events().on_route) agent_.events().on_route(info_, result);
  if (dead_) return;  // the callback may have asked for a hangup
  switch (result.action) {
    case IvrActionKind::transfer: {
      const auto& partners = agent_.config().partner_uris;
      if (auto it = partners.find(result.target); it != partners.end()) {
        phase_ = Phase::waiting;  // bridged to the partner's line (R31)
        transfer_out(it->second, "");
        break;
      }
      // No line for that partner: say so, log the target, hang up.
      log(LogLevel::warn, "voice.transfer_unsupported",
          {{"call", info_.id}, {"target", result.target}});
      phase_ = Phase::leaving;
      play({entry_.transferring_prompt}, false);
      break;
    }
    case IvrActionKind::hangup:
      phase_ = Phase::leaving;
      play({entry_.goodbye_prompt}, false);
      break;
    default:
      phase_ = Phase::waiting;
      play_hold();
      break;
  }
  if (phase_ == Phase::leaving && playlist_.empty()) hangup("ivr finished");
}

void Call::play(const std::vector<std::string>& prompts, bool loop) {
  playlist_.clear();
  for (const std::string& id : prompts) {
    if (id.empty()) continue;
    const PromptAudio* audio = agent_.config().prompts->find(id);
    if (audio) playlist_.push_back(audio);  // start() checked every id
  }
  item_ = frame_ = 0;
  loop_ = loop;
  marker_ = true;
}

void Call::play_hold() {
  play({entry_.hold_prompt}, true);
  if (entry_.hold_is_music && !playlist_.empty() && playlist_[0]->frames() > 0)
    frame_ = hold_frame_ % playlist_[0]->frames();
}

void Call::tick(uint64_t now_ms) {
  if (dead_ || phase_ == Phase::answering) return;
  if (phase_ == Phase::bridged) {  // the agent's audio is relayed as it comes
    if (recorder_) recorder_->tick();
    if (!held_) return;  // on hold: the hold prompt below
  }
  if (playlist_.empty()) {
    send_frame(silence_frame(media_.law));
  } else {
    const PromptAudio* audio = playlist_[item_];
    send_frame(audio->frame(media_.law, frame_));
    if (++frame_ == audio->frames()) frame_ = 0;
    if (audio == hold_audio_) hold_frame_ = frame_;  // where the music goes on
    if (frame_ == 0 && ++item_ == playlist_.size()) {
      item_ = 0;
      if (!loop_) playlist_ended();
    }
  }
  care_tick(now_ms);
  if (deadline_ != 0 && now_ms >= deadline_ && !dead_) {
    deadline_ = 0;
    apply(ivr_.timeout());
  }
}

void Call::playlist_ended() {
  if (care_playlist_ended()) return;  // call_care.cc
  playlist_.clear();
  if (phase_ == Phase::ivr)
    apply(ivr_.prompt_finished());
  else if (phase_ == Phase::leaving)
    hangup("ivr finished");
}

void Call::send_frame(const uint8_t* payload) {
  struct mbuf* mb = agent_.tx_buffer();
  mb->pos = RTP_HEADER_SIZE;
  mb->end = RTP_HEADER_SIZE;
  mbuf_write_mem(mb, payload, kFrameSamples);
  mb->pos = RTP_HEADER_SIZE;
  if (media_.sending) rtp_send(rtp_, &media_.remote, false, marker_, media_.pt, ts_, mb);
  marker_ = false;
  ts_ += kFrameSamples;
}

void Call::hangup(const char* reason) {
  // The BYE goes out when the Agent frees the call: this may run inside one
  // of the session's own callbacks, where the session must not be freed.
  die(reason);
}

void Call::die(std::string_view reason) {
  if (dead_) return;
  dead_ = true;
  deadline_ = 0;
  playlist_.clear();
  if (voicemail_) end_voicemail(false);  // the caller hung up while recording
  end_survey();                          // answers so far
  log(LogLevel::info, "voice.call_ended", {{"call", info_.id}, {"reason", std::string(reason)}});
  if (agent_.events().on_call_ended) agent_.events().on_call_ended(info_, reason);
  agent_.reap_later();
}

}  // namespace tamas::voice
