// Our own sanity checks on an incoming INVITE, before a session is made.
// libre's parser drops what it cannot parse at all (no reply is possible
// then); what parses but is unusable gets a 4xx here. Pure: no libre; the
// Agent fills InviteHeaders from the parsed message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tamas::voice {

// A SIP final status and reason phrase.
struct SipStatus {
  uint16_t status = 200;
  const char* reason = "OK";
};

struct InviteHeaders {
  bool from = false;
  bool from_tag = false;
  bool to = false;
  bool call_id = false;
  bool contact = false;
  std::string_view cseq_method;            // empty when CSeq is missing
  std::optional<uint32_t> max_forwards;    // absent header: nullopt
  std::optional<uint32_t> content_length;  // absent header: nullopt
  size_t body_size = 0;                    // bytes actually received after the headers
};

// nullopt when the INVITE is usable; else 400 (missing or inconsistent
// header), or 483 (Max-Forwards exhausted).
std::optional<SipStatus> check_invite(const InviteHeaders& h);

}  // namespace tamas::voice
