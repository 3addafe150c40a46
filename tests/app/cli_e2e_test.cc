// The command line as an operator uses it: users, staffing.
#include <gtest/gtest.h>

#include "server_process.h"

namespace tamas {
namespace {

using test::run_command;
using test::tamas_binary;
using test::TempDir;

std::string example(const std::string& name) {
  return std::string(TAMAS_SOURCE_DIR) + "/examples/" + name + "/strategy.yaml";
}

TEST(UserCommand, AddsListsAndChangesPasswords) {
  TempDir dir;
  const std::string db = dir.file("t.db");
  std::string out;
  ASSERT_EQ(run_command({tamas_binary(), "user", "add", "sara", "--role", "supervisor", "--name",
                         "Sara Ahmadi", "--password", "s3cret-pass", "--db", db, "--strategy",
                         example("automotive")},
                        out),
            0)
      << out;
  EXPECT_NE(out.find("added sara (supervisor)"), std::string::npos) << out;
  ASSERT_EQ(run_command({tamas_binary(), "user", "list", "--db", db}, out), 0) << out;
  EXPECT_NE(out.find("sara"), std::string::npos);
  EXPECT_NE(out.find("supervisor"), std::string::npos);
  EXPECT_NE(out.find("Sara Ahmadi"), std::string::npos);
  EXPECT_EQ(out.find("s3cret"), std::string::npos) << "never print secrets";
  EXPECT_EQ(run_command({tamas_binary(), "user", "passwd", "sara", "--password", "another-pass",
                         "--db", db},
                        out),
            0)
      << out;
}

TEST(UserCommand, RefusesDuplicatesShortPasswordsAndUnknownUsers) {
  TempDir dir;
  const std::string db = dir.file("t.db");
  std::string out;
  const auto add = [&](const std::string& name, const std::string& pw) {
    return run_command({tamas_binary(), "user", "add", name, "--password", pw, "--db", db,
                        "--strategy", example("automotive")},
                       out);
  };
  ASSERT_EQ(add("ali", "long-enough"), 0) << out;
  EXPECT_NE(add("ali", "long-enough"), 0);
  EXPECT_NE(add("reza", "short"), 0);
  EXPECT_NE(out.find("at least 8 characters"), std::string::npos) << out;
  EXPECT_NE(run_command({tamas_binary(), "user", "passwd", "nobody", "--password", "whatever1",
                         "--db", db},
                        out),
            0);
  EXPECT_NE(out.find("no user 'nobody'"), std::string::npos) << out;
}

TEST(UserCommand, ExplainsAnEmptyDatabase) {
  TempDir dir;
  std::string out;
  EXPECT_NE(run_command({tamas_binary(), "user", "list", "--db", dir.file("t.db")}, out), 0);
  EXPECT_NE(out.find("no organisation yet"), std::string::npos) << out;
}

TEST(StaffCommand, SolvesTheClassicErlangCExampleAsJson) {
  std::string out;
  ASSERT_EQ(run_command({tamas_binary(), "staff", "--volume", "100", "--interval", "30m", "--aht",
                         "180s", "--target", "80/20s", "--json"},
                        out),
            0)
      << out;
  EXPECT_NE(out.find("\"agents\":14"), std::string::npos) << out;
  EXPECT_NE(out.find("\"service_level\":0.888"), std::string::npos) << out;
  EXPECT_NE(out.find("\"p_wait\":0.174"), std::string::npos) << out;
  EXPECT_NE(out.find("\"occupancy\":0.714"), std::string::npos) << out;
}

TEST(StaffCommand, RejectsAnImpossibleTarget) {
  std::string out;
  EXPECT_EQ(run_command({tamas_binary(), "staff", "--volume", "100", "--interval", "30m", "--aht",
                         "180s", "--target", "120/20s"},
                        out),
            2);
}

}  // namespace
}  // namespace tamas

namespace tamas {
namespace {

TEST(SimulateCommand, MatchesErlangCThroughTheRealEngine) {
  std::string out;
  ASSERT_EQ(test::run_command({test::tamas_binary(), "simulate", "--agents", "14", "--volume", "100",
                               "--interval", "30m", "--aht", "180s", "--target", "80/20s", "--hours",
                               "24", "--json"},
                              out),
            0)
      << out;
  const auto field = [&](const std::string& name) {
    const auto at = out.find("\"" + name + "\":");
    return at == std::string::npos ? -1.0 : std::stod(out.substr(at + name.size() + 3));
  };
  EXPECT_NEAR(field("service_level"), field("theory_service_level"),
              std::max(field("service_level_ci"), 0.005))
      << out;
  EXPECT_NEAR(field("theory_service_level"), 0.888, 0.001);
}

TEST(SimulateCommand, RejectsMissingInput) {
  std::string out;
  EXPECT_EQ(test::run_command({test::tamas_binary(), "simulate", "--agents", "3"}, out), 2);
  EXPECT_NE(out.find("--volume and --aht are required"), std::string::npos) << out;
}

}  // namespace
}  // namespace tamas
