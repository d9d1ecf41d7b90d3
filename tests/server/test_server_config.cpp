// folio-server's [server] section of folio.toml, read by the server through the library's
// ConfigSectionReader: the same file:line:col errors and unknown-key warnings as the library's
// own sections.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "folio/error.hpp"
#include "runtime/server_config.hpp"
#include "server/server_harness.hpp"

using folio::Error;
using folio::ErrorCode;
using folio::server::server_section_reader;
using folio::server::ServerSettings;
using folio::test::TempDir;

namespace {

struct Loaded {
  folio::Config config;
  ServerSettings server;
  std::vector<std::string> warnings;
};

std::string write_config(const TempDir& dir, const std::string& text) {
  const std::string path = dir.str("folio.toml");
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Loaded load_text(const TempDir& dir, const std::string& text) {
  Loaded loaded;
  loaded.config = folio::load_config(write_config(dir, text), loaded.warnings,
                                     {server_section_reader(loaded.server)});
  return loaded;
}

Error config_error_of(const TempDir& dir, const std::string& text) {
  try {
    load_text(dir, text);
  } catch (const Error& error) {
    return error;
  }
  FAIL("expected an error for: " << text);
  return Error(ErrorCode::config, "unreachable");
}

}  // namespace

TEST_CASE("server config: an empty file gives the defaults") {
  TempDir dir;
  const Loaded loaded = load_text(dir, "");
  const ServerSettings defaults;
  CHECK(loaded.warnings.empty());
  CHECK(loaded.server.listen == defaults.listen);
}

TEST_CASE("server config: every [server] key is read") {
  TempDir dir;
  const Loaded loaded = load_text(dir, R"(
[index]
jobs = 3

[server]
listen = "0.0.0.0:9000"
threads = 4
queue_limit = 10
wait_for_index = true
admin_token = "secret"
cors_origins = ["https://a.example"]
rate_limit_per_second = 2
rate_limit_burst = 5
read_timeout_seconds = 7
write_timeout_seconds = 8
keep_alive_max_count = 9
max_body_bytes = 2048
log_level = "debug"
access_log = false
scheduling = "normal"
)");
  const ServerSettings& s = loaded.server;
  CHECK(loaded.warnings.empty());
  CHECK(loaded.config.index.jobs == 3);  // the library's sections are read as before

  CHECK(s.listen == "0.0.0.0:9000");
  CHECK(s.threads == 4);
  CHECK(s.queue_limit == 10);
  CHECK(s.wait_for_index);
  CHECK(s.admin_token == "secret");
  CHECK(s.cors_origins == std::vector<std::string>{"https://a.example"});
  CHECK(s.rate_limit_per_second == Approx(2.0));
  CHECK(s.rate_limit_burst == 5);
  CHECK(s.read_timeout_seconds == 7);
  CHECK(s.write_timeout_seconds == 8);
  CHECK(s.keep_alive_max_count == 9);
  CHECK(s.max_body_bytes == 2048);
  CHECK(s.log_level == "debug");
  CHECK_FALSE(s.access_log);
  CHECK(s.scheduling == "normal");
}

TEST_CASE("server config: unknown [server] keys are warnings with file and line") {
  TempDir dir;
  const Loaded loaded = load_text(dir, "[server]\nthreads = 2\nthread = 3\n");
  CHECK(loaded.warnings == std::vector<std::string>{dir.str("folio.toml") +
                                                    ":3: unknown key [server] thread (ignored)"});
  CHECK(loaded.server.threads == 2);
}

TEST_CASE("server config: wrong types and impossible values are errors naming file, line and key") {
  struct Case {
    const char* name;
    std::string text;
    int line;
    std::string reason;
  };
  const Case cases[] = {
      {"unknown log level", "[server]\nlog_level = \"verbose\"\n", 2,
       "[server] log_level: must be one of error, warn, info, debug, found \"verbose\""},
      {"unknown scheduling", "[server]\nscheduling = \"fifo\"\n", 2,
       "[server] scheduling: must be one of batch, normal, found \"fifo\""},
      {"listen without a port", "[server]\nlisten = \"localhost\"\n", 2,
       "[server] listen: expected host:port, found \"localhost\""},
      {"listen with a bad port", "[server]\nlisten = \"localhost:99999\"\n", 2,
       "[server] listen: expected host:port, found \"localhost:99999\""},
      {"negative threads", "\n[server]\nthreads = -1\n", 3,
       "[server] threads: must be between 0 and 1024, found -1"},
      {"string for a boolean", "[server]\naccess_log = \"no\"\n", 2,
       "[server] access_log: expected true or false, found a string"},
      {"server that is not a table", "server = 3\n", 1,
       "[server]: expected a table, found an integer"},
  };
  TempDir dir;
  for (const Case& c : cases) {
    INFO(c.name);
    const Error error = config_error_of(dir, c.text);
    CHECK(error.code() == ErrorCode::config);
    CHECK(error.reason() == c.reason);
    CHECK(error.where().path == dir.str("folio.toml"));
    CHECK(error.where().line == c.line);
  }
}

TEST_CASE("server config: the documented example loads without warnings") {
  std::vector<std::string> warnings;
  ServerSettings server;
  const std::string example = std::string(FOLIO_DOCS_DIR) + "/folio.example.toml";
  folio::load_config(example, warnings, {server_section_reader(server)});
  CHECK(warnings.empty());
}

TEST_CASE("server config: the example documents every [server] key") {
  // Each key below must appear in the example, so new keys cannot go undocumented. The list
  // mirrors the fields of ServerSettings (runtime/server_config.hpp).
  const char* keys[] = {
      "[server]",
      "listen",
      "threads",
      "queue_limit",
      "wait_for_index",
      "admin_token",
      "cors_origins",
      "rate_limit_per_second",
      "rate_limit_burst",
      "read_timeout_seconds",
      "write_timeout_seconds",
      "keep_alive_max_count",
      "max_body_bytes",
      "log_level",
      "access_log",
      "scheduling",
  };
  std::ifstream in(std::string(FOLIO_DOCS_DIR) + "/folio.example.toml");
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* key : keys) {
    INFO(key);
    // Built with +=: GCC 12's -Werror=restrict misreads `"\n" + std::string(key)` in Release.
    const bool section = key[0] == '[';
    std::string needle = section ? "" : "\n";
    needle += key;
    if (!section) needle += " = ";
    CHECK(text.find(needle) != std::string::npos);
  }
}
