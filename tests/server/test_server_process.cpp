// The folio-server program itself: exit codes, the listening message, SIGTERM as a graceful stop.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "folio/indexer.hpp"
#include "server/server_fixture.hpp"

using namespace folio::test;

namespace {

// folio-server started with `args`, stderr going to a file.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& args, const std::string& stderr_path)
      : stderr_path_(stderr_path) {
    // Everything the child needs is prepared before fork(): the test process has threads, so the
    // child may only make async-signal-safe calls until execv.
    std::vector<char*> argv{const_cast<char*>(FOLIO_SERVER_PATH)};
    for (const auto& arg : args)
      argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      const int fd = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, STDERR_FILENO);
      execv(FOLIO_SERVER_PATH, argv.data());
      _exit(127);
    }
  }
  ~ServerProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  std::string log() const {
    std::ifstream in(stderr_path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // The port from "serving ... on http://127.0.0.1:PORT/", polling the log; 0 if it never came.
  int wait_for_port() const {
    static const std::regex serving(R"(on http://127\.0\.0\.1:([0-9]+)/)");
    for (int attempt = 0; attempt < 1000; ++attempt) {
      std::smatch m;
      const std::string text = log();
      if (std::regex_search(text, m, serving)) return std::stoi(m[1]);
      usleep(10000);
    }
    return 0;
  }

  int wait_for_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  void signal(int sig) const { kill(pid_, sig); }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string stderr_path_;
};

}  // namespace

TEST_CASE("server process: a missing index is exit code 3 with a hint") {
  TempDir dir;
  ServerProcess server({"--db", dir.str("missing"), "--listen", "127.0.0.1:0"}, dir.str("err"));
  CHECK(server.wait_for_exit() == 3);
  CHECK(server.log().find("--wait-for-index") != std::string::npos);
}

TEST_CASE("server process: bad flags are exit code 2") {
  TempDir dir;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--threads", "-1"}, {"--listen", "no-port"}, {"--bogus"}}) {
    ServerProcess server(args, dir.str("err"));
    CHECK(server.wait_for_exit() == 2);
  }
}

TEST_CASE("server process: serves, then SIGTERM stops it with exit code 0") {
  TempDir dir;
  ServerProcess server({"--db", sample_index_path(), "--listen", "127.0.0.1:0", "--no-access-log"},
                       dir.str("err"));
  const int port = server.wait_for_port();
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/api/search?q=go");
  REQUIRE(r);
  CHECK(r->status == 200);
  server.signal(SIGTERM);
  CHECK(server.wait_for_exit() == 0);
  CHECK(server.log().find("stopped") != std::string::npos);
}

namespace {

// The scheduling policy of thread `task` of process `pid`: field 41 of its stat (0 normal,
// 3 batch).
int scheduling_policy(pid_t pid, const std::string& task) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + task + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));  // after "pid (comm) "
  std::string field;
  for (int number = 3; number <= 41 && fields >> field; ++number) {
  }
  return std::stoi(field);
}

// How many threads of process `pid` run under `policy`, the main thread apart.
int other_threads_under(pid_t pid, int policy) {
  int count = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
    const std::string task = entry.path().filename().string();
    if (task != std::to_string(pid) && scheduling_policy(pid, task) == policy) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("server process: workers run under SCHED_BATCH unless told --scheduling normal") {
  TempDir dir;
  struct Case {
    std::vector<std::string> flags;
    int worker_policy;
    std::string log;  // one per server: a log left by another would show its port
  };
  for (const Case& c : {Case{{}, SCHED_BATCH, "batch.err"},
                        Case{{"--scheduling", "normal"}, SCHED_OTHER, "normal.err"}}) {
    std::vector<std::string> args{"--db", sample_index_path(), "--listen", "127.0.0.1:0"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    ServerProcess server(args, dir.str(c.log));
    REQUIRE(server.wait_for_port() > 0);
    const std::string main_thread = std::to_string(server.pid());
    // The main thread runs the I/O loop under the normal policy either way (server/main.cpp).
    CHECK(scheduling_policy(server.pid(), main_thread) == SCHED_OTHER);
    CHECK(other_threads_under(server.pid(), c.worker_policy) > 0);
    CHECK(other_threads_under(server.pid(),
                              c.worker_policy == SCHED_BATCH ? SCHED_OTHER : SCHED_BATCH) == 0);
    server.signal(SIGTERM);
    CHECK(server.wait_for_exit() == 0);
  }
}

namespace {

// The signals thread `task` of process `pid` blocks: SigBlk of /proc/PID/task/TID/status.
unsigned long long blocked_signals(pid_t pid, const std::string& task) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + task + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("SigBlk:", 0) == 0) return std::stoull(line.substr(7), nullptr, 16);
  }
  return 0;
}

bool blocks(unsigned long long mask, int signal) {
  return (mask >> (signal - 1)) & 1;
}

// Whether process `pid` runs folio-server yet: until execv, the forked child is a copy of this
// test program, with its signal handlers and, under sanitizers, signals blocked around fork().
bool runs_server(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(in, name);
  return name == "folio-server";
}

}  // namespace

TEST_CASE("server process: SIGTERM during start-up, before it serves, is still a graceful stop") {
  TempDir dir;
  // The main thread blocks the stop signals first thing, long before it opens the index and
  // listens; from then on no signal may kill the process. A signal sent after the block but before
  // "serving" shows that window; a few tries make sure one lands in it.
  int early_stops = 0;
  for (int attempt = 0; attempt < 5 && early_stops == 0; ++attempt) {
    ServerProcess server({"--db", sample_index_path(), "--listen", "127.0.0.1:0"},
                         dir.str("err" + std::to_string(attempt)));
    const std::string main_thread = std::to_string(server.pid());
    bool blocked = false;
    for (int poll = 0; poll < 200000 && !blocked; ++poll)
      blocked =
          runs_server(server.pid()) && blocks(blocked_signals(server.pid(), main_thread), SIGTERM);
    REQUIRE(blocked);
    const bool before_serving = server.log().find("serving") == std::string::npos;
    server.signal(SIGTERM);
    CHECK(server.wait_for_exit() == 0);
    CHECK(server.log().find("stopped") != std::string::npos);
    if (before_serving) ++early_stops;
  }
  CHECK(early_stops == 1);
}

TEST_CASE(
    "server process: while serving, only the signal-waiting thread takes SIGINT and SIGTERM") {
  TempDir dir;
  ServerProcess server({"--db", sample_index_path(), "--listen", "127.0.0.1:0"}, dir.str("err"));
  const int port = server.wait_for_port();
  REQUIRE(port > 0);
  // Once a request is answered, every thread has started: the waiting one before the listening.
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/healthz");
  REQUIRE(r);
  // sigwait() unblocks the signals it waits for in its own thread only.
  int threads = 0;
  int taking = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/" + std::to_string(server.pid()) + "/task")) {
    const auto mask = blocked_signals(server.pid(), entry.path().filename().string());
    ++threads;
    if (!blocks(mask, SIGTERM) || !blocks(mask, SIGINT)) ++taking;
  }
  CHECK(threads > 2);
  CHECK(taking <= 1);
  server.signal(SIGINT);
  CHECK(server.wait_for_exit() == 0);
}

TEST_CASE("server process: --wait-for-index starts without an index") {
  TempDir dir;
  ServerProcess server({"--db", dir.str("later"), "--listen", "127.0.0.1:0", "--wait-for-index"},
                       dir.str("err"));
  const int port = server.wait_for_port();
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/readyz");
  REQUIRE(r);
  CHECK(r->status == 503);
  server.signal(SIGINT);
  CHECK(server.wait_for_exit() == 0);
}

TEST_CASE("server process: a site's own taxonomies are filters and facets ([index] site)") {
  TempDir dir;
  const std::string db = dir.str("index");
  {
    folio::IndexRequest request;
    request.settings.site_root = FOLIO_HUGO_SITE_DIR;
    request.settings.db_path = db;
    request.settings.jobs = 1;
    folio::run_index(request);
  }
  {
    std::ofstream toml(dir.str("folio.toml"));
    toml << "[index]\nsite = \"" << FOLIO_HUGO_SITE_DIR << "\"\ndb_path = \"" << db << "\"\n";
  }
  ServerProcess server({"--config", dir.str("folio.toml"), "--listen", "127.0.0.1:0"},
                       dir.str("server.err"));
  const int port = server.wait_for_port();
  REQUIRE(port > 0);
  // `topics` comes from hugo.toml's [taxonomies] alone: folio.toml does not name it.
  const RawResponse r = raw_get(port, "/api/search?topics=search&facets=topics");
  INFO(r.body);
  CHECK(r.status == 200);
  const auto body = nlohmann::json::parse(r.body, nullptr, false);
  CHECK(body["total"].get<int>() > 0);
  server.signal(SIGTERM);
  CHECK(server.wait_for_exit() == 0);
}

namespace {

// Polls GET /api/search?q=word until it answers 200 with `expected` articles; the last total.
long process_total_for(int port, const std::string& word, long expected) {
  long total = -1;
  for (int attempt = 0; attempt < 500; ++attempt) {
    const RawResponse r = raw_get(port, "/api/search?q=" + word);
    if (r.status == 200) total = nlohmann::json::parse(r.body)["total"].get<long>();
    if (total == expected) break;
    usleep(20000);
  }
  return total;
}

}  // namespace

TEST_CASE("server process: --watch indexes the folder, then each change to it") {
  TempDir dir;
  const auto content = copy_sample_content(dir.path());
  write_article(content / "notes" / "before.md", "Before", "The tapirstart was here first.");
  ServerProcess server({"--watch", content.string(), "--db", dir.str("index"), "--listen",
                        "127.0.0.1:0", "--no-access-log"},
                       dir.str("err"));
  const int port = server.wait_for_port();
  REQUIRE(port > 0);
  CHECK(process_total_for(port, "tapirstart", 1) == 1);
  write_article(content / "notes" / "new.md", "New", "The capybarawatch arrived.");
  CHECK(process_total_for(port, "capybarawatch", 1) == 1);
  server.signal(SIGTERM);
  CHECK(server.wait_for_exit() == 0);
}

TEST_CASE("server process: --watch of a missing folder is exit code 2") {
  TempDir dir;
  ServerProcess server(
      {"--watch", dir.str("missing"), "--db", dir.str("index"), "--listen", "127.0.0.1:0"},
      dir.str("err"));
  CHECK(server.wait_for_exit() == 2);
  CHECK(server.log().find("missing") != std::string::npos);
}
