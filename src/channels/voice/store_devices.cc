#include "channels/voice/store_devices.h"

#include "channels/voice/interaction_notes.h"

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
                    const std::string& interaction, const std::string& path,
                    const std::string& agent) {
  note_on_interaction(writer, tenant, interaction,
                      {{"recording", path}, {"recording_agent", agent}},
                      "voice.recording_not_noted");
}

void find_ha1(store::StoreWriter& writer, store::TenantId tenant, const std::string& realm,
              const std::string& user, VoiceEvents::Ha1Answer answer) {
  auto ha1 = std::make_shared<std::optional<std::string>>();
  writer.submit(
      [tenant, user, realm, ha1](store::Store& db) -> Status {
        auto u = db.users().find_by_username(tenant, user);
        if (!u || u->disabled) return {};
        auto row = db.agents().find_by_user(tenant, u->id);
        if (row && !row->sip_ha1.empty() && row->sip_realm == realm) *ha1 = row->sip_ha1;
        return {};
      },
      [ha1, answer = std::move(answer)](const Status&) { answer(*ha1); });
}

void note_contact(store::StoreWriter& writer, store::TenantId tenant, const std::string& user,
                  const std::string& contact, std::optional<Instant> until) {
  writer.submit(
      [tenant, user, contact, until](store::Store& db) -> Status {
        auto u = db.users().find_by_username(tenant, user);
        if (!u) return {};
        auto row = db.agents().find_by_user(tenant, u->id);
        if (!row) return {};
        row->sip_contact = contact;
        row->sip_contact_until = until;
        return db.agents().update(*row);
      },
      [user](const Status& st) {
        if (!st.ok())
          log(LogLevel::warn, "voice.registration_not_stored",
              {{"user", user}, {"error", st.error().message}});
      });
}

}  // namespace

PhoneRegistry store_phone_registry(store::StoreWriter& writer, store::TenantId tenant,
                                   std::string realm, std::function<Instant()> now) {
  PhoneRegistry r;
  r.credentials = [&writer, tenant, realm](const std::string& user, VoiceEvents::Ha1Answer a) {
    find_ha1(writer, tenant, realm, user, std::move(a));
  };
  r.registered = [&writer, tenant, now](const std::string& user, const std::string& contact,
                                        uint32_t expires_s) {
    std::optional<Instant> until;
    if (expires_s > 0) until = now() + std::chrono::seconds(expires_s);
    note_contact(writer, tenant, user, contact, until);
  };
  return r;
}

AgentDevices store_agent_devices(store::StoreWriter& writer, store::TenantId tenant) {
  AgentDevices d;
  d.find = [&writer, tenant](const std::string& agent, AgentDevices::Found found) {
    find_device(writer, tenant, agent, std::move(found));
  };
  d.recorded = [&writer, tenant](const std::string& interaction, const std::string& path,
                                 const std::string& agent) {
    note_recording(writer, tenant, interaction, path, agent);
  };
  return d;
}

}  // namespace tamas::voice
