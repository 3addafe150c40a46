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
  row.queue = task.queue;
  row.state = store::InteractionState::queued;
  row.arrived_at = clock.now();
  boost::json::object fields;
  fields["callback_number"] = task.number;
  fields["caller_phone"] = task.number;
  fields["voicemail"] = task.voicemail;
  fields["callback_of"] = task.from_interaction;
  fields["callback_due"] =
      std::chrono::duration_cast<std::chrono::seconds>(task.due.time_since_epoch()).count();
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

}  // namespace

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
