#include "store/records.h"

#include <array>
#include <cstdio>
#include <utility>

namespace tamas::store {
namespace {

template <typename E, std::size_t N>
Result<E> parse_enum(const std::array<std::pair<E, const char*>, N>& names, const std::string& s,
                     const char* what) {
  for (const auto& [e, name] : names)
    if (s == name) return e;
  return Error::invalid(std::string("unknown ") + what + " '" + s + "'");
}

constexpr std::array<std::pair<Role, const char*>, 4> kRoles{{
    {Role::admin, "admin"},
    {Role::supervisor, "supervisor"},
    {Role::agent, "agent"},
    {Role::backoffice, "backoffice"},
}};

constexpr std::array<std::pair<InteractionState, const char*>, 7> kStates{{
    {InteractionState::open, "open"},
    {InteractionState::queued, "queued"},
    {InteractionState::offered, "offered"},
    {InteractionState::active, "active"},
    {InteractionState::wrapup, "wrapup"},
    {InteractionState::closed, "closed"},
    {InteractionState::abandoned, "abandoned"},
}};

constexpr std::array<std::pair<SenderKind, const char*>, 3> kSenders{{
    {SenderKind::customer, "customer"},
    {SenderKind::agent, "agent"},
    {SenderKind::system, "system"},
}};

}  // namespace

const char* to_string(Role r) {
  return kRoles[static_cast<std::size_t>(r)].second;
}
Result<Role> parse_role(const std::string& s) {
  return parse_enum(kRoles, s, "role");
}

const char* to_string(InteractionState s) {
  return kStates[static_cast<std::size_t>(s)].second;
}
Result<InteractionState> parse_interaction_state(const std::string& s) {
  return parse_enum(kStates, s, "interaction state");
}
bool is_final(InteractionState s) {
  return s == InteractionState::closed || s == InteractionState::abandoned;
}

const char* to_string(SenderKind k) {
  return kSenders[static_cast<std::size_t>(k)].second;
}
Result<SenderKind> parse_sender_kind(const std::string& s) {
  return parse_enum(kSenders, s, "sender kind");
}

std::string format_interaction_id(RowId id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "I-%06lld", static_cast<long long>(id));
  return buf;
}

Result<RowId> parse_interaction_id(const std::string& text) {
  if (text.size() < 3 || text.size() > 20 || text[0] != 'I' || text[1] != '-')
    return Error::invalid("interaction id must look like I-000123: '" + text + "'");
  RowId v = 0;
  for (std::size_t i = 2; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9')
      return Error::invalid("interaction id must look like I-000123: '" + text + "'");
    v = v * 10 + (text[i] - '0');
  }
  if (v <= 0) return Error::invalid("interaction id must be positive: '" + text + "'");
  return v;
}

}  // namespace tamas::store
