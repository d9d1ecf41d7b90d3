// Helpers for the folio-server integration tests: a temporary folder, an index of sample-content/,
// the real server on an ephemeral port in a thread, and a raw-socket client for requests
// httplib::Client refuses to send.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/app.hpp"

namespace folio::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& child = {}) const;

 private:
  std::filesystem::path path_;
};

// Copies sample-content/ into `dir` (so tests may add files) and returns the copy's path.
std::filesystem::path copy_sample_content(const std::filesystem::path& dir);
// Indexes `content` into `db` with folio::run_index.
void build_index(const std::string& content, const std::string& db, bool full = false);
// A small Markdown article with TOML front matter.
void write_article(const std::filesystem::path& file, const std::string& title,
                   const std::string& body, const std::string& tag = "Testing");

// Options for a test server: the given index, no access log on stderr (captured instead), rate
// limit off unless a test turns it on.
server::AppOptions test_options(const std::string& db_path);

class TestServer {
 public:
  explicit TestServer(server::AppOptions options);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  httplib::Client client() const;  // keep-alive off, raw paths (no client-side URL encoding)
  // Stops the server (in-flight requests finish) and waits for it.
  void stop();
  bool running() const { return app_->is_running(); }
  std::vector<std::string> log_lines() const;

 private:
  std::shared_ptr<std::mutex> log_mutex_ = std::make_shared<std::mutex>();
  std::shared_ptr<std::vector<std::string>> log_ = std::make_shared<std::vector<std::string>>();
  std::unique_ptr<server::App> app_;
  std::thread thread_;
  int port_ = -1;
  bool listen_ok_ = true;
};

struct RawResponse {
  int status = 0;  // 0 when the server closed without answering
  std::string head;
  std::string body;
};

// A client socket that sends bytes exactly as given (httplib::Client refuses malformed requests).
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(const std::string& bytes);  // stops quietly if the server closed the connection
  RawResponse read_response();          // status 0 when the server closed without answering
  // Everything the server sends until it closes the connection (or 10 s pass).
  std::string read_until_closed();
  void shutdown_send();  // a half-close: the client has sent all it will
  // True when the server has closed the connection (checked without waiting).
  bool closed_by_server();

 private:
  int fd_ = -1;
};

// Sends bytes as they are on a new connection and reads one response.
RawResponse raw_request(int port, const std::string& bytes);
// A complete GET or POST (no body) on a new connection. Tests use these from their own threads:
// httplib::Client parses responses with function-local static regexes inside the uninstrumented
// library, which ThreadSanitizer reports as races when several threads first use them.
RawResponse raw_get(int port, const std::string& target);
RawResponse raw_post(int port, const std::string& target, const std::string& extra_headers = {});
// True when nothing accepts connections on the port any more.
bool connection_refused(int port);

}  // namespace folio::test
