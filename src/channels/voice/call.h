// Call: one answered incoming call. Owns its SIP session, RTP socket, SDP
// session and RFC 4733 receiver, runs its Ivr and its prompt playback.
// Internal to the voice folder; voice thread only.
//
// Life: accept() answers (200 OK with our SDP); the ACK starts the IVR; the
// Agent's pacer calls tick() every 20 ms (send one frame, check the IVR
// timer). A BYE from the caller or hangup() marks the call dead; the Agent
// frees dead calls from a 0 ms timer, never inside one of the call's own
// callbacks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "channels/voice/agent_leg.h"
#include "channels/voice/g711_relay.h"
#include "channels/voice/ivr.h"
#include "channels/voice/libre.h"
#include "channels/voice/recording.h"
#include "channels/voice/sdp_answer.h"
#include "channels/voice/survey.h"
#include "channels/voice/voice_server.h"

namespace tamas::voice {

class Agent;

class Call final : public LegOwner {
 public:
  Call(Agent& agent, CallInfo info, const VoiceEntryPoint& entry);
  ~Call();  // frees libre objects; a live session gets its BYE
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  // Answers the INVITE. On failure no session exists and the returned status
  // (400/488/500) is what the caller must reply.
  SipStatus accept(const struct sip_msg* msg, const struct sa& rtp_ip);

  void tick(uint64_t now_ms);       // one 20 ms frame
  void hangup(const char* reason);  // ours: BYE, then dead
  bool dead() const { return dead_; }
  const CallInfo& info() const { return info_; }

  // The agent leg (call_bridge.cc). dial_agent reports `failed` unless the
  // call waits after its IVR without a leg.
  void dial_agent(const AgentDial& dial);
  void drop_agent(const std::string& agent);
  // The caller to an external line (VoiceServer::transfer_out); also the
  // IVR's transfer to a partner with a known URI.
  void transfer_out(const std::string& uri, const std::string& recording_path);
  // A bridged call on hold (the desk's hold): the caller hears the hold
  // prompt, no audio is relayed either way, the agent's leg stays up (its
  // phone hears silence; no re-INVITE). off: bridged again.
  void hold(bool on);
  void reap();  // frees a finished leg (from the Agent's reaper)
  // From the leg's callbacks.
  void leg_answered(AgentLeg& leg) override;
  void leg_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status) override;
  void leg_media(AgentLeg& leg, const struct rtp_header* hdr, struct mbuf* mb) override {
    if (!consult_media(leg, hdr, mb)) from_agent(hdr, mb);
  }
  uint64_t owner_id() const override { return info_.id; }
  void from_agent(const struct rtp_header* hdr, struct mbuf* mb);

  // Caller care (call_care.cc): see VoiceServer::announce, record_voicemail,
  // set_survey, finish_call.
  void announce(const std::vector<std::string>& prompts, AfterAnnouncement after);
  void record_voicemail(const VoicemailRequest& request);
  void set_survey(const SurveyPlan& plan);
  void finish_call();

  // Attended transfer (consult.cc): see VoiceServer::consult,
  // cancel_consult, complete_consult.
  void consult(const AgentDial& dial);
  void cancel_consult();
  void complete_consult(bool to_line);

 private:
  enum class Phase { answering, ivr, waiting, bridged, leaving, voicemail, survey };

  static int on_offer(struct mbuf** descp, const struct sip_msg* msg, void* arg);
  static int on_answer(const struct sip_msg* msg, void* arg);
  static void on_estab(const struct sip_msg* msg, void* arg);
  static void on_close(int err, const struct sip_msg* msg, void* arg);
  static void on_info(struct sip* sip, const struct sip_msg* msg, void* arg);
  static void on_rtp(const struct sa* src, const struct rtp_header* hdr, struct mbuf* mb,
                     void* arg);

  void digit(char d);
  void telephone_event(struct mbuf* mb);
  void apply(IvrStep step);
  void finish(const IvrResult& result);
  void play(const std::vector<std::string>& prompts, bool loop);
  // The hold prompt in a loop; music goes on from hold_frame_.
  void play_hold();
  void playlist_ended();
  void send_frame(const uint8_t* payload);
  void die(std::string_view reason);
  void from_caller(const struct rtp_header* hdr, struct mbuf* mb);
  void unbridge();
  void report(const std::string& agent, AgentLegOutcome outcome, uint16_t status);
  // Caller care (call_care.cc).
  void care_digit(char d);                // a key outside the IVR
  bool care_playlist_ended();             // true when handled
  void care_tick(uint64_t now_ms);        // voicemail length, survey timer
  void voicemail_audio(struct mbuf* mb);  // caller audio while recording
  void end_voicemail(bool by_hash);
  bool start_survey();  // false when none is armed
  void survey_step(const SurveyRun::Step& step);
  void end_survey();
  // Attended transfer (consult.cc). The leg hooks return true when they
  // handled the leg's callback (the consult leg, or a retired agent leg).
  bool consult_answered(AgentLeg& leg);
  bool consult_ended(AgentLeg& leg, AgentLegOutcome outcome, uint16_t status);
  bool consult_media(AgentLeg& leg, const struct rtp_header* hdr, struct mbuf* mb);
  void end_consult(const std::string& reason, uint16_t status, bool resume);
  void consult_report(const std::string& target, ConsultStage stage, const std::string& reason,
                      uint16_t status);
  void reap_consult();

  Agent& agent_;
  CallInfo info_;
  const VoiceEntryPoint& entry_;
  Ivr ivr_;
  Phase phase_ = Phase::answering;
  bool dead_ = false;

  struct sipsess* sess_ = nullptr;
  struct rtp_sock* rtp_ = nullptr;
  struct sdp_session* sdp_ = nullptr;
  struct sdp_media* audio_ = nullptr;  // owned by sdp_
  struct telev* telev_ = nullptr;
  SdpChoice media_;
  uint32_t ts_ = 0;
  bool marker_ = true;     // first packet of a talkspurt
  bool in_event_ = false;  // an RFC 4733 event started and has not ended

  std::vector<const PromptAudio*> playlist_;
  size_t item_ = 0;
  size_t frame_ = 0;
  bool loop_ = false;
  const PromptAudio* hold_audio_ = nullptr;  // the entry point's hold prompt, if any
  size_t hold_frame_ = 0;                    // the hold prompt's next frame (music resumes)
  uint64_t deadline_ = 0;                    // tmr_jiffies() when the IVR timer fires; 0 = off

  struct sa rtp_ip_ {};                 // our media address (agent legs use it too)
  std::unique_ptr<AgentLeg> leg_;       // ringing or bridged; freed by reap()
  bool leg_over_ = false;               // leg_ is finished: reap() frees it
  std::string recording_path_;          // of the current dial
  std::unique_ptr<Recorder> recorder_;  // while bridged
  TimestampMap to_caller_;              // agent's timestamps onto our stream to the caller
  bool held_ = false;                   // bridged but on hold
  bool partner_leg_ = false;            // leg_ goes to an external line

  // Attended transfer (consult.cc).
  std::unique_ptr<AgentLeg> consult_;               // the consulted party; freed by reap()
  bool consult_over_ = false;                       // consult_ is finished
  bool held_before_consult_ = false;                // cancel leaves the caller on hold
  std::vector<std::unique_ptr<AgentLeg>> retired_;  // the consulting agent's, after complete

  // Caller care.
  AfterAnnouncement after_announce_ = AfterAnnouncement::hold;
  bool announcing_ = false;  // an announcement plays while waiting
  std::optional<VoicemailRequest> voicemail_;
  std::unique_ptr<Recorder> voicemail_rec_;  // from the end of the closed message
  uint32_t voicemail_ms_ = 0;
  std::optional<SurveyPlan> survey_plan_;  // armed
  std::unique_ptr<SurveyRun> survey_;      // running
  uint64_t care_deadline_ = 0;             // survey answer timer; 0 = off
  std::optional<uint32_t> wait_after_play_;
  bool survey_reported_ = false;
};

}  // namespace tamas::voice
