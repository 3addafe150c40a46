// The strict YAML reading layer: typed values, unknown keys, marks.
#include <gtest/gtest.h>

#include "strategy/reader.h"

namespace tamas::strategy::detail {
namespace {

struct ReaderTest : ::testing::Test {
  Sink sink{"t.yaml"};
  std::string only_error() {
    EXPECT_EQ(sink.diagnostics().size(), 1u);
    return sink.diagnostics().empty() ? "" : format(sink.diagnostics()[0]);
  }
};

TEST_F(ReaderTest, UnknownKeySuggestsTheClosestAllowedKey) {
  const YAML::Node n = YAML::Load("id: a\nqeue: sales\n");
  Map m(sink, n, "routing rule", {"id", "queue"});
  EXPECT_TRUE(m.ok());
  EXPECT_EQ(only_error(),
            "t.yaml:2:1: error: unknown key 'qeue' in routing rule; did you mean 'queue'?");
}

TEST_F(ReaderTest, FarAwayKeysGetNoSuggestion) {
  const YAML::Node n = YAML::Load("colour: red\n");
  Map m(sink, n, "queue", {"id", "queue"});
  EXPECT_EQ(only_error(), "t.yaml:1:1: error: unknown key 'colour' in queue");
}

TEST_F(ReaderTest, MissingKeyPointsAtTheMapping) {
  const YAML::Node n = YAML::Load("x:\n  name: a\n");
  Map m(sink, n["x"], "queue", {"id", "name"});
  EXPECT_FALSE(m.need("id").IsDefined());
  EXPECT_EQ(only_error(), "t.yaml:2:3: error: missing key 'id' in queue");
}

TEST_F(ReaderTest, DurationsTakeAUnit) {
  const YAML::Node n = YAML::Load("[20s, 5m, 8h, 2d, 1w, 20, 0s, 3y]");
  EXPECT_EQ(read_duration(sink, n[0], "t"), Duration(20'000));
  EXPECT_EQ(read_duration(sink, n[1], "t"), Duration(300'000));
  EXPECT_EQ(read_duration(sink, n[2], "t"), std::chrono::hours(8));
  EXPECT_EQ(read_duration(sink, n[3], "t"), std::chrono::hours(48));
  EXPECT_EQ(read_duration(sink, n[4], "t"), std::chrono::hours(168));
  EXPECT_TRUE(sink.empty());
  EXPECT_FALSE(read_duration(sink, n[5], "t"));
  EXPECT_FALSE(read_duration(sink, n[6], "t"));
  EXPECT_FALSE(read_duration(sink, n[7], "t"));
  EXPECT_EQ(sink.diagnostics().size(), 3u);
}

TEST_F(ReaderTest, IntegersAreRangeChecked) {
  const YAML::Node n = YAML::Load("[3, 9, x]");
  EXPECT_EQ(read_int(sink, n[0], "level", 1, 5), 3);
  EXPECT_FALSE(read_int(sink, n[1], "level", 1, 5));
  EXPECT_FALSE(read_int(sink, n[2], "level", 1, 5));
  ASSERT_EQ(sink.diagnostics().size(), 2u);
  EXPECT_EQ(sink.diagnostics()[0].message, "level must be between 1 and 5, got 9");
  EXPECT_EQ(sink.diagnostics()[1].message, "expected a whole number for level, got 'x'");
}

TEST_F(ReaderTest, TextIsBilingualOrOnePlainString) {
  const YAML::Node n = YAML::Load("[{fa: سلام, en: Hello}, Hello, {de: Hallo}]");
  auto both = read_text(sink, n[0], "prompt");
  ASSERT_TRUE(both);
  EXPECT_EQ(both->fa, "سلام");
  EXPECT_EQ(both->en, "Hello");
  EXPECT_EQ(read_text(sink, n[1], "prompt")->en, "Hello");
  EXPECT_FALSE(read_text(sink, n[2], "prompt"));
  EXPECT_FALSE(sink.empty());
}

TEST_F(ReaderTest, IdsAreShortAndPlain) {
  const YAML::Node n = YAML::Load("[sales_1, 'two words', '']");
  EXPECT_EQ(read_id(sink, n[0], "queue id"), "sales_1");
  EXPECT_FALSE(read_id(sink, n[1], "queue id"));
  EXPECT_FALSE(read_id(sink, n[2], "queue id"));
  EXPECT_EQ(sink.diagnostics().size(), 2u);
}

TEST_F(ReaderTest, IdTableReportsDuplicatesAndSuggestsOnTypos) {
  const YAML::Node n = YAML::Load("[sales, sales, sale]");
  IdTable t(sink, "queue");
  EXPECT_EQ(t.define("sales", n[0]), 0);
  EXPECT_EQ(t.define("sales", n[1]), -1);
  EXPECT_EQ(t.resolve("sale", n[2], " in rule 'r'"), -1);
  ASSERT_EQ(sink.diagnostics().size(), 2u);
  EXPECT_EQ(sink.diagnostics()[0].message, "duplicate queue id 'sales' (first defined on line 1)");
  EXPECT_EQ(sink.diagnostics()[1].message,
            "unknown queue 'sale' in rule 'r'; did you mean 'sales'?");
}

TEST_F(ReaderTest, ListsAcceptOneValueOrMany) {
  const YAML::Node n = YAML::Load("[voice, [email, sms], {a: b}]");
  EXPECT_EQ(read_list(sink, n[0], "channel")->size(), 1u);
  EXPECT_EQ(read_list(sink, n[1], "channel")->size(), 2u);
  EXPECT_FALSE(read_list(sink, n[2], "channel"));
}

TEST(Loader, SyntaxErrorsBecomeDiagnosticsWithPositions) {
  const LoadResult r = load_strategy_text("a: [1, 2\n", "x.yaml");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "x.yaml");
  EXPECT_GE(r.errors[0].line, 1);
  EXPECT_EQ(r.errors[0].message.rfind("invalid YAML: ", 0), 0u);
}

TEST(Loader, MissingFileIsOneClearError) {
  const LoadResult r = load_strategy("/nonexistent/strategy.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(format(r.errors[0]),
            "/nonexistent/strategy.yaml: error: cannot open file: No such file or directory");
}

TEST(Loader, ErrorsAreSortedByLine) {
  const LoadResult r =
      load_strategy_text("zzz: 1\norganisation: {id: a, name: A}\nyyy: 2\n", "s.yaml");
  ASSERT_GE(r.errors.size(), 2u);
  for (std::size_t i = 1; i < r.errors.size(); ++i)
    EXPECT_LE(r.errors[i - 1].line, r.errors[i].line);
}

}  // namespace
}  // namespace tamas::strategy::detail
