// Internal helpers shared by the CaseService .cc files: audit events,
// notifications and the save-with-events step. Not part of the API.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "services/cases/service.h"

namespace tamas::services::cases {

struct CaseOps {
  CaseService& s;

  SlaCalendar cal() const { return {s.calendar_, s.hours_}; }
  store::Store& store() const { return s.store_; }
  store::TenantId tenant() const { return s.tenant_; }
  const CaseConfig& config() const { return s.config_; }

  // Appends an audit event for `c`.
  Status event(const store::Case& c, store::RowId actor, const std::string& kind,
               const std::string& from, const std::string& note, Instant now,
               const std::string& payload_json = "{}");
  // Records a pending message to the case's customer, if it has a phone or
  // email; silently nothing for anonymous cases.
  Status notify(const store::Case& c, const std::string& what, Instant now);
  // Appends the case event `type` (docs/api.md, "Event types") to the
  // tenant event log and queues it for the bus; CaseService::commit()
  // publishes the queue once the transaction has committed. The payload is
  // case_payload(c) plus `extra`.
  Status publish(const std::string& type, const store::Case& c, Instant now,
                 boost::json::object extra = {});
  // Applies a workflow move to `c` in memory (clocks, timestamps).
  void move(store::Case& c, store::CaseState to, Instant now);
};

// "C-000123"
std::string format_case_id(store::RowId id);

// What every case event carries: tenant, case (id), number ("C-000123"),
// kind, category, state and customer (id or null).
boost::json::object case_payload(const store::Case& c);

}  // namespace tamas::services::cases
