// load_prompts: espeak-ng + sox subprocesses, a WAV cache, libsndfile reads.
#include <fcntl.h>
#include <sndfile.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "channels/voice/prompt.h"

extern char** environ;

namespace tamas::voice {

namespace fs = std::filesystem;

constexpr size_t kWorkers = 4;  // concurrent espeak-ng/sox runs

namespace {

uint64_t fnv1a(std::string_view data, uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string hex_name(uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx.wav", static_cast<unsigned long long>(h));
  return buf;
}

// Runs argv[0] from PATH with no shell, stdout/stderr to /dev/null.
Status run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return Error::unavailable("cannot run " + args[0] + ": " + std::strerror(rc));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Error::unavailable(args[0] + " failed for " + args.back());
  }
  return {};
}

// A name no other thread or process uses at the same time.
std::string temp_name(const fs::path& dir, const char* suffix) {
  static std::atomic<unsigned> counter{0};
  return (dir / (".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + suffix))
      .string();
}

// Converts any audio sox reads into 8 kHz mono 16-bit at `out` (atomically).
Status convert(const std::string& in, const fs::path& out) {
  const std::string tmp = temp_name(out.parent_path(), ".wav");
  Status s = run({"sox", in, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", tmp});
  if (s) fs::rename(tmp, out);
  std::error_code ignored;
  fs::remove(tmp, ignored);
  return s;
}

Status synthesise(const PromptSource& src, const fs::path& out) {
  const fs::path dir = out.parent_path();
  const std::string text_file = temp_name(dir, ".txt");
  const std::string raw = temp_name(dir, ".wav");
  std::ofstream(text_file, std::ios::binary) << src.text;
  Status s = run({"espeak-ng", "-v", src.voice, "-f", text_file, "-w", raw});
  if (s) s = convert(raw, out);
  std::error_code ignored;
  fs::remove(text_file, ignored);
  fs::remove(raw, ignored);
  return s;
}

// Reads an 8 kHz mono file; `fits` is false when it has another format.
Status read_wav(const std::string& path, std::vector<int16_t>& pcm, bool& fits) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) return Error::unavailable("cannot read " + path + ": " + sf_strerror(nullptr));
  fits = info.samplerate == 8000 && info.channels == 1;
  if (fits) {
    pcm.resize(static_cast<size_t>(info.frames));
    pcm.resize(static_cast<size_t>(sf_readf_short(f, pcm.data(), info.frames)));
  }
  sf_close(f);
  return {};
}

Status load_one(const PromptSource& src, const fs::path& cache, std::vector<int16_t>& pcm) {
  bool fits = false;
  if (src.wav_path.empty()) {
    const fs::path cached = cache / prompt_cache_name(src.voice, src.text);
    if (!fs::exists(cached)) {
      if (Status s = synthesise(src, cached); !s) return s;
    }
    return read_wav(cached.string(), pcm, fits);
  }
  if (Status s = read_wav(src.wav_path, pcm, fits); !s || fits) return s;
  struct stat st {};
  ::stat(src.wav_path.c_str(), &st);
  const std::string key = src.wav_path + "\n" + std::to_string(st.st_size) + "\n" +
                          std::to_string(st.st_mtim.tv_sec) + "." +
                          std::to_string(st.st_mtim.tv_nsec);
  const fs::path cached = cache / hex_name(fnv1a(key, fnv1a("file\n")));
  if (!fs::exists(cached)) {
    if (Status s = convert(src.wav_path, cached); !s) return s;
  }
  return read_wav(cached.string(), pcm, fits);
}

}  // namespace

std::string prompt_cache_name(std::string_view voice, std::string_view text) {
  return hex_name(fnv1a(text, fnv1a("\n", fnv1a(voice))));
}

Result<std::shared_ptr<const PromptSet>> load_prompts(
    const std::vector<std::pair<std::string, PromptSource>>& sources,
    const std::string& cache_dir) {
  std::error_code ec;
  fs::create_directories(cache_dir, ec);
  if (ec) return Error::unavailable("cannot create " + cache_dir + ": " + ec.message());
  for (const auto& [id, src] : sources) {
    if (src.wav_path.empty() && src.text.empty()) {
      return Error::invalid("prompt '" + id + "' has neither text nor a file");
    }
  }
  // Synthesis is subprocess latency more than CPU: a few at a time.
  std::vector<std::vector<int16_t>> pcm(sources.size());
  std::vector<Status> status(sources.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < sources.size(); i = next++)
      status[i] = load_one(sources[i].second, cache_dir, pcm[i]);
  };
  std::vector<std::thread> workers;
  for (size_t w = 1; w < std::min<size_t>(kWorkers, sources.size()); ++w)
    workers.emplace_back(work);
  work();
  for (auto& t : workers) t.join();
  auto set = std::make_shared<PromptSet>();
  for (size_t i = 0; i < sources.size(); ++i) {
    if (!status[i]) {
      return Error{status[i].error().code,
                   "prompt '" + sources[i].first + "': " + status[i].error().message};
    }
    set->add(sources[i].first, pcm[i]);
  }
  return std::shared_ptr<const PromptSet>(std::move(set));
}

}  // namespace tamas::voice
