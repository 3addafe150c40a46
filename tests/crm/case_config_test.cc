// The case system is configured by the strategy's `cases:` section; only a
// strategy without one falls back to the built-in defaults.
#include <gtest/gtest.h>

#include "fixture.h"
#include "services/cases/config.h"

namespace tamas::testing {
namespace {

using services::cases::case_config_from;
using services::cases::CaseConfig;
using std::chrono::hours;

strategy::Strategy load_example(const std::string& name) {
  auto loaded = strategy::load_strategy(TAMAS_SOURCE_DIR "/examples/" + name + "/strategy.yaml");
  EXPECT_TRUE(loaded.ok());
  return loaded.ok() ? std::move(*loaded.strategy) : strategy::Strategy{};
}

TEST(CaseConfigFromStrategy, TheAutomotiveFileDefinesTheTreeDepartmentsAndTargets) {
  const CaseConfig c = case_config_from(automotive_strategy());
  const auto* engine = c.category("complaint/product_quality/engine");
  ASSERT_NE(engine, nullptr) << "a category only the file defines";
  EXPECT_EQ(engine->parent, "complaint/product_quality");
  EXPECT_EQ(engine->kind, "complaint");
  ASSERT_NE(c.category("complaint/roadside_service"), nullptr);
  EXPECT_EQ(c.category("complaint/weather"), nullptr);
  ASSERT_NE(c.department("legal"), nullptr);
  EXPECT_EQ(c.department("legal")->answer_within, hours(40));
  EXPECT_TRUE(c.has_kind("technical_support")) << "a kind an interaction type uses";
  ASSERT_NE(c.target_for("complaint", "vip"), nullptr);
  EXPECT_EQ(c.target_for("complaint", "vip")->resolution, hours(16));
  EXPECT_EQ(c.target_for("complaint", "fleet_owner")->first_response, hours(4));
  EXPECT_EQ(c.target_for("emergency", "vip"), nullptr) << "no target written down, no clocks";
  EXPECT_DOUBLE_EQ(c.warn_fraction, 0.8);
}

TEST(CaseConfigFromStrategy, TheGasUtilityFileHasItsOwn) {
  const CaseConfig c = case_config_from(load_example("gas-utility"));
  EXPECT_DOUBLE_EQ(c.warn_fraction, 0.75);
  EXPECT_NE(c.department("dispatch"), nullptr);
  EXPECT_EQ(c.department("legal"), nullptr) << "the automotive defaults do not leak in";
  EXPECT_NE(c.category("order/new_connection"), nullptr);
  EXPECT_EQ(c.category("complaint/delivery_delay"), nullptr);
  EXPECT_EQ(c.target_for("complaint", "medical_equipment")->first_response, hours(2));
  EXPECT_TRUE(c.has_kind("emergency"));
  EXPECT_FALSE(c.has_kind("suggestion"));
}

TEST(CaseConfigFromStrategy, AStrategyWithoutTheSectionGetsTheDefaultsPlusItsKinds) {
  strategy::Strategy s = load_example("gas-utility");
  s.cases.reset();
  const CaseConfig c = case_config_from(s);
  EXPECT_NE(c.department("legal"), nullptr);
  EXPECT_NE(c.category("complaint/delivery_delay"), nullptr);
  EXPECT_TRUE(c.has_kind("suggestion"));
  EXPECT_TRUE(c.has_kind("emergency")) << "added from the interaction types";
  EXPECT_TRUE(c.has_kind("order"));
}

}  // namespace
}  // namespace tamas::testing
