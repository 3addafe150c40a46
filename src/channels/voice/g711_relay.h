// G.711 helpers for bridged calls: decode a payload to 16-bit samples (for
// the recording) and transcode PCMU<->PCMA in place when the legs' codecs
// differ. Pure; any thread.
#pragma once

#include <cstddef>
#include <cstdint>

#include "channels/voice/prompt.h"

namespace tamas::voice {

void g711_decode(G711 law, const uint8_t* in, size_t n, int16_t* out);
// Nothing changes when from == to.
void g711_transcode(uint8_t* payload, size_t n, G711 from, G711 to);

// Maps one incoming RTP timestamp sequence onto an outgoing one that
// continues where the outgoing stream left off (the first packet after
// start() is a new talkspurt: marker set).
class TimestampMap {
 public:
  void start(uint32_t next_out) {
    next_ = next_out;
    fresh_ = true;
  }
  // Returns the outgoing timestamp for `in` (a packet of `samples`);
  // `marker` is set on the first.
  uint32_t map(uint32_t in, size_t samples, bool& marker) {
    if (fresh_) {
      offset_ = next_ - in;
      fresh_ = false;
      marker = true;
    }
    const uint32_t out = in + offset_;
    next_ = out + static_cast<uint32_t>(samples);
    return out;
  }
  uint32_t next() const { return next_; }  // where the stream would continue

 private:
  uint32_t next_ = 0;
  uint32_t offset_ = 0;
  bool fresh_ = true;
};

}  // namespace tamas::voice
