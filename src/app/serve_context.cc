#include "app/serve_context.h"

#include "api/crm_api.h"
#include "api/form_routes.h"
#include "api/system_routes.h"
#include "app/tenant_setup.h"
#include "app/version.h"
#include "app/wall_clock.h"
#include "core/log.h"
#include "engine/bridge/from_strategy.h"
#include "services/intake/intake.h"
#include "services/intake/interaction_journal.h"
#include "services/switchboard/queue_hours.h"
#include "services/switchboard/switchboard.h"
#include "store/writer.h"
#include "strategy/json.h"

namespace tamas::app {
namespace {

// Until auth's session guard is wired in, CRM/case/KB routes exist but
// refuse every caller (401); the public KB search works.
class NoLoginYet final : public api::Guard {
 public:
  std::variant<api::Principal, api::Response> authenticate(const api::Request&) const override {
    return api::Response::error(401, "unauthenticated", "sign-in is not available on this server yet");
  }
};

// Owns, in start-up order: strategy, calendar, store writer, switchboard
// (engine thread), intake. Destroyed in reverse after the HTTP server stops.
class Context final : public ServeContext {
 public:
  Context(strategy::Strategy s, BusinessCalendar calendar, store::TenantId tenant,
          std::unique_ptr<store::Store> writer_db, std::unique_ptr<engine::Engine> engine)
      : strategy_(std::move(s)),
        calendar_(std::move(calendar)),
        tenant_(tenant),
        strategy_json_(std::make_shared<const std::string>(strategy::to_json(strategy_))),
        writer_(std::move(writer_db)),
        switchboard_(std::move(engine), clock_),
        hours_(strategy_, calendar_),
        intake_(strategy_, tenant_, writer_, switchboard_, clock_),
        journal_(tenant_, writer_) {
    switchboard_.on_tick([this](Instant now) { return hours_.changes(now); });
    switchboard_.subscribe([this](const services::ResolvedEvent& e) { journal_.on_event(e); });
    switchboard_.subscribe([](const services::ResolvedEvent& e) {
      log(LogLevel::debug, "engine.event",
          {{"kind", engine::to_string(e.event.kind)}, {"contact", e.contact}, {"agent", e.agent},
           {"queue", e.queue}});
    });
    switchboard_.start();
  }

  void add_routes(api::Router& router) override {
    api::SystemInfo info;
    info.version = std::string(kVersion);
    auto json = strategy_json_;
    info.strategy_json = [json] { return json; };
    api::add_system_routes(router, std::move(info));
    api::add_form_routes(router, intake_);
    if (crm_) api::add_crm_api(router, crm_guard_, *crm_);
  }

  // CRM, cases and knowledge base on their own connection, SLA ticks every 30 s.
  void start_crm(std::unique_ptr<store::Store> db) {
    const int h = strategy_.organisation.business_hours_index;
    if (h >= 0) crm_hours_ = strategy_.schedules[static_cast<std::size_t>(h)];
    crm_ = std::make_unique<api::CrmBackend>(std::move(db), strategy_, tenant_, calendar_,
                                             crm_hours_, clock_);
    crm_ticker_ = std::make_unique<api::CaseTicker>(*crm_, std::chrono::seconds(30));
  }

  // Re-queues what the store still holds as open (after a restart).
  Status recover(store::Store& db) {
    auto n = services::requeue_open_interactions(db, tenant_, switchboard_);
    if (!n) return n.error();
    log(LogLevel::info, "recovery.requeued", {{"interactions", *n}});
    return {};
  }

  void close() override {
    crm_ticker_.reset();
    switchboard_.stop();
    writer_.stop();
  }

 private:
  WallClock clock_;
  strategy::Strategy strategy_;
  BusinessCalendar calendar_;
  store::TenantId tenant_;
  std::shared_ptr<const std::string> strategy_json_;
  store::StoreWriter writer_;
  services::Switchboard switchboard_;
  services::QueueHours hours_;
  services::Intake intake_;
  services::InteractionJournal journal_;
  Schedule crm_hours_{"always", true, {}, {}, false};
  NoLoginYet crm_guard_;
  std::unique_ptr<api::CrmBackend> crm_;
  std::unique_ptr<api::CaseTicker> crm_ticker_;
};

}  // namespace

Result<std::unique_ptr<ServeContext>> ServeContext::open(const std::string& strategy_path,
                                                         const std::string& db_path) {
  auto loaded = load_strategy_file(strategy_path);
  if (!loaded) return loaded.error();
  auto& s = *loaded;
  auto calendar = services::calendar_of(s);
  if (!calendar) return calendar.error();
  auto config = engine::engine_config_from(s);
  if (!config) return config.error();
  auto engine = engine::Engine::create(*config);
  if (!engine) return Error::invalid("routing tables: " + engine.error().message);
  auto db = open_database(db_path);
  if (!db) return db.error();
  auto tenant = install_strategy(**db, strategy_path, s);
  if (!tenant) return tenant.error();
  auto reader = open_database(db_path);
  if (!reader) return reader.error();
  auto context = std::make_unique<Context>(std::move(s), std::move(calendar).value(), *tenant,
                                           std::move(db).value(), std::move(engine).value());
  if (auto st = context->recover(**reader); !st.ok()) return st.error();
  auto crm_db = open_database(db_path);
  if (!crm_db) return crm_db.error();
  context->start_crm(std::move(crm_db).value());
  return std::unique_ptr<ServeContext>(std::move(context));
}

}  // namespace tamas::app
