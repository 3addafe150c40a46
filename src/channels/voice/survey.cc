#include "channels/voice/survey.h"

namespace tamas::voice {

SurveyRun::SurveyRun(SurveyPlan plan) : plan_(std::move(plan)) {}

SurveyRun::Step SurveyRun::start() {
  index_ = 0;
  if (plan_.questions.empty()) return {{plan_.thanks_prompt}, std::nullopt, true};
  return ask(true);
}

SurveyRun::Step SurveyRun::ask(bool with_intro) {
  Step s;
  if (with_intro && !plan_.intro_prompt.empty()) s.play.push_back(plan_.intro_prompt);
  s.play.push_back(plan_.questions[index_].prompt);
  s.wait_ms = plan_.answer_ms;
  pending_one_ = false;
  return s;
}

SurveyRun::Step SurveyRun::next() {
  ++index_;
  retries_ = 0;
  pending_one_ = false;
  if (done()) return {{plan_.thanks_prompt}, std::nullopt, true};
  return ask(false);
}

SurveyRun::Step SurveyRun::answer(int value) {
  answers_.emplace_back(plan_.questions[index_].id, value);
  return next();
}

SurveyRun::Step SurveyRun::digit(char d) {
  if (done()) return {};
  const SurveyQuestionPlan& q = plan_.questions[index_];
  if (pending_one_) {
    pending_one_ = false;
    return answer(d == '0' ? 10 : 1);
  }
  if (d < '0' || d > '9') {
    if (d == '#') return {};  // nothing typed yet
    return retry();
  }
  const int v = d - '0';
  if (q.max >= 10 && v == 1) {
    pending_one_ = true;
    return {{}, 2000u, false};  // short wait for the "0" of "10"
  }
  if (v < q.min || v > q.max) return retry();
  return answer(v);
}

SurveyRun::Step SurveyRun::retry() {
  if (retries_++ >= plan_.max_retries) return next();
  return ask(false);
}

SurveyRun::Step SurveyRun::timeout() {
  if (done()) return {};
  if (pending_one_) return answer(1);
  return next();  // no answer: skipped
}

}  // namespace tamas::voice
