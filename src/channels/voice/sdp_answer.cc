// sdp_answer_offer: libre's SDP session with our formats, and the codec pick.
#include "channels/voice/sdp_answer.h"

#include <optional>

namespace tamas::voice {

namespace {

SipStatus fail(uint16_t status, const char* reason) {
  return {status, reason};
}

std::optional<G711> law_of(const struct sdp_format* fmt) {
  if (fmt->name) {
    if (fmt->srate != 8000) return std::nullopt;
    if (!str_casecmp(fmt->name, "PCMU")) return G711::pcmu;
    if (!str_casecmp(fmt->name, "PCMA")) return G711::pcma;
    return std::nullopt;
  }
  if (fmt->pt == 0) return G711::pcmu;
  if (fmt->pt == 8) return G711::pcma;
  return std::nullopt;
}

int add_formats(struct sdp_session* sess, const struct sa* local, struct sdp_media** mp,
                G711 first = G711::pcmu) {
  int err = sdp_media_add(mp, sess, "audio", sa_port(local), "RTP/AVP");
  for (G711 law : {first, first == G711::pcmu ? G711::pcma : G711::pcmu}) {
    const bool u = law == G711::pcmu;
    if (!err)
      err = sdp_format_add(nullptr, *mp, false, u ? "0" : "8", u ? "PCMU" : "PCMA", 8000, 1,
                           nullptr, nullptr, nullptr, false, nullptr);
  }
  if (!err)
    err = sdp_format_add(nullptr, *mp, false, "101", telev_rtpfmt, 8000, 1, nullptr, nullptr,
                         nullptr, false, "0-15");
  if (!err) sdp_media_set_ldir(*mp, SDP_SENDRECV);
  return err;
}

}  // namespace

SipStatus sdp_answer_offer(struct sdp_session** sessp, struct sdp_media** mp,
                           const struct sa* local, struct mbuf* offer, SdpChoice& choice) {
  *sessp = nullptr;
  *mp = nullptr;
  if (sdp_session_alloc(sessp, local) != 0) return fail(500, "Server Internal Error");
  if (add_formats(*sessp, local, mp) != 0) return fail(500, "Server Internal Error");
  return sdp_take_offer(*sessp, *mp, offer, choice, true);
}

SipStatus sdp_make_offer(struct sdp_session** sessp, struct sdp_media** mp, const struct sa* local,
                         G711 prefer) {
  *sessp = nullptr;
  *mp = nullptr;
  if (sdp_session_alloc(sessp, local) != 0) return fail(500, "Server Internal Error");
  if (add_formats(*sessp, local, mp, prefer) != 0) return fail(500, "Server Internal Error");
  return {};
}

SipStatus sdp_take_answer(struct sdp_session* sess, struct sdp_media* m, struct mbuf* answer,
                          SdpChoice& choice) {
  return sdp_take(sess, m, answer, choice, true, false);
}

SipStatus sdp_take_offer(struct sdp_session* sess, struct sdp_media* m, struct mbuf* offer,
                         SdpChoice& choice, bool initial) {
  return sdp_take(sess, m, offer, choice, initial, true);
}

SipStatus sdp_take(struct sdp_session* sess, struct sdp_media* m, struct mbuf* offer,
                   SdpChoice& choice, bool initial, bool is_offer) {
  if (!offer || mbuf_get_left(offer) == 0) return fail(488, "SDP Offer Required");
  const size_t pos = offer->pos;
  const int err = sdp_decode(sess, offer, is_offer);
  offer->pos = pos;
  if (err != 0) return fail(400, "Malformed SDP");

  const struct sa* raddr = sdp_media_raddr(m);
  // A re-offer may put the call on hold (no address): we then stop sending.
  const bool on_hold = !initial && sa_port(raddr) != 0 && !sa_isset(raddr, SA_ADDR);
  if (!sa_isset(raddr, SA_ALL) && !on_hold) return fail(488, "No Audio Stream");
  // The caller's order of preference: the first G.711 format we also have.
  // Static payload types 0 and 8 may come without an rtpmap line.
  const struct list* remote = sdp_media_format_lst(m, false);
  const struct sdp_format* codec = nullptr;
  for (struct le* le = remote ? remote->head : nullptr; le && !codec; le = le->next) {
    const auto* fmt = static_cast<const struct sdp_format*>(le->data);
    if (fmt->sup && law_of(fmt)) codec = fmt;
  }
  if (!codec) return fail(488, "No Common Codec");
  choice.law = *law_of(codec);
  choice.pt = static_cast<uint8_t>(codec->pt);
  const struct sdp_format* tel = sdp_media_rformat(m, telev_rtpfmt);
  choice.telev_pt = tel && tel->pt >= 0 && tel->pt <= 127 ? tel->pt : -1;
  choice.remote = *raddr;
  choice.sending = !on_hold;
  return {};
}

}  // namespace tamas::voice
