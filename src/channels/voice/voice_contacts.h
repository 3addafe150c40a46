// Calls as contacts: when a caller finishes the IVR, the call becomes a voice
// interaction (committed through Intake) and waits in the engine's queue
// while the caller hears the hold prompt. A caller who hangs up while
// waiting is counted as abandoned; a call the engine completes (its agent
// ended it, or it was turned away: closed, no agents, queue full) is hung up.
//
// Agents: when the engine offers one of our calls to an agent, the agent's
// phone (AgentDevices::find) rings with our ring timeout. Answered → the
// engine gets AcceptOffer and the legs are bridged and recorded as
// <recordings_dir>/<interaction>.wav; busy/declined, not answered in time, or
// unreachable → RejectOffer (the engine puts that agent not ready, as for its
// own RONA, and offers the call again). An offer the engine revokes (its own
// RONA, the caller left) cancels the ringing phone; a transfer drops the
// agent leg and the caller waits on hold for the next offer. Either side
// hanging up a bridged call ends the contact (ContactEnd: wrap-up).
//
// Threads: on_route/on_call_ended/on_agent_leg run on the voice thread,
// on_engine_event on the engine thread, intake completions and device
// look-ups wherever the injected functions answer; the call table is guarded
// by a mutex.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "channels/voice/caller_care.h"
#include "channels/voice/voice_server.h"
#include "services/intake/intake.h"
#include "services/switchboard/switchboard.h"

namespace tamas::voice {

// What the app provides about agents' phones.
struct AgentDevices {
  using Found = std::function<void(std::optional<std::string> sip_uri)>;
  // The SIP URI of the device of engine agent `agent` (the username), or
  // nullopt. May answer later and on any thread; must not block the caller
  // (it is called on the engine thread).
  std::function<void(const std::string& agent, Found found)> find;
  // Where the recording of an interaction ("I-000123") is and which agent
  // (username) handled it; e.g. stored in the interaction's fields (the
  // recording endpoint lets that agent listen). Optional; any thread.
  std::function<void(const std::string& interaction, const std::string& path,
                     const std::string& agent)>
      recorded;
};

struct AgentLegOptions {
  std::string recordings_dir = "var/recordings";  // empty: no recordings
  uint32_t ring_ms = 20000;
};

// The desk's attended (consult) transfer (voice_consult.cc, docs/voice.md
// "Consult transfer"). Exactly one of the target's fields is set.
struct ConsultTarget {
  std::string agent;   // an agent signed in to the contact centre
  std::string queue;   // the first ready agent serving that queue (watch_logins)
  std::string number;  // a number dialled through the outbound gateway
};
// One step of a consult, for the consulting agent's feed (topic
// "agent/<agent>") and the interaction's timeline.
struct ConsultNotice {
  std::string agent;        // the consulting agent
  std::string interaction;  // "I-000123"
  std::string type;         // consult_started, consult_answered, consult_ended, consult_completed
  std::string json;         // {"contact":..,"target":{..},"reason"?:..,"status"?:..}
  std::string history;      // this interaction's consult notices so far, a JSON array
};
struct ConsultOptions {
  std::string gateway;  // "host:port" numbers are dialled through; empty: no number targets
  uint32_t ring_ms = 20000;
  // Any thread (the caller's, the engine's or the voice thread); must be quick.
  std::function<void(const ConsultNotice&)> notify;
};

class VoiceContacts {
 public:
  VoiceContacts(services::Intake& intake, services::Switchboard& switchboard)
      : intake_(intake), switchboard_(switchboard) {}

  // The server whose calls these are; set once before calls arrive.
  void attach(VoiceServer* server);
  // Agents' phones; without them offers never ring a phone. Before calls arrive.
  void use_devices(AgentDevices devices, AgentLegOptions options);
  // Caller care (announcements, callback, voicemail, survey); optional, set
  // before events(). Must outlive this.
  void use_care(CallerCare* care);
  // VoiceEvents for that server.
  VoiceEvents events();
  // A Switchboard subscriber.
  void on_engine_event(const services::ResolvedEvent& e);

  // Partners' lines (partner id → SIP URI) for transfer_to_partner. Before
  // calls arrive.
  void use_partners(std::map<std::string, std::string> uris);
  // The desk: `agent`, who has the call `interaction`, hands the caller to a
  // partner's line (voice_partner.cc). The caller is bridged to an outbound
  // leg to the partner (VoiceServer::transfer_out), the agent's leg is hung
  // up and the contact ends (ContactEnd: the agent goes to wrap-up); the
  // call is no longer a contact of ours. Errors: not_found (not
  // one of our calls, or an unknown partner), permission_denied (another
  // agent's call). Any thread.
  Status transfer_to_partner(const std::string& interaction, const std::string& agent,
                             const std::string& partner);
  // Consult transfers (voice_consult.cc). use_consult before calls arrive;
  // watch_logins before the switchboard starts (it observes AgentLogin and
  // AgentLogout commands to know the queues each agent serves).
  void use_consult(ConsultOptions options);
  void watch_logins();
  using ConsultDone = std::function<void(const Status&)>;
  // `agent`, bridged to the caller of `interaction`, consults `to`: the
  // caller goes on hold and the target's phone rings (VoiceServer::consult).
  // `done` answers once the consult is ringing, or with the error:
  // not_found (not a call of ours), permission_denied (another agent's
  // call), conflict (not bridged to the agent, or a consult already runs),
  // invalid_argument (not exactly one target, the agent itself, an agent not
  // signed in, a bad number, no ready agent in the queue), unavailable (no
  // outbound gateway for numbers). What the phone then does comes as
  // notices. Any thread; `done` may run on the engine thread.
  void consult(const std::string& interaction, const std::string& agent, const ConsultTarget& to,
               ConsultDone done);
  // The consult leg is hung up and the caller is back with the agent.
  // Errors as above; conflict when no consult runs.
  Status cancel_consult(const std::string& interaction, const std::string& agent);
  // The caller is bridged to the consulted party and the agent's leg hung up.
  // An agent target gets the contact (engine TransferToAgent: the agent goes
  // to wrap-up, the consulted agent's offer is accepted without ringing
  // again, the recording goes on); a number ends the contact (ContactEnd)
  // like transfer_to_partner. conflict when no consult runs or it has not
  // been answered yet, or when the engine refuses the transfer.
  void complete_consult(const std::string& interaction, const std::string& agent, ConsultDone done);
  // Calls currently known (routed and not yet ended); for tests and metrics.
  size_t calls() const;

 private:
  void ring_consulted(uint64_t call_id, AgentDial dial, const Status& begun, ConsultDone done);
  struct CallState;
  // The call whose running consult is with `party`, or null. mutex_ held.
  CallState* consulting(uint64_t call_id, const std::string& party);
  struct ConsultRun {
    std::string by;     // the consulting agent
    ConsultTarget to;   // as asked
    std::string party;  // the leg's id: the consulted agent, or "line:<number>"
    bool answered = false;
    bool completing = false;  // TransferToAgent posted
    bool dialled = false;     // handed to the voice thread (VoiceServer::consult)
  };
  struct CallState {
    std::string interaction;  // empty until the intake committed it
    bool ended = false;       // the caller hung up before the commit
    std::string offered;      // the agent whose phone we ring (or who has it)
    bool bridged = false;     // the offered agent's phone answered and is up
    std::optional<ConsultRun> consult;
    std::string consult_history;  // JSON array text of the consult notices
  };
  struct SeenAgent {
    engine::AgentStatus status = engine::AgentStatus::logged_out;
    std::vector<std::string> queues;  // from its AgentLogin (watch_logins)
  };
  void on_route(const CallInfo& call, const IvrResult& result);
  void on_call_ended(const CallInfo& call, std::string_view reason);
  void committed(uint64_t call_id, const services::IntakeOutcome& outcome);
  void leave_queue(const std::string& interaction);
  void on_agent_leg(const CallInfo& call, const AgentLegReport& report);
  void survey_started(const CallInfo& call);  // the agent hung up: the contact ends
  void offered(const services::ResolvedEvent& e);
  void held(const services::ResolvedEvent& e, bool on);  // the desk's hold/resume
  // Consult (voice_consult.cc).
  void on_consult(const CallInfo& call, const ConsultReport& report);
  void agent_seen(const services::ResolvedEvent& e);  // agent_state_changed
  // The engine moved a completing consult's contact to the consulted agent:
  // true when handled (the voice legs are swapped, nothing is dropped).
  bool consult_transferred(const services::ResolvedEvent& e);
  // The consulted agent's offer of a completed consult: accepted at once.
  bool consult_offered(uint64_t call_id, const std::string& contact, const std::string& agent);
  // REQUIRES mutex_. The call `agent` may consult on, or the error.
  Result<uint64_t> consult_call(const std::string& interaction, const std::string& agent);
  // REQUIRES mutex_. Records a notice in the call's history and returns it.
  ConsultNotice notice(CallState& call, const std::string& type, boost::json::object body);
  void publish(const ConsultNotice& n);
  void offered(uint64_t call_id, const std::string& contact, const std::string& agent);
  void dial(uint64_t call_id, const std::string& agent, const std::string& interaction,
            std::optional<std::string> uri);
  // The call and its interaction when `agent` is the one offered it.
  std::optional<std::pair<uint64_t, std::string>> offered_call(const std::string& interaction,
                                                               const std::string& agent);

  services::Intake& intake_;
  services::Switchboard& switchboard_;
  VoiceServer* server_ = nullptr;
  // Set once at start-up while the engine thread may already run.
  std::atomic<CallerCare*> care_{nullptr};
  CallerCare* care() const { return care_.load(std::memory_order_acquire); }
  AgentDevices devices_;
  AgentLegOptions options_;
  std::map<std::string, std::string> partner_uris_;  // guarded by mutex_

  mutable std::mutex mutex_;
  std::unordered_map<uint64_t, CallState> calls_;                  // by call id
  std::unordered_map<std::string, uint64_t> call_of_interaction_;  // "I-000001" -> call id
  // Offers of contacts we do not know (yet): the intake posts a call to the
  // engine before telling us its interaction id, so its first offer may come
  // first. The latest few, by contact; other channels' offers age out.
  std::deque<std::pair<std::string, std::string>> early_offers_;  // contact, agent
  ConsultOptions consult_options_;                                // guarded by mutex_
  std::map<std::string, SeenAgent> agents_;                       // guarded by mutex_
};

}  // namespace tamas::voice
