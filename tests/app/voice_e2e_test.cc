// A caller rings the gas utility's customer line on `tamas serve --sip`
// (sipp on loopback, free ports), chooses "gas leak" in the Persian IVR,
// waits on hold and gives up: the call is on record as a voice interaction
// with its IVR path and caller, routed to the emergency queue and counted as
// abandoned (R3, R13, R34).
#include <signal.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "server_process.h"
#include "store/sqlite_store.h"

namespace tamas {
namespace {

using test::ServerProcess;
using test::TempDir;

std::uint16_t sip_port_of(const std::string& log) {
  std::smatch m;
  if (!std::regex_search(log, m, std::regex("sip=127\\.0\\.0\\.1:([0-9]+)"))) return 0;
  return static_cast<std::uint16_t>(std::stoi(m[1]));
}

// One prompt cache for every run: synthesising the strategy's ~90 prompts
// takes tens of seconds on a loaded machine, and the cache is keyed by text
// and written by atomic rename, so sharing it is safe.
std::string prompt_cache() {
  return (std::filesystem::temp_directory_path() / "tamas-test-prompt-cache").string();
}

class VoiceE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "--strategy", std::string(TAMAS_SOURCE_DIR) + "/examples/gas-utility/strategy.yaml", "--db",
        dir_.file("t.db"), "--sip", "127.0.0.1:0", "--prompts", prompt_cache()});
    ASSERT_NE(server_->port(), 0) << server_->log();
    sip_port_ = sip_port_of(server_->log());
    ASSERT_NE(sip_port_, 0) << server_->log();
  }

  int call(const std::string& scenario, const std::string& number, std::string& output) {
    return test::run_command(
        {"/usr/bin/sipp", "-sf", std::string(TAMAS_SOURCE_DIR) + "/tests/app/sipp/" + scenario, "-s", number,
         "127.0.0.1:" + std::to_string(sip_port_), "-m", "1", "-timeout", "30s", "-timeout_error",
         "-key", "rtp_port", "9", "-nostdin"},
        output);
  }

  std::vector<store::Interaction> stored() {
    auto db = store::open_sqlite_store(dir_.file("t.db"));
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return {};
    auto tenant = (*db)->tenants().find_by_slug("gas-tehran");
    EXPECT_TRUE(tenant.ok());
    if (!tenant.ok()) return {};
    std::vector<store::Interaction> out;
    for (store::RowId id = 1;; ++id) {
      auto i = (*db)->interactions().get(tenant->id, id);
      if (!i.ok()) break;
      out.push_back(*i);
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::uint16_t sip_port_ = 0;
};

TEST_F(VoiceE2E, ACallerWhoGivesUpOnHoldIsAnAbandonedVoiceInteraction) {
  std::string out;
  ASSERT_EQ(call("press1_wait_hangup.xml", "1570", out), 0) << out << server_->log();
  // A clean stop applies what the engine was given and flushes the writer.
  ASSERT_EQ(server_->stop(SIGTERM), 0) << server_->log();
  auto rows = stored();
  ASSERT_EQ(rows.size(), 1u) << server_->log();
  const auto& call = rows.front();
  EXPECT_EQ(call.channel, "voice");
  EXPECT_EQ(call.entry_point, "customer_line");
  EXPECT_EQ(call.type, "gas_leak");
  EXPECT_EQ(call.queue, "emergency");
  EXPECT_EQ(call.state, store::InteractionState::abandoned);
  EXPECT_NE(call.fields_json.find(R"("ivr_path":["main:1"])"), std::string::npos)
      << call.fields_json;
  EXPECT_NE(call.fields_json.find(R"("caller_phone":"+989121234567")"), std::string::npos);
}

TEST(VoiceServeOptions, ABadSipAddressIsRefusedWithItsReason) {
  TempDir dir;
  std::string out;
  int rc =
      test::run_command({test::tamas_binary(), "serve", "--strategy",
                         std::string(TAMAS_SOURCE_DIR) + "/examples/gas-utility/strategy.yaml",
                         "--db", dir.file("t.db"), "--http", "127.0.0.1:0", "--sip", "nonsense"},
                        out);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("--sip expects ADDR:PORT, got 'nonsense'"), std::string::npos) << out;
}

}  // namespace
}  // namespace tamas
