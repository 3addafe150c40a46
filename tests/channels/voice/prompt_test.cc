// Prompts: synthesised once with espeak-ng and sox, cached, encoded to G.711.
#include "channels/voice/prompt.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;

class PromptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cache_ = fs::temp_directory_path() / ("tamas-prompts-" + std::to_string(getpid()));
    fs::remove_all(cache_);
  }
  void TearDown() override { fs::remove_all(cache_); }
  fs::path cache_;
};

// A 16 kHz stereo 16-bit WAV of a 1 kHz tone, written by hand.
void write_wav_16k_stereo(const fs::path& path, int ms) {
  const uint32_t frames = static_cast<uint32_t>(16 * ms);
  const uint32_t data = frames * 4;
  std::ofstream f(path, std::ios::binary);
  auto u32 = [&](uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
  auto u16 = [&](uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
  f << "RIFF";
  u32(36 + data);
  f << "WAVEfmt ";
  u32(16), u16(1), u16(2), u32(16000), u32(64000), u16(4), u16(16);
  f << "data";
  u32(data);
  for (uint32_t i = 0; i < frames; ++i) {
    const int16_t s = (i / 8) % 2 ? 8000 : -8000;
    u16(static_cast<uint16_t>(s)), u16(static_cast<uint16_t>(s));
  }
}

TEST_F(PromptTest, TextIsSynthesisedOnceAndCached) {
  std::vector<std::pair<std::string, PromptSource>> sources = {
      {"welcome.fa", {"به مرکز تماس خوش آمدید", "fa", ""}},
      {"welcome.en", {"Welcome to the contact center", "en", ""}},
  };
  auto set = load_prompts(sources, cache_.string());
  ASSERT_TRUE(set.ok()) << set.error().message;
  const PromptAudio* fa = (*set)->find("welcome.fa");
  const PromptAudio* en = (*set)->find("welcome.en");
  ASSERT_NE(fa, nullptr);
  ASSERT_NE(en, nullptr);
  EXPECT_GT(fa->frames(), 25u);  // more than half a second of speech
  EXPECT_GT(en->frames(), 25u);
  EXPECT_EQ(fa->pcmu.size(), fa->pcma.size());
  EXPECT_EQ(fa->pcmu.size() % kFrameSamples, 0u);
  const fs::path cached = cache_ / prompt_cache_name("fa", "به مرکز تماس خوش آمدید");
  ASSERT_TRUE(fs::exists(cached));

  // The second load reads the cache instead of synthesising again.
  const auto stamp = fs::last_write_time(cached);
  auto again = load_prompts(sources, cache_.string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(fs::last_write_time(cached), stamp);
  EXPECT_EQ((*again)->find("welcome.fa")->pcmu, fa->pcmu);
}

TEST_F(PromptTest, CacheNameDependsOnVoiceAndText) {
  EXPECT_EQ(prompt_cache_name("fa", "salam"), prompt_cache_name("fa", "salam"));
  EXPECT_NE(prompt_cache_name("fa", "salam"), prompt_cache_name("en", "salam"));
  EXPECT_NE(prompt_cache_name("fa", "salam"), prompt_cache_name("fa", "salam!"));
  EXPECT_EQ(prompt_cache_name("fa", "x").size(), 20u);
}

TEST_F(PromptTest, RecordedWavIsConvertedTo8kMono) {
  fs::create_directories(cache_);
  const fs::path wav = cache_ / "greeting.wav";
  write_wav_16k_stereo(wav, 1000);
  auto set = load_prompts({{"greeting", {"", "fa", wav.string()}}}, (cache_ / "c").string());
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ((*set)->find("greeting")->frames(), 50u);  // 1 s at 20 ms
}

TEST_F(PromptTest, MissingFileOrEmptySourceIsAnError) {
  auto missing = load_prompts({{"x", {"", "fa", "/nonexistent/x.wav"}}}, cache_.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("prompt 'x'"), std::string::npos);
  EXPECT_FALSE(load_prompts({{"y", {"", "fa", ""}}}, cache_.string()).ok());
}

TEST(PromptSetTest, PadsTheLastFrameWithSilence) {
  PromptSet set;
  set.add("beep", std::vector<int16_t>(170, 12000));
  const PromptAudio* a = set.find("beep");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->frames(), 2u);
  EXPECT_NE(a->frame(G711::pcmu, 1)[9], silence_frame(G711::pcmu)[0]);   // sample 169
  EXPECT_EQ(a->frame(G711::pcmu, 1)[10], silence_frame(G711::pcmu)[0]);  // padding
  EXPECT_EQ(a->frame(G711::pcma, 1)[159], silence_frame(G711::pcma)[0]);
  EXPECT_NE(a->frame(G711::pcmu, 0)[0], silence_frame(G711::pcmu)[0]);
  EXPECT_EQ(set.find("nope"), nullptr);
  set.add("min", std::vector<int16_t>{INT16_MIN, INT16_MAX});  // no overflow
  EXPECT_EQ(set.find("min")->frames(), 1u);
}

}  // namespace
}  // namespace tamas::voice
