// Server logging: one JSON line per request (the access log) and short messages, both to a sink
// (stderr by default), filtered by level.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace folio::server {

enum class LogLevel { error, warn, info, debug };

std::optional<LogLevel> parse_log_level(std::string_view name);

struct AccessRecord {
  std::string_view method;
  std::string_view route;
  std::string_view path;
  std::string_view client;
  int status = 0;
  double ms = 0;
  long hits = -1;  // omitted when negative
};

class Log {
 public:
  using Sink = std::function<void(std::string_view line)>;  // line without the newline

  // A null sink writes to stderr.
  Log(LogLevel level, bool access_log, Sink sink = nullptr);

  void message(LogLevel level, std::string_view text);
  void access(const AccessRecord& record);
  bool enabled(LogLevel level) const { return level <= level_; }

 private:
  void write(std::string_view line);

  LogLevel level_;
  bool access_log_;
  Sink sink_;
  std::mutex mutex_;
};

}  // namespace folio::server
