// Internal helpers shared by the CaseService .cc files: audit events,
// notifications and the save-with-events step. Not part of the API.
#pragma once

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
  // Appends to the tenant event log (for webhooks and wallboards).
  Status publish(const std::string& type, const store::Case& c, Instant now,
                 const std::string& extra_json = "");
  // Applies a workflow move to `c` in memory (clocks, timestamps).
  void move(store::Case& c, store::CaseState to, Instant now);
};

// "C-000123"
std::string format_case_id(store::RowId id);

}  // namespace tamas::services::cases
