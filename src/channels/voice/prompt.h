// Prompts: what callers hear, ready to send as 20 ms G.711 RTP frames.
//
// A PromptSet maps prompt ids to audio encoded once in both G.711 laws (8 kHz,
// 160 bytes per 20 ms frame, the last frame padded with silence). It is built
// before a VoiceServer starts and shared read-only by every call, so the voice
// thread only copies bytes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tamas::voice {

inline constexpr size_t kFrameSamples = 160;  // 20 ms at 8 kHz

enum class G711 { pcmu, pcma };

struct PromptAudio {
  std::vector<uint8_t> pcmu;  // size is a multiple of kFrameSamples
  std::vector<uint8_t> pcma;
  size_t frames() const { return pcmu.size() / kFrameSamples; }
  // REQUIRES: index < frames()
  const uint8_t* frame(G711 law, size_t index) const {
    return (law == G711::pcmu ? pcmu : pcma).data() + index * kFrameSamples;
  }
};

// One frame of silence in the given law.
const uint8_t* silence_frame(G711 law);

class PromptSet {
 public:
  // Encodes 8 kHz mono 16-bit samples. Replaces an earlier prompt of that id.
  void add(const std::string& id, const std::vector<int16_t>& pcm);
  // nullptr when unknown. The pointer lives as long as the set.
  const PromptAudio* find(std::string_view id) const;
  bool contains(std::string_view id) const { return find(id) != nullptr; }
  size_t size() const { return prompts_.size(); }

 private:
  std::map<std::string, PromptAudio, std::less<>> prompts_;
};

// Where a prompt's audio comes from: text for espeak-ng, or a recorded file.
struct PromptSource {
  std::string text;          // synthesised when wav_path is empty
  std::string voice = "fa";  // espeak-ng voice, e.g. "fa" or "en"
  std::string wav_path;      // a recorded WAV in any rate/channels sox reads
};

// Builds a PromptSet: text is synthesised with the espeak-ng command and
// converted with sox to 8 kHz mono 16-bit WAV, cached in cache_dir under a
// hash of voice and text (so each text is synthesised once, across runs);
// WAV files that are not 8 kHz mono are converted the same way (cached under
// a hash of path, size and mtime). Blocking (runs subprocesses): call it
// before starting the server, never on the voice thread.
// Errors: unavailable when a tool fails or a file cannot be read.
Result<std::shared_ptr<const PromptSet>> load_prompts(
    const std::vector<std::pair<std::string, PromptSource>>& sources, const std::string& cache_dir);

// The cache file name load_prompts uses for a synthesised text (exposed for
// tests): 16 hex digits of a stable 64-bit hash, then ".wav".
std::string prompt_cache_name(std::string_view voice, std::string_view text);

}  // namespace tamas::voice
