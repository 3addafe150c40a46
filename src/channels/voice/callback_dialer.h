// Outbound callbacks (issue 6, R32, R43): when the engine hands a callback
// contact to an agent (start_callback: a virtual-hold callback that kept its
// place; offer of a callback task CallerCare stored: a voicemail's or a
// retry), tamas dials the agent's phone
// first; when the agent answers the engine gets AcceptOffer and tamas dials
// the customer's number through the outbound gateway
// (sip:<number>@<gateway>); both legs are bridged and recorded as
// <recordings_dir>/<interaction>.wav.
//
// Outcomes, stored on the interaction as fields_json.callback_result =
// {"attempt": n, "outcome": answered|busy|rejected|no_answer|failed|
// agent_hung_up, "status": SIP status}:
// - The agent's phone does not take it (busy, no answer, unreachable) →
//   RejectOffer: the engine puts that agent not ready and offers the
//   callback to the next agent, as for a call.
// - The customer answered → bridged; either side hanging up → ContactEnd.
// - The customer's line is busy, does not answer, or the call fails (or the
//   agent hangs up first) → tamas hangs up the agent (ContactEnd, wrap-up)
//   and, while attempts remain (`max_attempts`), a retry is queued: a new
//   callback interaction (callback_of = this one, callback_attempt n+1)
//   handed to the engine `retry_interval` later. After the last attempt the
//   task ends with callback_final = "<outcome> after <n> attempts".
//
// Threads: on_engine_event on the engine thread, on_outbound on the voice
// thread, look-ups answer on any thread; state is guarded by a mutex.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "channels/voice/caller_care.h"
#include "channels/voice/voice_contacts.h"
#include "channels/voice/voice_server.h"
#include "services/switchboard/switchboard.h"

namespace tamas::voice {

struct CallbackOptions {
  // The outbound trunk or gateway, "host:port" (an IP host). Empty:
  // callbacks are not dialled by tamas (logged; the desk handles them).
  std::string gateway;
  std::string caller_id;  // From user the customer sees; empty: "tamas"
  int max_attempts = 3;
  Duration retry_interval{std::chrono::minutes(5)};
  uint32_t agent_ring_ms = 20000;
  uint32_t customer_ring_ms = 30000;
  std::string recordings_dir = "var/recordings";  // empty: not recorded
};

// A callback contact as stored: whom to call and which attempt this is.
struct CallbackTarget {
  std::string number;
  int attempt = 1;
  std::string type, queue, entry_point;
};

// What the dialer needs from the store (store_callback_lookup() in
// store_care.h gives the real one). Any thread; may answer later elsewhere.
struct CallbackStore {
  std::function<void(const std::string& interaction,
                     std::function<void(std::optional<CallbackTarget>)> found)>
      target;
  // Merges a JSON object's members into the interaction's fields_json.
  std::function<void(const std::string& interaction, const std::string& json_object)> note;
};

class CallbackDialer {
 public:
  // `switchboard` and `care` (for retries) must outlive this.
  CallbackDialer(services::Switchboard& switchboard, CallerCare& care, const Clock& clock,
                 CallbackOptions options, CallbackStore store, AgentDevices devices);

  void attach(VoiceServer* server);  // before calls
  void add_events(VoiceEvents& ev);  // on_outbound
  void on_engine_event(const services::ResolvedEvent& e);

 private:
  struct Dialling {
    std::string agent;
    uint64_t outbound = 0;  // 0 until dialled
    CallbackTarget target;
    bool connected = false;  // the customer answered
    bool accepted = false;   // AcceptOffer posted
  };
  void start(const std::string& contact, const std::string& agent);
  void dial(const std::string& contact, const std::string& agent, CallbackTarget target,
            std::optional<std::string> uri);
  void on_outbound(const OutboundReport& r);
  void attempt_failed(const std::string& contact, const Dialling& d, const std::string& outcome,
                      uint16_t status);
  void note(const std::string& contact, int attempt, const std::string& outcome, uint16_t status,
            const std::string& extra_key = "", const std::string& extra = "");
  std::optional<std::string> contact_of(uint64_t outbound);

  services::Switchboard& switchboard_;
  CallerCare& care_;
  const Clock& clock_;
  CallbackOptions options_;
  CallbackStore store_;
  AgentDevices devices_;
  VoiceServer* server_ = nullptr;

  std::mutex mutex_;
  std::map<std::string, Dialling> dialling_;  // by contact (interaction id)
};

}  // namespace tamas::voice
