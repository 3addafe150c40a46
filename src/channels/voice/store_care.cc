#include "channels/voice/store_care.h"

#include "channels/voice/interaction_notes.h"

#include <boost/json.hpp>
#include <memory>

#include "core/log.h"

namespace tamas::voice {

namespace {

// `json_object` is a JSON object's text; anything else is ignored.
void note(store::StoreWriter& writer, store::TenantId tenant, const std::string& interaction,
          const std::string& json_object) {
  boost::system::error_code ec;
  boost::json::value add = boost::json::parse(json_object, ec);
  if (ec || !add.is_object()) return;
  note_on_interaction(writer, tenant, interaction, std::move(add.as_object()), "voice.note_failed");
}

void add_callback(store::StoreWriter& writer, store::TenantId tenant, const Clock& clock,
                  const CallbackTask& task, std::function<void(std::string)> done) {
  store::Interaction row;
  row.tenant = tenant;
  row.channel = "callback";
  row.type = task.type;
  row.entry_point = task.entry_point;
  row.queue = "";  // until handed to the engine at its due time (handed_over)
  row.state = store::InteractionState::queued;
  row.arrived_at = clock.now();
  boost::json::object fields;
  fields["callback_number"] = task.number;
  fields["caller_phone"] = task.number;
  fields["voicemail"] = task.voicemail;
  fields["callback_queue"] = task.queue;
  fields["callback_of"] = task.from_interaction;
  fields["callback_attempt"] = task.attempt;
  // Whole seconds, rounded up: a recovered task is never handed over early.
  fields["callback_due"] =
      std::chrono::ceil<std::chrono::seconds>(task.due.time_since_epoch()).count();
  row.fields_json = boost::json::serialize(fields);
  auto id = std::make_shared<std::string>();
  writer.submit(
      [row, id](store::Store& db) -> Status {
        auto added = db.interactions().add(row);
        if (!added) return added.error();
        *id = store::format_interaction_id(*added);
        return {};
      },
      [id, done = std::move(done)](const Status& st) { done(st.ok() ? *id : std::string()); });
}

std::string string_of(const boost::json::object& f, const char* key) {
  const auto* v = f.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The task joins its queue now: the row names it, arriving now.
void handed_over(store::StoreWriter& writer, store::TenantId tenant, const Clock& clock,
                 const std::string& interaction, const std::string& queue) {
  const Instant now = clock.now();
  writer.submit(
      [tenant, interaction, queue, now](store::Store& db) -> Status {
        auto id = store::parse_interaction_id(interaction);
        if (!id) return {};
        auto row = db.interactions().get(tenant, *id);
        if (!row || store::is_final(row->state)) return {};
        row->queue = queue;
        row->arrived_at = now;
        return db.interactions().update(*row);
      },
      [interaction](const Status& st) {
        if (!st.ok())
          log(LogLevel::warn, "voice.callback_handover_failed",
              {{"interaction", interaction}, {"error", st.error().message}});
      });
}

// The number to call back: callback_number (virtual hold, voicemail task),
// else the caller's normalised number.
std::optional<CallbackTarget> target_of(const store::Interaction& row) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(row.fields_json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& f = v.as_object();
  CallbackTarget t;
  for (const char* key : {"callback_number", "caller_phone", "caller"}) {
    if (const auto* n = f.if_contains(key); n && n->is_string() && !n->as_string().empty()) {
      t.number = std::string(n->as_string());
      break;
    }
  }
  if (const auto* a = f.if_contains("callback_attempt"); a && a->is_int64())
    t.attempt = static_cast<int>(a->as_int64());
  t.type = row.type;
  t.queue = row.queue.empty() ? string_of(f, "callback_queue") : row.queue;
  t.entry_point = row.entry_point;
  return t;
}

// A callback task from an open interaction row, or nullopt when it is none.
std::optional<CallbackTask> task_of(const store::Interaction& row) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(row.fields_json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& f = v.as_object();
  const auto* flag = f.if_contains("callback");
  const bool virtual_hold = row.channel == "voice" && flag && flag->is_bool() && flag->as_bool();
  if (row.channel != "callback" && !virtual_hold) return std::nullopt;
  auto target = target_of(row);
  if (!target || target->number.empty() || target->queue.empty()) return std::nullopt;
  CallbackTask t;
  t.interaction = store::format_interaction_id(row.id);
  t.from_interaction = virtual_hold ? t.interaction : string_of(f, "callback_of");
  t.entry_point = row.entry_point;
  t.type = row.type;
  t.queue = target->queue;
  t.in_queue = !row.queue.empty();  // the recovery re-queued it
  t.number = target->number;
  t.voicemail = string_of(f, "voicemail");
  t.attempt = target->attempt;
  t.due = row.arrived_at;
  if (const auto* due = f.if_contains("callback_due"); due && due->is_int64())
    t.due = Instant(std::chrono::seconds(due->as_int64()));
  return t;
}

}  // namespace

Result<std::vector<CallbackTask>> open_callback_tasks(store::Store& db, store::TenantId tenant) {
  auto open = db.interactions().list_open(tenant);
  if (!open) return open.error();
  std::vector<CallbackTask> out;
  for (const auto& row : *open)
    if (auto t = task_of(row)) out.push_back(std::move(*t));
  return out;
}

CallbackStore store_callback_lookup(store::StoreWriter& writer, store::TenantId tenant) {
  CallbackStore s;
  s.target = [&writer, tenant](const std::string& interaction,
                               std::function<void(std::optional<CallbackTarget>)> found) {
    auto out = std::make_shared<std::optional<CallbackTarget>>();
    writer.submit(
        [tenant, interaction, out](store::Store& db) -> Status {
          auto id = store::parse_interaction_id(interaction);
          if (!id) return {};
          auto row = db.interactions().get(tenant, *id);
          if (row) *out = target_of(*row);
          return {};
        },
        [out, found = std::move(found)](const Status&) { found(*out); });
  };
  s.note = [&writer, tenant](const std::string& interaction, const std::string& json) {
    note(writer, tenant, interaction, json);
  };
  return s;
}

CallerCareStore store_caller_care(store::StoreWriter& writer, store::TenantId tenant,
                                  const Clock& clock) {
  CallerCareStore s;
  s.note = [&writer, tenant](const std::string& interaction, const std::string& json) {
    note(writer, tenant, interaction, json);
  };
  s.add_callback = [&writer, tenant, &clock](const CallbackTask& task,
                                             std::function<void(std::string)> done) {
    add_callback(writer, tenant, clock, task, std::move(done));
  };
  s.handed_over = [&writer, tenant, &clock](const std::string& interaction,
                                            const std::string& queue) {
    handed_over(writer, tenant, clock, interaction, queue);
  };
  return s;
}

NextOpening next_opening_from(const strategy::Strategy& s, const BusinessCalendar& calendar) {
  return [&s, &calendar](const std::string& queue, Instant now) -> std::optional<Instant> {
    for (const auto& q : s.queues) {
      if (q.id != queue) continue;
      if (q.hours_index < 0) return std::nullopt;
      return calendar.next_opening(s.schedules[static_cast<size_t>(q.hours_index)], now);
    }
    return std::nullopt;
  };
}

}  // namespace tamas::voice
