// VoiceServer: tamas's SIP user agent for incoming calls. It answers the
// configured entry-point numbers, runs each call's IVR with prompts played as
// 20 ms G.711 RTP and DTMF read from RFC 4733 events or SIP INFO, and hands
// the IVR's outcome to the embedder.
//
// Threads
// - start() spawns one voice thread that owns every SIP/RTP object (libre is
//   single-threaded). Nothing else touches them: public calls from other
//   threads (hangup, stop) are queued to that thread.
// - VoiceEvents callbacks run on the voice thread. They must be quick and must
//   not call stop() or destroy the server; post to your own queue instead.
//
// Lifetime: stop() (or the destructor) hangs up every call with BYE, waits up
// to ~2 s for the BYE transactions, frees all SIP/RTP state and joins.
//
// This header does not include libre: other layers may include it freely.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "channels/voice/ivr.h"
#include "channels/voice/prompt.h"
#include "channels/voice/survey.h"
#include "core/result.h"

namespace tamas::voice {

// A number callers dial. The request-URI user (or else the To user) selects it.
struct VoiceEntryPoint {
  std::string number;                     // e.g. "1560"
  std::string id;                         // the strategy's entry point id
  std::shared_ptr<const IvrProgram> ivr;  // required
  std::string hold_prompt;                // played in a loop after routing; empty = silence
  std::string transferring_prompt;        // played before a transfer (see docs/voice.md)
  std::string goodbye_prompt;             // played before we hang up; empty = hang up at once
  // The hold prompt is music: it goes on where it left off (per call) when
  // it comes back after an announcement, the desk's hold or an agent leg,
  // instead of starting again. A spoken hold prompt starts from its
  // beginning each time.
  bool hold_is_music = false;
};

struct VoiceConfig {
  std::vector<VoiceEntryPoint> entry_points;
  std::shared_ptr<const PromptSet> prompts;  // every prompt id above and in the IVRs
  uint16_t rtp_port_min = 16384;             // RTP ports are picked at random in this range
  uint16_t rtp_port_max = 32767;
  int max_calls = 2000;  // further INVITEs get 503
  std::string user_agent = "tamas";
  // Registrar for agents' phones (registrar.h): the digest realm (stored HA1s
  // are per realm) and the accepted registration lifetimes.
  std::string sip_realm = "tamas";
  uint32_t min_register_expires = 60;
  uint32_t max_register_expires = 3600;
  std::string nonce_secret;  // empty: a random one per start
  // Partners' lines (R31): partner id → SIP URI (e.g. its number at the
  // outbound gateway). An IVR `transfer` to a partner listed here bridges the
  // caller to that line; an unlisted one says "transferring" and hangs up.
  std::map<std::string, std::string> partner_uris;
  uint32_t partner_ring_ms = 30000;
};

// Identifies a call to the embedder.
struct CallInfo {
  uint64_t id = 0;  // unique within this server
  std::string sip_call_id;
  std::string entry_number;
  std::string entry_id;
  std::string caller;  // From user part (caller id), may be empty
};

// Dialling an agent's phone for a waiting caller (VoiceServer::dial_agent).
struct AgentDial {
  std::string agent;           // the engine's agent id, echoed in reports
  std::string uri;             // the agent's static device, e.g. "sip:alice@10.0.0.5:5060";
                               // a phone registered for `agent` (the username) wins
  uint32_t ring_ms = 20000;    // our own ring timeout (UDP timer B would be ~32 s)
  std::string recording_path;  // stereo WAV of the bridged call; empty = not recorded
};

enum class AgentLegOutcome {
  answered,   // the legs are bridged
  rejected,   // the phone answered with a failure status (486 busy, 603 decline, ...)
  no_answer,  // our ring timeout: the INVITE is cancelled
  failed,     // no route, bad answer SDP, transport error, or the call cannot take a leg
  hung_up,    // the agent hung up a bridged call (tamas hangs up the caller too)
};
const char* to_string(AgentLegOutcome o);

struct AgentLegReport {
  std::string agent;
  AgentLegOutcome outcome = AgentLegOutcome::failed;
  uint16_t status = 0;  // SIP status for `rejected`
};

// The SIP URI of an outside `number` through the outbound `gateway`
// ("host:port"): callbacks, partner lines and consults to numbers.
inline std::string gateway_uri(const std::string& number, const std::string& gateway) {
  return "sip:" + number + "@" + gateway;
}

// An outbound call placed by tamas (VoiceServer::dial_out), e.g. a callback:
// the agent's phone first, then — once the agent answered — the customer's
// number through the outbound gateway; both legs are bridged through tamas
// (PCMU/PCMA transcoded) and recorded (customer left, agent right).
struct OutboundDial {
  std::string agent;         // the engine's agent id; a phone registered for it wins
  std::string agent_uri;     // static device, as AgentDial::uri
  std::string customer_uri;  // e.g. "sip:09121234567@10.0.0.1:5060" (the gateway)
  std::string caller_id;     // From user shown to the customer; empty: "tamas"
  uint32_t agent_ring_ms = 20000;
  uint32_t customer_ring_ms = 30000;
  std::string recording_path;  // empty: not recorded
};
enum class OutboundStage { agent, customer };
// Reports of an outbound call, in this order: agent answered (or the agent
// leg's failure: end), customer answered (or the customer leg's failure: tamas
// hangs up the agent, end), then hung_up (either side of the bridge: tamas
// hangs up the other, end). `stage` says which leg. Also `failed` when the
// agent hangs up before the customer answered (stage agent, hung_up).
struct OutboundReport {
  uint64_t id = 0;
  std::string agent;
  OutboundStage stage = OutboundStage::agent;
  AgentLegOutcome outcome = AgentLegOutcome::failed;
  uint16_t status = 0;  // SIP status for `rejected`
  bool over = false;    // the outbound call is finished (no further report)
};
const char* to_string(OutboundStage s);

// Caller care (caller_care.h, docs/voice.md "Caller care"): a voicemail
// recorded after hours. Mono 8 kHz 16-bit WAV of what the caller said after
// the closed message, until `#`, max_ms, or the caller's BYE.
struct VoicemailRequest {
  std::vector<std::string> prompts;  // the closed message, played first (no barge-in)
  std::string path;                  // where the WAV goes (its directory is created)
  uint32_t max_ms = 120000;
  std::string goodbye_prompt;  // after `#` or max_ms, before our BYE; may be empty
};
struct VoicemailReport {
  std::string path;
  uint32_t recorded_ms = 0;       // caller audio written (0: nothing was recorded)
  bool finished_by_hash = false;  // else max length or the caller hung up
};

// An attended (consult) transfer (VoiceServer::consult, docs/voice.md
// "Consult transfer"): the consulted party answered, the consult ended
// without a transfer (cancelled, not answered, rejected, failed, the
// consulted party or the consulting agent hung up), or it was completed
// (the caller now talks to the consulted party).
enum class ConsultStage { answered, ended, completed };
const char* to_string(ConsultStage s);
struct ConsultReport {
  std::string target;  // the consult's AgentDial::agent
  ConsultStage stage = ConsultStage::ended;
  std::string reason;   // ended: cancelled, rejected, no_answer, failed, hung_up, agent_left
  uint16_t status = 0;  // SIP status for `rejected`
};

struct VoiceEvents {
  // The IVR finished (every outcome is reported, for the IVR statistics).
  // Afterwards: route, set_type, agent → the call waits with the hold prompt
  // until the embedder acts (today: hangup()); transfer → transferring
  // prompt, then BYE (no real transfer yet); hangup → goodbye, then BYE.
  // Voice thread.
  std::function<void(const CallInfo&, const IvrResult&)> on_route;
  // A call ended (either side, or the server stopping). Voice thread.
  std::function<void(const CallInfo&, std::string_view reason)> on_call_ended;
  // What became of a dial_agent() (once per dial, plus hung_up after
  // answered). Not reported for legs the embedder dropped. Voice thread.
  std::function<void(const CallInfo&, const AgentLegReport&)> on_agent_leg;
  // Caller care. Voice thread. A key the caller pressed while waiting after
  // the IVR (not bridged): e.g. "1" for a callback.
  std::function<void(const CallInfo&, char digit)> on_waiting_digit;
  // A voicemail ended (recorded or not). Once per record_voicemail().
  std::function<void(const CallInfo&, const VoicemailReport&)> on_voicemail;
  // The agent hung up and the caller was taken to the survey (the contact
  // with the agent is over; the call is not).
  std::function<void(const CallInfo&)> on_survey_started;
  // The survey ended (last answer, or the caller hung up): the answers given.
  std::function<void(const CallInfo&, const std::string& survey, const SurveyAnswers&)> on_survey;
  // What became of an outbound call (dial_out). Voice thread.
  std::function<void(const OutboundReport&)> on_outbound;
  // What became of a consult (VoiceServer::consult). Voice thread.
  std::function<void(const CallInfo&, const ConsultReport&)> on_consult;
  // The registrar asks for the HA1 (MD5 of "user:realm:password", hex) of a
  // phone's user, e.g. from the store. `answer` may be called later and on
  // any thread, exactly once; nullopt = no such user or no SIP password.
  // Called on the voice thread; must not block. Unset: every REGISTER is
  // refused (403).
  using Ha1Answer = std::function<void(std::optional<std::string> ha1)>;
  std::function<void(const std::string& user, Ha1Answer answer)> sip_credentials;
  // A phone registered `contact` for `user` for `expires_s` seconds, or
  // removed its binding (expires_s 0, contact empty). Voice thread.
  std::function<void(const std::string& user, const std::string& contact, uint32_t expires_s)>
      on_registered;
};

// What a call does once an announcement has played.
enum class AfterAnnouncement { hold, hangup };

class VoiceServer {
 public:
  // REQUIRES: every prompt id the config names is in config.prompts (checked
  // by start()).
  VoiceServer(VoiceConfig config, VoiceEvents events);
  ~VoiceServer();  // stop()s
  VoiceServer(const VoiceServer&) = delete;
  VoiceServer& operator=(const VoiceServer&) = delete;

  // Listens for SIP on UDP and TCP at addr:port (port 0: an ephemeral port,
  // the same number for both transports). Returns when listening, or the
  // error. Call once, from the owning thread.
  Status start(const std::string& addr, uint16_t port);
  // Idempotent. Not from a VoiceEvents callback.
  void stop();

  uint16_t udp_port() const;  // REQUIRES: started
  uint16_t tcp_port() const;  // REQUIRES: started

  // Any thread. Hangs up the call (BYE) if it still exists.
  void hangup(uint64_t call_id);
  // Any thread. Rings the agent's phone for a call waiting after its IVR; the
  // caller keeps hearing the hold prompt until the agent answers, then the
  // legs are bridged (RTP relayed through tamas, transcoded between PCMU and
  // PCMA when the phones differ) and recorded. Reported by on_agent_leg; a
  // call that is gone is silently ignored, one that already has a leg
  // reports `failed`.
  void dial_agent(uint64_t call_id, AgentDial dial);
  // Any thread. Cancels the agent leg (ringing) or hangs it up (bridged: the
  // caller goes back to the hold prompt). Empty `agent` = whichever leg.
  void drop_agent(uint64_t call_id, std::string agent);
  // Caller care; any thread; ignored for calls that are gone.
  // Plays `prompts` once to a call waiting after its IVR (not bridged), then
  // the hold prompt again (hold) or BYE (hangup). A later announcement
  // replaces one still playing.
  void announce(uint64_t call_id, std::vector<std::string> prompts,
                AfterAnnouncement after = AfterAnnouncement::hold);
  // Turns a waiting call into a voicemail (VoicemailRequest); reported by
  // on_voicemail, then the call ends with our BYE.
  void record_voicemail(uint64_t call_id, VoicemailRequest request);
  // Arms a survey: when the agent hangs up a bridged call, the caller hears
  // the survey instead of our BYE (on_survey_started, then on_survey).
  void set_survey(uint64_t call_id, SurveyPlan plan);
  // The contact is over (the engine completed it as handled): run the armed
  // survey (dropping an agent leg still up) or else hang up. A call already
  // in its survey carries on.
  void finish_call(uint64_t call_id);
  // Any thread. Puts a bridged call on hold (on) or back (off): on hold the
  // caller hears the hold prompt and no audio is relayed either way; the
  // agent's leg stays up (no re-INVITE: its phone just hears silence).
  void hold(uint64_t call_id, bool on);
  // Any thread. Transfers the caller to an external line (a partner): the
  // agent leg, if any, is hung up and the caller's leg is bridged to a new
  // outbound leg to `uri` (relayed and recorded to `recording_path` like an
  // agent leg; reported by on_agent_leg as agent "partner"). If the partner
  // does not answer, the caller hears the goodbye prompt and is hung up.
  void transfer_out(uint64_t call_id, std::string uri, std::string recording_path = "");
  // Any thread. Attended transfer (consult.cc). consult: the bridged caller
  // goes on hold (hold prompt, nothing relayed) and a second leg rings
  // `dial.uri` (a phone registered for `dial.agent` wins) with `dial.ring_ms`;
  // once it answers, the agent and the consulted party are bridged to each
  // other. Reported by on_consult (answered, then ended or completed; ended
  // failed when the call is not bridged or already consulting).
  // cancel_consult: the consult leg is cancelled or hung up and the caller is
  // bridged to the agent again (ended, reason cancelled). complete_consult:
  // the caller is bridged to the consulted party, the agent's leg gets BYE,
  // the recording goes on; `to_line`: the consulted party is an external
  // line (its hang-up ends the call like transfer_out's). Ignored for calls
  // that are gone.
  void consult(uint64_t call_id, AgentDial dial);
  void cancel_consult(uint64_t call_id);
  void complete_consult(uint64_t call_id, bool to_line);
  // Any thread. Places an outbound call (OutboundDial); returns its id (never
  // 0), reported through on_outbound. hangup_outbound ends it (ringing legs
  // are cancelled, bridged ones get BYE; no report follows).
  uint64_t dial_out(OutboundDial dial);
  void hangup_outbound(uint64_t id);
  // Any thread. Calls currently up (answered and not yet freed).
  size_t active_calls() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Checks that every prompt the entry points and their IVRs name exists.
Status check_prompts(const VoiceConfig& config);

}  // namespace tamas::voice
