// Records of cases and what hangs off them (migration 0003). Plain data; the
// workflow rules live in services/cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/records.h"

namespace tamas::store {

enum class CaseState {
  new_,
  assigned,
  in_progress,
  forwarded,
  awaiting_customer,
  resolved,
  closed
};
const char* to_string(CaseState s);
Result<CaseState> parse_case_state(const std::string& s);

// A case's number as people read it: "C-000123" (at least six digits).
std::string format_case_number(RowId id);

// One SLA target's clock: warning and breach instants, and whether each was
// already raised. Instants are absent when the kind has no such target.
struct SlaClock {
  std::optional<Instant> warn_at;
  std::optional<Instant> due_at;
  bool warned = false;
  bool breached = false;
};

struct Case {
  RowId id = 0;
  TenantId tenant = 0;
  std::optional<RowId> customer;
  std::optional<RowId> interaction;
  std::string kind;      // strategy case kind: complaint, request, ...
  std::string category;  // taxonomy path, e.g. "complaint/delivery_delay"
  std::string product;   // e.g. vehicle model
  std::string province;
  int priority = 0;
  std::string subject;
  std::string description;
  std::string fields_json = "{}";
  std::string channel;  // where the customer reached us (for notifications)
  std::string segment;
  CaseState state = CaseState::new_;
  std::optional<RowId> assignee;  // user id
  std::string department;         // current forward's department, "" if none
  Instant created_at;
  Instant updated_at;
  std::optional<Instant> first_response_at;
  std::optional<Instant> resolved_at;
  std::optional<Instant> closed_at;
  std::optional<RowId> merged_into;
  std::optional<Instant> paused_since;  // awaiting the customer since
  SlaClock first_response;
  SlaClock resolution;
  std::optional<Instant> next_sla_at;  // earliest pending warn/due; none when paused
};

struct CaseEvent {
  RowId id = 0;
  TenantId tenant = 0;
  RowId case_id = 0;
  std::optional<RowId> customer;
  Instant at;
  RowId actor = 0;   // user id; 0 = the system
  std::string kind;  // created, transition, note, forwarded, answered, escalated,
                     // sla_warning, sla_breach, redress, linked, merged, ...
  std::string from_state;
  std::string to_state;
  std::string note;
  std::string payload_json = "{}";
};

struct CaseForward {
  RowId id = 0;
  TenantId tenant = 0;
  RowId case_id = 0;
  std::string department;
  std::string task;  // what the department is asked; "" = the whole case
  RowId forwarded_by = 0;
  Instant forwarded_at;
  Instant due_at;
  std::optional<Instant> answered_at;
  std::optional<RowId> answered_by;
  std::string answer;
  std::optional<Instant> escalated_at;
  std::optional<RowId> escalated_to;  // the department head
};

struct CaseLink {
  TenantId tenant = 0;
  RowId case_id = 0;
  RowId other = 0;
  std::string kind = "related";  // duplicate | related
  Instant created_at;
};

struct Redress {
  TenantId tenant = 0;
  RowId case_id = 0;
  std::string remedy;  // apology | repair | replacement | refund | compensation | voucher
  std::int64_t amount = 0;
  std::optional<bool> accepted;
  std::optional<int> satisfaction;  // 1..5
  std::string notes;
  Instant updated_at;
};

struct OutboundNotification {
  RowId id = 0;
  TenantId tenant = 0;
  std::optional<RowId> customer;
  std::optional<RowId> case_id;
  std::string channel;  // sms | email | ...
  std::string address;
  std::string body;
  Instant created_at;
  std::string state = "pending";  // pending | sent | failed
};

struct VocAction {
  RowId id = 0;
  TenantId tenant = 0;
  std::string title;
  std::string category;
  std::string product;
  RowId owner = 0;
  std::optional<Instant> due_at;
  std::string status = "open";  // open | in_progress | done | cancelled
  std::string notes;
  Instant created_at;
  std::vector<RowId> cases;  // the cases that motivated it
};

}  // namespace tamas::store
