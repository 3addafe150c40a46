// Post-call survey by DTMF (R16, R17, R23): after the agent hangs up, the
// caller hears each question and answers with keys. Pure state machine, like
// the IVR (ivr.h): digits, prompt ends and timeouts in, what to play and how
// long to wait out. The voice thread owns one per call in a survey.
//
// Answers: a scale min..max. A one-digit answer is taken at once. When max
// is 10 (NPS 0..10), "1" may be the start of "10": it waits for "0" (10), "#"
// (1) or the answer timeout (1); any other digit after "1" answers 1 and is
// ignored. A digit outside the scale replays the question (at most
// `max_retries` times, then the question is skipped). No answer within
// `answer_ms` of the end of the question skips it. After the last question
// the thanks prompt plays and the survey is done.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tamas::voice {

struct SurveyQuestionPlan {
  std::string id;      // e.g. "csat"
  std::string prompt;  // prompt id
  int min = 1;         // CSAT 1..5, NPS 0..10, CES 1..7
  int max = 5;         // 0..10
};

struct SurveyPlan {
  std::string id;  // the strategy's survey id
  std::vector<SurveyQuestionPlan> questions;
  std::string intro_prompt;   // before the first question; may be empty
  std::string thanks_prompt;  // after the last; may be empty
  uint32_t answer_ms = 6000;  // from the end of a question's prompt
  int max_retries = 1;
};

using SurveyAnswers = std::vector<std::pair<std::string, int>>;  // question id, value

class SurveyRun {
 public:
  struct Step {
    std::vector<std::string> play;  // replaces whatever plays
    // Arm the answer timer: from the end of `play`, or now (silence) when
    // `play` is empty.
    std::optional<uint32_t> wait_ms;
    bool done = false;  // over after `play` (the thanks prompt)
  };

  explicit SurveyRun(SurveyPlan plan);
  Step start();
  Step digit(char d);
  Step timeout();
  const SurveyAnswers& answers() const { return answers_; }
  const SurveyPlan& plan() const { return plan_; }
  bool done() const { return index_ >= plan_.questions.size(); }

 private:
  Step ask(bool with_intro);
  Step answer(int value);
  Step next();
  Step retry();

  SurveyPlan plan_;
  size_t index_ = 0;
  int retries_ = 0;
  bool pending_one_ = false;  // NPS: "1" heard, maybe "10"
  SurveyAnswers answers_;
};

}  // namespace tamas::voice
