// Editing the details of an open case (category, product, province, subject,
// description, priority) with an audit event naming what changed.
#include <boost/json.hpp>

#include "services/cases/ops.h"
#include "services/cases/service.h"
#include "services/cases/workflow.h"

namespace tamas::services::cases {
namespace {

// Sets `field` to `to` when given and different; records the change.
template <typename T>
void apply(const char* name, T& field, const std::optional<T>& to, boost::json::object& changed) {
  if (!to || *to == field) return;
  field = *to;
  changed[name] = *to;
}

}  // namespace

Result<store::Case> CaseService::edit(store::RowId id, const CaseEdit& e, store::RowId actor,
                                      Instant now) {
  auto c = get(id);
  if (!c.ok()) return c;
  if (!is_open(c->state)) return Error::conflict("a resolved or closed case cannot be edited");
  if (e.category)
    if (Status k = check_category(c->kind, *e.category); !k.ok()) return k.error();
  boost::json::object changed;
  apply("category", c->category, e.category, changed);
  apply("product", c->product, e.product, changed);
  apply("province", c->province, e.province, changed);
  apply("subject", c->subject, e.subject, changed);
  apply("description", c->description, e.description, changed);
  apply("priority", c->priority, e.priority, changed);
  if (changed.empty()) return c;
  c->updated_at = now;
  CaseOps ops{*this};
  const std::string state = store::to_string(c->state);
  Status s = commit([&]() -> Status {
    if (Status u = store_.cases().update(*c); !u.ok()) return u;
    if (Status ev = ops.event(*c, actor, "edited", state, "", now, boost::json::serialize(changed));
        !ev.ok())
      return ev;
    return ops.publish("case.updated", *c, now, {{"changed", changed}, {"by", actor}});
  });
  if (!s.ok()) return s.error();
  return c;
}

}  // namespace tamas::services::cases
