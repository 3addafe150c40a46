// `tamas serve` end to end: the real binary on a free port, driven over HTTP.
#include <signal.h>

#include <gtest/gtest.h>

#include "http_client.h"
#include "server_process.h"

namespace tamas {
namespace {

using test::ServerProcess;
using test::TempDir;

std::string example(const std::string& name) {
  return std::string(TAMAS_SOURCE_DIR) + "/examples/" + name + "/strategy.yaml";
}

TEST(Serve, AnswersHealthAndVersionGuardsTheStrategyThenStopsCleanlyOnSigterm) {
  TempDir dir;
  ServerProcess server({"--strategy", example("automotive"), "--db", dir.file("t.db")});
  ASSERT_NE(server.port(), 0) << server.log();
  auto health = test::http_get(server.port(), "/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "{\"status\":\"ok\"}");
  auto version = test::http_get(server.port(), "/version");
  EXPECT_NE(version.body.find("\"version\":\"0."), std::string::npos);
  auto strategy = test::http_get(server.port(), "/api/v1/strategy");
  EXPECT_EQ(strategy.status, 401) << "the strategy is for logged-in users (see tests/auth)";
  EXPECT_EQ(server.stop(SIGTERM), 0);
  EXPECT_NE(server.log().find("event=serve.stopped"), std::string::npos);
}

TEST(Serve, StopsCleanlyOnSigint) {
  TempDir dir;
  ServerProcess server({"--strategy", example("gas-utility"), "--db", dir.file("t.db")});
  ASSERT_NE(server.port(), 0) << server.log();
  EXPECT_EQ(server.stop(SIGINT), 0);
}

TEST(Serve, RefusesAMissingStrategyWithAClearMessage) {
  TempDir dir;
  std::string out;
  const int status = test::run_command(
      {test::tamas_binary(), "serve", "--strategy", dir.file("nope.yaml"), "--db",
       dir.file("t.db"), "--http", "127.0.0.1:0"},
      out);
  EXPECT_EQ(status, 1);
  EXPECT_NE(out.find("nope.yaml"), std::string::npos) << out;
}

TEST(Serve, SyncsEveryCommitWhenAskedToSurvivePowerLoss) {
  TempDir dir;
  ServerProcess server(
      {"--strategy", example("gas-utility"), "--db", dir.file("t.db"), "--durability", "power"});
  ASSERT_NE(server.port(), 0) << server.log();
  EXPECT_NE(server.log().find("durability=power"), std::string::npos) << server.log();
  EXPECT_EQ(test::http_get(server.port(), "/health").status, 200);
  EXPECT_EQ(server.stop(SIGTERM), 0);

  std::string out;
  EXPECT_EQ(test::run_command({test::tamas_binary(), "serve", "--durability", "sometimes"}, out), 2);
  EXPECT_NE(out.find("--durability"), std::string::npos) << out;
}

TEST(Serve, RefusesABadListenAddress) {
  std::string out;
  EXPECT_EQ(test::run_command({test::tamas_binary(), "serve", "--http", "nonsense"}, out), 2);
  EXPECT_NE(out.find("ADDR:PORT"), std::string::npos) << out;
}

}  // namespace
}  // namespace tamas
