// The worked examples' strategies drive the real engine (R6, R7, R45).
#include "engine/bridge/from_strategy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "engine/engine.h"
#include "strategy/loader.h"
#include "strategy/match.h"

namespace tamas::engine {
namespace {

strategy::Strategy load(const std::string& name) {
  auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/" + name +
                                   "/strategy.yaml");
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : strategy::format(r.errors.front()));
  return std::move(*r.strategy);
}

const QueueConfig& queue(const EngineConfig& c, const std::string& id) {
  for (const auto& q : c.queues)
    if (q.id == id) return q;
  throw std::runtime_error("no queue " + id);
}

class AutomotiveRouting : public ::testing::Test {
 protected:
  void SetUp() override {
    strategy_ = load("automotive");
    auto config = engine_config_from(strategy_);
    ASSERT_TRUE(config.ok()) << config.error().message;
    config_ = *config;
    auto engine = Engine::create(config_);
    ASSERT_TRUE(engine.ok()) << engine.error().message;
    engine_ = std::move(*engine);
  }

  void login(const std::string& agent, std::vector<std::string> groups) {
    auto l = agent_login_from(strategy_, agent, groups, /*ready=*/true);
    ASSERT_TRUE(l.ok()) << l.error().message;
    ASSERT_TRUE(engine_->apply(*l, now_).status.ok());
  }

  // The agent the contact was offered to, or "" if it is waiting.
  std::string arrive(ContactArrive c) {
    auto r = engine_->apply(c, now_);
    EXPECT_TRUE(r.status.ok()) << r.status.error().message;
    for (const auto& e : r.events)
      if (e.kind == EventKind::offer) return std::string(engine_->agent_id(e.agent));
    return "";
  }

  strategy::Strategy strategy_;
  EngineConfig config_;
  std::unique_ptr<Engine> engine_;
  Instant now_ = from_millis(1'700'000'000'000);
};

TEST_F(AutomotiveRouting, QueuesCarryTheStrategysPoliciesAndTimers) {
  const auto& complaints = queue(config_, "complaints");
  EXPECT_EQ(complaints.policy, SelectionPolicy::most_skilled);
  EXPECT_EQ(complaints.max_size, 40);
  EXPECT_EQ(complaints.offer_timeout, std::chrono::seconds(25));
  EXPECT_EQ(complaints.wrapup_limit, std::chrono::seconds(120));
  ASSERT_EQ(complaints.relaxation.size(), 2u);
  EXPECT_EQ(complaints.relaxation[0].after, std::chrono::seconds(60));
  EXPECT_EQ(complaints.relaxation[0].skills[0].min_level, 3);
  EXPECT_EQ(complaints.overflow_target, "after_sales");
  EXPECT_EQ(complaints.closed_action.kind, FallbackKind::voicemail_callback);
  EXPECT_EQ(queue(config_, "sales").closed_action.kind, FallbackKind::message);
}

TEST_F(AutomotiveRouting, PartnerTransfersNeverReachTheEngine) {
  for (const auto& r : config_.rules)
    EXPECT_NE(r.type, std::optional<std::string>("roadside_light"));
}

TEST_F(AutomotiveRouting, AVoiceComplaintGoesToTheComplaintDeskNotTheFrontline) {
  login("front1", {"frontline"});
  login("desk1", {"complaint_desk"});
  EXPECT_EQ(arrive({"c1", Channel::voice, "complaint", "tehran", {}, {}, {}, {}}), "desk1");
}

TEST_F(AutomotiveRouting, AComplaintWaitsWhenOnlyTheFrontlineIsReady) {
  login("front1", {"frontline"});
  EXPECT_EQ(arrive({"c1", Channel::voice, "complaint", "tehran", {}, {}, {}, {}}), "");
}

TEST_F(AutomotiveRouting, WrittenChannelsGoToTheWrittenQueue) {
  login("back1", {"back_office"});
  EXPECT_EQ(arrive({"w1", Channel::webform, "complaint", "tehran", {}, {}, {}, {}}), "back1");
}

TEST_F(AutomotiveRouting, FleetOwnersOnThePhoneReachTheFleetDesk) {
  login("front1", {"frontline"});
  login("fleet1", {"fleet_desk"});
  EXPECT_EQ(arrive({"f1", Channel::voice, "sales_inquiry", "fleet_owner", {}, {}, {}, {}}),
            "fleet1");
}

TEST_F(AutomotiveRouting, TheEnginesFirstMatchIsTheStrategysFirstMatch) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases{
      {"complaint", "voice", "vip"},        {"complaint", "chat", "tehran"},
      {"sales_inquiry", "voice", "tehran"}, {"after_sales", "email", "provinces"},
      {"general", "walk_in", "tehran"},     {"vehicle_documents", "voice", "fleet_owner"}};
  for (const auto& [type, channel, segment] : cases) {
    const auto* rule = strategy::match_route(strategy_, type, channel, segment, {});
    ASSERT_NE(rule, nullptr);
    login("any_" + type + channel, {"frontline", "complaint_desk", "fleet_desk", "back_office"});
    auto ch = engine_channel(channel);
    ASSERT_TRUE(ch.ok());
    auto r = engine_->apply(
        ContactArrive{type + channel + segment, *ch, type, segment, {}, {}, {}, {}}, now_);
    ASSERT_TRUE(r.status.ok());
    bool queued_in_rule_queue = false;
    for (const auto& e : r.events)
      if ((e.kind == EventKind::offer || e.kind == EventKind::contact_queued) &&
          engine_->queue_id(e.queue) == rule->queue)
        queued_in_rule_queue = true;
    EXPECT_TRUE(queued_in_rule_queue)
        << type << "/" << channel << "/" << segment << " -> " << rule->queue;
    engine_->apply(AgentLogout{"any_" + type + channel}, now_);
  }
}

TEST(GasUtilityRouting, BuildsAnEngine) {
  auto s = load("gas-utility");
  auto config = engine_config_from(s);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(Engine::create(*config).ok());
}

TEST(AgentLogin, UnknownGroupIsAnError) {
  auto s = load("automotive");
  auto l = agent_login_from(s, "a1", {"nope"}, true);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.error().message, "unknown agent group 'nope'");
}

}  // namespace
}  // namespace tamas::engine

namespace tamas::engine {
namespace {

TEST(WrittenQueues, WaitForTheOpeningInsteadOfTakingAVoicemail) {
  auto s = load("automotive");
  auto config = engine_config_from(s);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(queue(*config, "written").closed_action.kind, FallbackKind::queue_anyway);
  EXPECT_EQ(queue(*config, "complaints").closed_action.kind, FallbackKind::voicemail_callback);
}

}  // namespace
}  // namespace tamas::engine

namespace tamas::engine {
namespace {

TEST(ServiceLevels, BecomeEngineSlosResolvedLikeTheStrategy) {
  auto s = load("automotive");
  auto config = engine_config_from(s);
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->slos.size(), s.service_levels.size());
  auto voice = std::find_if(config->slos.begin(), config->slos.end(),
                            [](const SloConfig& c) { return c.id == "*/voice/*"; });
  ASSERT_NE(voice, config->slos.end());
  EXPECT_EQ(voice->threshold, std::chrono::seconds(20));
  EXPECT_DOUBLE_EQ(voice->target, 0.8);
  EXPECT_EQ(voice->channel, Channel::voice);
  EXPECT_EQ(voice->type, "*");
  auto engine = Engine::create(*config);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  const Instant t = from_millis(1'700'000'000'000);
  ContactArrive complaint{"c1", Channel::voice, "complaint", "private", {}, {}, "complaints", {}};
  ContactArrive chat{"c2", Channel::chat, "sales_inquiry", "private", {}, {}, "complaints", {}};
  ASSERT_TRUE((*engine)->apply(complaint, t).status.ok());
  ASSERT_TRUE((*engine)->apply(chat, t).status.ok());
  const auto* expected = strategy::service_level_for(s, "complaint", "voice", "private");
  ASSERT_NE(expected, nullptr);
  EXPECT_EQ((*engine)->contact_slo("c1"),
            expected->type + "/" + expected->channel + "/" + expected->segment);
  EXPECT_EQ((*engine)->contact_slo("c2"), "*/chat/*");
  auto stats = (*engine)->slo_stats("complaint/voice/*");
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->total.offered, 1);
}

// "90% in 8h business" (R5): an e-mail that arrives half an hour before the
// office closes on Wednesday and is answered at 10:00 on Saturday waited
// 68 hours, but only three business hours (Thursday and Friday are closed).
class BusinessHourSlo : public ::testing::Test {
 protected:
  void SetUp() override {
    strategy_ = load("gas-utility");
    auto cal = BusinessCalendar::create(strategy_.organisation.time_zone, strategy_.holidays);
    ASSERT_TRUE(cal.ok()) << cal.error().message;
    calendar_ = std::move(*cal);
  }

  // The e-mail SLO's figures after one e-mail arrives and is answered.
  SloFigures answer_email(const BusinessCalendar* calendar) {
    auto config = engine_config_from(strategy_, calendar);
    EXPECT_TRUE(config.ok()) << config.error().message;
    auto engine = std::move(Engine::create(*config)).value();
    const Instant wed_1400 = calendar_->to_instant(CivilDate{2026, 11, 18}, 14 * 60);
    const Instant sat_1000 = calendar_->to_instant(CivilDate{2026, 11, 21}, 10 * 60);
    auto login = agent_login_from(strategy_, "maryam", {"customer_service"}, /*ready=*/false);
    EXPECT_TRUE(engine->apply(*login, wed_1400).status.ok());
    EXPECT_TRUE(
        engine->apply(ContactArrive{"E-1", Channel::email, "", "", {}, {}, {}, {}}, wed_1400)
            .status.ok());
    EXPECT_TRUE(engine->apply(AgentReady{"maryam"}, sat_1000).status.ok());
    EXPECT_TRUE(engine->apply(AcceptOffer{"maryam", "E-1"}, sat_1000).status.ok());
    auto stats = engine->slo_stats("*/email/*");
    EXPECT_TRUE(stats.ok()) << stats.error().message;
    auto queue = engine->queue_stats("written");
    EXPECT_TRUE(queue.ok()) << queue.error().message;
    queue_within_ = queue->answered_within;
    return stats->total;
  }

  std::int64_t queue_within_ = -1;

  strategy::Strategy strategy_;
  std::optional<BusinessCalendar> calendar_;
};

TEST_F(BusinessHourSlo, CountsOnlyOfficeHoursTowardTheTarget) {
  auto f = answer_email(&*calendar_);
  EXPECT_EQ(f.answered, 1);
  EXPECT_EQ(f.answered_within, 1) << "3 business hours is within 8h business";
  EXPECT_EQ(f.asa, std::chrono::hours(68)) << "the average speed of answer stays elapsed time";
  EXPECT_EQ(queue_within_, 1) << "the written queue judges its SL in business time too";
}

TEST_F(BusinessHourSlo, WithoutTheCalendarTheSameWaitMissesTheTarget) {
  auto f = answer_email(nullptr);
  EXPECT_EQ(f.answered, 1);
  EXPECT_EQ(f.answered_within, 0);
  EXPECT_EQ(queue_within_, 0);
}

}  // namespace
}  // namespace tamas::engine
