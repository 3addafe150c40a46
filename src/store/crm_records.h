// Records of the CRM, case and knowledge-base tables (migration 0003). Plain
// data, no SQL; the conventions of records.h apply (tenant on every record,
// ids assigned by add(), Instants in UTC, *_json holds valid JSON).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/records.h"

namespace tamas::store {

// Identities other than phone/email (those live on Customer).
enum class IdentityKind { handle, national_id };
const char* to_string(IdentityKind k);
Result<IdentityKind> parse_identity_kind(const std::string& s);

struct CustomerIdentity {
  TenantId tenant = 0;
  RowId customer = 0;
  IdentityKind kind = IdentityKind::handle;
  std::string value;  // "instagram:@name"; national id digits (sensitive)
  Instant created_at;
};

// A product or service the customer owns or bought; `serial` is the VIN.
struct CustomerAsset {
  RowId id = 0;
  TenantId tenant = 0;
  RowId customer = 0;
  std::string kind = "vehicle";  // vehicle | product | service
  std::string model;
  std::string serial;
  std::optional<Instant> purchased_at;
  std::int64_t amount = 0;  // price paid, in the organisation's currency unit
  std::string attributes_json = "{}";
};

struct Consent {
  TenantId tenant = 0;
  RowId customer = 0;
  std::string topic;  // "sms_marketing", "survey", ...
  bool granted = false;
  Instant updated_at;
};

struct CustomerMerge {
  RowId id = 0;
  TenantId tenant = 0;
  RowId from = 0;
  RowId into = 0;
  RowId by_user = 0;
  Instant at;
  std::string note;
};

// One line of a customer's timeline, newest first.
enum class TimelineSource { interaction = 0, case_event = 1 };
struct TimelineEntry {
  TimelineSource source = TimelineSource::interaction;
  RowId id = 0;  // interaction id or case event id
  Instant at;
  std::string channel;  // interactions: the channel; case events: the case's channel
  std::string kind;     // interaction type, or the case event kind
  std::string state;    // interaction state, or the case state reached
  std::string note;
  RowId case_id = 0;  // case events only
  // Interactions only: the customer's survey answers as stored under
  // "survey" in the interaction's fields (a JSON object), or "" when none.
  std::string survey;
};
// Position after the last entry seen: the next page starts strictly after it
// in (at desc, source desc, id desc) order.
struct TimelineCursor {
  Instant at;
  TimelineSource source = TimelineSource::case_event;
  RowId id = 0;
};

struct UserDepartment {
  TenantId tenant = 0;
  RowId user = 0;
  std::string department;
  bool head = false;
};

}  // namespace tamas::store
