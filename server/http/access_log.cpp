#include "http/access_log.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace folio::server {
namespace {

// 2026-01-26T18:53:20.123Z
std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[80];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                static_cast<int>(millis));
  return buffer;
}

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::error:
      return "error";
    case LogLevel::warn:
      return "warn";
    case LogLevel::info:
      return "info";
    case LogLevel::debug:
      return "debug";
  }
  return "info";
}

}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view name) {
  for (LogLevel level : {LogLevel::error, LogLevel::warn, LogLevel::info, LogLevel::debug}) {
    if (name == level_name(level)) return level;
  }
  return std::nullopt;
}

Log::Log(LogLevel level, bool access_log, Sink sink)
    : level_(level), access_log_(access_log), sink_(std::move(sink)) {}

void Log::write(std::string_view line) {
  std::lock_guard lock(mutex_);
  if (sink_) {
    sink_(line);
    return;
  }
  std::string with_newline(line);
  with_newline += '\n';
  std::fwrite(with_newline.data(), 1, with_newline.size(), stderr);
}

void Log::message(LogLevel level, std::string_view text) {
  if (!enabled(level)) return;
  write("folio-server: " + std::string(level == LogLevel::info ? "" : level_name(level)) +
        (level == LogLevel::info ? "" : ": ") + std::string(text));
}

void Log::access(const AccessRecord& record) {
  if (!access_log_ || !enabled(LogLevel::info)) return;
  nlohmann::ordered_json line{
      {"time", utc_now()},       {"method", record.method},
      {"route", record.route},   {"path", record.path},
      {"status", record.status}, {"ms", std::round(record.ms * 1000) / 1000},
      {"client", record.client}};
  if (record.hits >= 0) line["hits"] = record.hits;
  write(line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace folio::server
