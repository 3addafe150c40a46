#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <regex>

namespace tamas::test {

std::string tamas_binary() { return std::string(TAMAS_BINARY_DIR) + "/tamas"; }

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "tamas-test-XXXXXX").string();
  path_ = mkdtemp(tmpl.data()) ? tmpl : "";
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  const std::string path = file(name);
  std::ofstream(path) << text;
  return path;
}

namespace {

pid_t spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  execv(cargv[0], cargv.data());
  _exit(127);
}

int wait_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ServerProcess::ServerProcess(std::vector<std::string> args) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return;
  std::vector<std::string> argv{tamas_binary(), "serve", "--http", "127.0.0.1:0"};
  argv.insert(argv.end(), args.begin(), args.end());
  const int devnull = open("/dev/null", O_WRONLY);
  pid_ = spawn(argv, devnull, pipefd[1]);
  close(devnull);
  close(pipefd[1]);
  err_fd_ = pipefd[0];
  const std::regex started(R"(event=serve\.started http=127\.0\.0\.1:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    read_available(100);
    std::smatch m;
    if (std::regex_search(log_, m, started)) {
      port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
      return;
    }
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      read_available(0);
      pid_ = -1;
      return;
    }
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL);
  if (err_fd_ >= 0) close(err_fd_);
}

void ServerProcess::read_available(int timeout_ms) {
  if (err_fd_ < 0) return;
  pollfd p{err_fd_, POLLIN, 0};
  while (poll(&p, 1, timeout_ms) > 0) {
    char buf[4096];
    const ssize_t n = read(err_fd_, buf, sizeof buf);
    if (n <= 0) break;
    log_.append(buf, static_cast<size_t>(n));
    timeout_ms = 0;
  }
}

std::string ServerProcess::log() {
  read_available(0);
  return log_;
}

int ServerProcess::stop(int sig) {
  if (pid_ <= 0) return -1;
  kill(pid_, sig);
  const int status = wait_status(pid_);
  pid_ = -1;
  read_available(50);
  return status;
}

int run_command(const std::vector<std::string>& argv, std::string& output) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return -1;
  const pid_t pid = spawn(argv, pipefd[1], pipefd[1]);
  close(pipefd[1]);
  output.clear();
  char buf[4096];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) output.append(buf, static_cast<size_t>(n));
  close(pipefd[0]);
  return wait_status(pid);
}

}  // namespace tamas::test
