#include "api/department_routes.h"

#include "api/crm_json.h"
#include "api/json_body.h"
#include "api/route_helpers.h"

namespace tamas::api {
namespace {

namespace json = boost::json;
using Parts = CrmBackend::Parts;

// Admins and supervisors act for every department; others for their own.
bool acts_for(const Principal& p, Parts& b, const std::string& department) {
  if (p.role == store::Role::admin || p.role == store::Role::supervisor) return true;
  auto mine = b.store.departments().of_user(b.crm.tenant, p.user);
  if (!mine.ok()) return false;
  for (const auto& d : *mine)
    if (d.department == department) return true;
  return false;
}

Response department_cases(const Request& req, const Principal& p, Parts& b) {
  const std::string& dept = req.params.at("department");
  if (!b.cases.config().department(dept))
    return Response::error(404, "not_found", "no department " + dept);
  if (!acts_for(p, b, dept))
    return Response::error(403, "forbidden", "not a member of department " + dept);
  auto cases = b.store.cases().forwarded_to(b.crm.tenant, dept);
  if (!cases.ok()) return error_response(cases.error());
  json::array out;
  for (const auto& c : *cases) out.emplace_back(case_json(c));
  return json_response(200, json::object{{"department", dept}, {"cases", out}});
}

Response add_member(const Request& req, const Principal&, Parts& b) {
  const std::string& dept = req.params.at("department");
  if (!b.cases.config().department(dept))
    return Response::error(404, "not_found", "no department " + dept);
  JsonBody body(req);
  auto user = body.integer("user", true);
  auto head = body.boolean("head");
  if (auto e = body.error()) return std::move(*e);
  if (auto u = b.store.users().get(b.crm.tenant, *user); !u.ok()) return error_response(u.error());
  store::UserDepartment d{b.crm.tenant, *user, dept, head.value_or(false)};
  if (Status s = b.store.departments().add(d); !s.ok()) return error_response(s.error());
  return json_response(201, json::object{{"user", *user}, {"department", dept}, {"head", d.head}});
}

Response answer(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return Response::error(400, "invalid_argument", "the id must be a positive integer");
  JsonBody body(req);
  auto text = body.string("answer", true, 8000);
  if (auto e = body.error()) return std::move(*e);
  auto f = b.store.cases().get_forward(b.crm.tenant, *id);
  if (!f.ok()) return error_response(f.error());
  if (!acts_for(p, b, f->department))
    return Response::error(403, "forbidden", "not a member of department " + f->department);
  auto c = b.cases.answer(*id, p.user, *text, b.now);
  if (!c.ok()) return error_response(c.error());
  return json_response(200, case_json(*c));
}

Response overdue(const Request&, const Principal&, Parts& b) {
  auto late = b.cases.overdue(b.now);
  if (!late.ok()) return error_response(late.error());
  json::array out;
  for (const auto& f : *late) out.emplace_back(forward_json(f));
  return json_response(200, json::object{{"forwards", out}});
}

Response list_voc(const Request&, const Principal&, Parts& b) {
  auto all = b.store.cases().list_voc(b.crm.tenant);
  if (!all.ok()) return error_response(all.error());
  json::array out;
  for (const auto& a : *all) out.emplace_back(voc_json(a));
  return json_response(200, json::object{{"actions", out}});
}

Response add_voc(const Request& req, const Principal& p, Parts& b) {
  JsonBody body(req);
  store::VocAction a;
  a.title = body.string("title", true, 500).value_or("");
  a.category = body.string("category", false, 200).value_or("");
  a.product = body.string("product", false, 200).value_or("");
  a.owner = body.integer("owner").value_or(p.user);
  a.notes = body.string("notes", false, 4000).value_or("");
  if (auto due = body.string("due", false, 64)) {
    Instant t;
    if (parse_iso8601(*due, t))
      a.due_at = t;
    else
      body.problem("due", "must be an ISO 8601 UTC time");
  }
  if (const json::value* cases = body.raw("cases")) {
    if (!cases->is_array())
      body.problem("cases", "must be an array of case ids");
    else
      for (const auto& c : cases->as_array())
        if (c.is_int64())
          a.cases.push_back(c.as_int64());
        else
          body.problem("cases", "must be an array of case ids");
  }
  if (auto e = body.error()) return std::move(*e);
  auto out = b.cases.add_voc(a, b.now);
  if (!out.ok()) return error_response(out.error());
  return json_response(201, voc_json(*out));
}

Response voc_status(const Request& req, const Principal&, Parts& b) {
  auto id = id_param(req);
  if (!id) return Response::error(400, "invalid_argument", "the id must be a positive integer");
  JsonBody body(req);
  auto status = body.string("status", true, 32);
  if (auto e = body.error()) return std::move(*e);
  auto out = b.cases.set_voc_status(*id, *status);
  if (!out.ok()) return error_response(out.error());
  return json_response(200, voc_json(*out));
}

}  // namespace

void add_department_routes(Router& router, const Guard& guard, CrmBackend& backend) {
  using Fn = Response (*)(const Request&, const Principal&, Parts&);
  auto route = [&](const char* method, const char* path, Permission perm, Fn fn) {
    router.add(method, path, guard.allow(perm, on_backend(backend, fn)));
  };
  route("GET", "/api/v1/departments/{department}/cases", Permission::department_cases,
        department_cases);
  route("POST", "/api/v1/departments/{department}/members", Permission::manage_users, add_member);
  route("POST", "/api/v1/forwards/{id}/answer", Permission::department_cases, answer);
  route("GET", "/api/v1/forwards/overdue", Permission::handle_cases, overdue);
  route("GET", "/api/v1/voc-actions", Permission::handle_cases, list_voc);
  route("POST", "/api/v1/voc-actions", Permission::handle_cases, add_voc);
  route("POST", "/api/v1/voc-actions/{id}/status", Permission::handle_cases, voc_status);
}

}  // namespace tamas::api
