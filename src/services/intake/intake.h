// Contact intake: turns what a customer submitted into a durable, routed
// interaction. The interaction is committed first; only then is it handed to
// the engine and acknowledged to the customer — nothing acknowledged is lost.
//
// Threads: submit_* may be called from any thread; `done` runs on the store
// writer's thread (after commit) or on the caller's (validation errors).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/time.h"
#include "services/intake/field_validation.h"
#include "services/switchboard/switchboard.h"
#include "store/records.h"
#include "store/writer.h"
#include "strategy/model.h"

namespace tamas::services {

struct FormSubmission {
  std::string entry_point;  // a webform entry point id of the strategy
  std::map<std::string, std::string> fields;
};

// A phone call that finished its IVR. type/queue come from the IVR choice;
// when both are empty the strategy's rules route the call as the entry
// point's default type.
struct CallSubmission {
  std::string entry_point;  // a voice entry point id of the strategy
  std::string caller;       // caller id as received; normalised when it is a phone number
  std::string type;         // IVR set_type; empty = the entry point's type
  std::string queue;        // IVR route / agent with a queue; bypasses the rules
  std::string partner;      // IVR transfer: handed to a partner, not queued
  std::vector<std::pair<std::string, std::string>> fields;  // digits collected
  std::vector<std::string> ivr_path;                        // "menu:digit" choices
};

struct IntakeReceipt {
  std::string interaction;  // "I-000123"
  std::string type;
  std::string segment;
  std::string queue;    // empty when the contact was transferred to a partner
  std::string partner;  // partner id when the route is a transfer
  int priority = 0;
};

struct IntakeOutcome {
  enum class Kind { accepted, unknown_entry_point, invalid_fields, store_failed };
  Kind kind = Kind::accepted;
  IntakeReceipt receipt;  // accepted
  FieldCheck check;       // invalid_fields
  std::string message;    // unknown_entry_point, store_failed
};

class Intake {
 public:
  // All references must outlive the Intake.
  Intake(const strategy::Strategy& s, store::TenantId tenant, store::StoreWriter& writer,
         Switchboard& switchboard, const Clock& clock);

  void submit_form(FormSubmission form, std::function<void(IntakeOutcome)> done);
  // Commits the call as a voice interaction, then (unless it went to a
  // partner) posts it to the engine. `done` runs after the commit.
  void submit_call(CallSubmission call, std::function<void(IntakeOutcome)> done);

 private:
  const strategy::Strategy& strategy_;
  store::TenantId tenant_;
  store::StoreWriter& writer_;
  Switchboard& switchboard_;
  const Clock& clock_;
};

}  // namespace tamas::services
