// Music on hold (the strategy's voice.hold_music): a caller waiting after
// the IVR hears the music in a loop, converted once to 8 kHz mono by the
// prompt loader; an announcement interrupts it and the music comes back
// where it left off, not from the beginning of the file.
// A sipp caller, a small RTP receiver that tells tones apart by frequency.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <memory>
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

// Writes an 8 kHz mono WAV that steps through `hz`, one second each.
void write_steps_wav(const std::string& path, const std::vector<double>& hz) {
  SF_INFO info{};
  info.samplerate = 8000;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  ASSERT_NE(f, nullptr) << path;
  std::vector<short> pcm;
  for (double h : hz)
    for (int i = 0; i < 8000; ++i)
      pcm.push_back(static_cast<short>(6000 * std::sin(2 * M_PI * h * i / 8000)));
  sf_writef_short(f, pcm.data(), static_cast<sf_count_t>(pcm.size()));
  sf_close(f);
}

// A caller of the gas utility's 194 waiting after the IVR, with `music` as
// the strategy's voice.hold_music and every spoken prompt a 440 Hz tone; a
// sipp caller whose media goes to an RtpReceiver.
class HoldMusic : public ::testing::Test {
 protected:
  // Starts the server and the call; returns when the call waits on hold.
  // `frames`: the music's length once converted, in 20 ms frames.
  void call_on_hold(const std::string& music, size_t frames) {
    const std::string voice_tone = dir_ / "voice.wav";
    testing::write_tone_wav(voice_tone, 440, 400);
    auto loaded = strategy::load_strategy(std::string(TAMAS_SOURCE_DIR) +
                                          "/examples/gas-utility/strategy.yaml");
    ASSERT_TRUE(loaded.ok());
    strategy::Strategy s = std::move(*loaded.strategy);
    s.voice.hold_music = fs::path(music).filename().string();  // relative: against the base dir
    auto plan = voice_plan_from(s, "en", fs::path(music).parent_path().string());
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
    auto prompts = load_prompts(plan->prompts, dir_ / "cache");
    ASSERT_TRUE(prompts.ok()) << prompts.error().message;
    ASSERT_EQ((*prompts)->find("hold")->frames(), frames);
    plan->config.prompts = *prompts;

    VoiceEvents events;
    events.on_route = [this](const CallInfo& call, const IvrResult&) {
      std::lock_guard lock(mutex_);
      routed_ = call.id;
      changed_.notify_all();
    };
    server_ = std::make_unique<VoiceServer>(std::move(plan->config), std::move(events));
    ASSERT_TRUE(server_->start("127.0.0.1", 0).ok());
    call_ = std::jthread([this] {
      caller_ = testing::run_sipp("wait_for_bye.xml", server_->udp_port(), "194",
                                  {{"rtp_port", std::to_string(rtp_.port())}});
    });
    std::unique_lock lock(mutex_);
    ASSERT_TRUE(changed_.wait_for(lock, std::chrono::seconds(10), [&] { return routed_ != 0; }));
  }
  // Hangs up; the frequency of every packet the caller received.
  std::vector<int> hang_up() {
    server_->hangup(routed_);
    if (call_.joinable()) call_.join();
    EXPECT_EQ(caller_.exit_code, 0) << caller_.output;
    server_->stop();
    return rtp_.packet_hz();
  }
  void TearDown() override {
    if (server_) server_->stop();
  }

  TempDir dir_;
  RtpReceiver rtp_;
  std::unique_ptr<VoiceServer> server_;
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t routed_ = 0;
  testing::SippResult caller_;
  std::jthread call_;
};

TEST_F(HoldMusic, AWaitingCallerHearsTheMusicLoopedAroundAnnouncements) {
  // Half a second of 1 kHz at 22.05 kHz stereo: the loader must convert it.
  const std::string music = dir_ / "music.wav";
  ASSERT_EQ(
      std::system(("sox -n -r 22050 -c 2 -b 16 " + music + " synth 0.5 sine 1000 vol 0.4").c_str()),
      0);
  call_on_hold(music, 25);  // 0.5 s of 20 ms frames
  ASSERT_FALSE(HasFatalFailure());
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // three times the file
  server_->announce(routed_, {"care.wait"});
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));

  size_t music_run = 0;
  const std::string heard = runs(hang_up(), music_run);
  // The greeting, the music, the announcement, the music again.
  EXPECT_EQ(heard, "AMAM");
  EXPECT_GE(music_run, 40u) << "the 25-frame music file is looped";
}

// What the caller heard as runs: -1 a spoken prompt (440 Hz), else the index
// of the music's step; silence and anything else is left out.
std::vector<int> step_runs(const std::vector<int>& hz, const std::vector<double>& steps) {
  std::vector<int> out;
  for (int f : hz) {
    int c = std::abs(f - 440) < 70 ? -1 : -2;
    for (size_t i = 0; i < steps.size(); ++i)
      if (std::abs(f - steps[i]) < 150) c = static_cast<int>(i);
    if (c == -2 || (!out.empty() && out.back() == c)) continue;
    out.push_back(c);
  }
  return out;
}

std::string shown(const std::vector<int>& runs) {
  std::string s;
  for (int r : runs) s += r < 0 ? "A " : std::to_string(r) + " ";
  return s;
}

TEST_F(HoldMusic, AfterEachAnnouncementTheMusicGoesOnWhereItLeftOff) {
  // Six seconds of music whose tone steps up every second.
  const std::vector<double> steps = {800, 1200, 1600, 2000, 2400, 2800};
  const std::string music = dir_ / "steps.wav";
  write_steps_wav(music, steps);
  ASSERT_FALSE(HasFatalFailure());
  call_on_hold(music, 300);
  ASSERT_FALSE(HasFatalFailure());
  // Announcements (0.4 s each) at short intervals, as a queue's would come:
  // about 1.5, 2.3 and 3.1 s into the music, which ends near 4.1 s.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  for (int i = 0; i < 3; ++i) {
    server_->announce(routed_, {"care.wait"});
    std::this_thread::sleep_for(std::chrono::milliseconds(i < 2 ? 1200 : 1000));
  }

  const std::vector<int> heard = step_runs(hang_up(), steps);
  // The greeting, then the music from its first step.
  ASSERT_GE(heard.size(), 3u) << shown(heard);
  EXPECT_EQ(heard[0], -1) << shown(heard);
  EXPECT_EQ(heard[1], 0) << shown(heard);
  int announcements = 0;
  for (size_t i = 2; i + 1 < heard.size(); ++i) {
    if (heard[i] != -1) continue;
    ++announcements;
    // Not the first second again: the step the announcement interrupted, or later.
    EXPECT_GE(heard[i + 1], heard[i - 1])
        << "announcement " << announcements << ": " << shown(heard);
    EXPECT_GT(heard[i + 1], 0) << "announcement " << announcements << ": " << shown(heard);
  }
  EXPECT_EQ(announcements, 3) << shown(heard);
  EXPECT_GE(heard.back(), 3) << "four seconds of music went on across the announcements: "
                             << shown(heard);
}

}  // namespace
}  // namespace tamas::voice
