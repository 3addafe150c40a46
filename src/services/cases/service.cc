#include "services/cases/service.h"

#include "services/cases/ops.h"
#include "services/cases/workflow.h"

namespace tamas::services::cases {
namespace {

// Transitions the customer hears about.
const char* notice_for(store::CaseState from, store::CaseState to) {
  if (is_reopen(from, to)) return "reopened";
  if (to == store::CaseState::awaiting_customer) return "awaiting_customer";
  if (to == store::CaseState::resolved) return "resolved";
  if (to == store::CaseState::closed) return "closed";
  return nullptr;
}

}  // namespace

CaseService::CaseService(store::Store& store, store::TenantId tenant, CaseConfig config,
                         const BusinessCalendar& calendar, const Schedule& hours)
    : store_(store),
      tenant_(tenant),
      config_(std::move(config)),
      calendar_(calendar),
      hours_(hours) {}

Result<store::Case> CaseService::open(const NewCase& n, store::RowId actor, Instant now) {
  if (!config_.has_kind(n.kind)) return Error::invalid("unknown case kind '" + n.kind + "'");
  if (Status k = check_category(n.kind, n.category); !k.ok()) return k.error();
  store::Case c;
  c.tenant = tenant_;
  c.customer = n.customer;
  c.interaction = n.interaction;
  c.kind = n.kind;
  c.category = n.category;
  c.product = n.product;
  c.province = n.province;
  c.subject = n.subject;
  c.description = n.description;
  c.fields_json = n.fields_json;
  c.channel = n.channel;
  c.segment = n.segment;
  c.priority = n.priority;
  c.created_at = c.updated_at = now;
  CaseOps ops{*this};
  start_clocks(c, config_.target_for(c.kind, c.segment), config_.warn_fraction, ops.cal(), now);
  Status s = commit([&]() -> Status {
    auto id = store_.cases().add(c);
    if (!id.ok()) return id.error();
    c.id = *id;
    if (Status e = ops.event(c, actor, "created", "", n.subject, now); !e.ok()) return e;
    if (Status e = ops.notify(c, "opened", now); !e.ok()) return e;
    return ops.publish("case.created", c, now,
                       {{"by", actor}, {"subject", c.subject}, {"channel", c.channel}});
  });
  if (!s.ok()) return s.error();
  return c;
}

Result<store::Case> CaseService::get(store::RowId id) {
  return store_.cases().get(tenant_, id);
}

Result<store::Case> CaseService::transition(store::RowId id, store::CaseState to,
                                            store::RowId actor, const std::string& note,
                                            Instant now) {
  if (to == store::CaseState::forwarded)
    return Error::invalid("forward a case with forward(), naming the department");
  auto c = get(id);
  if (!c.ok()) return c;
  const store::CaseState from = c->state;
  if (from == store::CaseState::forwarded)
    return Error::conflict("case " + format_case_id(id) + " is with a department until it answers");
  if (!transition_allowed(from, to))
    return Error::conflict(std::string("case cannot go from ") + store::to_string(from) + " to " +
                           store::to_string(to));
  CaseOps ops{*this};
  ops.move(*c, to, now);
  Status s = commit([&]() -> Status {
    if (Status u = store_.cases().update(*c); !u.ok()) return u;
    const bool reopen = is_reopen(from, to);
    if (Status e = ops.event(*c, actor, reopen ? "reopened" : "transition", store::to_string(from),
                             note, now);
        !e.ok())
      return e;
    if (const char* what = notice_for(from, to))
      if (Status e = ops.notify(*c, what, now); !e.ok()) return e;
    const boost::json::object move{{"from", store::to_string(from)},
                                   {"to", store::to_string(to)},
                                   {"by", actor},
                                   {"note", note}};
    if (Status p = ops.publish("case.transitioned", *c, now, move); !p.ok()) return p;
    if (reopen) return ops.publish("case.reopened", *c, now, move);
    if (to == store::CaseState::closed) return ops.publish("case.closed", *c, now, move);
    return {};
  });
  if (!s.ok()) return s.error();
  return c;
}

Result<store::Case> CaseService::assign(store::RowId id, store::RowId user, store::RowId actor,
                                        Instant now) {
  auto c = get(id);
  if (!c.ok()) return c;
  if (!is_open(c->state)) return Error::conflict("a resolved or closed case cannot be assigned");
  const std::string from = store::to_string(c->state);
  c->assignee = user;
  if (c->state == store::CaseState::new_) c->state = store::CaseState::assigned;
  c->updated_at = now;
  CaseOps ops{*this};
  Status s = commit([&]() -> Status {
    if (Status u = store_.cases().update(*c); !u.ok()) return u;
    if (Status e = ops.event(*c, actor, "assigned", from, "", now,
                             "{\"user\":" + std::to_string(user) + "}");
        !e.ok())
      return e;
    return ops.publish("case.assigned", *c, now,
                       {{"assignee", user}, {"by", actor}, {"from", from}});
  });
  if (!s.ok()) return s.error();
  return c;
}

Status CaseService::add_note(store::RowId id, store::RowId actor, const std::string& note,
                             Instant now) {
  if (note.empty()) return Error::invalid("a note needs text");
  auto c = get(id);
  if (!c.ok()) return c.error();
  return CaseOps{*this}.event(*c, actor, "note", store::to_string(c->state), note, now);
}

Status CaseService::check_category(const std::string& kind, const std::string& category) const {
  if (category.empty()) return {};
  const Category* cat = config_.category(category);
  if (!cat) return Error::invalid("category '" + category + "' is unknown");
  // A category without a kind inherits its parent's.
  for (int hops = 0; cat && cat->kind.empty() && !cat->parent.empty() && hops < 32; ++hops)
    cat = config_.category(cat->parent);
  if (!cat || cat->kind.empty() || cat->kind == kind) return {};
  return Error::invalid("category '" + category + "' belongs to case kind '" + cat->kind +
                        "', not '" + kind + "'");
}

Status CaseService::commit(const std::function<Status()>& op) {
  pending_.clear();
  Status s = store_.atomically(op);
  std::vector<BusEvent> out;
  out.swap(pending_);
  if (s.ok() && bus_)
    for (BusEvent& e : out) bus_->publish(std::move(e));
  return s;
}

}  // namespace tamas::services::cases
