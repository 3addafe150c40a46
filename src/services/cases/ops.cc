#include "services/cases/ops.h"

#include <cstdio>

#include "services/cases/workflow.h"

namespace tamas::services::cases {
namespace {

// Persian first, English second: the customer reads the language they wrote in.
std::string message_for(const std::string& what, const std::string& ref) {
  if (what == "opened")
    return "درخواست شما با شماره " + ref + " ثبت شد. / Your case " + ref + " was registered.";
  if (what == "forwarded")
    return "پرونده " + ref + " برای بررسی به واحد مربوط ارسال شد. / Case " + ref +
           " was passed to the responsible department.";
  if (what == "awaiting_customer")
    return "برای پیگیری پرونده " + ref + " به پاسخ شما نیازمندیم. / We need your reply on case " +
           ref + ".";
  if (what == "resolved") return "پرونده " + ref + " رسیدگی شد. / Case " + ref + " was resolved.";
  if (what == "closed") return "پرونده " + ref + " بسته شد. / Case " + ref + " was closed.";
  if (what == "reopened")
    return "پرونده " + ref + " دوباره باز شد. / Case " + ref + " was reopened.";
  return "پرونده " + ref + ": " + what + " / Case " + ref + ": " + what;
}

}  // namespace

std::string format_case_id(store::RowId id) {
  return store::format_case_number(id);
}

Status CaseOps::event(const store::Case& c, store::RowId actor, const std::string& kind,
                      const std::string& from, const std::string& note, Instant now,
                      const std::string& payload_json) {
  store::CaseEvent e{
      0,    tenant(),    c.id, c.customer, now, actor, kind, from, store::to_string(c.state),
      note, payload_json};
  auto id = store().cases().add_event(e);
  return id.ok() ? Status{} : Status(id.error());
}

Status CaseOps::notify(const store::Case& c, const std::string& what, Instant now) {
  if (!c.customer) return {};
  auto customer = store().customers().get(tenant(), *c.customer);
  if (!customer.ok()) return customer.error();
  store::OutboundNotification n;
  n.tenant = tenant();
  n.customer = c.customer;
  n.case_id = c.id;
  const bool by_email = c.channel == "email" && !customer->emails.empty();
  if (by_email) {
    n.channel = "email";
    n.address = customer->emails.front();
  } else if (!customer->phones.empty()) {
    n.channel = "sms";
    n.address = customer->phones.front();
  } else if (!customer->emails.empty()) {
    n.channel = "email";
    n.address = customer->emails.front();
  } else {
    return {};
  }
  n.body = message_for(what, format_case_id(c.id));
  n.created_at = now;
  auto id = store().cases().add_notification(n);
  return id.ok() ? Status{} : Status(id.error());
}

boost::json::object case_payload(const store::Case& c) {
  boost::json::object o{
      {"tenant", c.tenant}, {"case", c.id},           {"number", format_case_id(c.id)},
      {"kind", c.kind},     {"category", c.category}, {"state", store::to_string(c.state)}};
  o["customer"] = c.customer ? boost::json::value(*c.customer) : boost::json::value(nullptr);
  return o;
}

Status CaseOps::publish(const std::string& type, const store::Case& c, Instant now,
                        boost::json::object extra) {
  boost::json::object o = case_payload(c);
  for (auto& kv : extra) o[kv.key()] = std::move(kv.value());
  std::string payload = boost::json::serialize(o);
  auto seq = store().events().append(store::Event{tenant(), 0, type, now, payload});
  if (!seq.ok()) return seq.error();
  s.pending_.push_back(
      BusEvent{0, tenant(), "cases/" + std::to_string(c.id), type, now, std::move(payload)});
  return {};
}

void CaseOps::move(store::Case& c, store::CaseState to, Instant now) {
  const store::CaseState from = c.state;
  if (is_first_response(from, to) && !c.first_response_at) c.first_response_at = now;
  if (from == store::CaseState::awaiting_customer) resume_clocks(c, cal(), now);
  if (to == store::CaseState::awaiting_customer) pause_clocks(c, now);
  if (to == store::CaseState::resolved) c.resolved_at = now;
  if (to == store::CaseState::closed) c.closed_at = now;
  if (is_reopen(from, to)) {
    c.resolved_at.reset();
    c.closed_at.reset();
    // A reopened case gets a fresh resolution clock from now.
    const SlaTarget* t = config().target_for(c.kind, c.segment);
    store::SlaClock first = c.first_response;
    start_clocks(c, t, config().warn_fraction, cal(), now);
    c.first_response = first;
  }
  if (to != store::CaseState::forwarded) c.department.clear();
  c.state = to;
  c.updated_at = now;
  refresh_next(c);
}

}  // namespace tamas::services::cases
