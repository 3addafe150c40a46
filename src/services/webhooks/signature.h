// Webhook signatures. A receiver recomputes
//   "sha256=" + hex(HMAC-SHA256(key = secret, message = timestamp + "." + body))
// from the X-Tamas-Timestamp header and the raw body, compares it with
// X-Tamas-Signature in constant time, and rejects old timestamps (replays).
#pragma once

#include <string>
#include <string_view>

namespace tamas::services {

std::string webhook_signature(std::string_view secret, std::string_view timestamp,
                              std::string_view body);

}  // namespace tamas::services
