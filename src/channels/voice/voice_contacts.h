// Calls as contacts: when a caller finishes the IVR, the call becomes a voice
// interaction (committed through Intake) and waits in the engine's queue
// while the caller hears the hold prompt. A caller who hangs up while
// waiting is counted as abandoned; a call the engine completes (its agent
// ended it, or it was turned away: closed, no agents, queue full) is hung up.
//
// Bridging the caller to an agent's phone is not done here yet: a voice
// contact an agent accepts stays with the caller on hold until either side
// ends it (docs/voice.md).
//
// Threads: on_route/on_call_ended run on the voice thread, on_engine_event
// on the engine thread, intake completions on the store writer's thread;
// the call table is guarded by a mutex.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "channels/voice/voice_server.h"
#include "services/intake/intake.h"
#include "services/switchboard/switchboard.h"

namespace tamas::voice {

class VoiceContacts {
 public:
  VoiceContacts(services::Intake& intake, services::Switchboard& switchboard)
      : intake_(intake), switchboard_(switchboard) {}

  // The server whose calls these are; set once before calls arrive.
  void attach(VoiceServer* server);
  // VoiceEvents for that server.
  VoiceEvents events();
  // A Switchboard subscriber.
  void on_engine_event(const services::ResolvedEvent& e);

  // Calls currently known (routed and not yet ended); for tests and metrics.
  size_t calls() const;

 private:
  struct CallState {
    std::string interaction;  // empty until the intake committed it
    bool ended = false;       // the caller hung up before the commit
  };
  void on_route(const CallInfo& call, const IvrResult& result);
  void on_call_ended(const CallInfo& call, std::string_view reason);
  void committed(uint64_t call_id, const services::IntakeOutcome& outcome);
  void leave_queue(const std::string& interaction);

  services::Intake& intake_;
  services::Switchboard& switchboard_;
  VoiceServer* server_ = nullptr;

  mutable std::mutex mutex_;
  std::unordered_map<uint64_t, CallState> calls_;                  // by call id
  std::unordered_map<std::string, uint64_t> call_of_interaction_;  // "I-000001" -> call id
};

}  // namespace tamas::voice
