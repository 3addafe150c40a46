// sipp runner and RTP receiver for the voice tests.
#include "peers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace tamas::voice::testing {

namespace fs = std::filesystem;

namespace {

int bound_socket(int type, uint16_t& port) {
  int fd = socket(AF_INET, type, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  port = ntohs(a.sin_port);
  return fd;
}

int bound_udp_socket(uint16_t& port) {
  return bound_socket(SOCK_DGRAM, port);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int16_t ulaw_to_pcm(uint8_t u) {
  u = static_cast<uint8_t>(~u);
  int t = ((u & 0x0f) << 3) + 0x84;
  t <<= (u & 0x70) >> 4;
  return static_cast<int16_t>((u & 0x80) ? (0x84 - t) : (t - 0x84));
}

int16_t alaw_to_pcm(uint8_t a) {
  a ^= 0x55;
  int t = (a & 0x0f) << 4;
  const int seg = (a & 0x70) >> 4;
  if (seg == 0)
    t += 8;
  else if (seg == 1)
    t += 0x108;
  else
    t = (t + 0x108) << (seg - 1);
  return static_cast<int16_t>((a & 0x80) ? t : -t);
}

}  // namespace

uint16_t free_udp_port() {
  uint16_t port = 0;
  close(bound_udp_socket(port));
  return port;
}

uint16_t free_tcp_port() {
  uint16_t port = 0;
  close(bound_socket(SOCK_STREAM, port));
  return port;
}

void send_udp(uint16_t port, const std::string& payload) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  sendto(fd, payload.data(), payload.size(), 0, reinterpret_cast<sockaddr*>(&a), sizeof a);
  close(fd);
}

std::string udp_exchange(uint16_t port, std::string payload, int wait_ms) {
  uint16_t local = 0;
  const int fd = bound_udp_socket(local);
  const std::string me = "127.0.0.1:" + std::to_string(local);
  for (size_t at; (at = payload.find("[local]")) != std::string::npos;) payload.replace(at, 7, me);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  sendto(fd, payload.data(), payload.size(), 0, reinterpret_cast<sockaddr*>(&a), sizeof a);
  std::string reply;
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, wait_ms) > 0) {
    char buf[4096];
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0) reply.assign(buf, static_cast<size_t>(n));
  }
  close(fd);
  return reply;
}

static SippResult spawn_sipp(std::vector<std::string> args, const fs::path& dir,
                             const std::string& out) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
  pid_t pid = 0;
  SippResult result;
  const int rc = posix_spawnp(&pid, "sipp", &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    result.output = std::string("cannot run sipp (install sip-tester): ") + std::strerror(rc);
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.output = slurp(out) + "\n--- errors ---\n" + slurp(dir / "errors.txt");
  if (result.exit_code == 0) fs::remove_all(dir);
  return result;
}

// sipp started with `args()` (fresh free ports each time); started again, up
// to three times, when it could not bind a port it was given: "free" ports
// are racy with other tests on the machine, and sipp gives up at once.
template <typename Args>
static SippResult spawn_sipp_binding(Args args, const fs::path& dir, const std::string& out) {
  SippResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    fs::remove(dir / "errors.txt");
    result = spawn_sipp(args(), dir, out);
    if (result.exit_code == 0 || result.output.find("Unable to bind") == std::string::npos) break;
  }
  return result;
}

SippResult run_sipp(const std::string& scenario, uint16_t port, const std::string& service,
                    const std::map<std::string, std::string>& keys, const std::string& transport,
                    int calls) {
  const fs::path xml = fs::path(TAMAS_SOURCE_DIR) / "tests/channels/voice/sipp" / scenario;
  const fs::path dir = fs::temp_directory_path() / ("tamas-sipp-" + std::to_string(getpid()) + "-" +
                                                    std::to_string(port) + "-" + scenario);
  fs::create_directories(dir);
  const std::string out = (dir / "out.txt").string();
  auto args = [&] {
    // clang-format off
    std::vector<std::string> a = {
        "sipp", "-sf", xml.string(), "-s", service,
        "-m", std::to_string(calls), "-l", std::to_string(calls), "-r", "50",
        "-i", "127.0.0.1", "-mi", "127.0.0.1", "-t", transport,
        "-p", std::to_string(free_udp_port()), "-mp", std::to_string(free_udp_port()),
        "-timeout", "60s", "-timeout_error", "-nostdin",
        "-error_file", (dir / "errors.txt").string(), "-trace_err",
        "127.0.0.1:" + std::to_string(port)};
    // clang-format on
    for (const auto& [k, v] : keys) a.insert(a.end() - 1, {"-key", k, v});
    return a;
  };
  return spawn_sipp_binding(args, dir, out);
}

SippResult run_sipp_uas(const std::string& scenario, uint16_t port, int calls) {
  const fs::path xml = fs::path(TAMAS_SOURCE_DIR) / "tests/channels/voice/sipp" / scenario;
  const fs::path dir = fs::temp_directory_path() /
                       ("tamas-sipp-uas-" + std::to_string(getpid()) + "-" + std::to_string(port));
  fs::create_directories(dir);
  const std::string out = (dir / "out.txt").string();
  auto args = [&] {
    // clang-format off
    return std::vector<std::string>{
        "sipp", "-sf", xml.string(), "-m", std::to_string(calls),
        "-i", "127.0.0.1", "-mi", "127.0.0.1", "-t", "u1",
        "-p", std::to_string(port), "-mp", std::to_string(free_udp_port()),
        "-timeout", "60s", "-timeout_error", "-nostdin",
        "-error_file", (dir / "errors.txt").string(), "-trace_err"};
    // clang-format on
  };
  return spawn_sipp_binding(args, dir, out);
}

RtpReceiver::RtpReceiver() {
  fd_ = bound_udp_socket(port_);
  thread_ = std::thread([this] { run(); });
}

RtpReceiver::~RtpReceiver() {
  stop_ = true;
  thread_.join();
  close(fd_);
}

void RtpReceiver::run() {
  uint8_t buf[2048];
  while (!stop_) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 20) <= 0) continue;
    const ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n < 12 || (buf[0] >> 6) != 2) continue;
    const int pt = buf[1] & 0x7f;
    const uint16_t seq = static_cast<uint16_t>(buf[2] << 8 | buf[3]);
    const uint32_t ts = static_cast<uint32_t>(buf[4]) << 24 | buf[5] << 16 | buf[6] << 8 | buf[7];
    double sum = 0, last = 0;
    int crossings = 0;
    for (ssize_t i = 12; i < n; ++i) {
      const double s = pt == 0 ? ulaw_to_pcm(buf[i]) : alaw_to_pcm(buf[i]);
      sum += s * s;
      if (i > 12 && (s >= 0) != (last >= 0)) ++crossings;
      last = s;
    }
    const double rms = n > 12 ? std::sqrt(sum / static_cast<double>(n - 12)) : 0;
    const bool audible = (pt == 0 || pt == 8) && rms > 300;
    std::lock_guard lock(mutex_);
    ++packets_;
    if (audible) ++audible_;
    if (pt == 0 || pt == 8)
      hz_.push_back(audible ? static_cast<int>(crossings * 8000 / 2 / (n - 12)) : 0);
    if (std::find(pts_.begin(), pts_.end(), pt) == pts_.end()) pts_.push_back(pt);
    if (have_last_ && seq == static_cast<uint16_t>(last_seq_ + 1) && ts - last_ts_ != 160) {
      steps_ok_ = false;
    }
    have_last_ = true;
    last_seq_ = seq;
    last_ts_ = ts;
  }
}

size_t RtpReceiver::packets() const {
  std::lock_guard lock(mutex_);
  return packets_;
}
size_t RtpReceiver::audible_packets() const {
  std::lock_guard lock(mutex_);
  return audible_;
}
std::vector<int> RtpReceiver::packet_hz() const {
  std::lock_guard lock(mutex_);
  return hz_;
}
std::vector<int> RtpReceiver::payload_types() const {
  std::lock_guard lock(mutex_);
  return pts_;
}
bool RtpReceiver::timestamps_step_by_160() const {
  std::lock_guard lock(mutex_);
  return steps_ok_ && have_last_;
}

}  // namespace tamas::voice::testing
