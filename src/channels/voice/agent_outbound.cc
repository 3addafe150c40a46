// Agent: outbound calls (callbacks) placed by tamas.
#include "channels/voice/agent.h"
#include "channels/voice/outbound_call.h"

namespace tamas::voice {

void Agent::dial_out(uint64_t id, const OutboundDial& dial) {
  OutboundDial d = dial;
  if (auto registered = registrar_.contact(d.agent)) d.agent_uri = *registered;
  struct sa rtp_ip = laddr_;
  if (sa_is_any(&rtp_ip)) net_default_source_addr_get(sa_af(&rtp_ip), &rtp_ip);
  auto call = std::make_unique<OutboundCall>(*this, id, std::move(d), rtp_ip);
  OutboundCall& c = *call;
  outbound_.emplace(id, std::move(call));
  start_pacer();
  if (closing_) {
    c.hangup("server stopping");
    return;
  }
  c.start();
}

void Agent::hangup_out(uint64_t id) {
  auto it = outbound_.find(id);
  if (it != outbound_.end()) it->second->hangup("hung up by tamas");
}

}  // namespace tamas::voice
