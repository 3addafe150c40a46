// A phone call end to end through `tamas serve --sip` with a signed-in
// agent: alice is added with `tamas user add` and given a SIP password, signs
// in over HTTP and goes ready on the desk API; her softphone (baresip)
// registers with tamas's registrar; a caller (sipp) presses 1 in the Persian
// IVR for the gas-leak queue; alice's phone rings and answers; they talk; the
// caller hangs up; alice wraps up on the desk API; a supervisor downloads
// the call's recording, another agent may not. And attended transfer: alice
// consults bob on the desk API while the caller waits, then hands the call
// to him.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "baresip_peer.h"
#include "http_client.h"
#include "peers.h"
#include "server_process.h"
#include "store/sqlite_store.h"

namespace tamas {
namespace {

using namespace std::chrono_literals;
using test::ServerProcess;
using test::TempDir;

std::string strategy_file() {
  return std::string(TAMAS_SOURCE_DIR) + "/examples/gas-utility/strategy.yaml";
}

std::string prompt_cache() {  // shared with voice_e2e_test.cc (keyed by text)
  return (std::filesystem::temp_directory_path() / "tamas-test-prompt-cache").string();
}

std::string field(const std::string& text, const std::string& key) {
  const auto k = text.find("\"" + key + "\":\"");
  if (k == std::string::npos) return "";
  const auto b = k + key.size() + 4;
  return text.substr(b, text.find('"', b) - b);
}

template <class F>
bool eventually(F&& f, std::chrono::milliseconds limit = 15s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (f()) return true;
    std::this_thread::sleep_for(100ms);
  }
  return f();
}

class VoiceDeskE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& [name, role] :
         {std::pair{"alice", "agent"}, {"bob", "agent"}, {"sam", "supervisor"}})
      run({"user", "add", name, "--role", role, "--password", "pass-" + std::string(name)});
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{
        "--strategy", strategy_file(), "--db", dir_.file("t.db"), "--sip", "127.0.0.1:0",
        "--prompts", prompt_cache(), "--recordings", dir_.file("recordings")});
    ASSERT_NE(server_->port(), 0) << server_->log();
    std::smatch m;
    const std::string log = server_->log();
    ASSERT_TRUE(std::regex_search(log, m, std::regex("sip=127\\.0\\.0\\.1:([0-9]+)"))) << log;
    sip_port_ = static_cast<uint16_t>(std::stoi(m[1]));
    voice_ = dir_.file("alice.wav");
    voice::testing::write_tone_wav(voice_, 660, 20000);
  }

  void run(std::vector<std::string> args) {
    args.insert(args.begin(), test::tamas_binary());
    args.insert(args.end(), {"--db", dir_.file("t.db"), "--strategy", strategy_file()});
    std::string out;
    ASSERT_EQ(test::run_command(args, out), 0) << out;
  }
  std::string login(const std::string& name) {
    auto r = test::http_post(server_->port(), "/api/v1/auth/login",
                             R"({"username":")" + name + R"(","password":"pass-)" + name + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    return field(r.body, "token");
  }
  // `name` signs in on the desk, goes ready, and registers a softphone.
  std::unique_ptr<voice::testing::BaresipAgent> sign_in_with_phone(const std::string& name,
                                                                   std::string& token) {
    token = login(name);
    EXPECT_EQ(call(token, "POST", "/api/v1/agent/login").status, 200);
    EXPECT_EQ(call(token, "POST", "/api/v1/agent/state", R"({"state":"ready"})").status, 200);
    // The agent profile exists now: the phone gets its SIP password.
    run({"user", "sip-password", name, "--password", "phone-" + name});
    const std::size_t registered = count(server_->log(), "voice.registered");
    auto phone = std::make_unique<voice::testing::BaresipAgent>(
        name, "auto", voice_, "PCMU/8000/1", "127.0.0.1:" + std::to_string(sip_port_),
        "phone-" + name);
    EXPECT_TRUE(phone->running());
    EXPECT_TRUE(eventually([&] { return count(server_->log(), "voice.registered") > registered; }))
        << server_->log() << phone->log();
    return phone;
  }
  // A caller presses 1 for the gas-leak queue and talks for `talk_ms`.
  int place_call(int talk_ms, std::string& out) {
    return test::run_command(
        {"/usr/bin/sipp", "-sf",
         std::string(TAMAS_SOURCE_DIR) + "/tests/app/sipp/press1_talk_hangup.xml", "-s", "1570",
         "127.0.0.1:" + std::to_string(sip_port_), "-m", "1", "-d", std::to_string(talk_ms),
         "-timeout", "60s", "-timeout_error", "-p", std::to_string(voice::testing::free_udp_port()),
         "-mp", std::to_string(voice::testing::free_udp_port()), "-nostdin"},
        out);
  }
  static std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }
  test::HttpReply call(const std::string& token, const std::string& method,
                       const std::string& target, const std::string& body = "") {
    test::HttpConnection c(server_->port());
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return c.request(method, target, body, headers);
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  uint16_t sip_port_ = 0;
  std::string voice_;
};

TEST_F(VoiceDeskE2E, ACallReachesTheSignedInAgentsPhoneAndIsRecordedForTheSupervisor) {
  std::string alice;
  const auto phone = sign_in_with_phone("alice", alice);
  std::string out;
  ASSERT_EQ(place_call(6000, out), 0) << out << server_->log();
  // alice heard the caller (once her phone has closed the call's files).
  EXPECT_TRUE(eventually([&] { return phone->heard_rms() > 300.0; }, 5s))
      << phone->log() << server_->log();

  // The caller hung up: alice is wrapping up the call, and finishes.
  const std::string contact = "I-000001";
  test::HttpReply wrapped;
  ASSERT_TRUE(eventually([&] {
    wrapped = call(alice, "POST", "/api/v1/agent/contacts/" + contact + "/wrapup",
                   R"({"disposition":"resolved","notes":"leak reported"})");
    return wrapped.status == 200;
  })) << wrapped.status
      << wrapped.body << server_->log();

  const std::string target = "/api/v1/interactions/" + contact + "/recording";
  test::HttpReply recording;
  ASSERT_TRUE(eventually([&] {
    recording = call(login("sam"), "GET", target);
    return recording.status == 200;
  })) << recording.status
      << recording.body << server_->log();
  EXPECT_EQ(recording.body.compare(0, 4, "RIFF"), 0);
  const std::string wav = dir_.file("downloaded.wav");
  std::ofstream(wav, std::ios::binary) << recording.body;
  EXPECT_GT(voice::testing::wav_rms(wav, 0), 300.0);  // the caller's voice, above silence
  EXPECT_GT(voice::testing::wav_rms(wav, 1), 300.0);  // alice's
  const int other = call(login("bob"), "GET", target).status;
  EXPECT_TRUE(other == 403 || other == 404) << other;
  EXPECT_EQ(call(alice, "GET", target).status, 200);  // the agent who took it may
}

TEST_F(VoiceDeskE2E, AnAgentConsultsAColleagueAndHandsTheCallerOver) {
  std::string alice, bob;
  const auto alice_phone = sign_in_with_phone("alice", alice);
  std::string out;
  // Shorter than the 20 s the phones speak (baresip hangs up at the end).
  std::thread caller([&] { EXPECT_EQ(place_call(12000, out), 0) << out << server_->log(); });
  const std::string contact = "I-000001";
  const std::string at = "/api/v1/agent/contacts/" + contact;
  ASSERT_TRUE(eventually([&] {
    return call(alice, "GET", "/api/v1/agent").body.find("\"" + contact + "\"") !=
           std::string::npos;
  })) << server_->log();
  // bob comes on shift while alice talks; she asks him before handing over.
  const auto bob_phone = sign_in_with_phone("bob", bob);
  test::HttpReply r = call(bob, "POST", at + "/consult", R"({"agent":"alice"})");
  EXPECT_TRUE(r.status == 403 || r.status == 409) << r.status << r.body;  // not bob's call
  EXPECT_EQ(call(alice, "POST", at + "/consult", R"({"agent":"bob","queue":"x"})").status, 422);
  ASSERT_TRUE(eventually([&] {
    r = call(alice, "POST", at + "/consult", R"({"agent":"bob"})");
    return r.status == 202;  // once her phone has answered the caller
  })) << r.status
      << r.body << server_->log();
  EXPECT_EQ(call(alice, "POST", at + "/consult", R"({"agent":"bob"})").status, 409);  // one runs
  // bob's phone answers; then alice completes the transfer.
  ASSERT_TRUE(eventually([&] {
    r = call(alice, "POST", at + "/consult/complete");
    return r.status == 200;
  })) << r.status
      << r.body << server_->log();
  EXPECT_TRUE(eventually([&] {
    const std::string desk = call(bob, "GET", "/api/v1/agent").body;
    return desk.find("\"" + contact + "\"") != std::string::npos;
  })) << call(bob, "GET", "/api/v1/agent").body;
  EXPECT_NE(call(alice, "GET", "/api/v1/agent").body.find("wrap_up"), std::string::npos)
      << call(alice, "GET", "/api/v1/agent").body;
  caller.join();  // the caller stayed on the line, now with bob, and hung up
  // bob heard alice during the consult (the caller's audio across the
  // hand-over is measured in tests/channels/voice/consult_test.cc).
  EXPECT_TRUE(eventually([&] { return bob_phone->heard_rms() > 300.0; }, 5s)) << bob_phone->log();
  // The interaction keeps the consult's steps.
  ASSERT_TRUE(eventually([&] {
    auto db = store::open_sqlite_store(dir_.file("t.db"));
    if (!db) return false;
    auto tenants = (*db)->tenants().list();
    if (!tenants || tenants->empty()) return false;
    auto row = (*db)->interactions().get(tenants->front().id, 1);
    return row && row->fields_json.find("consult_completed") != std::string::npos;
  })) << server_->log();
}

}  // namespace
}  // namespace tamas
