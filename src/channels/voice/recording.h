// Call recording: a stereo 8 kHz 16-bit WAV per bridged call, the caller on
// the left channel and the agent on the right.
//
// Recorder (voice thread) lines up what the two legs send: each leg's decoded
// samples go into a small FIFO, and every 20 ms tick takes one frame from
// each (silence where a leg sent nothing), so the channels stay in step
// whatever the packet timing. A FIFO that runs more than kMaxBacklog frames
// ahead drops its oldest samples; the count is reported when it closes.
//
// RecordingWriter owns the files and a writer thread: the voice thread only
// queues frames (never blocks on the disk). Nothing queued is dropped: close
// waits for nothing, the thread writes every queued frame and then closes the
// file; stop() drains the queue and joins. Write errors are counted and
// logged once per file.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace tamas::voice {

class RecordingWriter {
 public:
  RecordingWriter() = default;
  ~RecordingWriter();  // stop()s
  RecordingWriter(const RecordingWriter&) = delete;
  RecordingWriter& operator=(const RecordingWriter&) = delete;

  // Any thread. Queues the opening of `path` (its directory is created);
  // returns the handle for write()/close(). `channels`: 2 (calls) or 1
  // (voicemail).
  uint64_t open(const std::string& path, int channels = 2);
  // Interleaved samples (left, right, left, ... for stereo).
  void write(uint64_t handle, std::vector<int16_t> interleaved);
  void close(uint64_t handle);
  // Writes everything queued, closes every file and joins. Idempotent.
  void stop();

  struct Stats {
    uint64_t frames_written = 0;  // stereo sample pairs
    uint64_t write_errors = 0;
  };
  Stats stats() const;

 private:
  struct Op {
    enum class Kind { open, write, close } kind;
    uint64_t handle;
    std::string path;
    std::vector<int16_t> samples;
    int channels = 2;
  };
  void push(Op op);
  void run();
  void apply(Op& op);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Op> ops_;                          // guarded by mutex_
  bool stopping_ = false;                       // guarded by mutex_
  uint64_t next_ = 1;                           // guarded by mutex_
  Stats stats_;                                 // guarded by mutex_
  std::thread thread_;                          // started by the first open()
  std::unordered_map<uint64_t, void*> files_;   // SNDFILE*, writer thread only
  std::unordered_map<uint64_t, int> channels_;  // writer thread only
};

class Recorder {
 public:
  static constexpr size_t kMaxBacklog = 10;  // frames (200 ms)

  // Starts a recording of `path` on `writer` (which must outlive this).
  // `channels` 1: a mono file of the caller() side only (voicemail).
  Recorder(RecordingWriter& writer, const std::string& path, int channels = 2);
  ~Recorder();  // closes the file (frames still queued are written)
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  void caller(const int16_t* pcm, size_t n);
  void agent(const int16_t* pcm, size_t n);
  // Every 20 ms: one stereo frame of 160 sample pairs to the writer.
  void tick();
  uint64_t dropped_samples() const { return dropped_; }

 private:
  void push(std::deque<int16_t>& fifo, const int16_t* pcm, size_t n);

  RecordingWriter& writer_;
  uint64_t handle_;
  int channels_;
  std::deque<int16_t> left_, right_;
  uint64_t dropped_ = 0;
};

}  // namespace tamas::voice
