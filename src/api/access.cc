#include "api/access.h"

#include <array>

namespace tamas::api {
namespace {

struct PermissionInfo {
  Permission permission;
  const char* name;
  // admin, supervisor, agent, backoffice
  std::array<bool, 4> roles;
};

constexpr PermissionInfo kMatrix[] = {
    {Permission::authenticated, "authenticated", {true, true, true, true}},
    {Permission::view_strategy, "view_strategy", {true, true, true, true}},
    {Permission::manage_strategy, "manage_strategy", {true, false, false, false}},
    {Permission::manage_users, "manage_users", {true, false, false, false}},
    {Permission::manage_tokens, "manage_tokens", {true, false, false, false}},
    {Permission::manage_webhooks, "manage_webhooks", {true, false, false, false}},
    {Permission::agent_desk, "agent_desk", {false, true, true, false}},
    {Permission::supervise, "supervise", {true, true, false, false}},
    {Permission::handle_cases, "handle_cases", {true, true, true, false}},
    {Permission::department_cases, "department_cases", {true, true, false, true}},
    {Permission::view_sensitive, "view_sensitive", {true, true, false, false}},
    {Permission::plan_workforce, "plan_workforce", {true, true, false, false}},
    {Permission::manage_knowledge, "manage_knowledge", {true, true, false, false}},
    {Permission::read_knowledge, "read_knowledge", {true, true, true, true}},
};

const PermissionInfo& info(Permission p) {
  for (const auto& i : kMatrix)
    if (i.permission == p) return i;
  return kMatrix[0];
}

std::size_t role_index(store::Role r) {
  switch (r) {
    case store::Role::admin:
      return 0;
    case store::Role::supervisor:
      return 1;
    case store::Role::agent:
      return 2;
    case store::Role::backoffice:
      return 3;
  }
  return 2;
}

}  // namespace

const char* to_string(Permission p) {
  return info(p).name;
}

std::optional<Permission> parse_permission(std::string_view name) {
  for (const auto& i : kMatrix)
    if (name == i.name) return i.permission;
  return std::nullopt;
}

const std::vector<Permission>& all_permissions() {
  static const std::vector<Permission> all = [] {
    std::vector<Permission> v;
    for (const auto& i : kMatrix) v.push_back(i.permission);
    return v;
  }();
  return all;
}

bool permits(store::Role role, Permission p) {
  return info(p).roles[role_index(role)];
}

bool Principal::may(Permission p) const {
  if (!permits(role, p)) return false;
  if (!scopes || p == Permission::authenticated) return true;
  for (auto s : *scopes)
    if (s == p) return true;
  return false;
}

std::variant<Principal, Response> Guard::check(const Request& req, Permission p) const {
  auto who = authenticate(req);
  if (auto* principal = std::get_if<Principal>(&who)) {
    if (!principal->may(p)) {
      std::string why = principal->scopes && permits(principal->role, p)
                            ? "this API token's scopes do not include " + std::string(to_string(p))
                            : "role " + std::string(store::to_string(principal->role)) +
                                  " lacks permission " + to_string(p);
      return Response::error(403, "forbidden", why);
    }
  }
  return who;
}

Handler Guard::allow(Permission p, AuthedHandler h) const {
  return [this, p, h = std::move(h)](const Request& req, Respond respond) {
    auto who = check(req, p);
    if (auto* refusal = std::get_if<Response>(&who)) {
      respond(std::move(*refusal));
      return;
    }
    h(req, std::get<Principal>(who), std::move(respond));
  };
}

}  // namespace tamas::api
