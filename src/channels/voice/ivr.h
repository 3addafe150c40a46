// The IVR as a pure state machine: caller input in (digits, "the prompt
// ended", "no input in time"), what to do out (play prompts, arm the
// no-input timer, finish with a result). No SIP, no audio, no clock: the call
// that owns an Ivr carries out each IvrStep and reports back. Unit-tested on
// its own (tests/channels/voice/ivr_test.cc).
//
// Behaviour
// - A menu plays its prompt; digits are accepted while it plays (barge-in).
//   When the prompt ends the timer is armed for menu.timeout.
// - A digit with no option, or no input in time, is a failure. A failure
//   replays the menu (after the invalid prompt for a bad digit) until
//   max_retries replays were used; the next failure takes the fallback.
// - An option with a collect first gathers digits: prompt, digits (each one
//   re-arms the inter-digit timer), then the terminator, max_digits reached or
//   a pause ends the input. Input shorter than min_digits or not matching the
//   pattern is a failure (invalid prompt, then the collect prompt again). '*'
//   clears the input and replays the collect prompt.
// - submenu enters another menu (its retries start from zero); repeat replays
//   the menu; any other action finishes the IVR with an IvrResult.
//
// Threading: an Ivr belongs to one call and is used from one thread. An
// IvrProgram is immutable and may be shared by any number of calls/threads.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "channels/voice/ivr_config.h"
#include "core/result.h"

namespace tamas::voice {

struct IvrResult {
  IvrActionKind action = IvrActionKind::agent;  // never submenu or repeat
  std::string target;
  bool by_fallback = false;  // the caller ran out of retries
  // Collected digits, in the order they were collected.
  std::vector<std::pair<std::string, std::string>> fields;
  // Choices made, "menu:digit" in order, e.g. {"main:2", "billing:1"}.
  std::vector<std::string> path;
};

// What the call must do after an input. An empty step changes nothing.
struct IvrStep {
  bool stop = false;              // stop the prompt now playing
  std::vector<std::string> play;  // stop, then play these prompt ids in order;
                                  // report prompt_finished() after the last one
  std::optional<Duration> wait;   // arm the timer: timeout() after this long
  std::optional<IvrResult> done;  // the IVR is over; further input is ignored
  // The timer is disarmed by every step that stops, plays or finishes, and
  // re-armed only by a step with `wait`.
  bool empty() const { return !stop && play.empty() && !wait && !done; }
};

// A validated, compiled IvrConfig (menus indexed, patterns compiled).
class IvrProgram {
 public:
  // Errors: unknown start menu or submenu target, duplicate menu id or digit,
  // bad digit, fallback that is submenu/repeat, bad collect bounds or pattern,
  // missing prompt ids.
  static Result<std::shared_ptr<const IvrProgram>> compile(IvrConfig config);

  const IvrConfig& config() const { return config_; }
  int start_menu() const { return start_; }
  const IvrMenu& menu(int index) const { return config_.menus[index]; }
  int menu_index(const std::string& id) const;  // -1 when unknown
  // Compiled pattern of menu(m).options[o].collect; nullptr when none.
  const std::regex* pattern(int menu, int option) const;

 private:
  IvrConfig config_;
  int start_ = 0;
  std::vector<std::vector<std::optional<std::regex>>> patterns_;
};

class Ivr {
 public:
  explicit Ivr(std::shared_ptr<const IvrProgram> program);

  IvrStep start();            // call once, when the call is answered
  IvrStep digit(char d);      // a DTMF digit: 0-9, *, #, A-D
  IvrStep prompt_finished();  // the last prompt of the latest play ended
  IvrStep timeout();          // the armed timer expired

  bool finished() const { return mode_ == Mode::finished; }
  const std::string& menu_id() const;  // REQUIRES: started

 private:
  enum class Mode { idle, menu, collect, finished };

  IvrStep enter_menu(int index);
  IvrStep menu_digit(char d);
  IvrStep collect_digit(char d);
  IvrStep end_collect();
  IvrStep choose(int option);
  IvrStep act(IvrActionKind kind, const std::string& target, bool by_fallback);
  IvrStep failure(std::vector<std::string> play);
  IvrStep play(std::vector<std::string> prompts);
  const IvrOption& option() const;

  std::shared_ptr<const IvrProgram> program_;
  Mode mode_ = Mode::idle;
  int menu_ = -1;
  int option_ = -1;  // the option whose collect runs
  int retries_ = 0;  // replays used in this menu or collection
  bool playing_ = false;
  std::string digits_;  // collected so far
  IvrResult result_;    // fields and path accumulate here
};

}  // namespace tamas::voice
