#include "api/webhook_routes.h"

#include "api/credentials.h"
#include "api/json_body.h"
#include "api/route_helpers.h"
#include "services/events/event_types.h"
#include "services/webhooks/http_post.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

json::object hook_json(const store::Webhook& w) {
  json::array events;
  for (const auto& e : w.events) events.push_back(json::value(e));
  return {{"id", w.id},
          {"url", w.url},
          {"events", std::move(events)},
          {"signed", !w.secret.empty()},
          {"created_at", format_iso8601(w.created_at)}};
}

std::string known_types() {
  std::string out;
  for (std::string_view t : services::webhook_event_types())
    out += (out.empty() ? "" : ", ") + std::string(t);
  return out;
}

std::vector<std::string> read_events(JsonBody& body) {
  std::vector<std::string> out;
  const json::value* v = body.raw("events");
  if (!v) {
    body.problem("events", "is required");
  } else if (!v->is_array() || v->as_array().empty()) {
    body.problem("events", "must be a non-empty array of event types (or [\"*\"])");
  } else {
    for (const auto& e : v->as_array()) {
      if (!e.is_string() || !services::is_webhook_event_type(std::string(e.as_string())))
        body.problem("events", "unknown event type " + to_text(e) + "; known: " + known_types() +
                                   " (or \"*\")");
      else
        out.emplace_back(e.as_string());
    }
  }
  return out;
}

Response list_hooks(const AccountServices& s) {
  auto hooks = s.db.with([&](store::Store& db) { return db.webhooks().list(s.guard.tenant()); });
  if (!hooks) return store_failure(hooks.error());
  json::array out;
  for (const auto& h : *hooks) out.push_back(hook_json(h));
  return Response::json(200, to_text(json::object{{"webhooks", std::move(out)}}));
}

Response create_hook(const Request& req, const AccountServices& s, services::WebhookDispatcher& d) {
  JsonBody body(req);
  auto url = body.string("url", true, 2000);
  auto events = read_events(body);
  auto secret = body.string("secret", false, 200);
  if (url)
    if (auto parsed = services::parse_http_url(*url); !parsed)
      body.problem("url", parsed.error().message);
  if (auto e = body.error()) return std::move(*e);
  store::Webhook w{
      0, s.guard.tenant(), *url, events, secret ? *secret : random_token(32), s.clock.now(), true};
  auto id = s.db.with([&](store::Store& db) { return db.webhooks().add(w); });
  if (!id) return store_failure(id.error());
  w.id = *id;
  d.reload();
  auto o = hook_json(w);
  o["secret"] = w.secret;
  return Response::json(201, to_text(o));
}

Response remove_hook(const Request& req, const AccountServices& s, services::WebhookDispatcher& d) {
  auto id = id_param(req);
  if (!id) return Response::error(404, "not_found", "no webhook " + req.params.at("id"));
  auto st =
      s.db.with([&](store::Store& db) { return db.webhooks().remove(s.guard.tenant(), *id); });
  if (!st.ok()) return store_failure(st.error());
  d.reload();
  return Response::json(200, "{\"id\":" + std::to_string(*id) + ",\"deleted\":true}");
}

Response ping_hook(const Request& req, const AccountServices& s, services::WebhookDispatcher& d) {
  auto id = id_param(req);
  if (!id) return Response::error(404, "not_found", "no webhook " + req.params.at("id"));
  auto hook = s.db.with([&](store::Store& db) { return db.webhooks().get(s.guard.tenant(), *id); });
  if (!hook) return store_failure(hook.error());
  d.ping(*id);
  return Response::json(202, "{\"id\":" + std::to_string(*id) + ",\"queued\":\"ping\"}");
}

Response deliveries(const Request& req, const AccountServices& s) {
  auto id = id_param(req);
  if (!id) return Response::error(404, "not_found", "no webhook " + req.params.at("id"));
  auto log = s.db.with([&](store::Store& db) -> Result<std::vector<store::WebhookDelivery>> {
    if (auto h = db.webhooks().get(s.guard.tenant(), *id); !h) return h.error();
    return db.webhooks().deliveries(s.guard.tenant(), *id, 200);
  });
  if (!log) return store_failure(log.error());
  json::array out;
  for (const auto& d : *log)
    out.push_back(json::object{{"id", d.id},
                               {"event_seq", d.event_seq},
                               {"event_type", d.event_type},
                               {"attempt", d.attempt},
                               {"at", format_iso8601(d.at)},
                               {"status_code", d.status_code},
                               {"ok", d.ok},
                               {"error", d.error}});
  return Response::json(200, to_text(json::object{{"deliveries", std::move(out)}}));
}

}  // namespace

void add_webhook_routes(Router& router, AccountServices s, services::WebhookDispatcher& d) {
  const Guard& g = s.guard;
  const auto p = Permission::manage_webhooks;
  router.get("/api/v1/webhooks",
             g.allow(p, [s](const Request&, const Principal&, Respond r) { r(list_hooks(s)); }));
  router.post("/api/v1/webhooks", g.allow(p, [s, &d](const Request& req, const Principal&,
                                                     Respond r) { r(create_hook(req, s, d)); }));
  router.del("/api/v1/webhooks/{id}",
             g.allow(p, [s, &d](const Request& req, const Principal&, Respond r) {
               r(remove_hook(req, s, d));
             }));
  router.post("/api/v1/webhooks/{id}/ping",
              g.allow(p, [s, &d](const Request& req, const Principal&, Respond r) {
                r(ping_hook(req, s, d));
              }));
  router.get(
      "/api/v1/webhooks/{id}/deliveries",
      g.allow(p, [s](const Request& req, const Principal&, Respond r) { r(deliveries(req, s)); }));
}

}  // namespace tamas::api
