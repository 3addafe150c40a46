// The server records agents' states as they happen; a supervisor publishes
// today's schedule and reads the adherence report over the API.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/calendar.h"
#include "http_client.h"
#include "server_process.h"

namespace tamas {
namespace {

using namespace std::chrono_literals;

std::string field(const std::string& text, const std::string& key) {
  const auto k = text.find("\"" + key + "\":\"");
  if (k == std::string::npos) return "";
  const auto b = k + key.size() + 4;
  return text.substr(b, text.find('"', b) - b);
}

TEST(AdherenceServe, TheServerRecordsAgentStatesForTheAdherenceReport) {
  test::TempDir dir;
  const std::string strategy = std::string(TAMAS_SOURCE_DIR) + "/tests/app/data/desk_strategy.yaml";
  for (const auto& [name, role] : {std::pair{"alice", "agent"}, {"sam", "supervisor"}}) {
    std::string out;
    ASSERT_EQ(test::run_command(
                  {test::tamas_binary(), "user", "add", name, "--role", role, "--password",
                   "pass-" + std::string(name), "--db", dir.file("t.db"), "--strategy", strategy},
                  out),
              0)
        << out;
  }
  test::ServerProcess server({"--strategy", strategy, "--db", dir.file("t.db")});
  ASSERT_NE(server.port(), 0) << server.log();
  auto login = [&](const std::string& name) {
    auto r = test::http_post(server.port(), "/api/v1/auth/login",
                             R"({"username":")" + name + R"(","password":"pass-)" + name + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    return field(r.body, "token");
  };
  auto call = [&](const std::string& token, const std::string& method, const std::string& target,
                  const std::string& body = "") {
    test::HttpConnection c(server.port());
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return c.request(method, target, body, headers);
  };
  const std::string alice = login("alice"), sam = login("sam");
  ASSERT_EQ(call(alice, "POST", "/api/v1/agent/login").status, 200);
  ASSERT_EQ(call(alice, "POST", "/api/v1/agent/state", R"({"state":"ready"})").status, 200);

  // Today in the strategy's zone (the server reads the wall clock).
  auto cal = BusinessCalendar::create("Asia/Tehran", {});
  ASSERT_TRUE(cal.ok());
  const CivilDate d = cal->local_date(Instant{
      std::chrono::duration_cast<Duration>(std::chrono::system_clock::now().time_since_epoch())});
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02u-%02u", d.year, d.month, d.day);
  auto put = call(sam, "PUT", std::string("/api/v1/wfm/schedules/") + day,
                  R"({"agents":[{"agent":"alice","shift":"00:00-24:00"}]})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(call(alice, "GET", std::string("/api/v1/wfm/adherence?day=") + day).status, 403);
  // The state changes reach the store through the writer: poll briefly.
  std::string body;
  for (int i = 0; i < 50; ++i) {
    auto r = call(sam, "GET", std::string("/api/v1/wfm/adherence?day=") + day);
    ASSERT_EQ(r.status, 200) << r.body;
    body = r.body;
    if (body.find("\"agent\":\"alice\",\"scheduled\":true") != std::string::npos &&
        body.find("\"ready\":0,") == std::string::npos)
      break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_NE(body.find("\"schedule_published\":true"), std::string::npos) << body;
  EXPECT_NE(body.find("\"agent\":\"alice\",\"scheduled\":true"), std::string::npos) << body;
  EXPECT_EQ(body.find("\"ready\":0,"), std::string::npos)
      << "alice's ready time was recorded: " << body;
}

}  // namespace
}  // namespace tamas
