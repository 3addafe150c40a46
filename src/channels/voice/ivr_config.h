// IVR configuration as the voice channel sees it: menus of digit options,
// digit collection into fields, and what happens when the caller gets stuck.
//
// The shape follows the strategy's IvrMenu / IvrOption / Collect (see
// strategy/model.h) but this header does not include it: the app layer maps a
// compiled strategy into these structs (one language per entry point: the
// mapper picks Text::fa or Text::en and names each prompt). Prompts are
// referred to by id; the ids resolve in the voice server's PromptSet.
//
// Plain values, immutable once a VoiceServer is started; shared read-only by
// every call on that entry point.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace tamas::voice {

// What an option (or the fallback) does once chosen.
enum class IvrActionKind {
  set_type,  // target = interaction type id; the call leaves the IVR to be routed
  submenu,   // target = menu id; the caller hears that menu
  transfer,  // target = partner number; the call is handed to an outside line
  route,     // target = queue id; the call leaves the IVR to be routed
  agent,     // target = optional queue id; "press 0 for an agent"
  repeat,    // replay the current menu (does not count as a retry)
  hangup,    // say goodbye and end the call
};

const char* to_string(IvrActionKind kind);

// Digits to collect into a field before an option's action runs, e.g. a
// ticket number or the last digits of a VIN.
struct IvrCollect {
  std::string field;    // where the digits go in IvrResult::fields
  std::string prompt;   // prompt id: "enter your ticket number, then #"
  std::string invalid;  // prompt id; empty = use the menu's invalid prompt
  std::string pattern;  // ECMAScript regex the whole input must match; empty = any
  int min_digits = 1;
  int max_digits = 32;    // collection ends by itself at this length
  char terminator = '#';  // ends collection early; '*' always starts over
};

struct IvrOption {
  char digit = '0';  // 0-9, * or #
  IvrActionKind action = IvrActionKind::agent;
  std::string target;                 // see IvrActionKind
  std::optional<IvrCollect> collect;  // runs before the action
};

struct IvrMenu {
  std::string id;
  std::string prompt;                         // prompt id played on entry and on every retry
  std::string invalid;                        // prompt id played before the replay on bad input
  Duration timeout{std::chrono::seconds(5)};  // no input after the prompt; also inter-digit
  int max_retries = 3;  // replays after invalid input or no input; then the fallback
  std::vector<IvrOption> options;
};

struct IvrConfig {
  std::string start_menu;  // menu id the call begins in
  std::vector<IvrMenu> menus;
  // Taken when a menu or collection runs out of retries. Must not be
  // submenu/repeat. The usual choice is an agent.
  IvrActionKind fallback = IvrActionKind::agent;
  std::string fallback_target;
};

}  // namespace tamas::voice
