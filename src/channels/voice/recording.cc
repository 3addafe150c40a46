// Recording: the per-call frame aligner and the writer thread (libsndfile).
#include "channels/voice/recording.h"

#include <sndfile.h>

#include <algorithm>
#include <filesystem>

#include "channels/voice/prompt.h"
#include "core/log.h"

namespace tamas::voice {

RecordingWriter::~RecordingWriter() {
  stop();
}

uint64_t RecordingWriter::open(const std::string& path, int channels) {
  std::unique_lock lock(mutex_);
  const uint64_t handle = next_++;
  if (!thread_.joinable() && !stopping_) thread_ = std::thread([this] { run(); });
  lock.unlock();
  push(Op{Op::Kind::open, handle, path, {}, channels});
  return handle;
}

void RecordingWriter::write(uint64_t handle, std::vector<int16_t> interleaved) {
  push(Op{Op::Kind::write, handle, {}, std::move(interleaved)});
}

void RecordingWriter::close(uint64_t handle) {
  push(Op{Op::Kind::close, handle, {}, {}});
}

void RecordingWriter::push(Op op) {
  std::lock_guard lock(mutex_);
  if (stopping_) {
    if (op.kind == Op::Kind::write) ++stats_.write_errors;  // counted, not silent
    return;
  }
  ops_.push_back(std::move(op));
  wake_.notify_one();
}

void RecordingWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

RecordingWriter::Stats RecordingWriter::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void RecordingWriter::run() {
  std::deque<Op> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !ops_.empty(); });
      if (ops_.empty() && stopping_) break;
      batch.swap(ops_);
    }
    for (Op& op : batch) apply(op);
    batch.clear();
  }
  for (auto& [handle, file] : files_) sf_close(static_cast<SNDFILE*>(file));
  files_.clear();
}

void RecordingWriter::apply(Op& op) {
  switch (op.kind) {
    case Op::Kind::open: {
      std::error_code ec;
      std::filesystem::create_directories(std::filesystem::path(op.path).parent_path(), ec);
      SF_INFO info{};
      info.samplerate = 8000;
      info.channels = op.channels;
      info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
      SNDFILE* f = sf_open(op.path.c_str(), SFM_WRITE, &info);
      if (!f) {
        log(LogLevel::error, "voice.recording_failed",
            {{"path", op.path}, {"error", sf_strerror(nullptr)}});
        return;
      }
      files_[op.handle] = f;
      channels_[op.handle] = op.channels;
      return;
    }
    case Op::Kind::write: {
      auto it = files_.find(op.handle);
      const int channels = it == files_.end() ? 2 : channels_[op.handle];
      const auto pairs = static_cast<sf_count_t>(op.samples.size() / static_cast<size_t>(channels));
      const bool ok = it != files_.end() && sf_writef_short(static_cast<SNDFILE*>(it->second),
                                                            op.samples.data(), pairs) == pairs;
      std::lock_guard lock(mutex_);
      if (ok)
        stats_.frames_written += static_cast<uint64_t>(pairs);
      else
        ++stats_.write_errors;
      return;
    }
    case Op::Kind::close: {
      auto it = files_.find(op.handle);
      if (it == files_.end()) return;
      sf_close(static_cast<SNDFILE*>(it->second));
      files_.erase(it);
      channels_.erase(op.handle);
      return;
    }
  }
}

Recorder::Recorder(RecordingWriter& writer, const std::string& path, int channels)
    : writer_(writer), handle_(writer.open(path, channels)), channels_(channels) {}

Recorder::~Recorder() {
  writer_.close(handle_);
  if (dropped_ > 0) log(LogLevel::warn, "voice.recording_overrun", {{"samples", dropped_}});
}

void Recorder::push(std::deque<int16_t>& fifo, const int16_t* pcm, size_t n) {
  fifo.insert(fifo.end(), pcm, pcm + n);
  const size_t cap = kMaxBacklog * kFrameSamples;
  if (fifo.size() > cap) {
    const size_t extra = fifo.size() - cap;
    fifo.erase(fifo.begin(), fifo.begin() + static_cast<std::ptrdiff_t>(extra));
    dropped_ += extra;
  }
}

void Recorder::caller(const int16_t* pcm, size_t n) {
  push(left_, pcm, n);
}

void Recorder::agent(const int16_t* pcm, size_t n) {
  push(right_, pcm, n);
}

void Recorder::tick() {
  if (channels_ == 1) {
    std::vector<int16_t> frame(kFrameSamples, 0);
    for (size_t i = 0; i < kFrameSamples && !left_.empty(); ++i) {
      frame[i] = left_.front();
      left_.pop_front();
    }
    writer_.write(handle_, std::move(frame));
    return;
  }
  std::vector<int16_t> frame(2 * kFrameSamples, 0);
  for (size_t i = 0; i < kFrameSamples; ++i) {
    if (!left_.empty()) {
      frame[2 * i] = left_.front();
      left_.pop_front();
    }
    if (!right_.empty()) {
      frame[2 * i + 1] = right_.front();
      right_.pop_front();
    }
  }
  writer_.write(handle_, std::move(frame));
}

}  // namespace tamas::voice
