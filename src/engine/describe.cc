#include "engine/describe.h"

#include <cstdio>

namespace tamas::engine {

std::string format_seconds(Duration d) {
  long long ms = d.count();
  long long mag = ms < 0 ? -ms : ms;
  char buf[40];
  if (mag % 1000 == 0) {
    std::snprintf(buf, sizeof buf, "%s%lld", ms < 0 ? "-" : "", mag / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%s%lld.%03lld", ms < 0 ? "-" : "", mag / 1000, mag % 1000);
  }
  return buf;
}

std::string describe(const Engine& en, const Event& e) {
  auto c = [&] { return std::string(en.contact_id(e.contact)); };
  auto a = [&] { return std::string(en.agent_id(e.agent)); };
  auto q = [&] { return std::string(en.queue_id(e.queue)); };
  switch (e.kind) {
    case EventKind::offer:
      return "offer " + c() + " -> " + a() + " queue=" + q();
    case EventKind::start_callback:
      return "callback " + c() + " -> " + a() + " queue=" + q();
    case EventKind::offer_revoked:
      return "revoke " + c() + " " + a() +
             " reason=" + to_string(static_cast<RevokeReason>(e.code));
    case EventKind::contact_queued:
      return "queued " + c() + " queue=" + q() + " pos=" + std::to_string(e.position) +
             " ewt=" + format_seconds(e.ewt) + (e.code ? " callback=yes" : "");
    case EventKind::agent_state_changed: {
      std::string s = "state " + a() + " " + to_string(static_cast<AgentStatus>(e.code));
      if (e.reason != kNoRef) s += " reason=" + std::string(en.reason_name(e.reason));
      return s;
    }
    case EventKind::contact_answered:
      return "answer " + c() + " " + a() + " queue=" + q() + " wait=" + format_seconds(e.wait);
    case EventKind::contact_abandoned:
      return "abandon " + c() + " queue=" + q() + " wait=" + format_seconds(e.wait);
    case EventKind::contact_overflowed:
      return "overflow " + c() + " " + q() + " -> " + std::string(en.queue_id(e.queue2));
    case EventKind::contact_relaxed:
      return "relax " + c() + " queue=" + q() + " step=" + std::to_string(e.code);
    case EventKind::after_hours_action:
      return "action " + c() + " " + to_string(static_cast<FallbackKind>(e.code)) +
             " reason=" + to_string(static_cast<FallbackReason>(e.code2)) + " queue=" + q();
    case EventKind::contact_completed:
      return "complete " + c() + " " + to_string(static_cast<Outcome>(e.code)) + " queue=" + q();
    case EventKind::wrapup_done:
      return "wrapdone " + a() + " " + c();
    case EventKind::contact_transferred:
      return "transfer " + c() + " -> " +
             (e.agent != kNoRef ? a() : std::string(en.queue_id(e.queue2))) + " from=" + q();
    case EventKind::contact_held:
      return "hold " + c() + " " + a() + " queue=" + q();
    case EventKind::contact_resumed:
      return "resume " + c() + " " + a() + " queue=" + q();
  }
  return "?";
}

}  // namespace tamas::engine
