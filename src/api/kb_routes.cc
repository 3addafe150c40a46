#include "api/kb_routes.h"

#include <charconv>

#include "api/crm_json.h"
#include "api/json_body.h"
#include "api/route_helpers.h"

namespace tamas::api {
namespace {

namespace json = boost::json;
using Parts = CrmBackend::Parts;

Response hits_response(const Result<std::vector<store::ArticleHit>>& hits) {
  if (!hits.ok()) return error_response(hits.error());
  json::array out;
  for (const auto& h : *hits) {
    json::object a = article_json(h.article);
    a["score"] = h.score;
    out.emplace_back(std::move(a));
  }
  return json_response(200, json::object{{"articles", out}});
}

Response search(const Request& req, Parts& b, bool include_agents_only) {
  services::kb::SearchRequest r;
  r.include_agents_only = include_agents_only;
  if (auto q = req.query.find("q"); q != req.query.end()) r.text = q->second;
  if (auto l = req.query.find("limit"); l != req.query.end()) {
    auto [end, ec] =
        std::from_chars(l->second.data(), l->second.data() + l->second.size(), r.limit);
    if (ec != std::errc{} || end != l->second.data() + l->second.size())
      return Response::error(400, "invalid_argument", "limit must be a number");
  }
  if (r.text.size() > 1000) return Response::error(400, "invalid_argument", "q is too long");
  return hits_response(b.kb.search(r));
}

Response staff_search(const Request& req, const Principal&, Parts& b) {
  return search(req, b, true);
}

// Reads the editable fields into `a`; problems are recorded on `body`.
void read_article(JsonBody& body, store::Article& a) {
  a.lang = body.string("lang").value_or(a.lang);
  a.category = body.string("category", false, 200).value_or(a.category);
  a.visibility = body.string("visibility").value_or(a.visibility);
  a.title = body.string("title", a.title.empty(), 500).value_or(a.title);
  a.body = body.string("body", false, 200'000).value_or(a.body);
  if (auto archived = body.boolean("archived")) a.archived = *archived;
  if (auto review = body.string("review_at", false, 64)) {
    Instant t;
    if (parse_iso8601(*review, t))
      a.review_at = t;
    else
      body.problem("review_at", "must be an ISO 8601 UTC time");
  }
  for (const char* list : {"tags", "types"})
    if (const json::value* v = body.raw(list)) {
      std::vector<std::string> items;
      if (v->is_array())
        for (const auto& i : v->as_array())
          if (i.is_string()) items.emplace_back(i.as_string());
      if (!v->is_array() || items.size() != v->as_array().size())
        body.problem(list, "must be an array of strings");
      (std::string_view(list) == "tags" ? a.tags : a.types) = std::move(items);
    }
}

Response create(const Request& req, const Principal& p, Parts& b) {
  JsonBody body(req);
  store::Article a;
  read_article(body, a);
  if (auto e = body.error()) return std::move(*e);
  auto out = b.kb.add(a, p.user, b.now);
  if (!out.ok()) return error_response(out.error());
  return json_response(201, article_json(*out));
}

Response update(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  auto current = b.kb.get(*id);
  if (!current.ok()) return error_response(current.error());
  JsonBody body(req);
  store::Article a = *current;
  auto version = body.integer("version", true);
  read_article(body, a);
  if (auto e = body.error()) return std::move(*e);
  a.version = static_cast<int>(*version);
  auto out = b.kb.update(a, p.user, b.now);
  if (!out.ok()) return error_response(out.error());
  return json_response(200, article_json(*out));
}

Response get(const Request& req, const Principal&, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  auto a = b.kb.get(*id);
  if (!a.ok()) return error_response(a.error());
  return json_response(200, article_json(*a));
}

Response versions(const Request& req, const Principal&, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  if (auto a = b.kb.get(*id); !a.ok()) return error_response(a.error());
  auto all = b.kb.versions(*id);
  if (!all.ok()) return error_response(all.error());
  json::array out;
  for (const auto& v : *all)
    out.emplace_back(json::object{{"version", v.version},
                                  {"title", v.title},
                                  {"body", v.body},
                                  {"edited_by", v.edited_by},
                                  {"edited_at", format_iso8601(v.edited_at)}});
  return json_response(200, json::object{{"versions", out}});
}

Response suggestions(const Request& req, const Principal&, Parts& b) {
  JsonBody body(req);
  auto type = body.string("type", false, 64);
  auto fields = body.string_map("fields");
  auto limit = body.integer("limit");
  if (auto e = body.error()) return std::move(*e);
  return hits_response(b.kb.suggest(type.value_or(""),
                                    fields.value_or(std::map<std::string, std::string>{}),
                                    static_cast<int>(limit.value_or(5))));
}

Response ask(const Request& req, const Principal& p, Parts& b) {
  JsonBody body(req);
  auto question = body.string("question", true, 4000);
  auto type = body.string("type", false, 64);
  if (auto e = body.error()) return std::move(*e);
  auto q = b.kb.ask(*question, type.value_or(""), p.user, b.now);
  if (!q.ok()) return error_response(q.error());
  return json_response(201, question_json(*q));
}

Response questions(const Request&, const Principal&, Parts& b) {
  auto open = b.kb.open_questions();
  if (!open.ok()) return error_response(open.error());
  json::array out;
  for (const auto& q : *open) out.emplace_back(question_json(q));
  return json_response(200, json::object{{"questions", out}});
}

Response resolve(const Request& req, const Principal& p, Parts& b) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  JsonBody body(req);
  auto article = body.integer("article");
  if (auto e = body.error()) return std::move(*e);
  std::optional<store::RowId> a;
  if (article) a = *article;
  auto q = b.kb.resolve(*id, a, p.user, b.now);
  if (!q.ok()) return error_response(q.error());
  return json_response(200, question_json(*q));
}

}  // namespace

void add_kb_routes(Router& router, const Guard& guard, CrmBackend& backend) {
  using Fn = Response (*)(const Request&, const Principal&, Parts&);
  auto route = [&](const char* method, const char* path, Permission perm, Fn fn) {
    router.add(method, path, guard.allow(perm, on_backend(backend, fn)));
  };
  route("GET", "/api/v1/kb/search", Permission::read_knowledge, staff_search);
  route("GET", "/api/v1/kb/articles/{id}", Permission::read_knowledge, get);
  route("GET", "/api/v1/kb/articles/{id}/versions", Permission::read_knowledge, versions);
  route("POST", "/api/v1/kb/articles", Permission::manage_knowledge, create);
  route("PUT", "/api/v1/kb/articles/{id}", Permission::manage_knowledge, update);
  route("POST", "/api/v1/kb/suggestions", Permission::read_knowledge, suggestions);
  route("GET", "/api/v1/kb/questions", Permission::read_knowledge, questions);
  route("POST", "/api/v1/kb/questions", Permission::read_knowledge, ask);
  route("POST", "/api/v1/kb/questions/{id}/resolve", Permission::manage_knowledge, resolve);
  // Self-service: public articles without a login.
  router.get("/api/v1/public/kb/search", [&backend](const Request& req, Respond respond) {
    respond(backend.run([&](CrmBackend::Parts& b) { return search(req, b, false); }));
  });
}

}  // namespace tamas::api
