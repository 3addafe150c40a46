// Redress of complaints (R15), duplicate/related links and merges, and VOC
// preventive actions (R36).
#include "services/cases/ops.h"
#include "services/cases/service.h"
#include "services/cases/workflow.h"

namespace tamas::services::cases {
namespace {

bool valid_remedy(const std::string& r) {
  for (const char* k : {"apology", "repair", "replacement", "refund", "compensation", "voucher"})
    if (r == k) return true;
  return false;
}

bool valid_voc_status(const std::string& s) {
  return s == "open" || s == "in_progress" || s == "done" || s == "cancelled";
}

}  // namespace

Result<store::Redress> CaseService::set_redress(const store::Redress& in, store::RowId actor,
                                                Instant now) {
  if (!valid_remedy(in.remedy)) return Error::invalid("unknown remedy '" + in.remedy + "'");
  if (in.amount < 0) return Error::invalid("amount must not be negative");
  if (in.satisfaction && (*in.satisfaction < 1 || *in.satisfaction > 5))
    return Error::invalid("satisfaction must be 1..5");
  auto c = get(in.case_id);
  if (!c.ok()) return c.error();
  store::Redress r = in;
  r.tenant = tenant_;
  r.updated_at = now;
  CaseOps ops{*this};
  Status s = commit([&]() -> Status {
    if (Status u = store_.cases().set_redress(r); !u.ok()) return u;
    std::string payload = "{\"remedy\":\"" + r.remedy + "\",\"amount\":" + std::to_string(r.amount);
    if (r.accepted) payload += std::string(",\"accepted\":") + (*r.accepted ? "true" : "false");
    if (r.satisfaction) payload += ",\"satisfaction\":" + std::to_string(*r.satisfaction);
    payload += "}";
    return ops.event(*c, actor, "redress", store::to_string(c->state), r.notes, now, payload);
  });
  if (!s.ok()) return s.error();
  return r;
}

Status CaseService::link(store::RowId a, store::RowId b, const std::string& kind,
                         store::RowId actor, Instant now) {
  if (kind != "duplicate" && kind != "related")
    return Error::invalid("link kind is duplicate or related");
  auto ca = get(a);
  if (!ca.ok()) return ca.error();
  auto cb = get(b);
  if (!cb.ok()) return cb.error();
  CaseOps ops{*this};
  return commit([&]() -> Status {
    if (Status l = store_.cases().link({tenant_, a, b, kind, now}); !l.ok()) return l;
    const std::string st = store::to_string(ca->state);
    return ops.event(*ca, actor, "linked", st, kind + " " + format_case_id(b), now,
                     "{\"other\":" + std::to_string(b) + ",\"kind\":\"" + kind + "\"}");
  });
}

Result<store::Case> CaseService::merge(store::RowId duplicate, store::RowId into,
                                       store::RowId actor, Instant now) {
  if (duplicate == into) return Error::invalid("cannot merge a case into itself");
  auto d = get(duplicate);
  if (!d.ok()) return d;
  auto target = get(into);
  if (!target.ok()) return target;
  if (target->merged_into) return Error::conflict("the target case was merged itself");
  if (d->merged_into) return Error::conflict("case " + format_case_id(duplicate) + " was merged");
  CaseOps ops{*this};
  const std::string from = store::to_string(d->state);
  d->merged_into = into;
  d->state = store::CaseState::closed;
  d->closed_at = now;
  d->updated_at = now;
  d->department.clear();
  refresh_next(*d);
  Status s = commit([&]() -> Status {
    if (Status l = store_.cases().link({tenant_, duplicate, into, "duplicate", now}); !l.ok())
      return l;
    if (Status u = store_.cases().update(*d); !u.ok()) return u;
    if (Status e = ops.event(*d, actor, "merged", from, "into " + format_case_id(into), now,
                             "{\"into\":" + std::to_string(into) + "}");
        !e.ok())
      return e;
    if (Status e = ops.event(*target, actor, "absorbed", store::to_string(target->state),
                             format_case_id(duplicate), now,
                             "{\"duplicate\":" + std::to_string(duplicate) + "}");
        !e.ok())
      return e;
    return ops.publish("case.closed", *d, now,
                       {{"from", from}, {"to", "closed"}, {"by", actor}, {"merged_into", into}});
  });
  if (!s.ok()) return s.error();
  return d;
}

Result<store::VocAction> CaseService::add_voc(const store::VocAction& in, Instant now) {
  if (in.title.empty()) return Error::invalid("an action needs a title");
  if (!in.category.empty() && !config_.category(in.category))
    return Error::invalid("unknown category '" + in.category + "'");
  for (store::RowId c : in.cases)
    if (auto found = get(c); !found.ok()) return found.error();
  store::VocAction a = in;
  a.tenant = tenant_;
  a.created_at = now;
  if (a.status.empty()) a.status = "open";
  if (!valid_voc_status(a.status)) return Error::invalid("unknown status '" + a.status + "'");
  auto id = store_.cases().add_voc(a);
  if (!id.ok()) return id.error();
  return store_.cases().get_voc(tenant_, *id);
}

Result<store::VocAction> CaseService::set_voc_status(store::RowId id, const std::string& status) {
  if (!valid_voc_status(status)) return Error::invalid("unknown status '" + status + "'");
  auto a = store_.cases().get_voc(tenant_, id);
  if (!a.ok()) return a;
  a->status = status;
  if (Status s = store_.cases().update_voc(*a); !s.ok()) return s.error();
  return a;
}

}  // namespace tamas::services::cases
