#include "http/connection/http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <array>
#include <atomic>
#include <unordered_set>

#include "http/connection/response_writer.hpp"
#include "http/connection/worker_pool.hpp"

namespace folio::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using error_code = beast::error_code;

// After a refusal that closes the connection, what the client still sends is read and dropped for
// this long, so that closing with unread bytes (a TCP reset) does not destroy the answer before
// the client reads it.
constexpr std::chrono::milliseconds kLingerTime{1000};
// accept() failing for want of file descriptors: wait this long before trying again.
constexpr std::chrono::milliseconds kAcceptBackoff{50};

class Session;

// The server's state, shared by the sessions (HttpServer::Impl is it, by another name that the
// header can declare).
struct ServerCore {
  ServerCore(ConnectionLimits limits_in, HttpHandlers handlers_in, ConnectionStats& stats_in)
      : limits(limits_in),
        handlers(std::move(handlers_in)),
        stats(stats_in),
        workers(limits.workers, limits.queue_limit, stats) {}

  void accept();
  void on_accepted(tcp::socket socket);
  void close_idle_connections();

  // Declared before the io_context, so that they outlive the sessions it still holds when it is
  // destroyed; the workers last, so that they are joined first.
  ConnectionLimits limits;
  HttpHandlers handlers;
  ConnectionStats& stats;
  std::unordered_set<Session*> sessions;  // I/O thread only
  bool stopping = false;                  // I/O thread only
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> running{false};
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer accept_backoff{io};
  WorkerPool workers;
};

// One connection, driven by the I/O thread alone: read until a request is whole, hand it to a
// worker (reading pauses: the next pipelined request waits in the socket), write the answer,
// repeat.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerCore& server)
      : stream_(std::move(socket)), server_(server), reader_(server.limits.request) {
    error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_addr_ = peer.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
    server_.sessions.insert(this);
    server_.stats.open.fetch_add(1, std::memory_order_relaxed);
  }

  ~Session() {
    server_.sessions.erase(this);
    server_.stats.open.fetch_sub(1, std::memory_order_relaxed);
  }

  void start() {
    stream_.expires_after(server_.limits.request_timeout);
    read_more();
  }

  // Over the connection limit: a 503 before reading anything, then close.
  void turn_away() {
    server_.stats.rejected.fetch_add(1, std::memory_order_relaxed);
    refuse(RefusedRequest{503, "too many connections; retry later", 1, nullptr, remote_addr_}, true,
           0);
  }

  // Stopping: a connection waiting for its next request is closed now; one with a request on the
  // way finishes it.
  void stop_if_idle() {
    if (reading_ && buffer_.empty()) {
      error_code ec;
      stream_.socket().cancel(ec);
    }
  }

 private:
  void read_more() {
    reading_ = true;
    stream_.async_read_some(
        asio::buffer(chunk_),
        [self = shared_from_this()](error_code ec, std::size_t n) { self->on_read(ec, n); });
  }

  void on_read(error_code ec, std::size_t n) {
    reading_ = false;
    if (ec == beast::error::timeout) {
      // The stream has closed the socket. An idle keep-alive connection is not counted.
      if (!buffer_.empty()) server_.stats.timed_out.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (ec == asio::error::eof) {
      peer_done_ = true;  // a half-close: what was sent is still answered
    } else if (ec) {
      return;  // reset, cancelled by stop(): the session ends
    }
    buffer_.append(chunk_.data(), n);
    process();
  }

  void process() {
    if (server_.stopping && buffer_.empty()) return;
    ReadResult result = reader_.read(buffer_);
    switch (result.state) {
      case ReadResult::State::incomplete:
        if (!peer_done_) read_more();
        return;
      case ReadResult::State::refused:
        refuse(RefusedRequest{result.status, result.message, 0, nullptr, remote_addr_},
               result.must_close, result.consumed);
        return;
      case ReadResult::State::complete:
        dispatch(std::move(result));
        return;
    }
  }

  void dispatch(ReadResult result) {
    buffer_.erase(0, result.consumed);
    reader_.restart();
    auto request = std::make_shared<HttpRequest>(std::move(result.request));
    request->remote_addr = remote_addr_;
    ++served_;
    ResponseFraming framing;
    framing.keep_alive = result.keep_alive &&
                         served_ < server_.limits.max_requests_per_connection && !server_.stopping;
    framing.head_only = request->method == "HEAD";
    framing.request_version = request->version;

    auto job = [self = shared_from_this(), request, framing,
                guard = asio::make_work_guard(server_.io)]() mutable {
      // The answer is framed here, on the worker, so that the I/O thread only copies bytes out.
      HttpResponse response = self->server_.handlers.serve(*request);
      if (response.close_connection) framing.keep_alive = false;
      std::string bytes = serialize_response(response, framing);
      // `self` moves to the I/O thread: the last reference to a session must drop there.
      const auto executor = self->stream_.get_executor();
      asio::post(executor, [self = std::move(self), bytes = std::move(bytes),
                            keep_alive = framing.keep_alive]() mutable {
        self->send(std::move(bytes), keep_alive);
      });
    };
    if (server_.workers.try_submit(std::move(job))) return;
    server_.stats.rejected.fetch_add(1, std::memory_order_relaxed);
    framing.keep_alive = false;
    write(server_.handlers.refuse(RefusedRequest{503, "the server is overloaded; retry later", 1,
                                                 request.get(), remote_addr_}),
          framing);
  }

  // Answers without a handler. `consumed`: the refused request's bytes, dropped when the
  // connection stays open.
  void refuse(const RefusedRequest& refused, bool must_close, std::size_t consumed) {
    ResponseFraming framing;
    framing.keep_alive = !must_close && !peer_done_ && !server_.stopping;
    if (!must_close) {
      buffer_.erase(0, consumed);
      reader_.restart();
    }
    write(server_.handlers.refuse(refused), framing);
  }

  void write(const HttpResponse& response, ResponseFraming framing) {
    if (response.close_connection) framing.keep_alive = false;
    send(serialize_response(response, framing), framing.keep_alive);
  }

  void send(std::string bytes, bool keep_alive) {
    out_ = std::move(bytes);
    stream_.expires_after(server_.limits.write_timeout);
    asio::async_write(stream_, asio::buffer(out_),
                      [self = shared_from_this(), keep_alive](error_code ec, std::size_t) {
                        self->on_written(ec, keep_alive);
                      });
  }

  void on_written(error_code ec, bool keep_alive) {
    out_.clear();
    if (ec) return;
    if (!keep_alive) {
      linger();
      return;
    }
    stream_.expires_after(server_.limits.request_timeout);
    process();  // a pipelined request may be waiting in the buffer already
  }

  // Half-closes, then drops what the client still sends until it closes too (or kLingerTime).
  void linger() {
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec || peer_done_) return;
    stream_.expires_after(kLingerTime);
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(chunk_),
                            [self = shared_from_this()](error_code ec, std::size_t) {
                              if (!ec) self->drain();
                            });
  }

  beast::tcp_stream stream_;
  ServerCore& server_;
  RequestReader reader_;
  std::array<char, 8192> chunk_{};
  std::string buffer_;  // received, not yet consumed
  std::string out_;     // the response being written
  std::string remote_addr_;
  std::size_t served_ = 0;
  bool reading_ = false;
  bool peer_done_ = false;  // the client half-closed: answer what it sent, then close
};

void ServerCore::accept() {
  acceptor.async_accept([this](error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;
    if (!ec) {
      on_accepted(std::move(socket));
    } else if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
               ec == asio::error::no_memory) {
      accept_backoff.expires_after(kAcceptBackoff);
      accept_backoff.async_wait([this](error_code) {
        if (acceptor.is_open()) accept();
      });
      return;
    }
    accept();
  });
}

void ServerCore::on_accepted(tcp::socket socket) {
  const bool over_limit = sessions.size() >= limits.max_connections;
  auto session = std::make_shared<Session>(std::move(socket), *this);
  if (over_limit) {
    session->turn_away();
  } else {
    session->start();
  }
}

void ServerCore::close_idle_connections() {
  // stop_if_idle() only cancels; sessions leave the set later, from their handlers.
  for (Session* session : sessions)
    session->stop_if_idle();
}

}  // namespace

struct HttpServer::Impl : ServerCore {
  using ServerCore::ServerCore;
};

HttpServer::HttpServer(ConnectionLimits limits, HttpHandlers handlers, ConnectionStats& stats)
    : impl_(std::make_unique<Impl>(limits, std::move(handlers), stats)) {}

HttpServer::~HttpServer() {
  stop();
  impl_->workers.shutdown();
}

int HttpServer::bind(const std::string& host, int port, std::string& error) {
  error_code ec;
  tcp::resolver resolver(impl_->io);
  const auto endpoints = resolver.resolve(
      host, std::to_string(port), tcp::resolver::numeric_service | tcp::resolver::passive, ec);
  if (ec || endpoints.empty()) {
    error = ec ? ec.message() : "no address";
    return -1;
  }
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error = ec.message();
    error_code ignored;
    acceptor.close(ignored);
    return -1;
  }
  return acceptor.local_endpoint().port();
}

bool HttpServer::run() {
  Impl& impl = *impl_;
  if (!impl.acceptor.is_open()) return false;
  impl.running = true;
  if (!impl.stop_requested) impl.accept();
  impl.io.run();
  impl.running = false;
  impl.workers.shutdown();
  return true;
}

void HttpServer::stop() {
  Impl& impl = *impl_;
  if (impl.stop_requested.exchange(true)) return;
  asio::post(impl.io, [&impl] {
    impl.stopping = true;
    error_code ignored;
    impl.acceptor.close(ignored);
    impl.accept_backoff.cancel();
    impl.close_idle_connections();
  });
}

bool HttpServer::is_running() const {
  return impl_->running;
}

}  // namespace folio::server
