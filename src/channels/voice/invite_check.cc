// check_invite: header-level checks RFC 3261 requires of a request we answer.
#include "channels/voice/invite_check.h"

namespace tamas::voice {

std::optional<SipStatus> check_invite(const InviteHeaders& h) {
  if (!h.from || !h.to) return SipStatus{400, "Missing From or To"};
  if (!h.from_tag) return SipStatus{400, "Missing From Tag"};
  if (!h.call_id) return SipStatus{400, "Missing Call-ID"};
  if (h.cseq_method.empty()) return SipStatus{400, "Missing CSeq"};
  if (h.cseq_method != "INVITE") return SipStatus{400, "CSeq Method Mismatch"};
  if (!h.contact) return SipStatus{400, "Missing Contact"};
  if (h.content_length && *h.content_length > h.body_size) {
    return SipStatus{400, "Content-Length Exceeds Body"};
  }
  if (h.max_forwards && *h.max_forwards == 0) return SipStatus{483, "Too Many Hops"};
  return std::nullopt;
}

}  // namespace tamas::voice
