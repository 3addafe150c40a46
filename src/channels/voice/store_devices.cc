#include "channels/voice/store_devices.h"

#include <boost/json.hpp>
#include <memory>

#include "core/log.h"

namespace tamas::voice {

namespace {

// Every op returns OK: a missing row is an answer, not a reason to roll back
// the writer's batch.
void find_device(store::StoreWriter& writer, store::TenantId tenant, const std::string& agent,
                 AgentDevices::Found found) {
  auto uri = std::make_shared<std::optional<std::string>>();
  writer.submit(
      [tenant, agent, uri](store::Store& db) -> Status {
        auto user = db.users().find_by_username(tenant, agent);
        if (!user) return {};
        auto row = db.agents().find_by_user(tenant, user->id);
        if (row && !row->sip_uri.empty()) *uri = row->sip_uri;
        return {};
      },
      [uri, found = std::move(found)](const Status&) { found(*uri); });
}

void note_recording(store::StoreWriter& writer, store::TenantId tenant,
                    const std::string& interaction, const std::string& path) {
  writer.submit(
      [tenant, interaction, path](store::Store& db) -> Status {
        auto id = store::parse_interaction_id(interaction);
        if (!id) return {};
        auto row = db.interactions().get(tenant, *id);
        if (!row) return {};
        boost::system::error_code ec;
        boost::json::value fields = boost::json::parse(row->fields_json, ec);
        if (ec || !fields.is_object()) fields = boost::json::object();
        fields.as_object()["recording"] = path;
        row->fields_json = boost::json::serialize(fields);
        return db.interactions().update(*row);
      },
      [interaction](const Status& st) {
        if (!st.ok())
          log(LogLevel::warn, "voice.recording_not_noted",
              {{"interaction", interaction}, {"error", st.error().message}});
      });
}

}  // namespace

AgentDevices store_agent_devices(store::StoreWriter& writer, store::TenantId tenant) {
  AgentDevices d;
  d.find = [&writer, tenant](const std::string& agent, AgentDevices::Found found) {
    find_device(writer, tenant, agent, std::move(found));
  };
  d.recorded = [&writer, tenant](const std::string& interaction, const std::string& path) {
    note_recording(writer, tenant, interaction, path);
  };
  return d;
}

}  // namespace tamas::voice
