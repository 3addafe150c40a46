// Managing logins and agent profiles (permission manage_users):
//   GET/POST   /api/v1/users
//   GET/PATCH  /api/v1/users/{id}          display_name, role, disabled, password
//   GET/PUT    /api/v1/users/{id}/agent    skills, groups, capacities, sip_uri
// Disabling a user or changing a password ends all of the user's sessions;
// any change drops the user's cached credentials at once. An admin cannot
// disable or demote their own account (so a tenant keeps an admin).
#pragma once

#include <set>
#include <string>

#include "api/auth_routes.h"

namespace tamas::api {

// What agent profiles are validated against: the strategy's skill and agent
// group ids, and the channel names capacities may use.
struct AgentVocabulary {
  std::set<std::string> skills;
  std::set<std::string> groups;
  std::set<std::string> channels{"voice", "chat", "email", "webform", "sms", "social", "walkin"};
};

// Registers the user routes and the agent profile routes below.
void add_user_routes(Router& router, AccountServices services, AgentVocabulary vocabulary,
                     bool fast_password_hashes = false);

// GET/PUT /api/v1/users/{id}/agent (agent_routes.cc).
void add_agent_profile_routes(Router& router, AccountServices services, AgentVocabulary vocabulary);

}  // namespace tamas::api
