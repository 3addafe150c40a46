#include "services/intake/intake.h"

#include <boost/json.hpp>

#include "engine/bridge/from_strategy.h"
#include "strategy/match.h"

namespace tamas::services {
namespace {

std::string to_json_object(const std::map<std::string, std::string>& values) {
  boost::json::object o;
  for (const auto& [k, v] : values) o[k] = v;
  return boost::json::serialize(o);
}

IntakeOutcome failure(IntakeOutcome::Kind kind, std::string message) {
  IntakeOutcome out;
  out.kind = kind;
  out.message = std::move(message);
  return out;
}

}  // namespace

Intake::Intake(const strategy::Strategy& s, store::TenantId tenant, store::StoreWriter& writer,
               Switchboard& switchboard, const Clock& clock)
    : strategy_(s), tenant_(tenant), writer_(writer), switchboard_(switchboard), clock_(clock) {}

void Intake::submit_form(FormSubmission form, std::function<void(IntakeOutcome)> done) {
  const auto it = strategy_.index.entry_points.find(form.entry_point);
  if (it == strategy_.index.entry_points.end() ||
      strategy_.entry_points[static_cast<size_t>(it->second)].channel != strategy::ChannelKind::webform)
    return done(failure(IntakeOutcome::Kind::unknown_entry_point, "no web form '" + form.entry_point + "'"));
  const auto& ep = strategy_.entry_points[static_cast<size_t>(it->second)];

  IntakeOutcome out;
  out.check = check_fields(strategy_, ep.fields, form.fields);
  if (!out.check.ok()) {
    out.kind = IntakeOutcome::Kind::invalid_fields;
    return done(std::move(out));
  }
  strategy::Attributes attrs(out.check.values.begin(), out.check.values.end());
  const auto& segment = strategy::segment_of(strategy_, attrs);
  const auto* rule = strategy::match_route(strategy_, ep.type, "webform", segment.id, attrs);
  IntakeReceipt receipt;
  receipt.type = ep.type;
  receipt.segment = segment.id;
  const auto& type = strategy_.types[static_cast<size_t>(ep.type_index)];
  receipt.priority = (rule && rule->priority ? *rule->priority : type.priority) + segment.priority;
  if (rule) {
    receipt.queue = rule->queue;
    receipt.partner = rule->transfer;
  }

  store::Interaction row;
  row.tenant = tenant_;
  row.channel = "webform";
  row.type = ep.type;
  row.entry_point = ep.id;
  row.queue = receipt.queue;
  row.state = receipt.queue.empty() ? store::InteractionState::open : store::InteractionState::queued;
  row.priority = receipt.priority;
  row.arrived_at = clock_.now();
  row.fields_json = to_json_object(out.check.values);

  // The op runs inside the writer's transaction; `done` after the commit.
  auto shared = std::make_shared<IntakeReceipt>(std::move(receipt));
  auto fields = std::make_shared<std::map<std::string, std::string>>(out.check.values);
  writer_.submit(
      [row, shared](store::Store& db) -> Status {
        auto id = db.interactions().add(row);
        if (!id) return id.error();
        shared->interaction = store::format_interaction_id(*id);
        return {};
      },
      [this, shared, fields, done = std::move(done)](const Status& st) {
        if (!st.ok()) return done(failure(IntakeOutcome::Kind::store_failed, st.error().message));
        if (!shared->queue.empty()) {
          engine::ContactArrive arrive;
          arrive.contact = shared->interaction;
          arrive.channel = engine::Channel::webform;
          arrive.type = shared->type;
          arrive.segment = shared->segment;
          arrive.fields.assign(fields->begin(), fields->end());
          arrive.priority = shared->priority;
          switchboard_.post(std::move(arrive));
        }
        IntakeOutcome ok;
        ok.receipt = *shared;
        done(std::move(ok));
      });
}

}  // namespace tamas::services
