// Agent: the SIP user agent inside one voice thread. Owns the libre SIP stack,
// the session socket, every Call, the shared 20 ms pacing timer and the
// deferred-free timer. Internal to the voice folder.
//
// Thread: everything here runs on the voice thread that created the Agent
// (after re_thread_init), inside re_main or before/after it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "channels/voice/invite_check.h"
#include "channels/voice/libre.h"
#include "channels/voice/recording.h"
#include "channels/voice/registrar.h"
#include "channels/voice/voice_server.h"

namespace tamas::voice {

class Call;
class OutboundCall;

// The header facts check_invite() needs, read from a parsed request.
InviteHeaders invite_headers(const struct sip_msg* msg);

class Agent {
 public:
  // `post` runs a function on this voice thread later (from any thread).
  Agent(const VoiceConfig& config, const VoiceEvents& events, std::atomic<size_t>& active,
        Registrar::Post post);
  ~Agent();  // frees every call and the SIP stack at once (no goodbyes)
  Agent(const Agent&) = delete;
  Agent& operator=(const Agent&) = delete;

  // Binds UDP and TCP on `laddr`; port 0 picks one free for both. Errno.
  int listen(const struct sa& laddr);
  uint16_t udp_port() const { return udp_port_; }
  uint16_t tcp_port() const { return tcp_port_; }

  // Hangs up every call and closes SIP gracefully; re_cancel()s once the BYE
  // transactions are done, or after `grace_ms` at the latest.
  void shutdown(uint32_t grace_ms);
  void hangup(uint64_t call_id);
  void dial_agent(uint64_t call_id, const AgentDial& dial);
  void drop_agent(uint64_t call_id, const std::string& agent);
  void hold(uint64_t call_id, bool on);
  // A consult leg for a bridged call (consult.cc); a registered phone wins.
  void consult(uint64_t call_id, const AgentDial& dial);
  // Outbound calls (agent_outbound.cc): VoiceServer::dial_out/hangup_outbound.
  void dial_out(uint64_t id, const OutboundDial& dial);
  void hangup_out(uint64_t id);
  // The call with this id (maybe dead), or nullptr. For caller-care commands.
  Call* find_call(uint64_t call_id) {
    auto it = calls_.find(call_id);
    return it == calls_.end() ? nullptr : it->second.get();
  }

  // For calls.
  const VoiceConfig& config() const { return config_; }
  const VoiceEvents& events() const { return events_; }
  // clang-format off
  struct sip* sip() const { return sip_; }
  struct sipsess_sock* sessions() const { return sock_; }
  struct mbuf* tx_buffer() { return txbuf_; }  // reused for every RTP frame sent
  // clang-format on
  void reap_later();  // a call became dead, or a call's agent leg finished
  RecordingWriter& recordings() { return recordings_; }

 private:
  static void on_invite(const struct sip_msg* msg, void* arg);
  static bool on_request(const struct sip_msg* msg, void* arg);
  static void on_pace(void* arg);
  static void on_reap(void* arg);
  static void on_sip_exit(void* arg);
  static void on_grace_over(void* arg);

  int bind(const struct sa& laddr);
  void answer(const struct sip_msg* msg);
  const VoiceEntryPoint* entry_for(const struct sip_msg* msg) const;
  void pace();
  void start_pacer();  // if not running

  const VoiceConfig& config_;
  const VoiceEvents& events_;
  std::atomic<size_t>& active_;
  struct sip* sip_ = nullptr;
  struct sipsess_sock* sock_ = nullptr;
  struct sip_lsnr* lsnr_ = nullptr;
  struct mbuf* txbuf_ = nullptr;
  struct tmr pacer_ {};
  struct tmr reaper_ {};
  struct tmr grace_ {};
  uint64_t pace_start_ = 0;  // tmr_jiffies() at the first tick
  uint64_t ticks_ = 0;       // 20 ms ticks done since pace_start_
  uint16_t udp_port_ = 0;
  uint16_t tcp_port_ = 0;
  uint64_t next_id_ = 1;
  bool closing_ = false;
  bool sip_exited_ = false;     // libre handed the closed SIP stack back
  RecordingWriter recordings_;  // outlives every call (declared before calls_)
  Registrar registrar_;
  std::unordered_map<uint64_t, std::unique_ptr<Call>> calls_;
  std::unordered_map<uint64_t, std::unique_ptr<OutboundCall>> outbound_;
  struct sa laddr_ {};  // where we listen (outbound media binds its address)
};

}  // namespace tamas::voice
