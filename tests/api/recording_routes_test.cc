// GET /api/v1/interactions/{id}/recording: supervisors, admins and the agent
// who handled the call may fetch the WAV; other agents and back-office get
// 403; no recording (or no such interaction) is 404.
#include "api/recording_routes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/memory_store.h"

namespace tamas::api {
namespace {

namespace fs = std::filesystem;

// "x-user: <name>:<role>" stands for a logged-in user; none: 401.
class HeaderGuard final : public Guard {
 public:
  std::variant<Principal, Response> authenticate(const Request& req) const override {
    const std::string who(req.header("x-user"));
    if (who.empty()) return Response::error(401, "unauthorized", "log in");
    const auto colon = who.find(':');
    Principal p;
    p.tenant = 1;
    p.username = who.substr(0, colon);
    p.role = *store::parse_role(who.substr(colon + 1));
    return p;
  }
};

class RecordingRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::open_memory_store();
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->tenants().add(store::Tenant{0, "t", "T", Instant{}}).ok());
    std::ofstream(wav_, std::ios::binary) << "RIFF fake wave bytes";
    for (const std::string& fields :
         {R"({"recording":")" + wav_.string() + R"(","recording_agent":"alice"})",  // I-000001
          std::string(R"({"caller":"0912"})"),                                      // I-000002
          std::string(R"({"recording":"/nonexistent/x.wav","recording_agent":"alice"})")}) {
      store::Interaction i;
      i.tenant = 1;
      i.channel = "voice";
      i.state = store::InteractionState::closed;
      i.fields_json = fields;
      ASSERT_TRUE((*db)->interactions().add(i).ok());
    }
    db_ = std::make_unique<AccountsDb>(std::move(db).value());
    add_recording_routes(router_, guard_, *db_);
  }
  void TearDown() override { fs::remove(wav_); }

  Response get(const std::string& id, const std::string& who) {
    Request req;
    req.method = "GET";
    req.path = req.target = "/api/v1/interactions/" + id + "/recording";
    if (!who.empty()) req.headers.emplace_back("x-user", who);
    Response out;
    router_.dispatch(req, [&](Response r) { out = std::move(r); });
    return out;
  }

  fs::path wav_ = fs::temp_directory_path() / ("tamas-rec-" + std::to_string(::getpid()) + ".wav");
  HeaderGuard guard_;
  std::unique_ptr<AccountsDb> db_;
  Router router_;
};

TEST_F(RecordingRoutes, SupervisorsAdminsAndTheHandlingAgentGetTheWav) {
  for (const char* who : {"sara:supervisor", "root:admin", "alice:agent"}) {
    SCOPED_TRACE(who);
    Response r = get("I-000001", who);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "audio/wav");
    EXPECT_EQ(r.body, "RIFF fake wave bytes");
  }
}

TEST_F(RecordingRoutes, AnotherAgentOrBackOfficeIsForbidden) {
  EXPECT_EQ(get("I-000001", "bob:agent").status, 403);
  EXPECT_EQ(get("I-000001", "omid:backoffice").status, 403);
  EXPECT_EQ(get("I-000001", "").status, 401);
}

TEST_F(RecordingRoutes, NoRecordingIsNotFound) {
  EXPECT_EQ(get("I-000002", "sara:supervisor").status, 404);  // never recorded
  EXPECT_EQ(get("I-000003", "alice:agent").status, 404);      // the file is gone
  EXPECT_EQ(get("I-000099", "sara:supervisor").status, 404);  // no such interaction
  EXPECT_EQ(get("call-1", "sara:supervisor").status, 404);    // not an interaction id
}

}  // namespace
}  // namespace tamas::api
