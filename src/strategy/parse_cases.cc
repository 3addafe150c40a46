// Section: cases (R22, R24, R30) — case kinds, the category tree, back-office
// departments, SLA targets per kind and segment, and when to warn.
#include <algorithm>
#include <regex>
#include <unordered_set>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

bool is_kind(const std::string& k) {
  return std::find(case_kind_names().begin(), case_kind_names().end(), k) !=
         case_kind_names().end();
}

// A name that shows something in at least one language.
std::optional<Text> read_name(Ctx& ctx, const YAML::Node& n, const std::string& what) {
  auto t = read_text(ctx.sink, n, what);
  if (t && t->fa.empty() && t->en.empty()) {
    ctx.sink.error(n, what + " is empty");
    return std::nullopt;
  }
  return t;
}

// "80%" -> 0.8; 1% to 99%.
std::optional<double> read_warn_at(Ctx& ctx, const YAML::Node& n) {
  auto text = read_string(ctx.sink, n, "warn_at");
  if (!text) return std::nullopt;
  static const std::regex re(R"(^\s*([0-9]{1,3}(?:\.[0-9]{1,3})?)\s*%\s*$)");
  std::smatch sm;
  if (text->size() > 16 || !std::regex_match(*text, sm, re)) {
    ctx.sink.error(n, "expected a percentage such as 80% for warn_at, got '" + *text + "'");
    return std::nullopt;
  }
  const double pct = std::stod(sm[1].str());
  if (pct < 1 || pct > 99) {
    ctx.sink.error(n, "warn_at must be between 1% and 99%, got " + sm[1].str() + "%");
    return std::nullopt;
  }
  return pct / 100.0;
}

// "4h business" / "3d business": the SLO threshold grammar, business time only.
std::optional<Duration> read_business_time(Ctx& ctx, const YAML::Node& n, const std::string& what) {
  auto text = read_string(ctx.sink, n, what);
  if (!text) return std::nullopt;
  static const std::regex re(R"(^\s*(-?[0-9]+)\s*(s|m|h|d)(\s+business)?\s*$)");
  std::smatch sm;
  if (text->size() > 32 || !std::regex_match(*text, sm, re)) {
    ctx.sink.error(n,
                   "expected a business-time duration such as '4h business' or '2d business' "
                   "for " +
                       what + ", got '" + *text + "'");
    return std::nullopt;
  }
  const long long count = sm[1].str().size() > 7 ? -1 : std::stoll(sm[1].str());
  if (count <= 0) {
    ctx.sink.error(n, what + " must be greater than zero");
    return std::nullopt;
  }
  if (!sm[3].matched) {
    ctx.sink.error(n, "case targets are counted in business time: write '" + sm[1].str() +
                          sm[2].str() + " business' for " + what);
    return std::nullopt;
  }
  const char unit = sm[2].str()[0];
  const long long secs = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400;
  return std::chrono::duration_cast<Duration>(std::chrono::seconds(count * secs));
}

struct Cases {
  Ctx& ctx;
  CaseSection& out;
  IdTable categories{ctx.sink, "case category"};
  IdTable departments{ctx.sink, "department"};

  // A kind named in the section: known, and among out.kinds.
  bool check_kind(const std::string& kind, const YAML::Node& at, const std::string& where) {
    if (!is_kind(kind)) {
      ctx.sink.error(
          at, "unknown case kind '" + kind + "'" + where + did_you_mean(kind, case_kind_names()));
      return false;
    }
    if (std::find(out.kinds.begin(), out.kinds.end(), kind) == out.kinds.end()) {
      ctx.sink.error(at, "case kind '" + kind + "'" + where +
                             " is not in cases.kinds and no interaction type uses it");
      return false;
    }
    return true;
  }

  void kinds(const YAML::Node& n) {
    if (auto list = read_list(ctx.sink, n, "cases.kinds")) {
      for (const auto& k : *list) {
        if (!is_kind(k))
          ctx.sink.error(n, "unknown case kind '" + k + "' in cases.kinds" +
                                did_you_mean(k, case_kind_names()));
        else if (std::find(out.kinds.begin(), out.kinds.end(), k) != out.kinds.end())
          ctx.sink.error(n, "case kind '" + k + "' is listed twice in cases.kinds");
        else
          out.kinds.push_back(k);
      }
    }
    for (const auto& t : ctx.st.types) {
      const std::string k = to_string(t.kind);
      if (std::find(out.kinds.begin(), out.kinds.end(), k) == out.kinds.end())
        out.kinds.push_back(k);
    }
  }

  void category(const YAML::Node& item, const CaseCategory* parent) {
    Map m(ctx.sink, item, "case category", {"id", "name", "kind", "children"});
    if (!m.ok()) return;
    auto id = read_id(ctx.sink, m.need("id"), "case category id");
    if (!id) return;
    CaseCategory c;
    c.id = parent ? parent->id + "/" + *id : *id;
    c.parent = parent ? parent->id : "";
    c.kind = parent ? parent->kind : "";
    if (categories.define(c.id, m.get("id")) < 0) return;
    const std::string where = in("case category", c.id);
    if (auto t = read_name(ctx, m.need("name"), "case category name")) c.name = *t;
    if (auto k = read_string(ctx.sink, m.get("kind"), "case kind")) {
      if (parent && !parent->kind.empty() && *k != parent->kind)
        ctx.sink.error(m.get("kind"), "case category '" + c.id + "' has kind '" + *k +
                                          "' but its parent '" + parent->id + "' is '" +
                                          parent->kind + "'");
      else if (check_kind(*k, m.get("kind"), where))
        c.kind = *k;
    }
    const std::vector<YAML::Node> children = read_seq(ctx.sink, m.get("children"), "children");
    if (m.has("children") && children.empty() && m.get("children").IsSequence())
      ctx.sink.error(m.get("children"), "case category '" + c.id + "' has an empty children list");
    out.categories.push_back(c);
    for (const auto& child : children) category(child, &c);
  }

  void department(const YAML::Node& item) {
    Map m(ctx.sink, item, "department", {"id", "name", "answer_within"});
    if (!m.ok()) return;
    auto id = read_id(ctx.sink, m.need("id"), "department id");
    if (!id || departments.define(*id, m.get("id")) < 0) return;
    Department d;
    d.id = *id;
    if (auto t = read_name(ctx, m.need("name"), "department name")) d.name = *t;
    if (auto w = read_business_time(ctx, m.need("answer_within"), "answer_within"))
      d.answer_within = *w;
    out.departments.push_back(std::move(d));
  }

  void target(const YAML::Node& item, std::unordered_set<std::string>& seen) {
    Map m(ctx.sink, item, "case SLA target", {"kind", "segment", "first_response", "resolution"});
    if (!m.ok()) return;
    CaseTarget t;
    auto kind = read_string(ctx.sink, m.need("kind"), "case kind");
    if (!kind || !check_kind(*kind, m.get("kind"), " in cases.sla")) return;
    t.kind = *kind;
    if (auto seg = read_string(ctx.sink, m.get("segment"), "segment"); seg && *seg != "*") {
      if (ctx.segments.resolve(*seg, m.get("segment"), " in cases.sla") < 0) return;
      t.segment = *seg;
    }
    if (!m.has("first_response") && !m.has("resolution")) {
      ctx.sink.error(
          m.node(), "case SLA target for kind '" + t.kind + "' needs first_response or resolution");
      return;
    }
    auto first = read_business_time(ctx, m.get("first_response"), "first_response");
    auto resolution = read_business_time(ctx, m.get("resolution"), "resolution");
    if (first) t.first_response = *first;
    if (resolution) t.resolution = *resolution;
    if (first && resolution && *resolution < *first) {
      ctx.sink.error(m.get("resolution"),
                     "resolution target is shorter than first_response for kind '" + t.kind + "'");
      return;
    }
    if (!seen.insert(t.kind + '\n' + t.segment).second) {
      ctx.sink.error(m.node(), "duplicate case SLA target for kind '" + t.kind + "', segment '" +
                                   t.segment + "'");
      return;
    }
    out.sla.push_back(std::move(t));
  }
};

}  // namespace

void parse_cases(Ctx& ctx, const YAML::Node& n) {
  Map m(ctx.sink, n, "cases", {"warn_at", "kinds", "categories", "departments", "sla"});
  if (!m.ok()) return;
  CaseSection section;
  Cases c{ctx, section};
  if (auto w = read_warn_at(ctx, m.get("warn_at"))) section.warn_at = *w;
  c.kinds(m.get("kinds"));
  for (const auto& item : read_seq(ctx.sink, m.get("categories"), "cases.categories"))
    c.category(item, nullptr);
  for (const auto& item : read_seq(ctx.sink, m.get("departments"), "cases.departments"))
    c.department(item);
  std::unordered_set<std::string> seen;
  for (const auto& item : read_seq(ctx.sink, m.get("sla"), "cases.sla")) c.target(item, seen);
  if ((!section.sla.empty() || !section.departments.empty()) &&
      ctx.st.organisation.business_hours.empty())
    ctx.sink.error(n,
                   "case targets are counted in business time and need "
                   "organisation.business_hours");
  ctx.st.cases = std::move(section);
}

}  // namespace tamas::strategy::detail
