// Structured logging: one logfmt line per event on stderr,
//   ts=2026-11-22T10:00:00.000Z level=info event=http.request path=/health status=200
// Thread-safe. Keys are identifiers; values are quoted when they need it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace tamas {

enum class LogLevel { debug, info, warn, error };

struct LogField {
  std::string_view key;
  std::string value;
  LogField(std::string_view k, std::string_view v) : key(k), value(v) {}
  LogField(std::string_view k, const char* v) : key(k), value(v) {}
  LogField(std::string_view k, const std::string& v) : key(k), value(v) {}
  template <typename N, typename = std::enable_if_t<std::is_arithmetic_v<N>>>
  LogField(std::string_view k, N n) : key(k), value(std::to_string(n)) {}
};

void log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields = {});
// Lines below `level` are dropped. Default: info.
void set_log_level(LogLevel level);

// Formats one logfmt line without the trailing newline (exposed for tests).
std::string format_log_line(std::string_view ts, LogLevel level, std::string_view event,
                            std::initializer_list<LogField> fields);

}  // namespace tamas
