// The keys an incoming contact can be recognised by, in canonical form, so
// that "0912 345 6789", "+98 912-345-6789" and "۰۹۱۲۳۴۵۶۷۸۹" are one key.
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace tamas::services::crm {

struct ContactKeys {
  std::string phone;   // any spelling; E.164 after canonical_keys()
  std::string email;   // lower-cased, trimmed
  std::string handle;  // "network:@name", lower-cased ("instagram:@kavir_fan")
  std::string vin;     // upper-case, spaces and dashes removed
  bool empty() const { return phone.empty() && email.empty() && handle.empty() && vin.empty(); }
};

// Canonical form of every non-empty key; invalid_argument naming the key
// when one cannot be read (a phone with letters, an email without '@').
Result<ContactKeys> canonical_keys(const ContactKeys& raw);

std::string canonical_email(std::string_view email);

}  // namespace tamas::services::crm
