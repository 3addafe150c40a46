#include "api/case_routes.h"

#include "api/crm_json.h"
#include "api/json_body.h"
#include "api/route_helpers.h"

namespace tamas::api {
namespace {

namespace json = boost::json;
using Parts = CrmBackend::Parts;

// The service says "category 'x' belongs to case kind 'y', not 'z'"; the
// field problem is keyed by the field already.
std::string category_problem(const Error& e) {
  const std::string prefix = "category ";
  return e.message.rfind(prefix, 0) == 0 ? e.message.substr(prefix.size()) : e.message;
}

Response taxonomy(const Request&, const Principal&, Parts& b) {
  const auto& cfg = b.cases.config();
  json::array kinds, categories, departments;
  for (const auto& k : cfg.kinds) kinds.emplace_back(k);
  for (const auto& c : cfg.categories)
    categories.emplace_back(
        json::object{{"id", c.id},
                     {"parent", c.parent},
                     {"kind", c.kind},
                     {"name", json::object{{"fa", c.name.fa}, {"en", c.name.en}}}});
  for (const auto& d : cfg.departments)
    departments.emplace_back(
        json::object{{"id", d.id}, {"name", json::object{{"fa", d.name.fa}, {"en", d.name.en}}}});
  return json_response(
      200,
      json::object{{"kinds", kinds}, {"categories", categories}, {"departments", departments}});
}

Response open_case(const Request& req, const Principal& p, Parts& b) {
  JsonBody body(req);
  services::cases::NewCase n;
  n.kind = body.string("kind", true, 64).value_or("");
  n.category = body.string("category", false, 200).value_or("");
  if (auto c = body.integer("customer")) n.customer = *c;
  if (auto i = body.integer("interaction")) n.interaction = *i;
  n.product = body.string("product", false, 200).value_or("");
  n.province = body.string("province", false, 200).value_or("");
  n.subject = body.string("subject", false, 500).value_or("");
  n.description = body.string("description").value_or("");
  n.channel = body.string("channel", false, 64).value_or("");
  n.priority = static_cast<int>(body.integer("priority").value_or(0));
  if (!n.kind.empty() && b.cases.config().has_kind(n.kind))
    if (Status k = b.cases.check_category(n.kind, n.category); !k.ok())
      body.problem("category", category_problem(k.error()));
  if (auto e = body.error()) return std::move(*e);
  if (n.customer) {
    auto c = b.store.customers().get(b.crm.tenant, *n.customer);
    if (!c.ok()) return error_response(c.error());
    n.segment = c->segment;
    if (n.province.empty()) n.province = c->province;
  }
  auto c = b.cases.open(n, p.user, b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(201, case_json(*c));
}

Response get_case(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  auto c = b.cases.get(*id);
  if (!c.ok()) return error_response(c.error());
  if (!may_see_case(p, b, *c))
    return Response::error(404, "not_found", "no case " + std::to_string(*id));
  auto events = b.store.cases().events(b.crm.tenant, *id);
  auto forwards = b.store.cases().forwards(b.crm.tenant, *id);
  auto links = b.store.cases().links(b.crm.tenant, *id);
  if (!events.ok() || !forwards.ok() || !links.ok())
    return Response::error(503, "unavailable", "could not read the case");
  json::object out = case_json(*c);
  json::array ev, fw, ln;
  for (const auto& e : *events) ev.emplace_back(case_event_json(e));
  for (const auto& f : *forwards) fw.emplace_back(forward_json(f));
  for (const auto& l : *links) ln.emplace_back(json::object{{"case", l.other}, {"kind", l.kind}});
  out["events"] = ev;
  out["forwards"] = fw;
  out["links"] = ln;
  if (auto r = b.store.cases().redress(b.crm.tenant, *id); r.ok()) {
    json::object rj{{"remedy", r->remedy}, {"amount", r->amount}, {"notes", r->notes}};
    rj["accepted"] = r->accepted ? json::value(*r->accepted) : json::value(nullptr);
    rj["satisfaction"] = r->satisfaction ? json::value(*r->satisfaction) : json::value(nullptr);
    out["redress"] = rj;
  }
  return json_response(200, out);
}

Response edit_case(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  services::cases::CaseEdit e;
  e.category = body.string("category", false, 200);
  e.product = body.string("product", false, 200);
  e.province = body.string("province", false, 200);
  e.subject = body.string("subject", false, 500);
  e.description = body.string("description");
  if (auto pr = body.integer("priority")) e.priority = static_cast<int>(*pr);
  auto c = b.cases.get(*id);
  if (!c.ok()) return error_response(c.error());
  if (e.category)
    if (Status k = b.cases.check_category(c->kind, *e.category); !k.ok())
      body.problem("category", category_problem(k.error()));
  if (auto err = body.error()) return std::move(*err);
  auto out = b.cases.edit(*id, e, p.user, b.now);
  if (!out.ok()) return error_response(out.error());
  return json_response(200, case_json(*out));
}

Response transition(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto to = body.string("to", true, 64);
  auto note = body.string("note", false, 4000);
  if (auto e = body.error()) return std::move(*e);
  auto state = store::parse_case_state(*to);
  if (!state.ok()) return error_response(state.error());
  auto c = b.cases.transition(*id, *state, p.user, note.value_or(""), b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(200, case_json(*c));
}

Response assign(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto user = body.integer("user", true);
  if (auto e = body.error()) return std::move(*e);
  if (auto u = b.store.users().get(b.crm.tenant, *user); !u.ok()) return error_response(u.error());
  auto c = b.cases.assign(*id, *user, p.user, b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(200, case_json(*c));
}

Response add_note(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto note = body.string("note", true, 4000);
  if (auto e = body.error()) return std::move(*e);
  auto c = b.cases.get(*id);
  if (!c.ok()) return error_response(c.error());
  if (!may_see_case(p, b, *c))
    return Response::error(404, "not_found", "no case " + std::to_string(*id));
  if (Status s = b.cases.add_note(*id, p.user, *note, b.now); !s.ok())
    return error_response(s.error());
  return json_response(201, json::object{{"case", *id}, {"note", *note}});
}

Response forward(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto department = body.string("department", true, 64);
  auto task = body.string("task", false, 4000);
  auto due_text = body.string("due", false, 64);
  std::optional<Instant> due;
  if (due_text) {
    Instant t;
    if (!parse_iso8601(*due_text, t))
      body.problem("due", "must be an ISO 8601 UTC time");
    else
      due = t;
  }
  if (auto e = body.error()) return std::move(*e);
  auto f = b.cases.forward(*id, *department, task.value_or(""), due, p.user, b.now);
  if (!f.ok()) return error_response(f.error());
  return json_response(201, forward_json(*f));
}

Response redress(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  store::Redress r;
  r.case_id = *id;
  r.remedy = body.string("remedy", true, 64).value_or("");
  r.amount = body.integer("amount").value_or(0);
  r.accepted = body.boolean("accepted");
  if (auto s = body.integer("satisfaction")) r.satisfaction = static_cast<int>(*s);
  r.notes = body.string("notes", false, 4000).value_or("");
  if (auto e = body.error()) return std::move(*e);
  auto out = b.cases.set_redress(r, p.user, b.now);
  if (!out.ok()) return error_response(out.error());
  return json_response(
      200, json::object{{"case", *id}, {"remedy", out->remedy}, {"amount", out->amount}});
}

Response link(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto other = body.integer("other", true);
  auto kind = body.string("kind", false, 32);
  if (auto e = body.error()) return std::move(*e);
  if (Status s = b.cases.link(*id, *other, kind.value_or("related"), p.user, b.now); !s.ok())
    return error_response(s.error());
  return json_response(
      201, json::object{{"case", *id}, {"other", *other}, {"kind", kind.value_or("related")}});
}

Response merge(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto into = body.integer("into", true);
  if (auto e = body.error()) return std::move(*e);
  auto c = b.cases.merge(*id, *into, p.user, b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(200, case_json(*c));
}

}  // namespace

bool may_see_case(const Principal& p, CrmBackend::Parts& b, const store::Case& c) {
  if (p.may(Permission::handle_cases)) return true;
  if (!p.may(Permission::department_cases)) return false;
  auto mine = b.store.departments().of_user(b.crm.tenant, p.user);
  auto forwards = b.store.cases().forwards(b.crm.tenant, c.id);
  if (!mine.ok() || !forwards.ok()) return false;
  for (const auto& f : *forwards)
    for (const auto& d : *mine)
      if (f.department == d.department) return true;
  return false;
}

void add_case_routes(Router& router, const Guard& guard, CrmBackend& backend) {
  using Fn = Response (*)(const Request&, const Principal&, Parts&);
  auto route = [&](const char* method, const char* path, Permission perm, Fn fn) {
    router.add(method, path, guard.allow(perm, on_backend(backend, fn)));
  };
  route("GET", "/api/v1/case-taxonomy", Permission::authenticated, taxonomy);
  route("POST", "/api/v1/cases", Permission::handle_cases, open_case);
  route("GET", "/api/v1/cases/{id}", Permission::authenticated, get_case);
  route("PATCH", "/api/v1/cases/{id}", Permission::handle_cases, edit_case);
  route("POST", "/api/v1/cases/{id}/transition", Permission::handle_cases, transition);
  route("POST", "/api/v1/cases/{id}/assign", Permission::handle_cases, assign);
  route("POST", "/api/v1/cases/{id}/notes", Permission::authenticated, add_note);
  route("POST", "/api/v1/cases/{id}/forward", Permission::handle_cases, forward);
  route("POST", "/api/v1/cases/{id}/redress", Permission::handle_cases, redress);
  route("POST", "/api/v1/cases/{id}/links", Permission::handle_cases, link);
  route("POST", "/api/v1/cases/{id}/merge", Permission::handle_cases, merge);
}

void publish_case_events(CrmBackend& backend, services::EventBus& bus) {
  backend.run([&bus](Parts& b) {
    b.cases.publish_to(&bus);
    return 0;
  });
}

}  // namespace tamas::api
