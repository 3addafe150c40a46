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
  // Calls currently known (routed and not yet ended); for tests and metrics.
  size_t calls() const;

 private:
  struct CallState {
    std::string interaction;  // empty until the intake committed it
    bool ended = false;       // the caller hung up before the commit
    std::string offered;      // the agent whose phone we ring (or who has it)
  };
  void on_route(const CallInfo& call, const IvrResult& result);
  void on_call_ended(const CallInfo& call, std::string_view reason);
  void committed(uint64_t call_id, const services::IntakeOutcome& outcome);
  void leave_queue(const std::string& interaction);
  void on_agent_leg(const CallInfo& call, const AgentLegReport& report);
  void survey_started(const CallInfo& call);  // the agent hung up: the contact ends
  void offered(const services::ResolvedEvent& e);
  void held(const services::ResolvedEvent& e, bool on);  // the desk's hold/resume
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
};

}  // namespace tamas::voice
