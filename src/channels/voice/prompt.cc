// PromptSet: G.711 encoding of prompt audio (librem's tables).
#include "channels/voice/prompt.h"

#include <algorithm>
#include <array>

#include "channels/voice/libre.h"

namespace tamas::voice {

namespace {

// librem's encoders negate the sample; -32768 would index out of the table.
int16_t clamp(int16_t s) {
  return s == INT16_MIN ? static_cast<int16_t>(-32767) : s;
}

struct Silence {
  std::array<uint8_t, kFrameSamples> pcmu, pcma;
  Silence() {
    pcmu.fill(g711_pcm2ulaw(0));
    pcma.fill(g711_pcm2alaw(0));
  }
};

const Silence& silence() {
  static const Silence s;
  return s;
}

}  // namespace

const uint8_t* silence_frame(G711 law) {
  return law == G711::pcmu ? silence().pcmu.data() : silence().pcma.data();
}

void PromptSet::add(const std::string& id, const std::vector<int16_t>& pcm) {
  PromptAudio audio;
  const size_t frames = std::max<size_t>(1, (pcm.size() + kFrameSamples - 1) / kFrameSamples);
  audio.pcmu.assign(frames * kFrameSamples, silence().pcmu[0]);
  audio.pcma.assign(frames * kFrameSamples, silence().pcma[0]);
  for (size_t i = 0; i < pcm.size(); ++i) {
    audio.pcmu[i] = g711_pcm2ulaw(clamp(pcm[i]));
    audio.pcma[i] = g711_pcm2alaw(clamp(pcm[i]));
  }
  prompts_.insert_or_assign(id, std::move(audio));
}

const PromptAudio* PromptSet::find(std::string_view id) const {
  auto it = prompts_.find(id);
  return it == prompts_.end() ? nullptr : &it->second;
}

}  // namespace tamas::voice
