// Section: voice (the phone experience: announcements, virtual hold, ring
// timeout, music on hold, voicemail length).
#include <filesystem>
#include <system_error>

#include "strategy/parse.h"

namespace tamas::strategy::detail {
namespace {

void read_duration_into(Ctx& ctx, const Map& m, const char* key, Duration& out) {
  if (auto d = read_duration(ctx.sink, m.get(key), std::string("voice.") + key)) out = *d;
}

void read_bool_into(Ctx& ctx, const Map& m, const char* key, bool& out) {
  if (auto b = read_bool(ctx.sink, m.get(key), std::string("voice.") + key)) out = *b;
}

// The music file, resolved against the strategy file's directory when the
// loader knows it; then it must be a readable regular file.
void read_hold_music(Ctx& ctx, const YAML::Node& n, std::string& out) {
  if (!n.IsDefined()) return;
  auto v = read_string(ctx.sink, n, "voice.hold_music");
  if (!v) return;
  if (v->empty()) {
    ctx.sink.error(n, "expected a path to a WAV file for voice.hold_music, got ''");
    return;
  }
  if (!ctx.base_dir) {
    out = *v;
    return;
  }
  std::filesystem::path path(*v);
  if (path.is_relative() && !ctx.base_dir->empty())
    path = std::filesystem::path(*ctx.base_dir) / path;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    ctx.sink.error(n, "voice.hold_music: no such file '" + path.string() +
                          "' (expected a WAV file, relative to the strategy file)");
    return;
  }
  out = path.string();
}

}  // namespace

void parse_voice(Ctx& ctx, const YAML::Node& n) {
  Map m(ctx.sink, n, "voice",
        {"first_announcement", "announce_every", "announce_position", "announce_wait",
         "offer_callback", "callback_offer_wait", "ring_timeout", "hold_music", "voicemail_max",
         "callback_attempts", "callback_retry_after"});
  if (!m.ok()) return;
  VoiceSettings& v = ctx.st.voice;
  read_duration_into(ctx, m, "first_announcement", v.first_announcement);
  read_duration_into(ctx, m, "announce_every", v.announce_every);
  read_bool_into(ctx, m, "announce_position", v.announce_position);
  read_bool_into(ctx, m, "announce_wait", v.announce_wait);
  read_bool_into(ctx, m, "offer_callback", v.offer_callback);
  read_duration_into(ctx, m, "callback_offer_wait", v.callback_offer_wait);
  read_duration_into(ctx, m, "ring_timeout", v.ring_timeout);
  read_duration_into(ctx, m, "voicemail_max", v.voicemail_max);
  read_hold_music(ctx, m.get("hold_music"), v.hold_music);
  if (m.has("voicemail_max") && v.voicemail_max > std::chrono::hours(1))
    ctx.sink.error(m.get("voicemail_max"), "voice.voicemail_max must be at most 1h");
  if (m.has("ring_timeout") && v.ring_timeout > std::chrono::minutes(5))
    ctx.sink.error(m.get("ring_timeout"), "voice.ring_timeout must be at most 5m");
  if (auto a = read_int(ctx.sink, m.get("callback_attempts"), "voice.callback_attempts", 1, 20))
    v.callback_attempts = *a;
  const YAML::Node retry = m.get("callback_retry_after");
  if (auto d = read_duration(ctx.sink, retry, "voice.callback_retry_after")) {
    if (*d < std::chrono::seconds(1) || *d > std::chrono::hours(24))
      ctx.sink.error(retry, "voice.callback_retry_after must be between 1s and 24h");
    else
      v.callback_retry_after = *d;
  }
}

}  // namespace tamas::strategy::detail
