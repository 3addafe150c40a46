// Caller care: what a voice caller gets besides the agent (issue 6, R16,
// R17, R23, R32, R43).
//
// - Queue announcements: every `announce_every` while a call waits (not
//   while it is offered or bridged), its position and estimated wait, as the
//   engine computes them (Engine::waiting_contact), spoken as words
//   (caller_prompts.h), then the hold prompt again.
// - Callback that keeps the place (virtual hold): when the EWT is at least
//   `callback_offer_ewt`, the announcement ends with "press 1"; on 1 the
//   engine gets CallbackRequest (the contact keeps its place, flagged as a
//   callback), the interaction notes `callback_number`, the caller hears a
//   confirmation and we hang up without abandoning the contact. When it
//   reaches an agent the engine emits start_callback; CallbackDialer
//   (callback_dialer.h) dials the agent, then the customer.
// - After hours: when the engine answers a call's arrival with the
//   voicemail_callback fallback, the caller hears the closed message and a
//   voicemail is recorded (`#` or `voicemail_max_ms`) as
//   <recordings_dir>/voicemail-<interaction>.wav, noted on the interaction;
//   a callback task (a new interaction, channel "callback", with the
//   caller's number and the voicemail) is stored and handed to the engine
//   at the queue's next opening (+ `callback_grace`).
// - Survey: when the strategy has a survey for the call's type (voice
//   channel, sampled), it is armed on the call; when the agent hangs up the
//   caller answers by keys and the answers are stored on the interaction
//   (`fields_json.survey`).
//
// Threads: hooks from VoiceContacts (voice thread, engine thread, intake
// completions) and one announcer thread (start/stop) that asks the engine
// through Switchboard::inspect. Stop it before the Switchboard.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "channels/voice/voice_server.h"
#include "core/time.h"
#include "services/intake/intake.h"
#include "services/switchboard/switchboard.h"
#include "strategy/model.h"

namespace tamas::voice {

struct CallerCareOptions {
  std::string language = "fa";  // of the prompts (the voice plan's language)
  // From the strategy's `voice:` section (care_options_from() in
  // strategy_voice.h); these defaults are the section's.
  Duration first_announcement{std::chrono::seconds(10)};  // after queueing
  Duration announce_every{std::chrono::seconds(30)};
  bool announce_position = true;  // say the caller's position
  bool announce_wait = true;      // say the estimated wait
  bool offer_callback = true;
  Duration callback_offer_ewt{std::chrono::seconds(120)};  // offer at or above this EWT
  uint32_t voicemail_max_ms = 120000;
  std::string recordings_dir = "var/recordings";
  Duration callback_grace{std::chrono::seconds(1)};  // after the opening
};

// A callback task: an after-hours voicemail's, or a retry of an outbound
// callback that failed. It is stored at once (an open interaction, channel
// "callback") but joins its queue only at `due`: until then the stored row
// names no queue (fields_json.callback_queue keeps it), so a restart's
// recovery leaves it out and CallerCare::adopt() waits for `due` again.
struct CallbackTask {
  std::string interaction;       // the task's own interaction, once stored
  std::string from_interaction;  // the call that left the voicemail
  std::string entry_point, type, queue;
  std::string number;     // the caller's number to call back
  std::string voicemail;  // WAV path; empty when nothing was recorded
  Instant due{};          // the queue's next opening (a retry: the retry's time)
  int attempt = 1;        // 2, 3, ...: a retry of an outbound callback that failed
  bool in_queue = false;  // handed to the engine (after a restart: by the recovery)
};

// What caller care needs from the store (store_caller_care() gives the real
// one). Any thread; may answer later on another thread.
struct CallerCareStore {
  // Merges the members of `json_object` (a JSON object text) into the
  // interaction's fields_json.
  std::function<void(const std::string& interaction, const std::string& json_object)> note;
  // Stores the task as a new open interaction; answers its id ("" if failed).
  // The row names no queue until the task is handed to the engine.
  std::function<void(const CallbackTask& task, std::function<void(std::string)> done)> add_callback;
  // The task is being handed to the engine now: its row gets its queue and
  // arrival time, so from now on a restart's recovery re-queues it. Optional.
  std::function<void(const std::string& interaction, const std::string& queue)> handed_over;
};

// The first instant >= now at which `queue` is open (nullopt: always / never).
using NextOpening = std::function<std::optional<Instant>(const std::string& queue, Instant now)>;

class CallerCare {
 public:
  // `strategy`, `switchboard` and `clock` must outlive this.
  CallerCare(const strategy::Strategy& strategy, services::Switchboard& switchboard,
             const Clock& clock, CallerCareOptions options, CallerCareStore store,
             NextOpening next_opening);
  ~CallerCare();  // stop()s
  CallerCare(const CallerCare&) = delete;
  CallerCare& operator=(const CallerCare&) = delete;

  void attach(VoiceServer* server);  // before calls arrive
  void start();                      // the announcer thread
  void stop();                       // idempotent; before the Switchboard stops

  // Hooks (VoiceContacts calls them).
  void add_events(VoiceEvents& ev);  // on_waiting_digit, on_voicemail, on_survey
  void routed(const CallInfo& call);
  void queued(uint64_t call_id, const services::IntakeReceipt& receipt);
  void ended(uint64_t call_id);
  // Stores `task` as a new callback interaction and hands it to the engine
  // at task.due (voicemails, and retries of outbound callbacks). Any thread.
  void queue_callback(CallbackTask task);
  // Callback tasks found open in the store after a restart
  // (open_callback_tasks() in store_care.h). Those `in_queue` were re-queued
  // to the engine by the recovery; the others (a retry or a voicemail's task
  // not yet due when the server stopped) are handed to the engine at their
  // `due`, at once if it has passed. Either way their offers are then
  // dialled like the tasks this CallerCare stored (attempts go on from the
  // stored count), each once. Any thread; before the engine offers them to
  // a phone.
  void adopt(std::vector<CallbackTask> tasks);
  // A callback task this CallerCare stored (the engine offers those with a
  // plain `offer`, virtual-hold callbacks with start_callback). Any thread.
  bool is_callback_task(const std::string& interaction) const;
  bool keeps_contact(uint64_t call_id) const;  // callback requested: no abandon
  bool takes_over(uint64_t call_id) const;     // voicemail: completion does not hang up
  void survey_started(uint64_t call_id);       // no more announcements
  void on_engine_event(const services::ResolvedEvent& e);

  // What happened, for tests and metrics.
  struct Announced {
    uint64_t call_id = 0;
    int position = 0;
    Duration ewt{0};
    bool callback_offered = false;
    std::vector<std::string> prompts;
  };
  std::vector<Announced> announcements() const;
  std::vector<CallbackTask> callback_tasks() const;    // stored (posted or pending)
  std::vector<std::string> callbacks_started() const;  // start_callback contacts

 private:
  struct CallCare {
    CallInfo info;
    std::string interaction, type, queue;
    Instant next_announce{};
    bool queued = false, ended = false;
    bool callback_offered = false, callback_requested = false;
    bool voicemail = false, survey_started = false;
  };
  void run();
  void announce_due(Instant now);
  void post_due_callbacks(Instant now);
  void announce(uint64_t call_id, const std::string& interaction, Instant now);
  void on_waiting_digit(const CallInfo& call, char digit);
  void on_voicemail(const CallInfo& call, const VoicemailReport& report);
  void on_survey(const CallInfo& call, const std::string& survey, const SurveyAnswers& answers);
  void start_voicemail(uint64_t call_id, const std::string& interaction);

  const strategy::Strategy& strategy_;
  services::Switchboard& switchboard_;
  const Clock& clock_;
  CallerCareOptions options_;
  CallerCareStore store_;
  NextOpening next_opening_;
  VoiceServer* server_ = nullptr;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
  std::map<uint64_t, CallCare> calls_;
  std::map<std::string, uint64_t> by_interaction_;
  std::deque<std::string> early_after_hours_;  // voicemail fallbacks before queued()
  std::vector<Announced> announced_;
  std::vector<CallbackTask> tasks_;
  std::vector<size_t> pending_;  // indexes into tasks_ not yet posted
  std::vector<std::string> started_;
};

}  // namespace tamas::voice
