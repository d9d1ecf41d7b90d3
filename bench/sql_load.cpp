// folio_bench_sql_load: closed-loop load on a SQL search peer (Sphinx's SphinxQL or PostgreSQL),
// the counterpart of wrk for folio-server in bench/server_load.sh.
//
//   folio_bench_sql_load --protocol mysql|postgres --port P [--user U] [--database D]
//                        --queries FILE [--connections N] [--duration S] [--warmup S]
//
// FILE holds one SQL statement a line. The connections to 127.0.0.1:P are opened one after the
// other first (a burst of connects overflows searchd's listen backlog of 5, and a MySQL client
// whose handshake was dropped waits forever); then each is driven by its own thread, starting at a
// random line and cycling through the file: send a statement, read every row of the result,
// record the latency, send the next. After an untimed warm-up, for --duration seconds. Prints:
//   RESULT requests/s p50_ms p99_ms errors client_cpu_s requests
// client_cpu_s is this process's CPU time (user + system) over the timed window, so the client's
// own cost on the shared cores can be checked.
#include <sys/resource.h>

#include <libpq-fe.h>
#include <mysql.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <latch>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

enum class Protocol { mysql, postgres };

struct Options {
  Protocol protocol = Protocol::mysql;
  int port = 0;
  std::string user;
  std::string database;
  std::string queries_file;
  int connections = 1;
  double duration_s = 10;
  double warmup_s = 1;
};

// One client connection: runs a statement and reads its whole result.
class Connection {
 public:
  virtual ~Connection() = default;
  // Empty on success, else the server's error message.
  virtual std::string run(const std::string& sql) = 0;
};

class MysqlConnection : public Connection {
 public:
  explicit MysqlConnection(const Options& o) : handle_(mysql_init(nullptr)) {
    const unsigned timeout_s = 30;  // a lost reply fails the request instead of hanging the run
    mysql_options(handle_, MYSQL_OPT_CONNECT_TIMEOUT, &timeout_s);
    mysql_options(handle_, MYSQL_OPT_READ_TIMEOUT, &timeout_s);
    if (!mysql_real_connect(handle_, "127.0.0.1", o.user.c_str(), "", nullptr,
                            static_cast<unsigned>(o.port), nullptr, 0)) {
      const std::string message = mysql_error(handle_);
      mysql_close(handle_);
      throw std::runtime_error("mysql connect: " + message);
    }
  }
  ~MysqlConnection() override { mysql_close(handle_); }
  MysqlConnection(const MysqlConnection&) = delete;
  MysqlConnection& operator=(const MysqlConnection&) = delete;

  std::string run(const std::string& sql) override {
    if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) return mysql_error(handle_);
    MYSQL_RES* result = mysql_store_result(handle_);
    if (!result) return mysql_field_count(handle_) ? mysql_error(handle_) : "";
    while (mysql_fetch_row(result)) {
    }
    mysql_free_result(result);
    return "";
  }

 private:
  MYSQL* handle_;
};

class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(const Options& o) {
    const std::string info = "host=127.0.0.1 port=" + std::to_string(o.port) + " user=" + o.user +
                             " dbname=" + o.database + " connect_timeout=30";
    handle_ = PQconnectdb(info.c_str());
    if (PQstatus(handle_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(handle_);
      PQfinish(handle_);
      throw std::runtime_error("postgres connect: " + message);
    }
  }
  ~PostgresConnection() override { PQfinish(handle_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  std::string run(const std::string& sql) override {
    PGresult* result = PQexec(handle_, sql.c_str());
    std::string error;
    if (PQresultStatus(result) != PGRES_TUPLES_OK) error = PQresultErrorMessage(result);
    PQclear(result);  // PQexec has already read every row
    return error;
  }

 private:
  PGconn* handle_ = nullptr;
};

std::unique_ptr<Connection> connect(const Options& o) {
  if (o.protocol == Protocol::mysql) return std::make_unique<MysqlConnection>(o);
  return std::make_unique<PostgresConnection>(o);
}

// The timed window, fixed by the main thread once every connection is open.
struct Window {
  Clock::time_point measure_from;
  Clock::time_point until;
};

struct WorkerResult {
  std::vector<double> latencies_ms;  // requests started inside the timed window
  std::size_t errors = 0;
  std::string first_error;
};

struct Worker {
  std::unique_ptr<Connection> connection;
  const std::vector<std::string>* queries;
  std::latch* go;
  const Window* window;
  unsigned seed;
  WorkerResult result;

  void operator()() {
    go->wait();
    std::size_t next = std::mt19937(seed)() % queries->size();
    while (true) {
      const auto start = Clock::now();
      if (start >= window->until) break;
      const std::string error = connection->run((*queries)[next]);
      const auto end = Clock::now();
      next = (next + 1) % queries->size();
      if (start < window->measure_from) continue;
      if (!error.empty()) {
        if (result.errors++ == 0) result.first_error = error;
        continue;
      }
      result.latencies_ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
  }
};

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  if (lines.empty()) throw std::runtime_error("no statements in " + path);
  return lines;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(p / 100.0 * double(sorted.size()));
  return sorted[std::min(rank, sorted.size() - 1)];
}

int run(const Options& o) {
  const std::vector<std::string> queries = read_queries(o.queries_file);
  mysql_library_init(0, nullptr, nullptr);
  std::latch go(1);
  Window window;
  std::vector<Worker> workers;
  for (int i = 0; i < o.connections; ++i)
    workers.push_back(Worker{connect(o), &queries, &go, &window, unsigned(i) + 1, {}});
  std::vector<std::thread> threads;
  for (auto& worker : workers)
    threads.emplace_back(std::ref(worker));

  const auto now = Clock::now();
  window.measure_from =
      now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.warmup_s));
  window.until = window.measure_from + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(o.duration_s));
  go.count_down();
  std::this_thread::sleep_until(window.measure_from);
  const double cpu_start = cpu_seconds();
  std::this_thread::sleep_until(window.until);
  const double cpu_used = cpu_seconds() - cpu_start;
  for (auto& thread : threads)
    thread.join();
  for (auto& worker : workers)
    worker.connection.reset();
  mysql_library_end();

  std::vector<double> latencies;
  std::size_t errors = 0;
  for (const auto& worker : workers) {
    latencies.insert(latencies.end(), worker.result.latencies_ms.begin(),
                     worker.result.latencies_ms.end());
    errors += worker.result.errors;
    if (!worker.result.first_error.empty())
      std::fprintf(stderr, "sql_load: %s\n", worker.result.first_error.c_str());
  }
  std::sort(latencies.begin(), latencies.end());
  std::printf("RESULT %.1f %.3f %.3f %zu %.2f %zu\n", double(latencies.size()) / o.duration_s,
              percentile(latencies, 50), percentile(latencies, 99), errors, cpu_used,
              latencies.size());
  return latencies.empty() ? 1 : 0;
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: folio_bench_sql_load --protocol mysql|postgres --port P [--user U] "
               "[--database D] --queries FILE [--connections N] [--duration S] [--warmup S]\n");
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) usage();
    const std::string value = argv[++i];
    if (arg == "--protocol" && (value == "mysql" || value == "postgres"))
      o.protocol = value == "mysql" ? Protocol::mysql : Protocol::postgres;
    else if (arg == "--port")
      o.port = std::stoi(value);
    else if (arg == "--user")
      o.user = value;
    else if (arg == "--database")
      o.database = value;
    else if (arg == "--queries")
      o.queries_file = value;
    else if (arg == "--connections")
      o.connections = std::stoi(value);
    else if (arg == "--duration")
      o.duration_s = std::stod(value);
    else if (arg == "--warmup")
      o.warmup_s = std::stod(value);
    else
      usage();
  }
  if (o.port <= 0 || o.queries_file.empty() || o.connections < 1 || o.duration_s <= 0) usage();
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sql_load: %s\n", e.what());
    return 1;
  }
}
