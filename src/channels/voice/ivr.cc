// Ivr: the per-call IVR state machine (behaviour described in ivr.h).
#include "channels/voice/ivr.h"

#include <cassert>

namespace tamas::voice {

Ivr::Ivr(std::shared_ptr<const IvrProgram> program) : program_(std::move(program)) {
  assert(program_);
}

const std::string& Ivr::menu_id() const {
  assert(menu_ >= 0);
  return program_->menu(menu_).id;
}

const IvrOption& Ivr::option() const {
  return program_->menu(menu_).options[option_];
}

IvrStep Ivr::start() {
  if (mode_ != Mode::idle) return {};
  return enter_menu(program_->start_menu());
}

IvrStep Ivr::play(std::vector<std::string> prompts) {
  IvrStep step;
  step.stop = true;
  step.play = std::move(prompts);
  playing_ = true;
  return step;
}

IvrStep Ivr::enter_menu(int index) {
  mode_ = Mode::menu;
  menu_ = index;
  option_ = -1;
  retries_ = 0;
  return play({program_->menu(menu_).prompt});
}

IvrStep Ivr::prompt_finished() {
  if (!playing_ || mode_ == Mode::finished) return {};
  playing_ = false;
  IvrStep step;
  step.wait = program_->menu(menu_).timeout;
  return step;
}

IvrStep Ivr::digit(char d) {
  switch (mode_) {
    case Mode::menu:
      return menu_digit(d);
    case Mode::collect:
      return collect_digit(d);
    case Mode::idle:
    case Mode::finished:
      return {};
  }
  return {};
}

IvrStep Ivr::timeout() {
  switch (mode_) {
    case Mode::menu:
      return failure({program_->menu(menu_).prompt});
    case Mode::collect:
      if (digits_.empty()) return failure({option().collect->prompt});
      return end_collect();  // the caller paused: take what was typed
    case Mode::idle:
    case Mode::finished:
      return {};
  }
  return {};
}

IvrStep Ivr::menu_digit(char d) {
  const IvrMenu& m = program_->menu(menu_);
  for (size_t i = 0; i < m.options.size(); ++i) {
    if (m.options[i].digit == d) return choose(static_cast<int>(i));
  }
  return failure({m.invalid, m.prompt});
}

IvrStep Ivr::choose(int index) {
  option_ = index;
  const IvrOption& o = option();
  result_.path.push_back(program_->menu(menu_).id + ":" + std::string(1, o.digit));
  if (!o.collect) return act(o.action, o.target, false);
  mode_ = Mode::collect;
  retries_ = 0;
  digits_.clear();
  return play({o.collect->prompt});
}

IvrStep Ivr::collect_digit(char d) {
  const IvrCollect& c = *option().collect;
  if (d == '*') {
    digits_.clear();
    return play({c.prompt});
  }
  if (c.terminator != '\0' && d == c.terminator) return end_collect();
  if (d < '0' || d > '9') return {};  // A-D and a '#' that is not the terminator
  digits_.push_back(d);
  if (static_cast<int>(digits_.size()) >= c.max_digits) return end_collect();
  playing_ = false;
  IvrStep step;
  step.stop = true;
  step.wait = program_->menu(menu_).timeout;
  return step;
}

IvrStep Ivr::end_collect() {
  const IvrCollect& c = *option().collect;
  const int n = static_cast<int>(digits_.size());
  bool valid = n >= c.min_digits && n <= c.max_digits;
  if (valid) {
    if (const std::regex* re = program_->pattern(menu_, option_)) {
      valid = std::regex_match(digits_, *re);
    }
  }
  if (!valid) {
    digits_.clear();
    const std::string& invalid = c.invalid.empty() ? program_->menu(menu_).invalid : c.invalid;
    return failure({invalid, c.prompt});
  }
  result_.fields.emplace_back(c.field, digits_);
  digits_.clear();
  const IvrOption& o = option();
  return act(o.action, o.target, false);
}

IvrStep Ivr::failure(std::vector<std::string> replay) {
  if (retries_ >= program_->menu(menu_).max_retries) {
    const IvrConfig& c = program_->config();
    return act(c.fallback, c.fallback_target, true);
  }
  ++retries_;
  return play(std::move(replay));
}

IvrStep Ivr::act(IvrActionKind kind, const std::string& target, bool by_fallback) {
  switch (kind) {
    case IvrActionKind::submenu:
      return enter_menu(program_->menu_index(target));
    case IvrActionKind::repeat:
      mode_ = Mode::menu;
      option_ = -1;
      return play({program_->menu(menu_).prompt});
    default:
      break;
  }
  mode_ = Mode::finished;
  playing_ = false;
  result_.action = kind;
  result_.target = target;
  result_.by_fallback = by_fallback;
  IvrStep step;
  step.stop = true;
  step.done = std::move(result_);
  result_ = {};
  return step;
}

}  // namespace tamas::voice
