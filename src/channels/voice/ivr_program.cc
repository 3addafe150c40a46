// IvrProgram: validation and compilation of an IvrConfig.
#include <set>

#include "channels/voice/ivr.h"

namespace tamas::voice {

const char* to_string(IvrActionKind kind) {
  switch (kind) {
    case IvrActionKind::set_type:
      return "set_type";
    case IvrActionKind::submenu:
      return "submenu";
    case IvrActionKind::transfer:
      return "transfer";
    case IvrActionKind::route:
      return "route";
    case IvrActionKind::agent:
      return "agent";
    case IvrActionKind::repeat:
      return "repeat";
    case IvrActionKind::hangup:
      return "hangup";
  }
  return "?";
}

namespace {

bool is_dtmf(char d) {
  return (d >= '0' && d <= '9') || d == '*' || d == '#' || (d >= 'A' && d <= 'D');
}

Status check_collect(const std::string& where, const IvrCollect& c,
                     std::optional<std::regex>& compiled) {
  if (c.field.empty()) return Error::invalid(where + ": collect needs a field");
  if (c.prompt.empty()) return Error::invalid(where + ": collect needs a prompt");
  if (c.min_digits < 1 || c.max_digits < c.min_digits || c.max_digits > 64) {
    return Error::invalid(where + ": collect needs 1 <= min_digits <= max_digits <= 64");
  }
  if (c.terminator != '#' && c.terminator != '\0') {
    return Error::invalid(where + ": collect terminator must be '#' or none");
  }
  if (c.pattern.empty()) return {};
  try {
    compiled.emplace(c.pattern, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::regex_error& e) {
    return Error::invalid(where + ": bad pattern '" + c.pattern + "': " + e.what());
  }
  return {};
}

}  // namespace

Result<std::shared_ptr<const IvrProgram>> IvrProgram::compile(IvrConfig config) {
  auto program = std::make_shared<IvrProgram>();
  program->config_ = std::move(config);
  const IvrConfig& c = program->config_;
  if (c.menus.empty()) return Error::invalid("ivr: no menus");
  std::set<std::string> ids;
  for (const IvrMenu& m : c.menus) {
    if (!ids.insert(m.id).second) return Error::invalid("ivr: duplicate menu '" + m.id + "'");
  }
  program->start_ = program->menu_index(c.start_menu);
  if (program->start_ < 0) return Error::invalid("ivr: unknown start menu '" + c.start_menu + "'");
  if (c.fallback == IvrActionKind::submenu || c.fallback == IvrActionKind::repeat) {
    return Error::invalid("ivr: fallback must leave the IVR");
  }
  for (const IvrMenu& m : c.menus) {
    const std::string where = "ivr menu '" + m.id + "'";
    if (m.prompt.empty() || m.invalid.empty()) {
      return Error::invalid(where + ": needs prompt and invalid prompt ids");
    }
    if (m.max_retries < 0 || m.timeout <= Duration::zero()) {
      return Error::invalid(where + ": needs max_retries >= 0 and a positive timeout");
    }
    std::set<char> digits;
    auto& patterns = program->patterns_.emplace_back();
    for (const IvrOption& o : m.options) {
      const std::string at = where + " digit '" + std::string(1, o.digit) + "'";
      if (!is_dtmf(o.digit)) return Error::invalid(at + ": not a DTMF digit");
      if (!digits.insert(o.digit).second) return Error::invalid(at + ": used twice");
      if (o.action == IvrActionKind::submenu && program->menu_index(o.target) < 0) {
        return Error::invalid(at + ": unknown submenu '" + o.target + "'");
      }
      if (o.action == IvrActionKind::transfer && o.target.empty()) {
        return Error::invalid(at + ": transfer needs a number");
      }
      auto& compiled = patterns.emplace_back();
      if (o.collect) {
        if (Status s = check_collect(at, *o.collect, compiled); !s) return s.error();
      }
    }
  }
  return std::shared_ptr<const IvrProgram>(std::move(program));
}

int IvrProgram::menu_index(const std::string& id) const {
  for (size_t i = 0; i < config_.menus.size(); ++i) {
    if (config_.menus[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const std::regex* IvrProgram::pattern(int menu, int option) const {
  const auto& p = patterns_[menu][option];
  return p ? &*p : nullptr;
}

}  // namespace tamas::voice
