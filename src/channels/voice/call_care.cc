// Call: caller care — announcements while waiting, after-hours voicemail and
// the post-call survey (see VoiceServer::announce, record_voicemail,
// set_survey, finish_call).
#include <vector>

#include "channels/voice/agent.h"
#include "channels/voice/call.h"
#include "core/log.h"

namespace tamas::voice {

namespace {
std::string joined(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : " ") + id;
  return s;
}
}  // namespace

void Call::announce(const std::vector<std::string>& prompts, AfterAnnouncement after) {
  if (dead_ || phase_ != Phase::waiting) return;
  log(LogLevel::info, "voice.announce", {{"call", info_.id}, {"prompts", joined(prompts)}});
  announcing_ = true;
  after_announce_ = after;
  if (after == AfterAnnouncement::hangup) phase_ = Phase::leaving;
  play(prompts, false);
  if (playlist_.empty()) playlist_ended();
}

void Call::record_voicemail(const VoicemailRequest& request) {
  if (dead_) return;
  if (phase_ != Phase::waiting) {
    if (agent_.events().on_voicemail) agent_.events().on_voicemail(info_, {request.path, 0, false});
    return;
  }
  log(LogLevel::info, "voice.voicemail", {{"call", info_.id}, {"path", request.path}});
  phase_ = Phase::voicemail;
  announcing_ = false;
  voicemail_ = request;
  voicemail_ms_ = 0;
  play(request.prompts, false);
  if (playlist_.empty()) care_playlist_ended();
}

void Call::set_survey(const SurveyPlan& plan) {
  if (!dead_) survey_plan_ = plan;
}

void Call::finish_call() {
  if (dead_ || phase_ == Phase::survey || phase_ == Phase::leaving || phase_ == Phase::voicemail)
    return;
  if (leg_ && !leg_over_) {
    if (phase_ == Phase::bridged) unbridge();
    leg_over_ = true;
    agent_.reap_later();
  }
  if (phase_ == Phase::waiting && start_survey()) return;
  hangup("contact ended");
}

void Call::care_digit(char d) {
  switch (phase_) {
    case Phase::waiting:
      log(LogLevel::info, "voice.waiting_digit",
          {{"call", info_.id}, {"digit", std::string(1, d)}});
      if (agent_.events().on_waiting_digit) agent_.events().on_waiting_digit(info_, d);
      return;
    case Phase::voicemail:
      if (d == '#' && voicemail_rec_) end_voicemail(true);
      return;
    case Phase::survey: {
      if (!survey_) return;
      SurveyRun::Step step = survey_->digit(d);
      if (step.play.empty() && !step.wait_ms && !step.done) return;  // nothing to do
      survey_step(step);
      return;
    }
    default:
      return;
  }
}

bool Call::care_playlist_ended() {
  if (phase_ == Phase::waiting && announcing_) {
    announcing_ = false;
    play_hold();  // music goes on where the announcement interrupted it
    return true;
  }
  if (phase_ == Phase::voicemail && voicemail_ && !voicemail_rec_) {
    playlist_.clear();
    voicemail_rec_ = std::make_unique<Recorder>(agent_.recordings(), voicemail_->path, 1);
    log(LogLevel::info, "voice.voicemail_recording", {{"call", info_.id}});
    return true;
  }
  if (phase_ == Phase::survey) {
    playlist_.clear();
    if (wait_after_play_) care_deadline_ = tmr_jiffies() + *wait_after_play_;
    wait_after_play_.reset();
    return true;
  }
  return false;
}

void Call::care_tick(uint64_t now_ms) {
  if (dead_) return;
  if (phase_ == Phase::voicemail && voicemail_rec_) {
    voicemail_rec_->tick();
    voicemail_ms_ += 20;
    if (voicemail_ms_ >= voicemail_->max_ms) end_voicemail(false);
  } else if (phase_ == Phase::survey && care_deadline_ != 0 && now_ms >= care_deadline_) {
    care_deadline_ = 0;
    if (survey_) survey_step(survey_->timeout());
  }
}

void Call::voicemail_audio(struct mbuf* mb) {
  if (!voicemail_rec_) return;
  const size_t n = mbuf_get_left(mb);
  std::vector<int16_t> pcm(n);
  g711_decode(media_.law, mbuf_buf(mb), n, pcm.data());
  voicemail_rec_->caller(pcm.data(), n);
}

void Call::end_voicemail(bool by_hash) {
  if (!voicemail_) return;
  VoicemailRequest request = std::move(*voicemail_);
  voicemail_.reset();
  const uint32_t ms = voicemail_rec_ ? voicemail_ms_ : 0;
  voicemail_rec_.reset();  // the writer thread finishes the file
  log(LogLevel::info, "voice.voicemail_done",
      {{"call", info_.id}, {"ms", ms}, {"by_hash", by_hash}});
  if (agent_.events().on_voicemail)
    agent_.events().on_voicemail(info_, {request.path, ms, by_hash});
  if (dead_) return;
  phase_ = Phase::leaving;
  play({request.goodbye_prompt}, false);
  if (playlist_.empty()) hangup("voicemail done");
}

bool Call::start_survey() {
  if (!survey_plan_ || dead_) return false;
  survey_ = std::make_unique<SurveyRun>(std::move(*survey_plan_));
  survey_plan_.reset();
  phase_ = Phase::survey;
  announcing_ = false;
  log(LogLevel::info, "voice.survey", {{"call", info_.id}, {"survey", survey_->plan().id}});
  if (agent_.events().on_survey_started) agent_.events().on_survey_started(info_);
  if (!dead_) survey_step(survey_->start());
  return true;
}

void Call::survey_step(const SurveyRun::Step& step) {
  care_deadline_ = 0;
  wait_after_play_.reset();
  if (!step.play.empty()) {
    play(step.play, false);
    wait_after_play_ = step.wait_ms;
  } else if (step.wait_ms) {
    playlist_.clear();
    care_deadline_ = tmr_jiffies() + *step.wait_ms;
  }
  if (!step.done) return;
  end_survey();
  phase_ = Phase::leaving;
  if (playlist_.empty()) hangup("survey done");
}

void Call::end_survey() {
  if (!survey_ || survey_reported_) return;
  survey_reported_ = true;
  log(LogLevel::info, "voice.survey_done",
      {{"call", info_.id}, {"answers", static_cast<uint64_t>(survey_->answers().size())}});
  if (agent_.events().on_survey)
    agent_.events().on_survey(info_, survey_->plan().id, survey_->answers());
}

}  // namespace tamas::voice
