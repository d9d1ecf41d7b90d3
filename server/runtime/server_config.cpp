#include "runtime/server_config.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string_view>

namespace folio::server {
namespace {

// "127.0.0.1:8080", "[::1]:8080", "localhost:80"
std::string read_listen_address(const ConfigKey& key) {
  std::string value = key.string();
  std::size_t colon = value.rfind(':');
  bool valid = colon != std::string::npos && colon > 0 && colon + 1 < value.size();
  int port = 0;
  if (valid) {
    const char* end = value.data() + value.size();
    auto [stop, error] = std::from_chars(value.data() + colon + 1, end, port);
    valid = error == std::errc{} && stop == end && port >= 1 && port <= 65535;
  }
  if (!valid) key.fail("expected host:port, found \"" + value + "\"");
  return value;
}

int read_int(const ConfigKey& key, int min, int max) {
  return static_cast<int>(key.integer(min, max));
}

using KeyReader = void (*)(const ConfigKey&, ServerSettings&);

struct ServerKey {
  std::string_view name;
  KeyReader read;
};

// THE [server] KEYS: docs/folio.example.toml documents each one.
constexpr ServerKey kServerKeys[] = {
    {"listen", [](const ConfigKey& k, ServerSettings& s) { s.listen = read_listen_address(k); }},
    {"threads", [](const ConfigKey& k, ServerSettings& s) { s.threads = read_int(k, 0, 1024); }},
    {"queue_limit",
     [](const ConfigKey& k, ServerSettings& s) { s.queue_limit = read_int(k, 1, 1000000); }},
    {"wait_for_index",
     [](const ConfigKey& k, ServerSettings& s) { s.wait_for_index = k.boolean(); }},
    {"admin_token", [](const ConfigKey& k, ServerSettings& s) { s.admin_token = k.string(); }},
    {"cors_origins",
     [](const ConfigKey& k, ServerSettings& s) { s.cors_origins = k.string_list(); }},
    {"allowed_hosts",
     [](const ConfigKey& k, ServerSettings& s) { s.allowed_hosts = k.string_list(); }},
    {"rate_limit_per_second",
     [](const ConfigKey& k, ServerSettings& s) { s.rate_limit_per_second = k.number(0.0, 1e6); }},
    {"rate_limit_burst",
     [](const ConfigKey& k, ServerSettings& s) { s.rate_limit_burst = read_int(k, 1, 1000000); }},
    {"read_timeout_seconds",
     [](const ConfigKey& k, ServerSettings& s) { s.read_timeout_seconds = read_int(k, 1, 3600); }},
    {"write_timeout_seconds",
     [](const ConfigKey& k, ServerSettings& s) { s.write_timeout_seconds = read_int(k, 1, 3600); }},
    {"max_connections",
     [](const ConfigKey& k, ServerSettings& s) { s.max_connections = read_int(k, 1, 1000000); }},
    {"keep_alive_max_count",
     [](const ConfigKey& k, ServerSettings& s) {
       s.keep_alive_max_count = read_int(k, 0, 100000);
     }},
    {"max_body_bytes",
     [](const ConfigKey& k, ServerSettings& s) {
       s.max_body_bytes =
           static_cast<std::size_t>(k.integer(1, std::numeric_limits<std::int64_t>::max()));
     }},
    {"log_level",
     [](const ConfigKey& k, ServerSettings& s) {
       s.log_level = k.choice({"error", "warn", "info", "debug"});
     }},
    {"access_log", [](const ConfigKey& k, ServerSettings& s) { s.access_log = k.boolean(); }},
    {"scheduling",
     [](const ConfigKey& k, ServerSettings& s) {
       s.scheduling = k.choice({"batch", "normal"});
     }},
};

// True when `key` is a [server] key (then read into `settings`).
bool read_server_key(const ConfigKey& key, ServerSettings& settings) {
  for (const ServerKey& entry : kServerKeys) {
    if (entry.name != key.name()) continue;
    entry.read(key, settings);
    return true;
  }
  return false;
}

}  // namespace

ConfigSectionReader server_section_reader(ServerSettings& settings) {
  return ConfigSectionReader{
      "server", [&settings](const ConfigKey& key) { return read_server_key(key, settings); }};
}

}  // namespace folio::server
