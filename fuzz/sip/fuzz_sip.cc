// Fuzzes the SIP/SDP handling that is ours: our INVITE checks on whatever
// libre's parser accepts, our offer/answer and codec pick, SIP INFO DTMF.
// The first byte picks the target; the rest is the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/voice/agent.h"
#include "channels/voice/dtmf_info.h"
#include "channels/voice/sdp_answer.h"

namespace {

using namespace tamas::voice;

void answer(struct mbuf* offer) {
  struct sa local {};
  sa_set_str(&local, "127.0.0.1", 4000);
  struct sdp_session* sess = nullptr;
  struct sdp_media* audio = nullptr;
  SdpChoice choice;
  if (sdp_answer_offer(&sess, &audio, &local, offer, choice).status == 200) {
    struct mbuf* out = nullptr;
    sdp_encode(&out, sess, false);
    mem_deref(out);
    offer->pos = 0;
    sdp_take_offer(sess, audio, offer, choice, false);  // the same offer again, as a re-INVITE
  }
  mem_deref(sess);
}

void sip_request(const uint8_t* data, size_t size) {
  struct mbuf* mb = mbuf_alloc(size + 1);
  mbuf_write_mem(mb, data, size);
  mb->pos = 0;
  struct sip_msg* msg = nullptr;
  if (sip_msg_decode(&msg, mb) == 0) {
    if (msg->req && !check_invite(invite_headers(msg)) && mbuf_get_left(msg->mb) > 0) {
      answer(msg->mb);
    }
    mem_deref(msg);
  }
  mem_deref(mb);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t mode = data[0] % 3;
  ++data, --size;
  if (mode == 0) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const size_t nl = in.find('\n');
    if (nl != std::string_view::npos) parse_dtmf_info(in.substr(0, nl), in.substr(nl + 1));
  } else if (mode == 1) {
    struct mbuf* mb = mbuf_alloc(size + 1);
    mbuf_write_mem(mb, data, size);
    mb->pos = 0;
    answer(mb);
    mem_deref(mb);
  } else {
    sip_request(data, size);
  }
  return 0;
}
