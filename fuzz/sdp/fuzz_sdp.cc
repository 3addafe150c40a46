// Fuzzes the SDP and SIP header handling that is ours, in both directions:
// - mode 0: a caller's offer → our answer, then the same SDP as a re-offer;
// - mode 1: an agent phone's answer to our offer (agent legs);
// - mode 2: a REGISTER's `Authorization: Digest ...` value → parse, verify
//   against a fixed HA1, and the nonce check on whatever nonce it carries.
// (fuzz/sip covers INVITE checks and SIP INFO DTMF.) The first byte picks
// the mode; the rest is the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/voice/digest_auth.h"
#include "channels/voice/sdp_answer.h"

namespace {

using namespace tamas::voice;

struct mbuf* buffer(const uint8_t* data, size_t size) {
  struct mbuf* mb = mbuf_alloc(size + 1);
  mbuf_write_mem(mb, data, size);
  mb->pos = 0;
  return mb;
}

struct sa local_rtp() {
  struct sa local {};
  sa_set_str(&local, "127.0.0.1", 4000);
  return local;
}

void as_offer(struct mbuf* mb) {
  const struct sa local = local_rtp();
  struct sdp_session* sess = nullptr;
  struct sdp_media* audio = nullptr;
  SdpChoice choice;
  if (sdp_answer_offer(&sess, &audio, &local, mb, choice).status == 200) {
    struct mbuf* out = nullptr;
    sdp_encode(&out, sess, false);
    mem_deref(out);
    mb->pos = 0;
    sdp_take_offer(sess, audio, mb, choice, false);
  }
  mem_deref(sess);
}

void as_answer(struct mbuf* mb, G711 prefer) {
  const struct sa local = local_rtp();
  struct sdp_session* sess = nullptr;
  struct sdp_media* audio = nullptr;
  if (sdp_make_offer(&sess, &audio, &local, prefer).status == 200) {
    struct mbuf* offer = nullptr;
    sdp_encode(&offer, sess, true);  // as an agent leg does before sending
    mem_deref(offer);
    SdpChoice choice;
    sdp_take_answer(sess, audio, mb, choice);
  }
  mem_deref(sess);
}

void authorization(std::string_view value) {
  auto r = parse_digest(value);
  if (!r) return;
  digest_verify(*r, "REGISTER", digest_ha1("alice", "tamas", "secret123"));
  check_nonce(r->nonce, "fuzz-secret", 1000000, 300000);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t mode = data[0] % 4;
  ++data, --size;
  if (mode == 2) {
    authorization(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
  }
  struct mbuf* mb = buffer(data, size);
  if (mode == 0)
    as_offer(mb);
  else
    as_answer(mb, mode == 1 ? G711::pcmu : G711::pcma);
  mem_deref(mb);
  return 0;
}
