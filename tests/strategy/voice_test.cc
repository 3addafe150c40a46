// The `voice:` section: the phone experience the organisation writes down
// (announcements, virtual hold, ring timeout, music on hold, voicemail).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "strategy/json.h"
#include "strategy/loader.h"

namespace tamas::strategy {
namespace {

namespace fs = std::filesystem;
using std::chrono::minutes;
using std::chrono::seconds;

const char* const kBase = R"(organisation:
  id: acme
  name: {fa: آکمه, en: Acme}
hours:
  office:
    sat-wed: 08:00-17:00
skills: [sales]
agent_groups:
  - {id: agents, skills: {sales: 3}}
queues:
  - {id: sales, groups: [agents]}
interaction_types:
  - {id: order, name: Order, kind: order}
entry_points:
  - {id: hotline, channel: voice, number: "1500", hours: office}
routing:
  - {id: all, queue: sales}
)";

// A strategy file with `voice` appended, in its own directory.
class StrategyDir {
 public:
  StrategyDir() : dir_(fs::temp_directory_path() / ("tamas-voice-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
  }
  ~StrategyDir() { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

std::vector<std::string> errors_of(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(format(d));
  return out;
}

TEST(VoiceSection, AbsentKeepsTodaysBehaviour) {
  const LoadResult r = load_strategy_text(kBase, "s.yaml");
  ASSERT_TRUE(r.ok()) << testing::PrintToString(errors_of(r));
  const VoiceSettings& v = r.strategy->voice;
  EXPECT_EQ(v.first_announcement, seconds(10));
  EXPECT_EQ(v.announce_every, seconds(30));
  EXPECT_TRUE(v.announce_position);
  EXPECT_TRUE(v.announce_wait);
  EXPECT_TRUE(v.offer_callback);
  EXPECT_EQ(v.callback_offer_wait, minutes(2));
  EXPECT_EQ(v.ring_timeout, seconds(20));
  EXPECT_EQ(v.hold_music, "");
  EXPECT_EQ(v.voicemail_max, minutes(2));
  EXPECT_FALSE(v.callback_attempts);  // the server's defaults apply
  EXPECT_FALSE(v.callback_retry_after);
}

TEST(VoiceSection, EveryKeyIsRead) {
  const std::string text = std::string(kBase) + R"(voice:
  first_announcement: 5s
  announce_every: 1m
  announce_position: false
  announce_wait: no
  offer_callback: false
  callback_offer_wait: 3m
  ring_timeout: 15s
  voicemail_max: 1m
  callback_attempts: 5
  callback_retry_after: 10m
)";
  const LoadResult r = load_strategy_text(text, "s.yaml");
  ASSERT_TRUE(r.ok()) << testing::PrintToString(errors_of(r));
  const VoiceSettings& v = r.strategy->voice;
  EXPECT_EQ(v.first_announcement, seconds(5));
  EXPECT_EQ(v.announce_every, minutes(1));
  EXPECT_FALSE(v.announce_position);
  EXPECT_FALSE(v.announce_wait);
  EXPECT_FALSE(v.offer_callback);
  EXPECT_EQ(v.callback_offer_wait, minutes(3));
  EXPECT_EQ(v.ring_timeout, seconds(15));
  EXPECT_EQ(v.voicemail_max, minutes(1));
  EXPECT_EQ(v.callback_attempts, 5);
  EXPECT_EQ(v.callback_retry_after, minutes(10));
  const std::string json = to_json(*r.strategy);
  EXPECT_NE(json.find(R"("ring_timeout_s":15)"), std::string::npos);
  EXPECT_NE(json.find(R"("callback_attempts":5,"callback_retry_after_s":600)"), std::string::npos)
      << json;
}

TEST(VoiceSection, CallbackRetriesOutOfRangeAreErrorsAtTheirValue) {
  const LoadResult r = load_strategy_text(std::string(kBase) + R"(voice:
  callback_attempts: 0
  callback_retry_after: 2d
)",
                                          "s.yaml");
  ASSERT_FALSE(r.ok());
  const auto errors = testing::PrintToString(errors_of(r));
  EXPECT_NE(errors.find("s.yaml:19:22"), std::string::npos) << errors;
  EXPECT_NE(errors.find("voice.callback_attempts"), std::string::npos) << errors;
  EXPECT_NE(errors.find("s.yaml:20:25"), std::string::npos) << errors;
  EXPECT_NE(errors.find("voice.callback_retry_after"), std::string::npos) << errors;
}

TEST(VoiceSection, HoldMusicIsFoundNextToTheStrategyFile) {
  StrategyDir dir;
  fs::create_directories(dir.path() / "audio");
  dir.write("audio/music.wav", "RIFF");
  const fs::path file = dir.write("strategy.yaml", std::string(kBase) + R"(voice:
  hold_music: audio/music.wav
)");
  const LoadResult r = load_strategy(file.string());
  ASSERT_TRUE(r.ok()) << testing::PrintToString(errors_of(r));
  EXPECT_EQ(fs::path(r.strategy->voice.hold_music), dir.path() / "audio/music.wav");
}

TEST(VoiceSection, MissingHoldMusicIsAnErrorAtItsValue) {
  StrategyDir dir;
  const fs::path file = dir.write("strategy.yaml", std::string(kBase) + R"(voice:
  hold_music: nowhere.wav
)");
  const LoadResult r = load_strategy(file.string());
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(format(r.errors[0]), file.string() + ":19:15: error: voice.hold_music: no such file '" +
                                     (dir.path() / "nowhere.wav").string() +
                                     "' (expected a WAV file, relative to the strategy file)");
}

TEST(VoiceSection, AStoredVersionKeepsThePathAsWritten) {
  const LoadResult r = load_strategy_text(std::string(kBase) + "voice:\n  hold_music: m.wav\n",
                                          "strategy version 3");
  ASSERT_TRUE(r.ok()) << testing::PrintToString(errors_of(r));
  EXPECT_EQ(r.strategy->voice.hold_music, "m.wav");
}

}  // namespace
}  // namespace tamas::strategy
