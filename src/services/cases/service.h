// The case system of one tenant (R15, R22, R24, R28, R30, R36, R37, R39):
// opening cases, the validated workflow with its audit trail, forwarding to
// back-office departments with escalation, SLA timers, redress, links and
// merges, customer notifications and VOC preventive actions.
//
// Every mutation writes the case and its audit events (who, when, what,
// note) atomically, and — only once that transaction committed — publishes
// its case events (case.created, case.transitioned, ...; docs/api.md "Event
// types") on the EventBus given to publish_to(), topic "cases/<id>", where
// webhooks and sockets pick them up. A failed mutation publishes nothing; illegal transitions are
// ErrorCode::conflict (HTTP 409). Customer notifications on key transitions (opened, forwarded,
// answered back, awaiting you, resolved, closed, reopened) are stored as pending outbound messages
// for the channel adapters. No clock reads: every call takes `now`; tick(now) raises what became
// due.
//
// Threads: not thread-safe; one thread at a time, like the Store it uses.
// Do not call a mutation inside an outer Store::atomically(): its events
// would be published before the outer transaction commits.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "services/cases/config.h"
#include "services/cases/sla.h"
#include "services/events/bus.h"
#include "store/store.h"

namespace tamas::services::cases {

struct NewCase {
  std::optional<store::RowId> customer;
  std::optional<store::RowId> interaction;
  std::string kind;
  std::string category;  // must be a taxonomy id when given
  std::string product, province, subject, description;
  std::string fields_json = "{}";
  std::string channel;  // how the customer reached us
  std::string segment;  // the customer's segment (SLA targets per segment)
  int priority = 0;
};

// What an edit may change; unset fields stay as they are.
struct CaseEdit {
  std::optional<std::string> category, product, province, subject, description;
  std::optional<int> priority;
};

struct TickReport {
  int warnings = 0;
  int breaches = 0;
  int escalations = 0;
};

class CaseService {
 public:
  // `store`, `calendar` and `hours` must outlive the service.
  CaseService(store::Store& store, store::TenantId tenant, CaseConfig config,
              const BusinessCalendar& calendar, const Schedule& hours);

  const CaseConfig& config() const { return config_; }
  // Where committed case events go (nullptr: only the store's event log).
  // `bus` must outlive the service; set it before the first mutation.
  void publish_to(EventBus* bus) { bus_ = bus; }

  Result<store::Case> open(const NewCase& n, store::RowId actor, Instant now);
  Result<store::Case> get(store::RowId id);
  // Any workflow move (see workflow.h) with a note; conflict when illegal.
  // Moving to `forwarded` goes through forward(); leaving it through answer().
  Result<store::Case> transition(store::RowId id, store::CaseState to, store::RowId actor,
                                 const std::string& note, Instant now);
  Result<store::Case> assign(store::RowId id, store::RowId user, store::RowId actor, Instant now);
  Status add_note(store::RowId id, store::RowId actor, const std::string& note, Instant now);
  // Changes the details of an open case (audit event "edited", bus event
  // case.updated). The category must belong to the case's kind.
  Result<store::Case> edit(store::RowId id, const CaseEdit& e, store::RowId actor, Instant now);
  // invalid_argument naming the field when `category` is unknown or belongs
  // to another kind than `kind` ("" is always fine).
  Status check_category(const std::string& kind, const std::string& category) const;

  // Forwarding (forwarding.cc). due: default = the department's answer_within
  // in business time.
  Result<store::CaseForward> forward(store::RowId id, const std::string& department,
                                     const std::string& task, std::optional<Instant> due,
                                     store::RowId actor, Instant now);
  // The department's answer; the case returns to in_progress.
  Result<store::Case> answer(store::RowId forward_id, store::RowId actor, const std::string& answer,
                             Instant now);
  // Unanswered forwards past their due time, escalated or not.
  Result<std::vector<store::CaseForward>> overdue(Instant now);

  // Raises SLA warnings/breaches and escalates overdue forwards to the
  // department head (tick.cc). Idempotent for a given now.
  Result<TickReport> tick(Instant now);

  // Redress, links, merges, VOC (remedies.cc).
  Result<store::Redress> set_redress(const store::Redress& r, store::RowId actor, Instant now);
  Status link(store::RowId a, store::RowId b, const std::string& kind, store::RowId actor,
              Instant now);
  // Links `duplicate` to `into` as a duplicate and closes it (merged_into).
  Result<store::Case> merge(store::RowId duplicate, store::RowId into, store::RowId actor,
                            Instant now);
  Result<store::VocAction> add_voc(const store::VocAction& a, Instant now);
  Result<store::VocAction> set_voc_status(store::RowId id, const std::string& status);

 private:
  friend struct CaseOps;
  // store_.atomically(op), then publishes the events op queued (pending_)
  // if and only if it committed.
  Status commit(const std::function<Status()>& op);

  store::Store& store_;
  store::TenantId tenant_;
  CaseConfig config_;
  const BusinessCalendar& calendar_;
  const Schedule& hours_;
  EventBus* bus_ = nullptr;
  std::vector<BusEvent> pending_;  // queued by CaseOps::publish inside commit()
};

}  // namespace tamas::services::cases
