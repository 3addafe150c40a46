// Runs the real `tamas serve` binary as a child process on a free port, for
// end-to-end tests. The port is read from the serve.started log line.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tamas::test {

// Path of the built tamas binary (TAMAS_BINARY_DIR/tamas).
std::string tamas_binary();

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes `text` to the file `name` in this directory; returns its path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

class ServerProcess {
 public:
  // Starts `tamas serve --http 127.0.0.1:0 <args>` and waits (up to 30 s)
  // for it to listen. On failure, port() is 0 and log() says why.
  explicit ServerProcess(std::vector<std::string> args);
  ~ServerProcess();  // SIGKILL if still running

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `sig` and waits for exit; returns the exit status (128+sig if killed).
  int stop(int sig);
  // Everything the server wrote to stderr so far.
  std::string log();

 private:
  void read_available(int timeout_ms);
  pid_t pid_ = -1;
  int err_fd_ = -1;
  std::uint16_t port_ = 0;
  std::string log_;
};

// Runs a command, returns its exit status; stdout+stderr captured in `output`.
int run_command(const std::vector<std::string>& argv, std::string& output);

}  // namespace tamas::test
