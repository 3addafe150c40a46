#include "api/desk_routes.h"

#include "api/json_body.h"
#include "core/time.h"

namespace tamas::api {
namespace {

namespace json = boost::json;
using services::AgentDesk;

json::object contact_json(const services::DeskContact& c) {
  json::object o{{"contact", c.id},
                 {"state", c.state},
                 {"queue", c.queue},
                 {"since", format_iso8601(c.since)}};
  if (c.offer_expires) o["offer_expires_at"] = format_iso8601(*c.offer_expires);
  return o;
}

std::string agent_json(const services::DeskAgent& a) {
  json::array offers, contacts;
  for (const auto& c : a.contacts)
    (c.state == "offered" ? offers : contacts).push_back(contact_json(c));
  return json::serialize(json::object{{"agent", a.agent},
                                      {"name", a.display_name},
                                      {"state", a.state},
                                      {"reason", a.reason},
                                      {"since", format_iso8601(a.since)},
                                      {"offers", offers},
                                      {"contacts", contacts}});
}

// Completion that answers 200 {"ok":true} or the error.
AgentDesk::Done answer(Respond respond) {
  return [respond](const Status& st) {
    respond(st.ok() ? Response::json(200, R"({"ok":true})") : error_response(st.error()));
  };
}

// A JSON body, or none at all (an empty body is an empty object).
struct OptionalBody {
  explicit OptionalBody(const Request& req) {
    if (!req.body.empty()) body.emplace(req);
  }
  std::optional<std::string> string(const std::string& name, bool required = false,
                                    std::size_t max = 1000) {
    if (!body) {
      if (required) missing.emplace(name, "is required");
      return std::nullopt;
    }
    return body->string(name, required, max);
  }
  std::optional<Response> error() {
    if (body) return body->error();
    if (!missing.empty()) return field_problems_response(missing);
    return std::nullopt;
  }
  std::optional<JsonBody> body;
  std::map<std::string, std::string> missing;
};

using ContactAction = std::function<void(AgentDesk&, const std::string& agent,
                                         const std::string& contact, AgentDesk::Done)>;

void contact_action(Router& router, const Guard& guard, AgentDesk& desk, const std::string& path,
                    ContactAction action) {
  router.post(
      path, guard.allow(Permission::agent_desk,
                        [&desk, action](const Request& req, const Principal& who, Respond respond) {
                          OptionalBody body(req);
                          if (auto e = body.error()) return respond(std::move(*e));
                          action(desk, who.username, req.params.at("contact"), answer(respond));
                        }));
}

// The name people see: the user's display name, else the username.
std::string display_name(const Principal& who) {
  return who.display_name.empty() ? who.username : who.display_name;
}

void add_agent_session_routes(Router& router, const Guard& guard, AgentDesk& desk) {
  const auto p = Permission::agent_desk;
  router.post("/api/v1/agent/login", guard.allow(p, [&desk](const Request&, const Principal& who,
                                                            Respond respond) {
    desk.login({who.user, who.username, display_name(who)},
               [respond](Result<services::DeskAgent> r) {
                 respond(r ? Response::json(200, agent_json(*r)) : error_response(r.error()));
               });
  }));
  router.post("/api/v1/agent/logout",
              guard.allow(p, [&desk](const Request& req, const Principal& who, Respond respond) {
                OptionalBody body(req);
                auto reason = body.string("reason", false, 100);
                if (auto e = body.error()) return respond(std::move(*e));
                desk.logout(who.username, reason.value_or("logout"), answer(respond));
              }));
  router.get("/api/v1/agent",
             guard.allow(p, [&desk](const Request&, const Principal& who, Respond respond) {
               auto a = desk.agent(who.username);
               if (!a)
                 a = services::DeskAgent{who.username, display_name(who), "logged_out", "", {}, {}};
               respond(Response::json(200, agent_json(*a)));
             }));
  router.post("/api/v1/agent/state",
              guard.allow(p, [&desk](const Request& req, const Principal& who, Respond respond) {
                JsonBody body(req);
                auto state = body.string("state", true, 20);
                auto reason = body.string("reason", false, 100);
                if (state && *state != "ready" && *state != "not_ready")
                  body.problem("state", "must be ready or not_ready");
                if (auto e = body.error()) return respond(std::move(*e));
                if (*state == "ready") return desk.set_ready(who.username, answer(respond));
                desk.set_not_ready(who.username, reason.value_or(""), answer(respond));
              }));
}

void add_contact_routes(Router& router, const Guard& guard, AgentDesk& desk) {
  const auto p = Permission::agent_desk;
  const std::string offer = "/api/v1/agent/offers/{contact}/",
                    contact = "/api/v1/agent/contacts/{contact}";
  contact_action(router, guard, desk, offer + "accept",
                 [](AgentDesk& d, const std::string& a, const std::string& c,
                    AgentDesk::Done done) { d.accept(a, c, done); });
  contact_action(router, guard, desk, offer + "reject",
                 [](AgentDesk& d, const std::string& a, const std::string& c,
                    AgentDesk::Done done) { d.reject(a, c, done); });
  contact_action(router, guard, desk, contact + "/end",
                 [](AgentDesk& d, const std::string& a, const std::string& c,
                    AgentDesk::Done done) { d.end(a, c, done); });
  contact_action(router, guard, desk, contact + "/hold",
                 [](AgentDesk& d, const std::string& a, const std::string& c,
                    AgentDesk::Done done) { d.hold(a, c, true, done); });
  contact_action(router, guard, desk, contact + "/resume",
                 [](AgentDesk& d, const std::string& a, const std::string& c,
                    AgentDesk::Done done) { d.hold(a, c, false, done); });
  contact_action(router, guard, desk, contact + "/typing",
                 [](AgentDesk& d, const std::string& a, const std::string& c,
                    AgentDesk::Done done) { done(d.typing(a, c)); });
  router.get(
      contact, guard.allow(p, [&desk](const Request& req, const Principal& who, Respond respond) {
        desk.details(who.username, req.params.at("contact"), [respond](Result<std::string> r) {
          respond(r ? Response::json(200, *r) : error_response(r.error()));
        });
      }));
  router.post(contact + "/messages", guard.allow(p, [&desk](const Request& req,
                                                            const Principal& who, Respond respond) {
    JsonBody body(req);
    auto text = body.string("text", true, 4000);
    if (auto e = body.error()) return respond(std::move(*e));
    desk.send_message(who.username, req.params.at("contact"), *text,
                      [respond](Result<std::int64_t> r) {
                        respond(r ? Response::json(201, R"({"seq":)" + std::to_string(*r) + "}")
                                  : error_response(r.error()));
                      });
  }));
  router.post(contact + "/transfer",
              guard.allow(p, [&desk](const Request& req, const Principal& who, Respond respond) {
                JsonBody body(req);
                auto queue = body.string("queue", false, 100);
                auto agent = body.string("agent", false, 100);
                if (queue.has_value() == agent.has_value())
                  body.problem("queue", "give exactly one of queue or agent");
                if (auto e = body.error()) return respond(std::move(*e));
                desk.transfer(who.username, req.params.at("contact"),
                              {queue.value_or(""), agent.value_or("")}, answer(respond));
              }));
  router.post(contact + "/wrapup",
              guard.allow(p, [&desk](const Request& req, const Principal& who, Respond respond) {
                JsonBody body(req);
                auto disposition = body.string("disposition", true, 64);
                auto notes = body.string("notes", false, 4000);
                if (auto e = body.error()) return respond(std::move(*e));
                desk.wrap_up(who.username, req.params.at("contact"), *disposition,
                             notes.value_or(""), answer(respond));
              }));
}

void add_supervisor_routes(Router& router, const Guard& guard, AgentDesk& desk,
                           services::SupervisorFeed& feed) {
  const auto p = Permission::supervise;
  router.get("/api/v1/agents",
             guard.allow(p, [&desk](const Request&, const Principal&, Respond respond) {
               std::string out = "[";
               for (const auto& a : desk.agents())
                 out += (out.size() > 1 ? "," : "") + agent_json(a);
               respond(Response::json(200, out + "]"));
             }));
  router.get("/api/v1/queues",
             guard.allow(p, [&feed](const Request&, const Principal&, Respond respond) {
               respond(Response::json(200, feed.queues_now()));
             }));
  router.post("/api/v1/agents/{agent}/state",
              guard.allow(p, [&desk](const Request& req, const Principal& who, Respond respond) {
                JsonBody body(req);
                auto state = body.string("state", true, 20);
                auto reason = body.string("reason", false, 100);
                if (state && *state != "ready" && *state != "not_ready" && *state != "logged_out")
                  body.problem("state", "must be ready, not_ready or logged_out");
                if (auto e = body.error()) return respond(std::move(*e));
                const auto& agent = req.params.at("agent");
                if (*state == "ready") return desk.set_ready(agent, answer(respond));
                if (*state == "not_ready")
                  return desk.set_not_ready(agent, reason.value_or("supervisor"), answer(respond));
                desk.logout(agent, reason.value_or("logged out by " + who.username),
                            answer(respond));
              }));
}

}  // namespace

void add_partner_transfer_route(Router& router, const Guard& guard, PartnerTransfer transfer) {
  router.post("/api/v1/agent/contacts/{contact}/partner-transfer",
              guard.allow(Permission::agent_desk,
                          [transfer](const Request& req, const Principal& who, Respond respond) {
                            JsonBody body(req);
                            auto partner = body.string("partner", true, 100);
                            if (auto e = body.error()) return respond(std::move(*e));
                            Status st = transfer(who.username, req.params.at("contact"), *partner);
                            respond(st.ok() ? Response::json(200, R"({"ok":true})")
                                            : error_response(st.error()));
                          }));
}

void add_desk_routes(Router& router, const Guard& guard, AgentDesk& desk,
                     services::SupervisorFeed& feed) {
  add_agent_session_routes(router, guard, desk);
  add_contact_routes(router, guard, desk);
  add_supervisor_routes(router, guard, desk, feed);
}

}  // namespace tamas::api
