// Intake of phone calls after their IVR (see intake.h).
#include <boost/json.hpp>

#include "core/phone.h"
#include "services/intake/intake.h"
#include "strategy/match.h"

namespace tamas::services {
namespace {

IntakeOutcome call_failure(IntakeOutcome::Kind kind, std::string message) {
  IntakeOutcome out;
  out.kind = kind;
  out.message = std::move(message);
  return out;
}

std::string call_fields_json(const CallSubmission& call, const std::string& phone) {
  boost::json::object o;
  for (const auto& [k, v] : call.fields) o[k] = v;
  if (!call.caller.empty()) o["caller"] = call.caller;
  if (!phone.empty()) o["caller_phone"] = phone;
  boost::json::array path;
  for (const auto& step : call.ivr_path) path.emplace_back(step);
  o["ivr_path"] = std::move(path);
  if (!call.partner.empty()) o["partner"] = call.partner;
  return boost::json::serialize(o);
}

}  // namespace

void Intake::submit_call(CallSubmission call, std::function<void(IntakeOutcome)> done) {
  const auto it = strategy_.index.entry_points.find(call.entry_point);
  if (it == strategy_.index.entry_points.end() ||
      strategy_.entry_points[static_cast<size_t>(it->second)].channel !=
          strategy::ChannelKind::voice)
    return done(call_failure(IntakeOutcome::Kind::unknown_entry_point,
                             "no voice entry point '" + call.entry_point + "'"));
  const auto& ep = strategy_.entry_points[static_cast<size_t>(it->second)];
  const std::string type = call.type.empty() ? ep.type : call.type;

  auto phone = normalise_phone(call.caller);
  strategy::Attributes attrs(call.fields.begin(), call.fields.end());
  if (phone) attrs.emplace("phone", *phone);
  const auto& segment = strategy::segment_of(strategy_, attrs);
  IntakeReceipt receipt;
  receipt.type = type;
  receipt.segment = segment.id;
  receipt.partner = call.partner;
  int type_priority = 0;
  if (auto t = strategy_.index.types.find(type); t != strategy_.index.types.end())
    type_priority = strategy_.types[static_cast<size_t>(t->second)].priority;
  if (call.partner.empty()) {
    const auto* rule = strategy::match_route(strategy_, type, "voice", segment.id, attrs);
    receipt.queue = !call.queue.empty() ? call.queue : rule ? rule->queue : "";
    if (call.queue.empty() && rule && !rule->transfer.empty()) receipt.partner = rule->transfer;
    receipt.priority =
        (rule && rule->priority ? *rule->priority : type_priority) + segment.priority;
  }

  store::Interaction row;
  row.tenant = tenant_;
  row.channel = "voice";
  row.type = type;
  row.entry_point = ep.id;
  row.queue = receipt.queue;
  row.state = !receipt.partner.empty() ? store::InteractionState::closed
              : receipt.queue.empty()  ? store::InteractionState::open
                                       : store::InteractionState::queued;
  if (!receipt.partner.empty()) row.disposition = "transferred to partner " + receipt.partner;
  row.priority = receipt.priority;
  row.arrived_at = clock_.now();
  if (row.state == store::InteractionState::closed) row.ended_at = row.arrived_at;
  row.fields_json = call_fields_json(call, phone ? *phone : "");

  auto shared = std::make_shared<IntakeReceipt>(std::move(receipt));
  auto fields = std::make_shared<std::vector<std::pair<std::string, std::string>>>(call.fields);
  const bool by_queue = !call.queue.empty();
  writer_.submit(
      [row, shared](store::Store& db) -> Status {
        auto id = db.interactions().add(row);
        if (!id) return id.error();
        shared->interaction = store::format_interaction_id(*id);
        return {};
      },
      [this, shared, fields, by_queue, done = std::move(done)](const Status& st) {
        if (!st.ok())
          return done(call_failure(IntakeOutcome::Kind::store_failed, st.error().message));
        if (shared->partner.empty() && !shared->queue.empty()) {
          engine::ContactArrive arrive;
          arrive.contact = shared->interaction;
          arrive.channel = engine::Channel::voice;
          arrive.type = shared->type;
          arrive.segment = shared->segment;
          arrive.fields = *fields;
          arrive.priority = shared->priority;
          if (by_queue) arrive.queue = shared->queue;
          switchboard_.post(std::move(arrive));
        }
        IntakeOutcome ok;
        ok.receipt = *shared;
        done(std::move(ok));
      });
}

}  // namespace tamas::services
