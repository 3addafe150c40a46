#include "app/serve_context.h"

#include <boost/json/parse.hpp>
#include <filesystem>

#include "api/case_routes.h"
#include "api/crm_api.h"
#include "api/desk_routes.h"
#include "api/form_routes.h"
#include "api/public_case_routes.h"
#include "api/public_form_routes.h"
#include "api/recording_routes.h"
#include "api/strategy_routes.h"
#include "api/system_routes.h"
#include "api/token_routes.h"
#include "api/user_routes.h"
#include "api/webhook_routes.h"
#include "api/wfm_routes.h"
#include "app/serve_desk.h"
#include "app/tenant_setup.h"
#include "app/version.h"
#include "app/wall_clock.h"
#include "channels/voice/callback_dialer.h"
#include "channels/voice/interaction_notes.h"
#include "channels/voice/store_care.h"
#include "channels/voice/store_devices.h"
#include "channels/voice/strategy_voice.h"
#include "channels/voice/voice_contacts.h"
#include "channels/voice/voice_server.h"
#include "core/log.h"
#include "engine/bridge/from_strategy.h"
#include "services/engine_feed/engine_feed.h"
#include "services/events/bus.h"
#include "services/intake/intake.h"
#include "services/intake/interaction_journal.h"
#include "services/switchboard/queue_hours.h"
#include "services/switchboard/switchboard.h"
#include "services/webhooks/dispatcher.h"
#include "services/wfm/state_recorder.h"
#include "store/wal_checkpointer.h"
#include "store/writer.h"
#include "strategy/json.h"

namespace tamas::app {
namespace {

// What a strategy needs to start: its calendar and the engine's routing tables.
struct Startup {
  BusinessCalendar calendar;
  std::unique_ptr<engine::Engine> engine;
};

Result<Startup> startup_of(const strategy::Strategy& s) {
  auto calendar = services::calendar_of(s);
  if (!calendar) return calendar.error();
  auto config = engine::engine_config_from(s, &*calendar);
  if (!config) return config.error();
  auto engine = engine::Engine::create(*config);
  if (!engine) return Error::invalid("routing tables: " + engine.error().message);
  return Startup{std::move(calendar).value(), std::move(engine).value()};
}

// Owns, in start-up order: strategy, calendar, store writer, switchboard
// (engine thread), intake. Destroyed in reverse after the HTTP server stops.
class Context final : public ServeContext {
 public:
  Context(strategy::Strategy s, BusinessCalendar calendar, store::TenantId tenant,
          std::unique_ptr<store::Store> writer_db, std::unique_ptr<engine::Engine> engine,
          std::unique_ptr<store::Store> accounts_db, std::unique_ptr<store::Store> webhooks_db,
          const ServeSettings& settings)
      : settings_(settings),
        strategy_(std::move(s)),
        calendar_(std::move(calendar)),
        tenant_(tenant),
        strategy_json_(std::make_shared<const std::string>(strategy::to_json(strategy_))),
        writer_(std::move(writer_db)),
        switchboard_(std::move(engine), clock_),
        hours_(strategy_, calendar_),
        intake_(strategy_, tenant_, writer_, switchboard_, clock_),
        journal_(tenant_, writer_),
        voice_contacts_(intake_, switchboard_),
        accounts_(std::move(accounts_db)),
        guard_(accounts_, tenant_, clock_, settings_.sessions),
        webhooks_(std::move(webhooks_db), tenant_, clock_, events_, settings_.webhooks),
        live_(strategy_, tenant_, writer_, switchboard_, events_, clock_) {
    switchboard_.on_tick([this](Instant now) { return hours_.changes(now); });
    switchboard_.subscribe([this](const services::ResolvedEvent& e) { journal_.on_event(e); });
    switchboard_.subscribe([this](const services::ResolvedEvent& e) {
      voice_contacts_.on_engine_event(e);
      if (auto* d = dialer_ptr_.load(std::memory_order_acquire)) d->on_engine_event(e);
    });
    switchboard_.subscribe([](const services::ResolvedEvent& e) {
      log(LogLevel::debug, "engine.event",
          {{"kind", engine::to_string(e.event.kind)},
           {"contact", e.contact},
           {"agent", e.agent},
           {"queue", e.queue}});
    });
    services::attach_engine_feed(switchboard_, events_, tenant_);
    wfm::record_agent_states(switchboard_, writer_, tenant_);  // for adherence
    live_.attach(switchboard_);
    voice_contacts_.watch_logins();  // consult to a queue: its ready agents
    switchboard_.start();
    webhooks_.start();
  }

  void add_routes(api::Router& router) override {
    api::SystemInfo info;
    info.version = std::string(kVersion);
    auto json = strategy_json_;
    info.strategy_json = [json] { return json; };
    api::add_system_routes(router, std::move(info), guard_);
    api::add_form_routes(router, intake_);
    api::add_public_form_routes(router, strategy_);
    api::AccountServices accounts{accounts_, guard_, clock_, &slow_};
    api::add_auth_routes(router, accounts, settings_.logins);
    api::add_user_routes(router, accounts, agent_vocabulary());
    api::StrategyVersionSettings versions;
    versions.organisation = strategy_.organisation.id;
    versions.running = running_version_;
    versions.startable = [](const strategy::Strategy& s) -> Status {
      auto start = startup_of(s);
      if (!start) return start.error();
      return {};
    };
    api::add_strategy_version_routes(router, accounts, std::move(versions));
    api::add_token_routes(router, accounts);
    api::add_webhook_routes(router, accounts, webhooks_);
    if (crm_) api::add_crm_api(router, guard_, *crm_);
    if (crm_) api::add_public_case_routes(router, *crm_, clock_, settings_.logins);
    api::add_wfm_routes(router, guard_, wfm_.get());
    live_.add_routes(router, guard_);
    api::add_recording_routes(router, guard_, accounts_);
    api::add_partner_transfer_route(
        router, guard_,
        [this](const std::string& agent, const std::string& contact, const std::string& partner) {
          return voice_contacts_.transfer_to_partner(contact, agent, partner);
        });
    add_consult_routes(router);
  }

  // The desk's attended transfer of calls (docs/voice.md).
  void add_consult_routes(api::Router& router) {
    api::ConsultActions consult;
    consult.start = [this](const std::string& agent, const std::string& contact,
                           const api::ConsultTo& to, api::ConsultActions::Done done) {
      voice_contacts_.consult(contact, agent, {to.agent, to.queue, to.number}, std::move(done));
    };
    consult.complete = [this](const std::string& agent, const std::string& contact,
                              api::ConsultActions::Done done) {
      voice_contacts_.complete_consult(contact, agent, std::move(done));
    };
    consult.cancel = [this](const std::string& agent, const std::string& contact,
                            api::ConsultActions::Done done) {
      done(voice_contacts_.cancel_consult(contact, agent));
    };
    api::add_consult_routes(router, guard_, std::move(consult));
  }

  // Each step of a consult goes to the consulting agent's feed and onto the
  // interaction (fields.consult: the steps so far).
  void use_consult(const std::string& gateway) {
    voice::ConsultOptions consult;
    consult.gateway = gateway;
    consult.notify = [this](const voice::ConsultNotice& n) {
      events_.publish({0, tenant_, "agent/" + n.agent, n.type, clock_.now(), n.json});
      boost::system::error_code ec;
      boost::json::value steps = boost::json::parse(n.history, ec);
      if (ec) return;
      voice::note_on_interaction(writer_, tenant_, n.interaction, {{"consult", std::move(steps)}},
                                 "voice.consult_note_failed");
    };
    voice_contacts_.use_consult(std::move(consult));
  }

  // CRM, cases and knowledge base on their own connection, SLA ticks every 30 s.
  void start_crm(std::unique_ptr<store::Store> db) {
    const int h = strategy_.organisation.business_hours_index;
    if (h >= 0) crm_hours_ = strategy_.schedules[static_cast<std::size_t>(h)];
    crm_ = std::make_unique<api::CrmBackend>(std::move(db), strategy_, tenant_, calendar_,
                                             crm_hours_, clock_);
    api::publish_case_events(*crm_, events_);  // case.* to webhooks and sockets
    crm_ticker_ = std::make_unique<api::CaseTicker>(*crm_, std::chrono::seconds(30));
  }

  // Adherence and published schedules on their own connection.
  void start_wfm(std::unique_ptr<store::Store> db) {
    wfm_ = std::make_unique<api::WfmRecords>(std::move(db), tenant_, calendar_, clock_);
  }

  const api::Guard& guard() const override { return guard_; }

  // Relative paths of a stored strategy (voice.hold_music) are resolved here.
  void set_strategy_dir(std::string dir) { strategy_dir_ = std::move(dir); }
  // The stored strategy version this process runs (see api/strategy_routes.h).
  void set_running_version(store::RowId id) { running_version_ = id; }
  // Destroyed last, so its final pass comes after the writer's last commit.
  void keep_checkpointer(std::unique_ptr<store::WalCheckpointer> c) {
    checkpointer_ = std::move(c);
  }

  // Re-queues what the store still holds as open (after a restart).
  Status recover(store::Store& db) {
    if (auto st = live_.start(); !st.ok()) return st;
    auto n = services::requeue_open_interactions(db, tenant_, switchboard_);
    if (!n) return n.error();
    log(LogLevel::info, "recovery.requeued", {{"interactions", *n}});
    // Callback tasks among them are dialled again once voice starts.
    auto callbacks = voice::open_callback_tasks(db, tenant_);
    if (!callbacks) return callbacks.error();
    recovered_callbacks_ = std::move(callbacks).value();
    return {};
  }

  ~Context() override { close(); }  // subscribers die after the engine thread

  Result<std::uint16_t> start_voice(const std::string& addr, std::uint16_t port,
                                    const std::string& prompt_cache, const std::string& recordings,
                                    const VoiceOutboundSettings& outbound) override {
    const auto& locales = strategy_.organisation.locales;
    const std::string language = locales.empty() ? "fa" : locales.front();
    auto plan = voice::voice_plan_from(strategy_, language, strategy_dir_);
    if (!plan) return plan.error();
    auto prompts = voice::load_prompts(plan->prompts, prompt_cache);
    if (!prompts) return Error::unavailable("voice prompts: " + prompts.error().message);
    plan->config.prompts = std::move(prompts).value();
    // Caller care: announcements, callback, voicemail, survey (docs/voice.md).
    voice::CallerCareOptions care = plan->care;  // the strategy's `voice:` section
    care.recordings_dir = recordings.empty() ? "var/recordings" : recordings;
    care_ = std::make_unique<voice::CallerCare>(strategy_, switchboard_, clock_, std::move(care),
                                                voice::store_caller_care(writer_, tenant_, clock_),
                                                voice::next_opening_from(strategy_, calendar_));
    care_->adopt(std::move(
        recovered_callbacks_));  // restart: re-queued, being dialled, or waiting for their due time
    voice_contacts_.use_care(care_.get());
    // Partners' lines (R31) through the gateway: IVR transfers and the desk's.
    std::map<std::string, std::string> partner_uris;
    if (!outbound.gateway.empty())
      for (const auto& p : strategy_.partners)
        if (!p.number.empty()) partner_uris[p.id] = voice::gateway_uri(p.number, outbound.gateway);
    plan->config.partner_uris = partner_uris;
    voice_contacts_.use_partners(std::move(partner_uris));
    use_consult(outbound.gateway);
    voice::VoiceEvents events = voice_contacts_.events();
    voice::CallbackOptions callbacks;
    callbacks.gateway = outbound.gateway;
    callbacks.caller_id = outbound.caller_id;
    // The strategy's voice section wins over the server's defaults.
    const strategy::VoiceSettings& vs = strategy_.voice;
    callbacks.max_attempts = vs.callback_attempts.value_or(std::max(1, outbound.callback_attempts));
    callbacks.retry_interval = vs.callback_retry_after.value_or(
        std::chrono::seconds(std::max(1, outbound.callback_retry_seconds)));
    callbacks.recordings_dir = recordings;
    callbacks.agent_ring_ms = plan->ring_ms;
    dialer_ =
        std::make_unique<voice::CallbackDialer>(switchboard_, *care_, clock_, std::move(callbacks),
                                                voice::store_callback_lookup(writer_, tenant_),
                                                voice::store_agent_devices(writer_, tenant_));
    dialer_->add_events(events);
    dialer_ptr_.store(dialer_.get(), std::memory_order_release);
    auto phones = voice::store_phone_registry(writer_, tenant_, plan->config.sip_realm,
                                              [this] { return clock_.now(); });
    events.sip_credentials = std::move(phones.credentials);
    events.on_registered = std::move(phones.registered);
    voice_ = std::make_unique<voice::VoiceServer>(std::move(plan->config), std::move(events));
    voice_contacts_.attach(voice_.get());
    care_->attach(voice_.get());
    dialer_->attach(voice_.get());
    care_->start();
    voice_contacts_.use_devices(voice::store_agent_devices(writer_, tenant_),
                                {recordings, plan->ring_ms});
    if (auto st = voice_->start(addr, port); !st.ok()) {
      voice_contacts_.attach(nullptr);
      dialer_->attach(nullptr);
      care_->stop();
      care_->attach(nullptr);
      voice_.reset();
      return st.error();
    }
    return voice_->udp_port();
  }

  api::AgentVocabulary agent_vocabulary() const {
    api::AgentVocabulary v;
    for (const auto& skill : strategy_.skills) v.skills.insert(skill.id);
    for (const auto& group : strategy_.agent_groups) v.groups.insert(group.id);
    return v;
  }

  // After the HTTP server stopped: answers the sign-ins still being hashed.
  void close() override {
    slow_.stop();
    live_.stop();
    if (voice_) voice_->stop();  // callers still waiting are abandoned
    if (care_) care_->stop();    // before the engine thread (it asks the engine)
    webhooks_.stop();
    crm_ticker_.reset();
    switchboard_.stop();
    writer_.stop();
  }

 private:
  std::unique_ptr<store::WalCheckpointer> checkpointer_;
  WallClock clock_;
  ServeSettings settings_;
  store::RowId running_version_ = 0;
  std::string strategy_dir_;
  std::vector<voice::CallbackTask> recovered_callbacks_;  // recover() → start_voice()
  strategy::Strategy strategy_;
  BusinessCalendar calendar_;
  store::TenantId tenant_;
  std::shared_ptr<const std::string> strategy_json_;
  store::StoreWriter writer_;
  services::Switchboard switchboard_;
  services::QueueHours hours_;
  services::Intake intake_;
  services::InteractionJournal journal_;
  voice::VoiceContacts voice_contacts_;
  std::unique_ptr<voice::CallerCare> care_;                  // after start_voice()
  std::unique_ptr<voice::CallbackDialer> dialer_;            // after start_voice()
  std::atomic<voice::CallbackDialer*> dialer_ptr_{nullptr};  // read on the engine thread
  std::unique_ptr<voice::VoiceServer> voice_;                // after start_voice()
  api::AccountsDb accounts_;
  api::SessionGuard guard_;
  // Password hashing off the I/O threads: two workers (this machine class
  // has two cores), at most 256 sign-ins waiting.
  api::SlowWork slow_{2, 256};
  // The internal event bus (services/events/bus.h); webhooks deliver from it.
  services::EventBus events_;
  services::WebhookDispatcher webhooks_;
  Schedule crm_hours_{"always", true, {}, {}, false};
  std::unique_ptr<api::CrmBackend> crm_;
  std::unique_ptr<api::CaseTicker> crm_ticker_;
  std::unique_ptr<api::WfmRecords> wfm_;
  LiveDesk live_;
};

}  // namespace

Result<std::unique_ptr<ServeContext>> ServeContext::open(const std::string& strategy_path,
                                                         const std::string& db_path,
                                                         ServeSettings settings) {
  auto file = load_strategy_file(strategy_path);
  if (!file) return file.error();
  // Commits never checkpoint; one thread does it off their path.
  store::SqliteOptions connections;
  connections.auto_checkpoint = false;
  if (settings.sync_every_commit) connections.sync = store::SqliteOptions::Sync::full;
  auto db = open_database(db_path, connections);
  if (!db) return db.error();
  auto tenant = install_strategy(**db, strategy_path, *file);
  if (!tenant) return tenant.error();
  // The active version runs: the file, or a version uploaded over the API since.
  auto active = active_strategy(**db, *tenant);
  if (!active) return active.error();
  if (active->version.uploaded_by != "file:" + strategy_path)
    log(LogLevel::info, "strategy.from_store",
        {{"id", active->version.id}, {"uploaded_by", active->version.uploaded_by}});
  auto start = startup_of(active->strategy);
  if (!start) return start.error();
  auto reader = open_database(db_path, connections);
  if (!reader) return reader.error();
  auto accounts = open_database(db_path, connections);
  if (!accounts) return accounts.error();
  auto webhooks = open_database(db_path, connections);
  if (!webhooks) return webhooks.error();
  auto context = std::make_unique<Context>(
      std::move(active->strategy), std::move(start->calendar), *tenant, std::move(db).value(),
      std::move(start->engine), std::move(accounts).value(), std::move(webhooks).value(), settings);
  context->set_running_version(active->version.id);
  context->set_strategy_dir(std::filesystem::path(strategy_path).parent_path().string());
  auto checkpointer = store::WalCheckpointer::start(db_path);
  if (!checkpointer) return checkpointer.error();
  context->keep_checkpointer(std::move(checkpointer).value());
  if (auto st = context->recover(**reader); !st.ok()) return st.error();
  auto crm_db = open_database(db_path, connections);
  if (!crm_db) return crm_db.error();
  context->start_crm(std::move(crm_db).value());
  auto wfm_db = open_database(db_path);
  if (!wfm_db) return wfm_db.error();
  context->start_wfm(std::move(wfm_db).value());
  return std::unique_ptr<ServeContext>(std::move(context));
}

}  // namespace tamas::app
