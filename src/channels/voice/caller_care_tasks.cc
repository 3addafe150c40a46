// CallerCare: voicemail → callback task at the next opening, survey answers,
// and what tests look at.
#include <algorithm>
#include <boost/json.hpp>

#include "channels/voice/caller_care.h"
#include "core/log.h"

namespace tamas::voice {

void CallerCare::on_voicemail(const CallInfo& call, const VoicemailReport& report) {
  CallbackTask task;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call.id);
    if (it == calls_.end()) return;
    task.from_interaction = it->second.interaction;
    task.type = it->second.type;
    task.queue = it->second.queue;
  }
  task.entry_point = call.entry_id;
  task.number = call.caller;
  if (report.recorded_ms > 0) task.voicemail = report.path;
  const Instant now = clock_.now();
  std::optional<Instant> opening = next_opening_ ? next_opening_(task.queue, now) : std::nullopt;
  task.due = opening.value_or(now) + options_.callback_grace;
  boost::json::object fields;
  fields["voicemail"] = task.voicemail;
  fields["voicemail_ms"] = report.recorded_ms;
  if (store_.note) store_.note(task.from_interaction, boost::json::serialize(fields));
  queue_callback(std::move(task));
}

void CallerCare::queue_callback(CallbackTask task) {
  if (task.number.empty() || !store_.add_callback) {
    log(LogLevel::warn, "voice.callback_not_created", {{"interaction", task.from_interaction}});
    return;
  }
  store_.add_callback(task, [this, task](std::string id) mutable {
    if (id.empty()) {
      log(LogLevel::error, "voice.callback_not_stored", {{"interaction", task.from_interaction}});
      return;
    }
    task.interaction = std::move(id);
    log(LogLevel::info, "voice.callback_task",
        {{"task", task.interaction},
         {"from", task.from_interaction},
         {"number", task.number},
         {"attempt", task.attempt}});
    std::lock_guard lock(mutex_);
    tasks_.push_back(task);
    pending_.push_back(tasks_.size() - 1);
    wake_.notify_all();
  });
}

void CallerCare::adopt(std::vector<CallbackTask> tasks) {
  for (const CallbackTask& t : tasks)
    log(LogLevel::info, "voice.callback_recovered",
        {{"task", t.interaction}, {"number", t.number}, {"attempt", t.attempt}});
  std::lock_guard lock(mutex_);
  for (CallbackTask& t : tasks) {
    tasks_.push_back(std::move(t));
    if (!tasks_.back().in_queue) pending_.push_back(tasks_.size() - 1);  // waits for its due
  }
  wake_.notify_all();
}

void CallerCare::post_due_callbacks(Instant now) {
  std::vector<CallbackTask> due;
  {
    std::lock_guard lock(mutex_);
    std::erase_if(pending_, [&](size_t i) {
      if (tasks_[i].due > now) return false;
      tasks_[i].in_queue = true;
      due.push_back(tasks_[i]);
      return true;
    });
  }
  for (const CallbackTask& t : due) {
    // The row names its queue before the engine can offer the task, so a
    // restart from now on re-queues it rather than waiting for it again.
    if (store_.handed_over) store_.handed_over(t.interaction, t.queue);
    engine::ContactArrive arrive;
    arrive.contact = t.interaction;
    arrive.channel = engine::Channel::callback;
    arrive.type = t.type;
    arrive.queue = t.queue;
    arrive.fields = {{"callback_number", t.number}};
    log(LogLevel::info, "voice.callback_queued", {{"task", t.interaction}, {"queue", t.queue}});
    switchboard_.post(std::move(arrive));
  }
}

void CallerCare::on_survey(const CallInfo& call, const std::string& survey,
                           const SurveyAnswers& answers) {
  std::string interaction;
  {
    std::lock_guard lock(mutex_);
    auto it = calls_.find(call.id);
    if (it == calls_.end()) return;
    interaction = it->second.interaction;
  }
  boost::json::object result;
  result["id"] = survey;
  for (const auto& [question, value] : answers) result[question] = value;
  boost::json::object fields;
  fields["survey"] = std::move(result);
  log(LogLevel::info, "voice.survey_answers",
      {{"interaction", interaction}, {"answers", static_cast<uint64_t>(answers.size())}});
  if (store_.note) store_.note(interaction, boost::json::serialize(fields));
}

std::vector<CallerCare::Announced> CallerCare::announcements() const {
  std::lock_guard lock(mutex_);
  return announced_;
}

bool CallerCare::is_callback_task(const std::string& interaction) const {
  std::lock_guard lock(mutex_);
  return std::any_of(tasks_.begin(), tasks_.end(),
                     [&](const CallbackTask& t) { return t.interaction == interaction; });
}

std::vector<CallbackTask> CallerCare::callback_tasks() const {
  std::lock_guard lock(mutex_);
  return tasks_;
}

std::vector<std::string> CallerCare::callbacks_started() const {
  std::lock_guard lock(mutex_);
  return started_;
}

}  // namespace tamas::voice
