#include "channels/voice/caller_care.h"

#include <algorithm>
#include <boost/json.hpp>

#include "channels/voice/caller_prompts.h"
#include "core/log.h"

namespace tamas::voice {

namespace {
int seconds(Duration d) {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}
}  // namespace

CallerCare::CallerCare(const strategy::Strategy& strategy, services::Switchboard& switchboard,
                       const Clock& clock, CallerCareOptions options, CallerCareStore store,
                       NextOpening next_opening)
    : strategy_(strategy),
      switchboard_(switchboard),
      clock_(clock),
      options_(std::move(options)),
      store_(std::move(store)),
      next_opening_(std::move(next_opening)) {}

CallerCare::~CallerCare() {
  stop();
}

void CallerCare::attach(VoiceServer* server) {
  std::lock_guard lock(mutex_);
  server_ = server;
}

void CallerCare::start() {
  std::lock_guard lock(mutex_);
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void CallerCare::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

void CallerCare::add_events(VoiceEvents& ev) {
  ev.on_waiting_digit = [this](const CallInfo& c, char d) { on_waiting_digit(c, d); };
  ev.on_voicemail = [this](const CallInfo& c, const VoicemailReport& r) { on_voicemail(c, r); };
  ev.on_survey = [this](const CallInfo& c, const std::string& s, const SurveyAnswers& a) {
    on_survey(c, s, a);
  };
}

void CallerCare::routed(const CallInfo& call) {
  std::lock_guard lock(mutex_);
  calls_[call.id].info = call;
}

void CallerCare::queued(uint64_t call_id, const services::IntakeReceipt& receipt) {
  bool after_hours = false;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call_id);
    if (it == calls_.end() || it->second.ended) return;
    CallCare& c = it->second;
    c.interaction = receipt.interaction;
    c.type = receipt.type;
    c.queue = receipt.queue;
    c.queued = true;
    c.next_announce = clock_.now() + options_.first_announcement;
    by_interaction_[c.interaction] = call_id;
    auto early = std::find(early_after_hours_.begin(), early_after_hours_.end(), c.interaction);
    if (early != early_after_hours_.end()) {
      early_after_hours_.erase(early);
      after_hours = true;
    }
  }
  if (after_hours) return start_voicemail(call_id, receipt.interaction);
  auto survey = voice_survey_for(strategy_, receipt.type, receipt.interaction);
  if (survey && server_) server_->set_survey(call_id, std::move(*survey));
}

void CallerCare::ended(uint64_t call_id) {
  std::lock_guard lock(mutex_);
  auto it = calls_.find(call_id);
  if (it == calls_.end()) return;
  by_interaction_.erase(it->second.interaction);
  calls_.erase(it);
}

bool CallerCare::keeps_contact(uint64_t call_id) const {
  std::lock_guard lock(mutex_);
  auto it = calls_.find(call_id);
  return it != calls_.end() &&
         (it->second.callback_requested || it->second.survey_started || it->second.voicemail);
}

void CallerCare::survey_started(uint64_t call_id) {
  std::lock_guard lock(mutex_);
  auto it = calls_.find(call_id);
  if (it != calls_.end()) it->second.survey_started = true;
}

bool CallerCare::takes_over(uint64_t call_id) const {
  std::lock_guard lock(mutex_);
  auto it = calls_.find(call_id);
  return it != calls_.end() && it->second.voicemail;
}

void CallerCare::on_engine_event(const services::ResolvedEvent& e) {
  using engine::EventKind;
  if (e.event.kind == EventKind::start_callback) {
    log(LogLevel::info, "voice.callback_start", {{"contact", e.contact}, {"agent", e.agent}});
    std::lock_guard lock(mutex_);
    started_.push_back(e.contact);
    return;
  }
  if (e.event.kind != EventKind::after_hours_action ||
      e.event.code != static_cast<uint8_t>(engine::FallbackKind::voicemail_callback))
    return;
  uint64_t call_id = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = by_interaction_.find(e.contact);
    if (it == by_interaction_.end()) {
      // The engine may answer before the intake tells us the interaction.
      early_after_hours_.push_back(e.contact);
      if (early_after_hours_.size() > 64) early_after_hours_.pop_front();
      return;
    }
    call_id = it->second;
  }
  start_voicemail(call_id, e.contact);
}

void CallerCare::start_voicemail(uint64_t call_id, const std::string& interaction) {
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call_id);
    if (it == calls_.end() || it->second.voicemail) return;
    it->second.voicemail = true;
  }
  VoicemailRequest r;
  r.prompts = {"care.closed"};
  r.path = options_.recordings_dir + "/voicemail-" + interaction + ".wav";
  r.max_ms = options_.voicemail_max_ms;
  r.goodbye_prompt = "care.voicemail_saved";
  if (server_) server_->record_voicemail(call_id, std::move(r));
}

void CallerCare::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(100));
    if (stopping_) break;
    lock.unlock();
    const Instant now = clock_.now();
    announce_due(now);
    post_due_callbacks(now);
    lock.lock();
  }
}

void CallerCare::announce_due(Instant now) {
  std::vector<std::pair<uint64_t, std::string>> due;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, c] : calls_) {
      if (!c.queued || c.ended || c.callback_requested || c.voicemail || c.survey_started) continue;
      if (now < c.next_announce) continue;
      c.next_announce = now + options_.announce_every;
      due.emplace_back(id, c.interaction);
    }
  }
  for (const auto& [id, interaction] : due) announce(id, interaction, now);
}

void CallerCare::announce(uint64_t call_id, const std::string& interaction, Instant) {
  std::optional<engine::WaitingContact> w;
  switchboard_.inspect([&](const engine::Engine& engine) {
    auto r = engine.waiting_contact(interaction);
    if (r) w = *r;
  });
  if (!w) return;  // offered or with an agent: nothing to announce
  Announced a;
  a.call_id = call_id;
  a.position = w->position;
  a.ewt = w->ewt;
  a.callback_offered = options_.offer_callback && w->ewt >= options_.callback_offer_ewt;
  a.prompts = announcement_prompts(a.position, a.ewt, a.callback_offered, options_.language,
                                   options_.announce_position, options_.announce_wait);
  if (a.prompts.empty()) return;  // the strategy says nothing about the wait
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call_id);
    if (it == calls_.end() || it->second.ended) return;
    if (a.callback_offered) it->second.callback_offered = true;
    announced_.push_back(a);
  }
  log(LogLevel::info, "voice.queue_announcement",
      {{"call", call_id},
       {"interaction", interaction},
       {"position", a.position},
       {"ewt_s", seconds(a.ewt)},
       {"callback_offered", a.callback_offered}});
  if (server_) server_->announce(call_id, std::move(a.prompts));
}

void CallerCare::on_waiting_digit(const CallInfo& call, char digit) {
  std::string interaction;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call.id);
    if (digit != '1' || it == calls_.end() || !it->second.callback_offered ||
        it->second.callback_requested || it->second.interaction.empty())
      return;
    it->second.callback_requested = true;  // from now on the hang-up keeps the contact
    interaction = it->second.interaction;
  }
  const uint64_t id = call.id;
  const std::string number = call.caller;
  switchboard_.post(engine::CallbackRequest{interaction},
                    [this, id, interaction, number](const Status& st, const auto&) {
                      if (!st.ok()) {
                        log(LogLevel::warn, "voice.callback_refused",
                            {{"interaction", interaction}, {"error", st.error().message}});
                        std::lock_guard lock(mutex_);
                        auto it = calls_.find(id);
                        if (it != calls_.end()) {
                          it->second.callback_requested = false;
                        } else {  // the caller left meanwhile and nobody abandoned the contact
                          switchboard_.post(engine::ContactAbandon{interaction});
                        }
                        return;
                      }
                      log(LogLevel::info, "voice.callback_requested",
                          {{"interaction", interaction}, {"number", number}});
                      boost::json::object fields;
                      fields["callback"] = true;
                      fields["callback_number"] = number;
                      if (store_.note) store_.note(interaction, boost::json::serialize(fields));
                      if (server_)
                        server_->announce(id, {"care.callback_ok"}, AfterAnnouncement::hangup);
                    });
}

}  // namespace tamas::voice
