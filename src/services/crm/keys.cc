#include "services/crm/keys.h"

#include <algorithm>
#include <cctype>

#include "core/phone.h"
#include "core/text.h"

namespace tamas::services::crm {
namespace {

std::string trimmed_lower_ascii(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

}  // namespace

std::string canonical_email(std::string_view email) {
  return trimmed_lower_ascii(to_ascii_digits(email));
}

Result<ContactKeys> canonical_keys(const ContactKeys& raw) {
  ContactKeys k;
  if (!raw.phone.empty()) {
    Result<std::string> p = normalise_phone(raw.phone);
    if (!p.ok()) return Error::invalid("phone: " + p.error().message);
    k.phone = *p;
  }
  if (!raw.email.empty()) {
    k.email = canonical_email(raw.email);
    if (k.email.find('@') == std::string::npos || k.email.front() == '@' || k.email.back() == '@')
      return Error::invalid("email: '" + raw.email + "' is not an address");
  }
  if (!raw.handle.empty()) k.handle = normalise_text(raw.handle);
  for (char c : to_ascii_digits(raw.vin)) {
    if (c == ' ' || c == '-') continue;
    if (!std::isalnum(static_cast<unsigned char>(c)))
      return Error::invalid("vin: '" + raw.vin + "' has a character that is not a letter or digit");
    k.vin.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return k;
}

}  // namespace tamas::services::crm
