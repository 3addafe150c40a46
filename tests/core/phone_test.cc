// Phone numbers as Iranian customers type them.
#include "core/phone.h"

#include <gtest/gtest.h>

namespace tamas {
namespace {

std::string phone(std::string_view raw, std::string_view country = "98") {
  auto r = normalise_phone(raw, country);
  return r.ok() ? r.value() : "error: " + r.error().message;
}

TEST(NormalisePhone, IranianMobileInEveryCommonSpelling) {
  const std::string want = "+989123456789";
  EXPECT_EQ(phone("09123456789"), want);
  EXPECT_EQ(phone("9123456789"), want);
  EXPECT_EQ(phone("+98 912 345 6789"), want);
  EXPECT_EQ(phone("0098-912-345-6789"), want);
  EXPECT_EQ(phone("(0912) 345-6789"), want);
  EXPECT_EQ(phone("989123456789"), want);
  EXPECT_EQ(phone("+98 (0)912 345 6789"), want);
}

TEST(NormalisePhone, PersianAndArabicDigits) {
  EXPECT_EQ(phone("۰۹۱۲۳۴۵۶۷۸۹"), "+989123456789");
  EXPECT_EQ(phone("٠٩١٢٣٤٥٦٧٨٩"), "+989123456789");
  EXPECT_EQ(phone("۰۹۱۲ ۳۴۵ ۶۷۸۹"), "+989123456789");
  // Copied from right-to-left text, with direction marks.
  EXPECT_EQ(phone("\u200F۰۹۱۲-۳۴۵-۶۷۸۹\u200E"), "+989123456789");
}

TEST(NormalisePhone, TehranLandline) {
  EXPECT_EQ(phone("021 8888 7777"), "+982188887777");
  EXPECT_EQ(phone("+98 21 8888 7777"), "+982188887777");
}

TEST(NormalisePhone, LandlineWithoutAreaCodeIsAnError) {
  EXPECT_EQ(phone("8888 7777"),
            "error: phone number: a landline number needs its area code (e.g. 021)");
}

TEST(NormalisePhone, ShortServiceNumbersAreKeptAsShortCodes) {
  EXPECT_EQ(phone("1560"), "1560");
  EXPECT_EQ(phone("110"), "110");
  EXPECT_EQ(phone("۱۱۵"), "115");
  EXPECT_EQ(phone("123456"), "123456");
}

TEST(NormalisePhone, OtherCountries) {
  EXPECT_EQ(phone("+49 30 1234567"), "+49301234567");
  EXPECT_EQ(phone("030 1234567", "49"), "+49301234567");
  EXPECT_EQ(phone("+1 (212) 555-0100"), "+12125550100");
}

TEST(NormalisePhone, GarbageIsAnErrorThatSaysWhy) {
  EXPECT_EQ(phone(""), "error: phone number: no digits");
  EXPECT_EQ(phone(" - "), "error: phone number: no digits");
  EXPECT_EQ(phone("call me"), "error: phone number: unexpected character 'c' at position 0");
  EXPECT_EQ(phone("0912#345"), "error: phone number: unexpected character '#' at position 4");
  EXPECT_EQ(phone("0912+3456789"), "error: phone number: unexpected character '+' at position 4");
  EXPECT_EQ(phone("0912\xFF"), "error: phone number: invalid UTF-8 at byte 4");
  EXPECT_EQ(phone("091234"),
            "error: phone number: an Iranian number has 10 digits after the leading 0");
  EXPECT_EQ(phone("0912345678901"),
            "error: phone number: an Iranian number has 10 digits after the leading 0");
  EXPECT_EQ(phone("+98 912 345"), "error: phone number: an Iranian number has 10 digits after +98");
  EXPECT_EQ(phone("+1234567890123456"),
            "error: phone number: an international number has 8 to 15 digits");
  EXPECT_EQ(phone("+0912"), "error: phone number: country code cannot start with 0");
  EXPECT_FALSE(normalise_phone("09123456789", "abc").ok());
  EXPECT_EQ(normalise_phone("x").error().code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace tamas
