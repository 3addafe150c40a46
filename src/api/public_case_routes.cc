#include "api/public_case_routes.h"

#include <memory>

#include "api/json_body.h"
#include "api/rate_limiter.h"
#include "api/route_helpers.h"
#include "core/phone.h"
#include "core/text.h"
#include "services/cases/ops.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

struct Throttle {
  explicit Throttle(const LoginLimits& l)
      : by_address(l.per_address_burst, l.per_address_per_minute),
        failures_by_case(l.failures_per_user_burst, l.failures_per_user_per_minute) {}
  RateLimiter by_address;
  RateLimiter failures_by_case;
};

Response too_many(double seconds) {
  return too_many_requests(seconds, "too many status lookups; try again later");
}

Response not_found() {
  return Response::error(404, "not_found", "no case with this number and phone");
}

// "C-000123", "c123", "123", in Persian or Arabic digits too; 0 when not a number.
store::RowId parse_case_number(const std::string& raw) {
  std::string s = to_ascii_digits(raw);
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '-'; }), s.end());
  if (!s.empty() && (s[0] == 'C' || s[0] == 'c')) s.erase(0, 1);
  if (s.empty() || s.size() > 15) return 0;
  if (!std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  return std::stoll(s);
}

// Events a customer may see (never notes or internal escalations).
bool is_public_event(const std::string& kind) {
  static const char* const kinds[] = {"created", "transition", "forwarded", "answered", "merged"};
  return std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return kind == k; });
}

json::object status_json(const store::Case& c, const std::vector<store::CaseEvent>& events) {
  json::object o{{"number", services::cases::format_case_id(c.id)},
                 {"state", store::to_string(c.state)},
                 {"kind", c.kind},
                 {"created_at", format_iso8601(c.created_at)}};
  Instant last = c.created_at;
  std::string last_kind = "created";
  for (const auto& e : events)
    if (is_public_event(e.kind) && e.at >= last) {
      last = e.at;
      last_kind = e.kind;
    }
  o["last_update"] = json::object{{"at", format_iso8601(last)}, {"kind", last_kind}};
  if (c.resolution.due_at && !c.resolved_at && !c.closed_at)
    o["due_at"] = format_iso8601(*c.resolution.due_at);
  if (c.resolved_at) o["resolved_at"] = format_iso8601(*c.resolved_at);
  return o;
}

// The case when `phone` belongs to its customer; nullopt otherwise.
std::optional<json::object> lookup(CrmBackend::Parts& b, store::RowId id,
                                   const std::string& phone) {
  auto c = b.store.cases().get(b.crm.tenant, id);
  if (!c.ok() || !c->customer || c->merged_into) return std::nullopt;
  auto who = b.store.customers().get(b.crm.tenant, *c->customer);
  if (!who.ok()) return std::nullopt;
  if (std::find(who->phones.begin(), who->phones.end(), phone) == who->phones.end())
    return std::nullopt;
  auto events = b.store.cases().events(b.crm.tenant, id);
  return status_json(*c, events.ok() ? *events : std::vector<store::CaseEvent>{});
}

Response case_status(const Request& req, CrmBackend& backend, const Clock& clock, Throttle& t) {
  const Instant now = clock.now();
  const std::string addr = "addr:" + req.remote;
  if (!t.by_address.allow(addr, now)) return too_many(t.by_address.retry_after_seconds(addr, now));
  JsonBody body(req);
  auto number = body.string("number", true, 40);
  auto phone = body.string("phone", true, 40);
  if (auto e = body.error()) return std::move(*e);
  const store::RowId id = parse_case_number(*number);
  auto e164 = normalise_phone(*phone);
  const std::string case_key = "case:" + std::to_string(id);
  if (double wait = t.failures_by_case.retry_after_seconds(case_key, now); wait > 0)
    return too_many(wait);
  std::optional<json::object> found;
  if (id > 0 && e164.ok())
    found = backend.run([&](CrmBackend::Parts& b) { return lookup(b, id, *e164); });
  if (!found) {
    (void)t.failures_by_case.allow(case_key, now);
    return not_found();
  }
  auto r = Response::json(200, json::serialize(*found));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_public_case_routes(Router& router, CrmBackend& backend, const Clock& clock,
                            LoginLimits limits) {
  auto throttle = std::make_shared<Throttle>(limits);
  router.post("/api/v1/public/cases/status", sync([&backend, &clock, throttle](const Request& req) {
                return case_status(req, backend, clock, *throttle);
              }));
}

}  // namespace tamas::api
