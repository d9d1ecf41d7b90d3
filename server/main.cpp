// folio-server: the command line and folio.toml -> AppOptions -> App. CLI11 lives here only.
//
// Exit codes: 0 stopped by SIGINT/SIGTERM, 1 could not listen, 2 bad usage or configuration,
// 3 the index is missing or unusable (without --wait-for-index).
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "folio/error.hpp"
#include "folio/site.hpp"
#include "http/app.hpp"

namespace {

using folio::server::App;
using folio::server::AppOptions;
using folio::server::ServerSettings;

constexpr int kExitListen = 1;
constexpr int kExitUsage = 2;
constexpr int kExitDatabase = 3;

struct Endpoint {
  std::string host;
  int port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0" (0 = any free port).
std::optional<Endpoint> parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  Endpoint endpoint{text.substr(0, colon), 0};
  if (endpoint.host.front() == '[' && endpoint.host.back() == ']') {
    endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);
  }
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  endpoint.port = std::stoi(port);
  if (endpoint.port > 65535 || endpoint.host.empty()) return std::nullopt;
  return endpoint;
}

// The command line. Settings flags are applied over folio.toml only when given.
struct Flags {
  std::string config_path;
  std::string db_path;
  std::vector<std::string> content_dirs;
  std::vector<std::string> watch_dirs;
  std::string listen;
  std::string admin_token_env = "FOLIO_ADMIN_TOKEN";
  std::vector<std::string> cors_origins;
  std::string log_level;
  ServerSettings server;  // values of the settings flags
  int connection_threads = 0;
  bool no_access_log = false;
  std::string scheduling;
};

void add_options(CLI::App& cli, Flags& flags) {
  ServerSettings& s = flags.server;
  cli.add_option("--config", flags.config_path,
                 "folio.toml to read (default: ./folio.toml when it exists)");
  cli.add_option("--db", flags.db_path, "the index to serve (default: [index] db_path)");
  cli.add_option(
      "--content", flags.content_dirs,
      "content folder that POST /api/reindex reads (repeatable; default: [index] content)");
  cli.add_option("--watch", flags.watch_dirs,
                 "content folder to index now and again whenever a file in it changes, for "
                 "writers (repeatable; replaces --content; starts without an index if need be)");
  cli.add_option("--listen", flags.listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  cli.add_option("--threads", s.threads, "searches run at once (default: two per core)")
      ->check(CLI::Range(0, 1024));
  cli.add_option("--connection-threads", flags.connection_threads,
                 "worker threads running requests (default: max(64, 16 x threads))")
      ->check(CLI::Range(0, 4096));
  cli.add_option("--queue-limit", s.queue_limit,
                 "complete requests waiting for a worker before 503")
      ->check(CLI::Range(1, 1000000));
  cli.add_flag("--wait-for-index", s.wait_for_index,
               "start without an index and answer 503 until it appears");
  cli.add_option("--admin-token-env", flags.admin_token_env,
                 "environment variable holding the admin token that enables POST /api/reindex "
                 "(default FOLIO_ADMIN_TOKEN; overrides [server] admin_token)");
  cli.add_option("--cors-origin", flags.cors_origins,
                 "allowed browser origin (repeatable; \"http://host:*\" any port, \"*\" all)");
  cli.add_option("--rate-limit", s.rate_limit_per_second,
                 "API requests per second per client IP (0 disables)")
      ->check(CLI::Range(0.0, 1e9));
  cli.add_option("--rate-burst", s.rate_limit_burst, "requests a client may send in a burst")
      ->check(CLI::Range(1, 1000000000));
  cli.add_option("--max-body-bytes", s.max_body_bytes, "largest request body (413 above)");
  cli.add_option("--read-timeout", s.read_timeout_seconds, "seconds")->check(CLI::Range(1, 3600));
  cli.add_option("--write-timeout", s.write_timeout_seconds, "seconds")->check(CLI::Range(1, 3600));
  cli.add_option("--keep-alive-max", s.keep_alive_max_count, "requests per connection")
      ->check(CLI::Range(1, 1000000));
  cli.add_option("--log-level", flags.log_level, "error, warn, info or debug")
      ->check(CLI::IsMember({"error", "warn", "info", "debug"}));
  cli.add_flag("--no-access-log", flags.no_access_log, "no JSON line per request on stderr");
  cli.add_option("--scheduling", flags.scheduling,
                 "batch (Linux SCHED_BATCH: fewer context switches under load) or normal "
                 "(default batch)")
      ->check(CLI::IsMember({"batch", "normal"}));
}

template <typename T>
void override_if_given(const CLI::App& cli, const char* flag, T& target, const T& value) {
  if (cli.count(flag) > 0) target = value;
}

void apply_flags(const CLI::App& cli, const Flags& flags, folio::Config& config,
                 ServerSettings& server) {
  const ServerSettings& f = flags.server;
  override_if_given(cli, "--db", config.index.db_path, flags.db_path);
  override_if_given(cli, "--content", config.index.content_dirs, flags.content_dirs);
  override_if_given(cli, "--watch", config.index.content_dirs, flags.watch_dirs);
  // The first watch run writes the index when there is none yet: serve 503 until it is there.
  if (!flags.watch_dirs.empty()) server.wait_for_index = true;
  override_if_given(cli, "--listen", server.listen, flags.listen);
  override_if_given(cli, "--threads", server.threads, f.threads);
  override_if_given(cli, "--queue-limit", server.queue_limit, f.queue_limit);
  override_if_given(cli, "--wait-for-index", server.wait_for_index, f.wait_for_index);
  override_if_given(cli, "--cors-origin", server.cors_origins, flags.cors_origins);
  override_if_given(cli, "--rate-limit", server.rate_limit_per_second, f.rate_limit_per_second);
  override_if_given(cli, "--rate-burst", server.rate_limit_burst, f.rate_limit_burst);
  override_if_given(cli, "--max-body-bytes", server.max_body_bytes, f.max_body_bytes);
  override_if_given(cli, "--read-timeout", server.read_timeout_seconds, f.read_timeout_seconds);
  override_if_given(cli, "--write-timeout", server.write_timeout_seconds, f.write_timeout_seconds);
  override_if_given(cli, "--keep-alive-max", server.keep_alive_max_count, f.keep_alive_max_count);
  override_if_given(cli, "--log-level", server.log_level, flags.log_level);
  override_if_given(cli, "--scheduling", server.scheduling, flags.scheduling);
  if (flags.no_access_log) server.access_log = false;
}

// folio.toml: the library's sections into the Config, [server] into `server`.
folio::Config load_configuration(const std::string& explicit_path, ServerSettings& server) {
  std::string path = explicit_path;
  if (path.empty() && std::filesystem::exists("folio.toml")) path = "folio.toml";
  if (path.empty()) return folio::Config{};
  std::vector<std::string> warnings;
  folio::Config config =
      folio::load_config(path, warnings, {folio::server::server_section_reader(server)});
  for (const auto& warning : warnings)
    std::cerr << "folio-server: warning: " << warning << '\n';
  return config;
}

// The signals the waiting thread takes: SIGINT/SIGTERM stop the server, SIGUSR1 releases the
// thread.
sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);
  return signals;
}

// Blocked before any thread starts, so that every thread inherits the mask: a stop signal that
// comes early waits, pending, for the SignalWaiter, and never finds a thread that would take its
// default action and kill the process without a graceful stop.
void block_stop_signals() {
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

// SIGINT/SIGTERM are taken by one waiting thread, which stops the server from ordinary code
// (App::stop() is not async-signal-safe).
class SignalWaiter {
 public:
  explicit SignalWaiter(App& app) {
    thread_ = std::thread([&app] {
      const sigset_t signals = stop_signals();
      int signal = 0;
      sigwait(&signals, &signal);
      if (signal == SIGUSR1) return;
      app.log().message(folio::server::LogLevel::info, "stopping: finishing requests in flight");
      app.stop();
    });
  }
  ~SignalWaiter() {
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
  }

 private:
  std::thread thread_;
};

std::string resolve_admin_token(const Flags& flags, const ServerSettings& server) {
  std::string token = server.admin_token;
  if (const char* from_env = std::getenv(flags.admin_token_env.c_str())) {
    if (*from_env != '\0') token = from_env;
  }
  return token;
}

// Under SCHED_BATCH the I/O thread, which every request passes through twice (read, then write),
// would wait for a running worker's time slice whenever it wakes: on digitalgov at 64 connections
// that doubled p99. The workers, started with the App, keep the batch policy; the thread that
// runs the I/O loop (this one) goes back to the normal policy.
void keep_io_thread_interactive(const std::string& scheduling) {
#if defined(SCHED_BATCH)
  if (scheduling != "batch") return;
  const sched_param priority{};
  pthread_setschedparam(pthread_self(), SCHED_OTHER, &priority);
#else
  (void)scheduling;
#endif
}

int serve(App& app, const Endpoint& endpoint, const folio::Config& config,
          const std::string& scheduling) {
  const int port = app.bind(endpoint.host, endpoint.port);
  if (port < 0) {
    std::cerr << "folio-server: cannot listen on " << endpoint.host << ':' << endpoint.port
              << " (in use, or not an address of this machine)\n";
    return kExitListen;
  }
  SignalWaiter signals(app);
  keep_io_thread_interactive(scheduling);  // before the line that says the server is up
  const bool v6 = endpoint.host.find(':') != std::string::npos;
  app.log().message(folio::server::LogLevel::info,
                    "serving " + config.index.db_path + " on http://" +
                        (v6 ? "[" + endpoint.host + "]" : endpoint.host) + ":" +
                        std::to_string(port) + "/");
  const bool ok = app.listen_after_bind();
  app.log().message(folio::server::LogLevel::info, "stopped");
  return ok ? 0 : kExitListen;
}

// Every connection thread allocates and frees a search's buffers (document data, section texts,
// the JSON body). By default glibc hands the freed top of each thread's arena back to the kernel
// (madvise) and maps large blocks afresh, so the next request faults the same pages in again:
// about 11% of the server's CPU under load (perf). Keep up to 64 MB per arena instead.
void keep_freed_memory_for_reuse() {
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

// Each open connection is a file descriptor, and Debian's default soft limit is 1,024: raise it to
// the hard limit so that max_connections, not the process limit, decides how many clients wait.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

// [server] scheduling = "batch": under SCHED_BATCH a thread that wakes (a request came in, a
// searcher was handed over) waits for the running thread's time slice to end rather than
// preempting it. With 64 connections that cuts the context switches per request by a quarter and
// gives 3-20% more requests/s in interleaved runs (docs/benchmarks.md). Every thread started
// afterwards inherits it.
void apply_scheduling(const std::string& scheduling) {
#if defined(SCHED_BATCH)
  if (scheduling != "batch") return;
  const sched_param priority{};  // SCHED_BATCH has the one static priority 0
  if (sched_setscheduler(0, SCHED_BATCH, &priority) != 0) {
    std::cerr << "folio-server: warning: cannot use SCHED_BATCH (" << std::strerror(errno)
              << "); running under the normal policy\n";
  }
#else
  (void)scheduling;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  block_stop_signals();
  keep_freed_memory_for_reuse();
  raise_open_file_limit();
  CLI::App cli{
      "folio-server: a JSON search API over a folio index, with the search widget.\n"
      "Settings come from the [server] section of folio.toml; flags override them."};
  Flags flags;
  add_options(cli, flags);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : kExitUsage;  // --help is a success; bad flags are usage errors
  }

  folio::Config config;
  ServerSettings server;
  try {
    config = load_configuration(flags.config_path, server);
    // [index] site: the site's own configuration supplies what folio.toml leaves out, as it does
    // for `folio index` (the taxonomies that are filters and facets, the content folders a
    // reindex reads).
    folio::apply_site(config.index);
  } catch (const folio::Error& e) {
    std::cerr << "folio-server: " << e.what() << '\n';
    return kExitUsage;
  }
  apply_flags(cli, flags, config, server);
  const auto endpoint = parse_listen(server.listen);
  if (!endpoint) {
    std::cerr << "folio-server: --listen wants HOST:PORT, got \"" << server.listen << "\"\n";
    return kExitUsage;
  }

  apply_scheduling(server.scheduling);
  AppOptions options;
  options.server = server;
  options.search = config.search;
  options.index = config.index;
  options.connection_threads = flags.connection_threads;
  options.admin_token = resolve_admin_token(flags, server);
  if (!options.admin_token.empty() && options.index.content_dirs.empty()) {
    std::cerr << "folio-server: warning: an admin token is set but no content folder "
                 "(--content or [index] content): POST /api/reindex is disabled\n";
    options.admin_token.clear();
  }

  options.watch = !flags.watch_dirs.empty();
  std::unique_ptr<App> owned_app;
  try {
    owned_app = std::make_unique<App>(options);
  } catch (const folio::Error& e) {  // --watch of a folder that cannot be watched
    std::cerr << "folio-server: " << e.what() << '\n';
    return kExitUsage;
  }
  App& app = *owned_app;
  std::string why_not;
  if (!app.index_ready(&why_not)) {
    if (!server.wait_for_index) {
      std::cerr << "folio-server: " << why_not << "\n  build it with `folio index CONTENT --db "
                << config.index.db_path << "`, or start with --wait-for-index\n";
      return kExitDatabase;
    }
    app.log().message(
        folio::server::LogLevel::warn,
        "no usable index yet at " + config.index.db_path + "; answering 503 until it appears");
  }
  return serve(app, *endpoint, config, server.scheduling);
}
