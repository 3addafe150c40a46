#include "channels/voice/interaction_notes.h"

#include <boost/json.hpp>

#include "core/log.h"

namespace tamas::voice {

void note_on_interaction(store::StoreWriter& writer, store::TenantId tenant,
                         const std::string& interaction, boost::json::object fields,
                         const char* failure_event) {
  writer.submit(
      [tenant, interaction, add = std::move(fields)](store::Store& db) -> Status {
        auto id = store::parse_interaction_id(interaction);
        if (!id) return {};
        auto row = db.interactions().get(tenant, *id);
        if (!row) return {};
        boost::system::error_code ec;
        boost::json::value merged = boost::json::parse(row->fields_json, ec);
        if (ec || !merged.is_object()) merged = boost::json::object();
        for (const auto& [k, v] : add) merged.as_object()[k] = v;
        row->fields_json = boost::json::serialize(merged);
        return db.interactions().update(*row);
      },
      [interaction, failure_event](const Status& st) {
        if (!st.ok())
          log(LogLevel::warn, failure_event,
              {{"interaction", interaction}, {"error", st.error().message}});
      });
}

}  // namespace tamas::voice
