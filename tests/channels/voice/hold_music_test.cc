// Music on hold (the strategy's voice.hold_music): a caller waiting after
// the IVR hears the music in a loop, converted once to 8 kHz mono by the
// prompt loader; an announcement interrupts it and the music comes back.
// A sipp caller, a small RTP receiver that tells tones apart by frequency.
#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

#include "baresip_peer.h"
#include "channels/voice/strategy_voice.h"
#include "channels/voice/voice_server.h"
#include "peers.h"
#include "strategy/loader.h"

namespace tamas::voice {
namespace {

namespace fs = std::filesystem;
using testing::RtpReceiver;

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("tamas-music-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// The packets' frequencies as runs: 'M' music (1 kHz), 'A' any other prompt
// (440 Hz); silence and anything else is left out. "AMAM" = prompt, music,
// prompt, music. `music_run` is the longest music run, in packets.
std::string runs(const std::vector<int>& hz, size_t& music_run) {
  std::string out;
  size_t run = 0;
  music_run = 0;
  for (int f : hz) {
    const char c = f > 850 && f < 1150 ? 'M' : f > 370 && f < 510 ? 'A' : 0;
    if (!c) continue;
    if (!out.empty() && out.back() == c) {
      if (c == 'M') music_run = std::max(music_run, ++run);
      continue;
    }
    run = 1;
    out.push_back(c);
  }
  return out;
}

TEST(HoldMusic, AWaitingCallerHearsTheMusicLoopedAroundAnnouncements) {
  TempDir dir;
  // Half a second of 1 kHz at 22.05 kHz stereo: the loader must convert it.
  const std::string music = dir / "music.wav";
  ASSERT_EQ(
      std::system(("sox -n -r 22050 -c 2 -b 16 " + music + " synth 0.5 sine 1000 vol 0.4").c_str()),
      0);
  const std::string voice_tone = dir / "voice.wav";
  testing::write_tone_wav(voice_tone, 440, 400);

  auto loaded = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                        "/examples/gas-utility/strategy.yaml");
  ASSERT_TRUE(loaded.ok());
  strategy::Strategy s = std::move(*loaded.strategy);
  s.voice.hold_music = "music.wav";  // relative: resolved against the base directory
  auto plan = voice_plan_from(s, "en", (fs::path(music).parent_path()).string());
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  // Every spoken prompt is a 440 Hz tone here; the hold prompt is the music.
  for (auto& [id, source] : plan->prompts) {
    if (id == "hold") {
      EXPECT_EQ(source.wav_path, music);
      continue;
    }
    source.text.clear();
    source.wav_path = voice_tone;
  }
  auto prompts = load_prompts(plan->prompts, dir / "cache");
  ASSERT_TRUE(prompts.ok()) << prompts.error().message;
  ASSERT_EQ((*prompts)->find("hold")->frames(), 25u);  // 0.5 s of 20 ms frames
  plan->config.prompts = *prompts;

  std::mutex mutex;
  std::condition_variable changed;
  uint64_t routed = 0;
  VoiceEvents events;
  events.on_route = [&](const CallInfo& call, const IvrResult&) {
    std::lock_guard lock(mutex);
    routed = call.id;
    changed.notify_all();
  };
  VoiceServer server(std::move(plan->config), std::move(events));
  ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
  RtpReceiver rtp;
  testing::SippResult caller;
  std::jthread call([&] {
    caller = testing::run_sipp("wait_for_bye.xml", server.udp_port(), "194",
                               {{"rtp_port", std::to_string(rtp.port())}});
  });
  uint64_t id = 0;
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(10), [&] { return routed != 0; }));
    id = routed;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // three times the file
  server.announce(id, {"care.wait"});
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  server.hangup(id);
  call.join();
  EXPECT_EQ(caller.exit_code, 0) << caller.output;
  server.stop();

  size_t music_run = 0;
  const std::string heard = runs(rtp.packet_hz(), music_run);
  // The greeting, the music, the announcement, the music again.
  EXPECT_EQ(heard, "AMAM");
  EXPECT_GE(music_run, 40u) << "the 25-frame music file is looped";
}

}  // namespace
}  // namespace tamas::voice
