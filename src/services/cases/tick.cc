// The periodic step the server calls with the wall clock (tests with any
// instant): SLA warnings and breaches, escalation of overdue forwards.
#include "services/cases/ops.h"
#include "services/cases/service.h"

namespace tamas::services::cases {
namespace {

constexpr int kBatch = 500;

Status raise_signals(CaseOps& ops, store::Case& c, Instant now, TickReport& report) {
  const std::vector<SlaSignal> signals = take_due_signals(c, now);
  if (Status u = ops.store().cases().update(c); !u.ok()) return u;
  for (SlaSignal sig : signals) {
    const bool breach =
        sig == SlaSignal::first_response_breach || sig == SlaSignal::resolution_breach;
    (breach ? report.breaches : report.warnings)++;
    const std::string kind = breach ? "sla_breach" : "sla_warning";
    const std::string payload = std::string("{\"clock\":\"") + to_string(sig) + "\"}";
    if (Status e = ops.event(c, 0, kind, store::to_string(c.state), to_string(sig), now, payload);
        !e.ok())
      return e;
    if (Status p = ops.publish(breach ? "case.sla_breached" : "case.sla_warning", c, now,
                               {{"clock", to_string(sig)}});
        !p.ok())
      return p;
  }
  return {};
}

Status escalate(CaseOps& ops, store::CaseForward& f, Instant now) {
  auto members = ops.store().departments().members(ops.tenant(), f.department);
  if (!members.ok()) return members.error();
  for (const auto& m : *members)
    if (m.head) {
      f.escalated_to = m.user;
      break;
    }
  f.escalated_at = now;
  if (Status u = ops.store().cases().update_forward(f); !u.ok()) return u;
  auto c = ops.store().cases().get(ops.tenant(), f.case_id);
  if (!c.ok()) return c.error();
  std::string payload =
      "{\"forward\":" + std::to_string(f.id) + ",\"department\":\"" + f.department +
      "\",\"head\":" + (f.escalated_to ? std::to_string(*f.escalated_to) : "null") + "}";
  if (Status e = ops.event(*c, 0, "escalated", store::to_string(c->state),
                           "forward to " + f.department + " is overdue", now, payload);
      !e.ok())
    return e;
  boost::json::object extra{{"forward", f.id}, {"department", f.department}};
  extra["head"] =
      f.escalated_to ? boost::json::value(*f.escalated_to) : boost::json::value(nullptr);
  return ops.publish("case.forward_overdue", *c, now, std::move(extra));
}

}  // namespace

Result<TickReport> CaseService::tick(Instant now) {
  TickReport report;
  CaseOps ops{*this};
  for (;;) {
    auto due = store_.cases().sla_due(tenant_, now, kBatch);
    if (!due.ok()) return due.error();
    for (store::Case& c : *due) {
      Status s = commit([&] { return raise_signals(ops, c, now, report); });
      if (!s.ok()) return s.error();
    }
    if (static_cast<int>(due->size()) < kBatch) break;
  }
  auto late = store_.cases().overdue_forwards(tenant_, now);
  if (!late.ok()) return late.error();
  for (store::CaseForward& f : *late) {
    if (f.escalated_at) continue;
    Status s = commit([&] { return escalate(ops, f, now); });
    if (!s.ok()) return s.error();
    ++report.escalations;
  }
  return report;
}

}  // namespace tamas::services::cases
