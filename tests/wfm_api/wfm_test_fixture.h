// Shared by the wfm route tests: a guard that trusts an "x-role" header,
// one-request dispatch, and routes over a memory store with a manual clock.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

#include "api/wfm_routes.h"
#include "store/memory_store.h"

namespace tamas::api {

// Authenticates whoever names a role in "x-role"; nobody else.
class FakeGuard final : public Guard {
 public:
  std::variant<Principal, Response> authenticate(const Request& req) const override {
    const std::string_view role = req.header("x-role");
    if (role.empty()) return Response::error(401, "unauthenticated", "no credentials");
    Principal p;
    p.username = "u";
    p.role = role == "supervisor" ? store::Role::supervisor
             : role == "admin"    ? store::Role::admin
                                  : store::Role::agent;
    return p;
  }
};

// One request through the router as `role` ("": no credentials); the
// target's query string is split into req.query.
inline Response dispatch(Router& router, const std::string& method, const std::string& target,
                         const std::string& body, const std::string& role) {
  Request req;
  req.method = method;
  req.target = target;
  req.path = target.substr(0, target.find('?'));
  if (auto q = target.find('?'); q != std::string::npos) {
    std::stringstream pairs(target.substr(q + 1));
    for (std::string kv; std::getline(pairs, kv, '&');)
      req.query[kv.substr(0, kv.find('='))] = kv.substr(kv.find('=') + 1);
  }
  req.body = body;
  req.headers = {{"content-type", "application/json"}};
  if (!role.empty()) req.headers.emplace_back("x-role", role);
  Response out;
  router.dispatch(req, [&](Response r) { out = std::move(r); });
  return out;
}

struct RecordsFixture {
  FakeGuard guard;
  Router router;
  ManualClock clock{from_millis(1'772'400'000'000LL)};
  store::Store* db = nullptr;
  std::unique_ptr<WfmRecords> records;
  store::TenantId tenant = 0;
  BusinessCalendar calendar;

  // holidays: the strategy calendar's (Nowruz, ...).
  explicit RecordsFixture(std::vector<HolidayRule> holidays = {})
      : calendar(*BusinessCalendar::create("Asia/Tehran", std::move(holidays))) {
    auto s = store::open_memory_store();
    EXPECT_TRUE(s.ok());
    db = s->get();
    tenant = *db->tenants().add({0, "acme", "Acme", clock.now()});
    records = std::make_unique<WfmRecords>(std::move(s).value(), tenant, calendar, clock);
    add_wfm_routes(router, guard, records.get());
  }
  Instant local(int minute) const { return calendar.to_instant(CivilDate{2026, 3, 1}, minute); }
  Response call(const std::string& method, const std::string& target, const std::string& body,
                const std::string& role = "supervisor") {
    return dispatch(router, method, target, body, role);
  }
};

}  // namespace tamas::api
