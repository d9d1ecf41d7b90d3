#include "server/server_harness.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "folio/indexer.hpp"

namespace folio::test {

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "folio-server-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::str(const std::string& child) const {
  return child.empty() ? path_.string() : (path_ / child).string();
}

std::filesystem::path copy_sample_content(const std::filesystem::path& dir) {
  const auto target = dir / "content";
  std::filesystem::copy(FOLIO_SAMPLE_CONTENT_DIR, target, std::filesystem::copy_options::recursive);
  return target;
}

void build_index(const std::string& content, const std::string& db, bool full) {
  IndexRequest request;
  request.settings.content_dirs = {content};
  request.settings.db_path = db;
  request.settings.jobs = 1;
  request.mode = full ? IndexMode::full : IndexMode::incremental;
  run_index(request);
}

void write_article(const std::filesystem::path& file, const std::string& title,
                   const std::string& body, const std::string& tag) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file);
  out << "+++\ntitle = \"" << title << "\"\ndate = 2026-02-01T10:00:00Z\ntags = [\"" << tag
      << "\"]\ncategories = [\"Tests\"]\n+++\n\n## Overview\n\n"
      << body << "\n";
}

server::AppOptions test_options(const std::string& db_path) {
  server::AppOptions options;
  options.index.db_path = db_path;
  options.server.threads = 2;
  options.connection_threads = 16;
  options.server.rate_limit_per_second = 0;  // tests that need it turn it on
  return options;
}

TestServer::TestServer(server::AppOptions options) {
  auto log = log_;
  auto mutex = log_mutex_;
  options.log_sink = [log, mutex](std::string_view line) {
    std::lock_guard lock(*mutex);
    log->emplace_back(line);
  };
  app_ = std::make_unique<server::App>(std::move(options));
  port_ = app_->bind("127.0.0.1", 0);
  if (port_ <= 0) throw std::runtime_error("cannot bind a test port");
  thread_ = std::thread([this] { listen_ok_ = app_->listen_after_bind(); });
  // httplib 0.11.4 has no wait_until_ready(): poll until the accept loop runs.
  while (!app_->is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  stop();
}

void TestServer::stop() {
  if (!thread_.joinable()) return;
  app_->stop();
  thread_.join();
}

httplib::Client TestServer::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_url_encode(false);
  client.set_keep_alive(false);
  client.set_read_timeout(30, 0);
  client.set_decompress(true);
  return client;
}

std::vector<std::string> TestServer::log_lines() const {
  std::lock_guard lock(*log_mutex_);
  return *log_;
}

namespace {

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  return fd;
}

std::size_t content_length_of(const std::string& head) {
  std::string lower;
  for (char c : head)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto at = lower.find("\r\ncontent-length:");
  if (at == std::string::npos) return 0;
  return std::strtoull(lower.c_str() + at + 17, nullptr, 10);
}

}  // namespace

RawConnection::RawConnection(int port) : fd_(connect_to(port)) {}

RawConnection::~RawConnection() {
  ::close(fd_);
}

void RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may answer and close before reading everything
    sent += static_cast<std::size_t>(n);
  }
}

RawResponse RawConnection::read_response() {
  std::string received;
  RawResponse response;
  char buffer[4096];
  for (;;) {
    const auto end_of_head = received.find("\r\n\r\n");
    if (end_of_head != std::string::npos) {
      response.head = received.substr(0, end_of_head);
      const std::size_t length = content_length_of(response.head + "\r\n");
      if (received.size() >= end_of_head + 4 + length) {
        response.body = received.substr(end_of_head + 4, length);
        break;
      }
    }
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  if (received.rfind("HTTP/1.1 ", 0) == 0 && received.size() >= 12) {
    response.status = std::atoi(received.c_str() + 9);
  }
  return response;
}

std::string RawConnection::read_until_closed() {
  std::string received;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  return received;
}

void RawConnection::shutdown_send() {
  ::shutdown(fd_, SHUT_WR);
}

bool RawConnection::closed_by_server() {
  char byte = 0;
  const ssize_t n = ::recv(fd_, &byte, 1, MSG_DONTWAIT | MSG_PEEK);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

RawResponse raw_request(int port, const std::string& bytes) {
  RawConnection connection(port);
  connection.send(bytes);
  return connection.read_response();
}

RawResponse raw_get(int port, const std::string& target) {
  return raw_request(port,
                     "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

RawResponse raw_post(int port, const std::string& target, const std::string& extra_headers) {
  return raw_request(port, "POST " + target +
                               " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                               "Content-Length: 0\r\n" +
                               extra_headers + "\r\n");
}

bool connection_refused(int port) {
  try {
    RawConnection connection(port);
    return false;
  } catch (const std::runtime_error&) {
    return true;
  }
}

}  // namespace folio::test
