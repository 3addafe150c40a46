// Forwarding a case to a back-office department and its answer (R30, R39).
#include "core/time.h"
#include "services/cases/ops.h"
#include "services/cases/service.h"
#include "services/cases/workflow.h"

namespace tamas::services::cases {

Result<store::CaseForward> CaseService::forward(store::RowId id, const std::string& department,
                                                const std::string& task, std::optional<Instant> due,
                                                store::RowId actor, Instant now) {
  const Department* d = config_.department(department);
  if (!d) return Error::invalid("unknown department '" + department + "'");
  auto c = get(id);
  if (!c.ok()) return c.error();
  const store::CaseState from = c->state;
  if (!transition_allowed(from, store::CaseState::forwarded))
    return Error::conflict(std::string("a case in state ") + store::to_string(from) +
                           " cannot be forwarded");
  if (!due) due = calendar_.add_business_time(hours_, now, d->answer_within);
  if (!due || *due <= now) return Error::invalid("the due time must be in the future");
  store::CaseForward f;
  f.tenant = tenant_;
  f.case_id = id;
  f.department = department;
  f.task = task;
  f.forwarded_by = actor;
  f.forwarded_at = now;
  f.due_at = *due;
  CaseOps ops{*this};
  ops.move(*c, store::CaseState::forwarded, now);
  c->department = department;
  Status s = commit([&]() -> Status {
    auto fid = store_.cases().add_forward(f);
    if (!fid.ok()) return fid.error();
    f.id = *fid;
    if (Status u = store_.cases().update(*c); !u.ok()) return u;
    const std::string payload = "{\"forward\":" + std::to_string(f.id) + ",\"department\":\"" +
                                department + "\",\"due\":\"" + format_iso8601(*due) + "\"}";
    if (Status e = ops.event(*c, actor, "forwarded", store::to_string(from), task, now, payload);
        !e.ok())
      return e;
    if (Status e = ops.notify(*c, "forwarded", now); !e.ok()) return e;
    return ops.publish("case.forwarded", *c, now,
                       {{"forward", f.id},
                        {"department", department},
                        {"task", task},
                        {"due", format_iso8601(*due)},
                        {"from", store::to_string(from)},
                        {"by", actor}});
  });
  if (!s.ok()) return s.error();
  return f;
}

Result<store::Case> CaseService::answer(store::RowId forward_id, store::RowId actor,
                                        const std::string& text, Instant now) {
  if (text.empty()) return Error::invalid("an answer needs text");
  auto f = store_.cases().get_forward(tenant_, forward_id);
  if (!f.ok()) return f.error();
  if (f->answered_at)
    return Error::conflict("forward " + std::to_string(forward_id) + " was answered");
  auto c = get(f->case_id);
  if (!c.ok()) return c;
  f->answered_at = now;
  f->answered_by = actor;
  f->answer = text;
  CaseOps ops{*this};
  const store::CaseState from = c->state;
  const bool returns = from == store::CaseState::forwarded && c->department == f->department;
  if (returns) ops.move(*c, store::CaseState::in_progress, now);
  Status s = commit([&]() -> Status {
    if (Status u = store_.cases().update_forward(*f); !u.ok()) return u;
    if (returns)
      if (Status u = store_.cases().update(*c); !u.ok()) return u;
    const std::string payload =
        "{\"forward\":" + std::to_string(f->id) + ",\"department\":\"" + f->department + "\"}";
    if (Status e = ops.event(*c, actor, "answered", store::to_string(from), text, now, payload);
        !e.ok())
      return e;
    return ops.publish("case.forward_answered", *c, now,
                       {{"forward", f->id},
                        {"department", f->department},
                        {"answer", text},
                        {"returned", returns},
                        {"by", actor}});
  });
  if (!s.ok()) return s.error();
  return c;
}

Result<std::vector<store::CaseForward>> CaseService::overdue(Instant now) {
  return store_.cases().overdue_forwards(tenant_, now);
}

}  // namespace tamas::services::cases
