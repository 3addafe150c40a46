// Real peers for the voice tests: sipp as the caller, and a small RTP
// receiver standing in for the caller's media port so the test can look at
// what tamas sends (packets, payload type, whether it is audible).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tamas::voice::testing {

struct SippResult {
  int exit_code = -1;  // 0: every call passed its scenario
  std::string output;  // sipp's screen and error log, for failure messages
};

// Runs `sipp` (from PATH) `calls` times (-m; 50 new calls/s, all may overlap) with the scenario
// file from tests/channels/voice/sipp/ against 127.0.0.1:port, dialling `service`, with -timeout
// 60s -timeout_error. `keys` become -key name value. A missing sipp binary is a failure (exit_code
// -1), not a skip.
SippResult run_sipp(const std::string& scenario, uint16_t port, const std::string& service,
                    const std::map<std::string, std::string>& keys = {},
                    const std::string& transport = "u1", int calls = 1);

// Runs sipp as a server (UAS) on 127.0.0.1:port for `calls` calls with the
// scenario (e.g. the customer of an outbound callback); same limits as above.
SippResult run_sipp_uas(const std::string& scenario, uint16_t port, int calls = 1);

// A UDP port free right now on 127.0.0.1 (racy by nature, fine for tests).
uint16_t free_udp_port();
uint16_t free_tcp_port();  // the same for TCP

// Sends one UDP datagram to 127.0.0.1:port.
void send_udp(uint16_t port, const std::string& payload);

// Sends a datagram from a fresh socket and returns the first reply that
// arrives within `wait_ms` ("" when none). For hand-made SIP requests: use
// "[local]" in the payload for this socket's 127.0.0.1:port.
std::string udp_exchange(uint16_t port, std::string payload, int wait_ms = 1000);

// Receives RTP on 127.0.0.1 (ephemeral port) on its own thread.
class RtpReceiver {
 public:
  RtpReceiver();
  ~RtpReceiver();
  uint16_t port() const { return port_; }

  size_t packets() const;
  size_t audible_packets() const;          // G.711 payload with RMS clearly above silence
  std::vector<int> payload_types() const;  // distinct, in order of arrival
  bool timestamps_step_by_160() const;     // consecutive packets of one stream
  // Per audible G.711 packet, in order of arrival: its rough frequency in Hz
  // (zero crossings / 2 per second of audio); silent packets are 0.
  std::vector<int> packet_hz() const;

 private:
  void run();

  int fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  size_t packets_ = 0;
  size_t audible_ = 0;
  std::vector<int> pts_;
  std::vector<int> hz_;
  bool steps_ok_ = true;
  bool have_last_ = false;
  uint32_t last_ts_ = 0;
  uint16_t last_seq_ = 0;
  std::thread thread_;
};

}  // namespace tamas::voice::testing
