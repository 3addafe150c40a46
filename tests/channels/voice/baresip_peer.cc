#include "baresip_peer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sndfile.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "peers.h"

extern char** environ;

namespace tamas::voice::testing {

namespace fs = std::filesystem;

BaresipAgent::BaresipAgent(const std::string& name, const std::string& answer,
                           const std::string& voice_wav, const std::string& codecs,
                           const std::string& registrar, const std::string& password)
    : name_(name) {
  // A free port found now may be taken by another test before baresip binds
  // it, and a loaded machine may start baresip slowly: try up to three times,
  // each with fresh ports, until the phone answers SIP on its port.
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (spawn(answer, voice_wav, codecs, registrar, password) && answers_sip()) return;
    stop();
    if (attempt < 2) fs::remove_all(dir_);  // the last one's log stays for log()
  }
}

bool BaresipAgent::spawn(const std::string& answer, const std::string& voice_wav,
                         const std::string& codecs, const std::string& registrar,
                         const std::string& password) {
  port_ = free_udp_port();
  ctrl_port_ = free_tcp_port();
  dir_ = (fs::temp_directory_path() /
          ("tamas-baresip-" + std::to_string(getpid()) + "-" + name_ + "-" + std::to_string(port_)))
             .string();
  fs::remove_all(dir_);
  fs::create_directories(dir_ + "/heard");
  std::ofstream(dir_ + "/config") << "poll_method epoll\n"
                                  << "sip_listen 127.0.0.1:" << port_ << "\n"
                                  << "audio_player aubridge," << name_ << "\n"
                                  << "audio_source aufile," << voice_wav << "\n"
                                  << "audio_alert aubridge,alert\n"
                                  << "ausrc_srate 8000\nauplay_srate 8000\n"
                                  << "ausrc_channels 1\nauplay_channels 1\n"
                                  << "module_path /usr/lib/baresip/modules\n"
                                  << "module g711.so\nmodule aufile.so\nmodule aubridge.so\n"
                                  << "module sndfile.so\nmodule_tmp account.so\n"
                                  << "module_app menu.so\nmodule_app ctrl_tcp.so\n"
                                  << "ctrl_tcp_listen 127.0.0.1:" << ctrl_port_ << "\n"
                                  << "snd_path " << dir_ << "/heard\n";
  if (registrar.empty()) {
    std::ofstream(dir_ + "/accounts")
        << "<sip:" << name_ << "@127.0.0.1:" << port_ << ">;regint=0;answermode=" << answer
        << ";audio_codecs=" << codecs << "\n";
  } else {
    std::ofstream(dir_ + "/accounts")
        << "<sip:" << name_ << "@" << registrar << ">;auth_pass=" << password
        << ";regint=60;answermode=" << answer << ";audio_codecs=" << codecs << "\n";
  }
  std::vector<std::string> args = {"baresip", "-f", dir_, "-n", "127.0.0.1"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  const std::string out = dir_ + "/log.txt";
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  if (posix_spawnp(&pid_, "baresip", &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid_ > 0;
}

bool BaresipAgent::answers_sip() const {
  // Up to 20 s (a loaded machine): the banner, then an OPTIONS answered on
  // the phone's own port, so a call placed next reaches it.
  const std::string to = "sip:" + name_ + "@127.0.0.1:" + std::to_string(port_);
  for (int i = 0; i < 200; ++i) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) return false;  // it gave up (port taken?)
    if (log().find("baresip is ready") != std::string::npos) {
      const std::string options = "OPTIONS " + to +
                                  " SIP/2.0\r\n"
                                  "Via: SIP/2.0/UDP [local];branch=z9hG4bK-probe" +
                                  std::to_string(i) +
                                  "\r\n"
                                  "Max-Forwards: 70\r\n"
                                  "From: <sip:probe@[local]>;tag=probe\r\n"
                                  "To: <" +
                                  to +
                                  ">\r\n"
                                  "Call-ID: probe-" +
                                  std::to_string(port_) + "-" + std::to_string(i) +
                                  "\r\n"
                                  "CSeq: 1 OPTIONS\r\n"
                                  "Content-Length: 0\r\n\r\n";
      if (udp_exchange(port_, options, 100).rfind("SIP/2.0 ", 0) == 0) return true;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return false;
}

void BaresipAgent::stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    // A registered phone unregisters on the way out; when tamas is already
    // gone it would wait for SIP timer F (32 s): cut that short.
    int status = 0;
    for (int i = 0; i < 40 && waitpid(pid_, &status, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (waitpid(pid_, &status, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
  }
  pid_ = -1;
}

BaresipAgent::~BaresipAgent() {
  stop();
  fs::remove_all(dir_);
}

std::string BaresipAgent::uri() const {
  return "sip:" + name_ + "@127.0.0.1:" + std::to_string(port_);
}

std::string BaresipAgent::log() const {
  std::ifstream in(dir_ + "/log.txt");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool BaresipAgent::hang_up() const {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(ctrl_port_);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  if (ok) {
    const std::string json = R"({"command":"hangup","token":"t1"})";
    const std::string msg = std::to_string(json.size()) + ":" + json + ",";  // netstring
    ok = send(fd, msg.data(), msg.size(), 0) == static_cast<ssize_t>(msg.size());
    char buf[512];
    recv(fd, buf, sizeof buf, 0);  // the response: the command was taken
  }
  close(fd);
  return ok;
}

double BaresipAgent::heard_rms() const {
  double best = 0;
  for (const auto& f : fs::directory_iterator(dir_ + "/heard")) {
    const std::string p = f.path().string();
    if (p.find("dec") != std::string::npos) best = std::max(best, wav_rms(p, 0));
  }
  return best;
}

double wav_rms(const std::string& path, int channel) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) return -1;
  std::vector<short> buf(static_cast<size_t>(info.frames * info.channels));
  const sf_count_t n = sf_readf_short(f, buf.data(), info.frames);
  sf_close(f);
  if (n <= 0 || channel >= info.channels) return 0;
  double sum = 0;
  for (sf_count_t i = 0; i < n; ++i) {
    const double v = buf[static_cast<size_t>(i * info.channels + channel)];
    sum += v * v;
  }
  return std::sqrt(sum / static_cast<double>(n));
}

void write_tone_wav(const std::string& path, double hz, int ms) {
  SF_INFO info{};
  info.samplerate = 8000;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!f) return;
  std::vector<short> pcm(static_cast<size_t>(ms) * 8);
  for (size_t i = 0; i < pcm.size(); ++i)
    pcm[i] = static_cast<short>(6000 * std::sin(2 * M_PI * hz * static_cast<double>(i) / 8000));
  sf_writef_short(f, pcm.data(), static_cast<sf_count_t>(pcm.size()));
  sf_close(f);
}

}  // namespace tamas::voice::testing
