// Offer/answer for an incoming call: we take PCMU or PCMA (caller's order of
// preference) and telephone-event for RFC 4733 DTMF. Internal to the voice
// folder (uses libre types); runs on the voice thread, or anywhere libre's
// SDP code may run (the fuzz target calls it directly).
#pragma once

#include <cstdint>

#include "channels/voice/invite_check.h"
#include "channels/voice/libre.h"
#include "channels/voice/prompt.h"

namespace tamas::voice {

struct SdpChoice {
  G711 law = G711::pcmu;
  uint8_t pt = 0;       // payload type of the chosen codec
  int telev_pt = -1;    // telephone-event payload type; -1 when not offered
  struct sa remote {};  // where to send RTP
  bool sending = true;  // false while the caller holds the call (no address)
};

// The outcome is a SIP status: 200 when negotiated, 400 for an SDP body that
// does not parse, 488 when there is no usable audio stream or codec.

// Allocates *sessp (and its audio stream *mp, owned by it) bound to `local` (our RTP address and
// port), with one audio stream offering PCMU, PCMA and telephone-event/8000 (0-15), decodes `offer`
// into it and picks the codec. On success the caller encodes the answer with sdp_encode(...,
// false). *sessp is set (and owned by the caller) even when the outcome is a failure.
SipStatus sdp_answer_offer(struct sdp_session** sessp, struct sdp_media** mp,
                           const struct sa* local, struct mbuf* offer, SdpChoice& choice);

// Decodes a (re-)offer into `sess` (made by sdp_answer_offer) and picks the
// codec again. A re-offer (initial = false) may put the call on hold.
SipStatus sdp_take_offer(struct sdp_session* sess, struct sdp_media* m, struct mbuf* offer,
                         SdpChoice& choice, bool initial);

// For an agent leg (we call out): a session bound to `local` offering both
// G.711 laws (`prefer` first) and telephone-event. Owned by the caller.
SipStatus sdp_make_offer(struct sdp_session** sessp, struct sdp_media** mp, const struct sa* local,
                         G711 prefer);
// Decodes the answer to our offer and reads the codec the peer chose.
SipStatus sdp_take_answer(struct sdp_session* sess, struct sdp_media* m, struct mbuf* answer,
                          SdpChoice& choice);
// Shared by the two above: decode `desc` (an offer or an answer) and pick.
SipStatus sdp_take(struct sdp_session* sess, struct sdp_media* m, struct mbuf* desc,
                   SdpChoice& choice, bool initial, bool is_offer);

}  // namespace tamas::voice
