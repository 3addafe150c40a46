#include "api/strategy_routes.h"

#include <sodium.h>

#include <memory>

#include "api/json_body.h"
#include "api/route_helpers.h"
#include "strategy/json.h"
#include "strategy/loader.h"

namespace tamas::api {
namespace {

namespace json = boost::json;

struct Shared {
  AccountServices services;
  StrategyVersionSettings settings;
};

std::string sha256_hex(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

json::object version_json(const store::StrategyVersion& v, store::RowId running) {
  return {{"id", v.id},
          {"version", v.version},
          {"created_at", format_iso8601(v.created_at)},
          {"created_by", v.uploaded_by},
          {"size", v.yaml.size()},
          {"checksum", "sha256:" + sha256_hex(v.yaml)},
          {"active", v.active},
          {"running", v.id == running}};
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The uploaded YAML text, or the 4xx response explaining why there is none.
Result<std::string> upload_text(const Request& req, std::optional<Response>& refusal) {
  const auto type = req.header("content-type");
  if (starts_with(type, "application/json")) {
    JsonBody body(req);
    auto yaml = body.string("yaml", true, strategy::kMaxStrategyBytes);
    if (auto e = body.error()) {
      refusal = std::move(*e);
      return Error::invalid("bad body");
    }
    return *yaml;
  }
  for (std::string_view ok : {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    if (starts_with(type, ok)) return req.body;
  refusal =
      Response::error(415, "unsupported_media_type",
                      "send the strategy as application/yaml, text/plain or JSON {\"yaml\": ...}");
  return Error::invalid("bad content type");
}

json::object problem(int line, int column, std::string message) {
  return {{"line", line}, {"column", column}, {"message", std::move(message)}};
}

Response invalid_strategy(json::array problems) {
  const std::size_t n = problems.size();
  json::object error{
      {"status", 422},
      {"code", "invalid_strategy"},
      {"message", "the strategy has " + std::to_string(n) + (n == 1 ? " error" : " errors")}};
  return Response::json(
      422, to_text(json::object{{"error", std::move(error)}, {"problems", std::move(problems)}}));
}

// Every problem of `text` as `tamas check` finds them, then the server's own
// checks; empty when the strategy may be stored.
json::array check(const std::string& text, const StrategyVersionSettings& settings,
                  std::optional<strategy::Strategy>& out) {
  json::array problems;
  auto loaded = strategy::load_strategy_text(text, "strategy.yaml");
  for (const auto& d : loaded.errors) problems.push_back(problem(d.line, d.col, d.message));
  if (!loaded.ok()) return problems;
  if (loaded.strategy->organisation.id != settings.organisation) {
    problems.push_back(problem(1, 1,
                               "organisation.id is '" + loaded.strategy->organisation.id +
                                   "' but this server runs '" + settings.organisation + "'"));
    return problems;
  }
  if (settings.startable) {
    if (auto st = settings.startable(*loaded.strategy); !st.ok())
      problems.push_back(problem(1, 1, st.error().message));
  }
  if (problems.empty()) out = std::move(loaded.strategy);
  return problems;
}

Response upload(const Request& req, const Principal& me, const Shared& sh) {
  std::optional<Response> refusal;
  auto text = upload_text(req, refusal);
  if (!text) return std::move(*refusal);
  std::optional<strategy::Strategy> s;
  if (auto problems = check(*text, sh.settings, s); !problems.empty())
    return invalid_strategy(std::move(problems));
  store::StrategyVersion v;
  v.tenant = sh.services.guard.tenant();
  v.version = s->governance.version;
  v.yaml = std::move(*text);
  v.compiled_json = strategy::to_json(*s);
  v.uploaded_by = me.username;
  v.created_at = sh.services.clock.now();
  auto id = sh.services.db.with([&](store::Store& db) -> Result<store::RowId> {
    store::RowId added = 0;
    Status st = db.atomically([&]() -> Status {
      auto r = db.strategies().add(v);
      if (!r) return r.error();
      added = *r;
      return db.strategies().activate(v.tenant, added);
    });
    if (!st.ok()) return st.error();
    return added;
  });
  if (!id) return store_failure(id.error());
  v.id = *id;
  v.active = true;
  return Response::json(201, to_text(version_json(v, sh.settings.running)));
}

Response history(const Shared& sh) {
  auto all = sh.services.db.with(
      [&](store::Store& db) { return db.strategies().history(sh.services.guard.tenant()); });
  if (!all) return store_failure(all.error());
  json::array out;
  for (const auto& v : *all) out.push_back(version_json(v, sh.settings.running));
  return Response::json(200, to_text(json::object{{"versions", std::move(out)}}));
}

Response one(const Request& req, const Shared& sh) {
  auto id = id_param(req);
  if (!id) return invalid_id();
  auto v = sh.services.db.with(
      [&](store::Store& db) { return db.strategies().get(sh.services.guard.tenant(), *id); });
  if (!v) return store_failure(v.error());
  json::object out = version_json(*v, sh.settings.running);
  out["yaml"] = v->yaml;
  return Response::json(200, to_text(out));
}

}  // namespace

void add_strategy_version_routes(Router& router, AccountServices services,
                                 StrategyVersionSettings settings) {
  auto sh = std::make_shared<const Shared>(Shared{services, std::move(settings)});
  const Guard& g = services.guard;
  router.post("/api/v1/strategy/versions",
              g.allow(Permission::manage_strategy,
                      [sh](const Request& req, const Principal& me, Respond respond) {
                        respond(upload(req, me, *sh));
                      }));
  router.get("/api/v1/strategy/versions",
             g.allow(Permission::view_strategy, [sh](const Request&, const Principal&,
                                                     Respond respond) { respond(history(*sh)); }));
  router.get("/api/v1/strategy/versions/{id}",
             g.allow(Permission::view_strategy, [sh](const Request& req, const Principal&,
                                                     Respond respond) { respond(one(req, *sh)); }));
}

}  // namespace tamas::api
