// `tamas user add|passwd|sip-password|list`: manage logins in the database.
#include <CLI/CLI.hpp>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "api/credentials.h"
#include "app/command.h"
#include "app/tenant_setup.h"
#include "app/wall_clock.h"
#include "channels/voice/digest_auth.h"

namespace tamas::app {
namespace {

struct UserOptions {
  std::string db = "var/tamas.db";
  std::string tenant;
  std::string strategy;
  std::string username;
  std::string name;
  std::string role = "agent";
  std::string password;
  bool password_stdin = false;
  std::string realm = "tamas";  // SIP digest realm (VoiceConfig::sip_realm)
};

std::string read_secret(const char* prompt) {
  const bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  return line;
}

Result<std::string> obtain_password_hash(const UserOptions& o) {
  std::string pw = o.password;
  if (pw.empty()) {
    if (!o.password_stdin && !isatty(STDIN_FILENO))
      return Error::invalid("give --password, --password-stdin, or run on a terminal");
    pw = read_secret("password: ");
    if (!o.password_stdin && read_secret("again: ") != pw) return Error::invalid("passwords differ");
  }
  if (auto st = api::check_password_policy(pw); !st.ok()) return st.error();
  return api::hash_password(pw);
}

Result<store::TenantId> resolve_tenant(store::Store& db, const UserOptions& o);

// The database and the organisation a command acts on.
struct Target {
  std::unique_ptr<store::Store> db;
  store::TenantId tenant{};
};

Result<Target> open_target(const UserOptions& o) {
  auto db = open_database(o.db);
  if (!db) return db.error();
  auto tenant = resolve_tenant(**db, o);
  if (!tenant) return tenant.error();
  return Target{std::move(*db), *tenant};
}

Result<store::User> find_user(const Target& t, const std::string& username) {
  auto user = t.db->users().find_by_username(t.tenant, username);
  if (!user) return Error::not_found("no user '" + username + "'");
  return *user;
}

int fail(const Error& e) {
  std::fprintf(stderr, "tamas user: %s\n", e.message.c_str());
  return e.code == ErrorCode::invalid_argument ? 2 : 1;
}

int run_add(const UserOptions& o) {
  auto role = store::parse_role(o.role);
  if (!role) return fail(role.error());
  auto t = open_target(o);
  if (!t) return fail(t.error());
  auto hash = obtain_password_hash(o);
  if (!hash) return fail(hash.error());
  store::User u;
  u.tenant = t->tenant;
  u.username = o.username;
  u.display_name = o.name.empty() ? o.username : o.name;
  u.role = *role;
  u.password_hash = *hash;
  u.created_at = WallClock().now();
  auto id = t->db->users().add(u);
  if (!id) return fail(id.error());
  std::printf("added %s (%s)\n", o.username.c_str(), store::to_string(*role));
  return 0;
}

int run_passwd(const UserOptions& o) {
  auto t = open_target(o);
  if (!t) return fail(t.error());
  auto user = find_user(*t, o.username);
  if (!user) return fail(user.error());
  auto hash = obtain_password_hash(o);
  if (!hash) return fail(hash.error());
  user->password_hash = *hash;
  if (auto st = t->db->users().update(*user); !st.ok()) return fail(st.error());
  std::printf("password changed for %s\n", o.username.c_str());
  return 0;
}

// The password the agent's phone uses to REGISTER, stored as its digest HA1.
int run_sip_password(const UserOptions& o) {
  auto t = open_target(o);
  if (!t) return fail(t.error());
  auto user = find_user(*t, o.username);
  if (!user) return fail(user.error());
  auto agent = t->db->agents().find_by_user(t->tenant, user->id);
  if (!agent) return fail(Error::not_found("'" + o.username + "' has no agent profile"));
  std::string pw = o.password;
  if (pw.empty()) {
    if (!o.password_stdin && !isatty(STDIN_FILENO))
      return fail(Error::invalid("give --password, --password-stdin, or run on a terminal"));
    pw = read_secret("SIP password: ");
  }
  if (pw.size() < 8) return fail(Error::invalid("a SIP password needs at least 8 characters"));
  agent->sip_ha1 = voice::digest_ha1(o.username, o.realm, pw);
  agent->sip_realm = o.realm;
  if (auto st = t->db->agents().update(*agent); !st.ok()) return fail(st.error());
  std::printf("SIP password set for %s (realm %s)\n", o.username.c_str(), o.realm.c_str());
  return 0;
}

int run_list(const UserOptions& o) {
  auto t = open_target(o);
  if (!t) return fail(t.error());
  auto users = t->db->users().list(t->tenant);
  if (!users) return fail(users.error());
  std::printf("%-20s %-11s %-8s %s\n", "USERNAME", "ROLE", "STATUS", "NAME");
  for (const auto& u : *users)
    std::printf("%-20s %-11s %-8s %s\n", u.username.c_str(), store::to_string(u.role),
                u.disabled ? "disabled" : "active", u.display_name.c_str());
  return 0;
}

void common_options(CLI::App& sub, UserOptions& o) {
  sub.add_option("--db", o.db, "SQLite database path")->capture_default_str();
  sub.add_option("--tenant", o.tenant, "Organisation id (needed when the database has several)");
  sub.add_option("--strategy", o.strategy,
                 "Strategy file whose organisation the user belongs to (installed if new)");
}

// The tenant to act on: from --strategy (installing it), --tenant, or the only one.
Result<store::TenantId> resolve_tenant(store::Store& db, const UserOptions& o) {
  if (o.strategy.empty()) return find_tenant(db, o.tenant);
  auto loaded = load_strategy_file(o.strategy);
  if (!loaded) return loaded.error();
  return install_strategy(db, o.strategy, *loaded);
}

TAMAS_REGISTER_COMMAND(Command{
    "user", "Manage logins: add, passwd, sip-password, list",
    [](CLI::App& sub) -> std::function<int()> {
      auto o = std::make_shared<UserOptions>();
      auto action = std::make_shared<std::function<int()>>();
      sub.require_subcommand(1);
      auto* add = sub.add_subcommand("add", "Add a user");
      add->add_option("username", o->username, "Login name")->required();
      add->add_option("--role", o->role, "admin, supervisor, agent or backoffice")->capture_default_str()
          ->check(CLI::IsMember({"admin", "supervisor", "agent", "backoffice"}));
      add->add_option("--name", o->name, "Display name");
      add->add_option("--password", o->password, "Password (visible to other users of this machine; prefer --password-stdin)");
      add->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
      common_options(*add, *o);
      add->callback([o, action] { *action = [o] { return run_add(*o); }; });
      auto* passwd = sub.add_subcommand("passwd", "Change a user's password");
      passwd->add_option("username", o->username, "Login name")->required();
      passwd->add_option("--password", o->password, "New password");
      passwd->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
      common_options(*passwd, *o);
      passwd->callback([o, action] { *action = [o] { return run_passwd(*o); }; });
      auto* sip = sub.add_subcommand("sip-password", "Set the password an agent's SIP phone registers with");
      sip->add_option("username", o->username, "Login name (also the SIP user name)")->required();
      sip->add_option("--password", o->password, "SIP password");
      sip->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
      sip->add_option("--realm", o->realm, "Digest realm")->capture_default_str();
      common_options(*sip, *o);
      sip->callback([o, action] { *action = [o] { return run_sip_password(*o); }; });
      auto* list = sub.add_subcommand("list", "List users");
      common_options(*list, *o);
      list->callback([o, action] { *action = [o] { return run_list(*o); }; });
      return [action] { return (*action)(); };
    }});

}  // namespace
}  // namespace tamas::app
