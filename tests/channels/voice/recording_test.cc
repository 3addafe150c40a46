// Recordings line up the two sides of a call frame by frame, and bridged
// audio survives PCMU<->PCMA transcoding.
#include "channels/voice/recording.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <filesystem>

#include "channels/voice/g711_relay.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;

std::vector<short> read_stereo(const std::string& path, int& channels) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) return {};
  channels = info.channels;
  std::vector<short> buf(static_cast<size_t>(info.frames * info.channels));
  sf_readf_short(f, buf.data(), info.frames);
  sf_close(f);
  return buf;
}

TEST(Recording, CallerLeftAgentRightSilenceWhereASideSentNothing) {
  const fs::path dir = fs::temp_directory_path() / ("tamas-rec-" + std::to_string(::getpid()));
  const std::string path = (dir / "sub" / "I-000001.wav").string();
  {
    RecordingWriter writer;
    {
      Recorder rec(writer, path);
      std::vector<int16_t> caller(2 * kFrameSamples, 1000), agent(kFrameSamples, -2000);
      rec.caller(caller.data(), caller.size());  // two frames at once (jitter)
      rec.agent(agent.data(), agent.size());     // one frame
      rec.tick();
      rec.tick();
      rec.tick();  // neither side sent more: silence
    }
    writer.stop();
    EXPECT_EQ(writer.stats().frames_written, 3 * kFrameSamples);
    EXPECT_EQ(writer.stats().write_errors, 0u);
  }
  int channels = 0;
  auto pcm = read_stereo(path, channels);
  ASSERT_EQ(channels, 2);
  ASSERT_EQ(pcm.size(), 2 * 3 * kFrameSamples);
  EXPECT_EQ(pcm[0], 1000);                   // caller, left
  EXPECT_EQ(pcm[1], -2000);                  // agent, right
  EXPECT_EQ(pcm[2 * kFrameSamples], 1000);   // caller's second frame
  EXPECT_EQ(pcm[2 * kFrameSamples + 1], 0);  // the agent had nothing more
  EXPECT_EQ(pcm[2 * 2 * kFrameSamples], 0);  // third tick: silence
  fs::remove_all(dir);
}

TEST(Recording, ASideFarAheadLosesItsOldestSamplesAndSaysSo) {
  RecordingWriter writer;
  const fs::path path =
      fs::temp_directory_path() / ("tamas-rec-ov-" + std::to_string(::getpid()) + ".wav");
  Recorder rec(writer, path.string());
  std::vector<int16_t> burst((Recorder::kMaxBacklog + 2) * kFrameSamples, 7);
  rec.caller(burst.data(), burst.size());
  EXPECT_EQ(rec.dropped_samples(), 2 * kFrameSamples);
  fs::remove(path);
}

TEST(G711Relay, TranscodingKeepsTheSignal) {
  // Every PCMU code, transcoded to PCMA, decodes to about the same sample.
  std::vector<uint8_t> ulaw(256);
  std::vector<int16_t> via_u(256), via_a(256);
  for (size_t i = 0; i < ulaw.size(); ++i) ulaw[i] = static_cast<uint8_t>(i);
  g711_decode(G711::pcmu, ulaw.data(), ulaw.size(), via_u.data());
  std::vector<uint8_t> alaw = ulaw;
  g711_transcode(alaw.data(), alaw.size(), G711::pcmu, G711::pcma);
  g711_decode(G711::pcma, alaw.data(), alaw.size(), via_a.data());
  for (size_t i = 0; i < ulaw.size(); ++i)
    EXPECT_NEAR(via_a[i], via_u[i], std::abs(via_u[i]) / 8 + 16) << i;
  std::vector<uint8_t> same = ulaw;
  g711_transcode(same.data(), same.size(), G711::pcmu, G711::pcmu);
  EXPECT_EQ(same, ulaw);
}

TEST(G711Relay, RelayedTimestampsContinueOurStream) {
  TimestampMap map;
  map.start(16000);
  bool marker = false;
  EXPECT_EQ(map.map(999, 160, marker), 16000u);
  EXPECT_TRUE(marker);
  marker = false;
  EXPECT_EQ(map.map(1159, 160, marker), 16160u);
  EXPECT_FALSE(marker);
  EXPECT_EQ(map.next(), 16320u);
}

}  // namespace
}  // namespace tamas::voice
