// DTMF carried in SIP INFO (the fallback when a phone does not send RFC 4733):
//   Content-Type: application/dtmf-relay   body "Signal=5\r\nDuration=160\r\n"
//   Content-Type: application/dtmf         body "5"
// Pure parsing, no libre; any thread.
#pragma once

#include <optional>
#include <string_view>

namespace tamas::voice {

// The digit ('0'-'9', '*', '#', 'A'-'D') carried by an INFO body of the given
// content type (compared case-insensitively, parameters ignored); nullopt
// when the type is not a DTMF type or the body carries no valid digit.
// Signal values 10 and 11 mean '*' and '#', as some phones send them.
std::optional<char> parse_dtmf_info(std::string_view content_type, std::string_view body);

}  // namespace tamas::voice
