#include "channels/voice/g711_relay.h"

#include "channels/voice/libre.h"

namespace tamas::voice {

void g711_decode(G711 law, const uint8_t* in, size_t n, int16_t* out) {
  if (law == G711::pcmu) {
    for (size_t i = 0; i < n; ++i) out[i] = g711_ulaw2pcm(in[i]);
  } else {
    for (size_t i = 0; i < n; ++i) out[i] = g711_alaw2pcm(in[i]);
  }
}

void g711_transcode(uint8_t* payload, size_t n, G711 from, G711 to) {
  if (from == to) return;
  if (from == G711::pcmu) {
    for (size_t i = 0; i < n; ++i) payload[i] = g711_pcm2alaw(g711_ulaw2pcm(payload[i]));
  } else {
    for (size_t i = 0; i < n; ++i) payload[i] = g711_pcm2ulaw(g711_alaw2pcm(payload[i]));
  }
}

}  // namespace tamas::voice
