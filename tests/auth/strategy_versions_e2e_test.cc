// Strategy versions over the API against the real server: an administrator
// uploads a new version and sees it in the history as active; a broken file
// is refused with every problem by line, exactly as `tamas check` finds them;
// only manage_strategy may upload; a restarted server runs the upload.
#include <fstream>
#include <sstream>

#include "auth_fixture.h"

namespace tamas::test {
namespace {

namespace json = boost::json;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class StrategyVersions : public AuthServer {
 protected:
  void SetUp() override {
    add_user("boss", "admin");
    add_user("sam", "supervisor");
    add_user("ali", "agent");
    start();
    admin_ = login("boss").token;
  }
  HttpReply upload(const std::string& token, const std::string& yaml,
                   const std::string& type = "application/yaml") {
    return call("POST", "/api/v1/strategy/versions", yaml,
                {{"authorization", "Bearer " + token}, {"content-type", type}});
  }
  json::array history(const std::string& token) {
    auto r = as(token, "GET", "/api/v1/strategy/versions");
    EXPECT_EQ(r.status, 200) << r.body;
    return json(r).at("versions").as_array();
  }
  std::string next_version() const {
    return replace(read_text(strategy()), "version: \"1405.1\"", "version: \"1405.2\"");
  }
  std::string admin_;
};

TEST_F(StrategyVersions, AValidUploadIsStoredActiveAndListedNewestFirst) {
  const std::string yaml = next_version();
  auto r = upload(admin_, yaml);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto created = json(r).as_object();
  const auto id = created.at("id").as_int64();
  EXPECT_EQ(created.at("version").as_string(), "1405.2");
  EXPECT_EQ(created.at("created_by").as_string(), "boss");
  EXPECT_TRUE(created.at("active").as_bool());
  EXPECT_FALSE(created.at("running").as_bool());  // this process keeps its routing

  const auto versions = history(login("sam").token);  // view_strategy may read
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("id").as_int64(), id);
  EXPECT_TRUE(versions[0].at("active").as_bool());
  EXPECT_EQ(versions[0].at("size").as_int64(), static_cast<std::int64_t>(yaml.size()));
  EXPECT_EQ(versions[0].at("checksum").as_string().subview().substr(0, 7), "sha256:");
  EXPECT_FALSE(versions[1].at("active").as_bool());
  EXPECT_TRUE(versions[1].at("running").as_bool());
  EXPECT_EQ(versions[1].at("version").as_string(), "1405.1");

  auto one = as(admin_, "GET", "/api/v1/strategy/versions/" + std::to_string(id));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(json(one).at("yaml").as_string(), yaml);
  EXPECT_EQ(as(admin_, "GET", "/api/v1/strategy/versions/999999").status, 404);
}

TEST_F(StrategyVersions, JsonBodiesAreAcceptedToo) {
  json::object body{{"yaml", next_version()}};
  auto r = upload(admin_, json::serialize(body), "application/json");
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(upload(admin_, "x", "image/png").status, 415);
}

TEST_F(StrategyVersions, ABrokenFileGetsEveryProblemByLineAsTamasCheckPrintsThem) {
  std::string yaml = replace(next_version(), "  time_zone: Asia/Tehran",
                             "  time_zone: Asia/Tehran\n  colour: blue");
  yaml = replace(yaml, "review_every: 90d", "review_every: often");
  auto r = upload(admin_, yaml);
  ASSERT_EQ(r.status, 422) << r.body;
  const auto problems = json(r).at("problems").as_array();
  EXPECT_EQ(json(r).at("error").at("code").as_string(), "invalid_strategy");

  const std::string file = dir_.file("broken.yaml");
  std::ofstream(file) << yaml;
  std::string printed;
  ASSERT_EQ(run_command({tamas_binary(), "check", file}, printed), 1);
  ASSERT_GE(problems.size(), 2u);
  for (const auto& p : problems) {
    const std::string line = file + ":" + std::to_string(p.at("line").as_int64()) + ":" +
                             std::to_string(p.at("column").as_int64()) +
                             ": error: " + std::string(p.at("message").as_string());
    EXPECT_NE(printed.find(line), std::string::npos) << line << "\nnot in\n" << printed;
  }
  EXPECT_EQ(history(admin_).size(), 1u);  // nothing stored
}

TEST_F(StrategyVersions, AnotherOrganisationIsRefused) {
  auto r = upload(admin_, replace(next_version(), "id: kavir-motor", "id: someone-else"));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("kavir-motor"), std::string::npos);
}

TEST_F(StrategyVersions, OnlyManageStrategyMayUpload) {
  EXPECT_EQ(upload(login("sam").token, next_version()).status, 403);
  EXPECT_EQ(upload(login("ali").token, next_version()).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/strategy/versions", next_version(),
                 {{"content-type", "application/yaml"}})
                .status,
            401);
  EXPECT_EQ(history(admin_).size(), 1u);
}

TEST_F(StrategyVersions, ARestartedServerRunsTheUploadedVersion) {
  auto r = upload(admin_, next_version());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = json(r).at("id").as_int64();
  server_->stop(SIGTERM);
  start();  // the same --strategy file, already stored: the upload stays active
  const auto versions = history(login("boss").token);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("id").as_int64(), id);
  EXPECT_TRUE(versions[0].at("running").as_bool());
  auto s = as(login("boss").token, "GET", "/api/v1/strategy");
  EXPECT_NE(s.body.find("1405.2"), std::string::npos);
}

}  // namespace
}  // namespace tamas::test
