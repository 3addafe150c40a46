#include "store/crm_records.h"
#include "store/case_records.h"

#include <array>
#include <cstdio>
#include <utility>

namespace tamas::store {
namespace {

constexpr std::array<std::pair<IdentityKind, const char*>, 2> kIdentityKinds{{
    {IdentityKind::handle, "handle"},
    {IdentityKind::national_id, "national_id"},
}};

constexpr std::array<std::pair<CaseState, const char*>, 7> kCaseStates{{
    {CaseState::new_, "new"},
    {CaseState::assigned, "assigned"},
    {CaseState::in_progress, "in_progress"},
    {CaseState::forwarded, "forwarded"},
    {CaseState::awaiting_customer, "awaiting_customer"},
    {CaseState::resolved, "resolved"},
    {CaseState::closed, "closed"},
}};

template <typename E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& names, E e) {
  for (const auto& [k, name] : names)
    if (k == e) return name;
  return "?";
}

template <typename E, std::size_t N>
Result<E> parse(const std::array<std::pair<E, const char*>, N>& names, const std::string& s,
                const char* what) {
  for (const auto& [e, name] : names)
    if (s == name) return e;
  return Error::invalid(std::string("unknown ") + what + " '" + s + "'");
}

}  // namespace

const char* to_string(IdentityKind k) {
  return name_of(kIdentityKinds, k);
}
Result<IdentityKind> parse_identity_kind(const std::string& s) {
  return parse(kIdentityKinds, s, "identity kind");
}
std::string format_case_number(RowId id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "C-%06lld", static_cast<long long>(id));
  return buf;
}

const char* to_string(CaseState s) {
  return name_of(kCaseStates, s);
}
Result<CaseState> parse_case_state(const std::string& s) {
  return parse(kCaseStates, s, "case state");
}

}  // namespace tamas::store
