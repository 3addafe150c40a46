// What a customer typed into the voice-of-the-customer form, checked against
// the automotive strategy's information requirements (R8, R12).
#include "services/intake/field_validation.h"

#include <gtest/gtest.h>

#include "strategy/loader.h"

namespace tamas::services {
namespace {

class VocForm : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) + "/examples/automotive/strategy.yaml");
    ASSERT_TRUE(r.ok());
    s_ = std::move(*r.strategy);
    form_ = &s_.entry_points[static_cast<size_t>(s_.index.entry_points.at("voc_form"))];
  }
  FieldCheck check(std::map<std::string, std::string> in) { return check_fields(s_, form_->fields, in); }
  std::map<std::string, std::string> good() {
    return {{"vehicle_model", "kavir_suv"}, {"vin", "nlaa1234567890123"}, {"mobile", "۰۹۱۲ ۳۴۵ ۶۷۸۹"},
            {"province", "tehran"}, {"description", "  صدای غیرعادی موتور  "}};
  }
  strategy::Strategy s_;
  const strategy::EntryPoint* form_ = nullptr;
};

TEST_F(VocForm, AcceptsAndCleansAGoodSubmission) {
  auto r = check(good());
  ASSERT_TRUE(r.ok()) << r.problems.begin()->first << " " << r.problems.begin()->second;
  EXPECT_EQ(r.values.at("vin"), "NLAA1234567890123");
  EXPECT_EQ(r.values.at("mobile"), "+989123456789");
  EXPECT_EQ(r.values.at("description"), "صدای غیرعادی موتور");
}

TEST_F(VocForm, NamesEveryMissingRequiredField) {
  auto r = check({{"vehicle_model", "kavir_suv"}});
  EXPECT_EQ(r.problems.at("vin"), "is required");
  EXPECT_EQ(r.problems.at("mobile"), "is required");
  EXPECT_EQ(r.problems.at("province"), "is required");
  EXPECT_EQ(r.problems.at("description"), "is required");
  EXPECT_EQ(r.problems.count("dealer_code"), 0u) << "optional";
}

TEST_F(VocForm, RejectsValuesOfTheWrongKind) {
  auto in = good();
  in["vin"] = "123";
  in["mobile"] = "call me maybe";
  in["vehicle_model"] = "spaceship";
  in["dealer_code"] = "abc";
  auto r = check(in);
  EXPECT_EQ(r.problems.at("vin"), "must be a 17-character VIN");
  EXPECT_EQ(r.problems.at("mobile"), "is not a phone number we can call");
  EXPECT_EQ(r.problems.at("vehicle_model"), "must be one of the listed choices");
  EXPECT_EQ(r.problems.at("dealer_code"), "must be a number");
}

TEST_F(VocForm, EnforcesLengthInCharactersNotBytes) {
  auto in = good();
  in["description"] = std::string(2001 * 2, 'x').substr(0, 2001);
  EXPECT_EQ(check(in).problems.at("description"), "must be at most 2000 characters");
  std::string persian;
  for (int i = 0; i < 1500; ++i) persian += "ش";  // 3000 bytes, 1500 characters
  in["description"] = persian;
  EXPECT_TRUE(check(in).ok());
}

TEST_F(VocForm, FieldsTheFormDoesNotAskForAreRefused) {
  auto in = good();
  in["national_id"] = "0012345678";
  EXPECT_EQ(check(in).problems.at("national_id"), "is not asked for on this form");
}

}  // namespace
}  // namespace tamas::services
