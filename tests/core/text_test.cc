// Persian text normalisation for search.
#include "core/text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tamas {
namespace {

using ::testing::ElementsAre;

TEST(NormaliseText, ArabicYehAndKafBecomePersian) {
  // "كتاب علي" typed on an Arabic keyboard vs "کتاب علی".
  EXPECT_EQ(normalise_text("\u0643\u062A\u0627\u0628 \u0639\u0644\u064A"), "کتاب علی");
  EXPECT_EQ(normalise_text("موسى"), "موسی");  // alef maksura
  EXPECT_EQ(normalise_text("كيف"), normalise_text("کیف"));
}

TEST(NormaliseText, ZeroWidthNonJoinerDoesNotSplitOrChangeAWord) {
  EXPECT_EQ(normalise_text("می\u200Cخواهم"), "میخواهم");
  EXPECT_EQ(normalise_text("می\u200Cخواهم"), normalise_text("میخواهم"));
  EXPECT_EQ(normalise_text("كتاب\u200Cهاي"), normalise_text("کتابهای"));
  // A real space still separates two words.
  EXPECT_EQ(normalise_text("می خواهم"), "می خواهم");
}

TEST(NormaliseText, DirectionMarksAndJoinersAreRemoved) {
  EXPECT_EQ(normalise_text("\u200Fسلام\u200E"), "سلام");
  EXPECT_EQ(normalise_text("سل\u200Dام"), "سلام");
  EXPECT_EQ(normalise_text("\uFEFFhello"), "hello");
}

TEST(NormaliseText, DiacriticsAndTatweelAreRemoved) {
  EXPECT_EQ(normalise_text("مُحَمَّد"), "محمد");
  EXPECT_EQ(normalise_text("ســـلام"), "سلام");
  EXPECT_EQ(normalise_text("رحمٰن"), "رحمن");  // superscript alef
}

TEST(NormaliseText, TehMarbutaAndHamzaForms) {
  EXPECT_EQ(normalise_text("مدرسة"), "مدرسه");
  EXPECT_EQ(normalise_text("أحمد"), "احمد");
  EXPECT_EQ(normalise_text("إسلام"), "اسلام");
  EXPECT_EQ(normalise_text("مسئله"), "مسیله");
  EXPECT_EQ(normalise_text("مؤسسه"), "موسسه");
  EXPECT_EQ(normalise_text("خانۀ ما"), normalise_text("خانهٔ ما"));
  // آ is its own letter: آب (water) is not اب.
  EXPECT_EQ(normalise_text("آب"), "آب");
  EXPECT_EQ(normalise_text("ا\u0653ب"), "آب");  // decomposed maddah composes
}

TEST(NormaliseText, DigitsBecomeAscii) {
  EXPECT_EQ(normalise_text("سفارش ۱۲۳۴"), "سفارش 1234");
  EXPECT_EQ(normalise_text("٠٩١٢"), "0912");
}

TEST(NormaliseText, AsciiIsLowercasedAndWhitespaceCollapsed) {
  EXPECT_EQ(normalise_text("  Hello\t\tWORLD \n "), "hello world");
  EXPECT_EQ(normalise_text("سلام\u00A0\u00A0دنیا"), "سلام دنیا");  // no-break spaces
  EXPECT_EQ(normalise_text(""), "");
  EXPECT_EQ(normalise_text(" \u200C "), "");
}

TEST(NormaliseText, PresentationFormsAndFullWidthLettersUnfold) {
  EXPECT_EQ(normalise_text("\uFEFB"), "لا");    // lam-alef ligature
  EXPECT_EQ(normalise_text("\uFDFC"), "ریال");  // rial sign
  EXPECT_EQ(normalise_text("\uFF34\uFF21\uFF2D\uFF21\uFF33"), "tamas");
}

TEST(NormaliseText, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(normalise_text("ab\xFF"
                           "c"),
            "ab\uFFFD"
            "c");
  EXPECT_EQ(normalise_text("\xD8"), "\uFFFD");                      // truncated sequence
  EXPECT_EQ(normalise_text("\xC0\xAF"), "\uFFFD\uFFFD");            // overlong '/'
  EXPECT_EQ(normalise_text("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate
  EXPECT_EQ(normalise_text(std::string_view("a\0b", 3)), "ab");     // control dropped
}

TEST(NormaliseText, IsIdempotent) {
  for (const char* s : {"كتاب‌هاي من", "ســـلام  World", "مُحَمَّد ۱۲۳", "\xFF\xFE"}) {
    const std::string once = normalise_text(s);
    EXPECT_EQ(normalise_text(once), once) << s;
  }
}

TEST(SearchTokens, SplitsOnPersianAndAsciiPunctuation) {
  EXPECT_THAT(search_tokens("سلام، حال شما چطور است؟ خوبم؛ ممنون!"),
              ElementsAre("سلام", "حال", "شما", "چطور", "است", "خوبم", "ممنون"));
  EXPECT_THAT(search_tokens("«پشتیبانی» (Support) - order#123"),
              ElementsAre("پشتیبانی", "support", "order", "123"));
}

TEST(SearchTokens, SpellingVariantsGiveTheSameTokens) {
  EXPECT_EQ(search_tokens("مي‌خواهم كتاب بخرم"),
            search_tokens("میخواهم کتاب بخرم"));
  EXPECT_THAT(search_tokens("شماره ۰۹۱۲"), ElementsAre("شماره", "0912"));
}

TEST(SearchTokens, NothingButPunctuationGivesNoTokens) {
  EXPECT_TRUE(search_tokens("").empty());
  EXPECT_TRUE(search_tokens(" ،؛؟ ... !!").empty());
}

TEST(Digits, AsciiToPersianAndBack) {
  EXPECT_EQ(to_persian_digits("1404/01/01"), "۱۴۰۴/۰۱/۰۱");
  EXPECT_EQ(to_ascii_digits("۱۴۰۴/۰۱/۰۱"), "1404/01/01");
  EXPECT_EQ(to_ascii_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  EXPECT_EQ(to_ascii_digits("تلفن: ۰۲۱-۸۸۸۸"), "تلفن: 021-8888");
}

TEST(Digits, InvalidBytesPassThrough) {
  EXPECT_EQ(to_persian_digits("\xFF"
                              "1"),
            "\xFF"
            "۱");
  EXPECT_EQ(to_ascii_digits("\xDB"), "\xDB");
  EXPECT_EQ(to_ascii_digits("\xE0\xDB\xB1"),
            "\xE0"
            "1");
}

}  // namespace
}  // namespace tamas

namespace tamas {
namespace {

// Regression (fuzz_text): marks separated only by control characters became
// adjacent in non-canonical order, so normalising twice changed the text.
TEST(NormaliseText, IsAFixedPointEvenWhenDroppedCharactersSeparatedMarks) {
  const std::string input("--\xcc\x8c\x00\x06\xcc\xb9", 8);
  const std::string once = normalise_text(input);
  EXPECT_EQ(normalise_text(once), once);
  EXPECT_EQ(once, "--\xcc\xb9\xcc\x8c");  // canonical order: ccc 220 before 230
}

}  // namespace
}  // namespace tamas
