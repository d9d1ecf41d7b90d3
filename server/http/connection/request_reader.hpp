// Reads HTTP/1.1 requests out of the bytes a connection has received, strictly (RFC 9112): one
// request line, CRLF line ends, no obsolete line folding, header names without whitespace, at most
// one Content-Length, no Transfer-Encoding (bodies are small; 411 asks for a length), exactly one
// Host on HTTP/1.1, and limits on the request line, the head and the body. Boost.Beast parses the
// head; the screening around it adds what Beast accepts but this server must not.
//
// It never blocks and keeps nothing but a scan position: the connection calls read() with every
// unconsumed byte it holds, each time more arrive, and drops `consumed` bytes once a request is
// served. Bytes after a request are the next request (pipelining).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "http/connection/http_message.hpp"

namespace folio::server {

struct RequestLimits {
  std::size_t max_request_line = 8 * 1024;  // 414 past it
  std::size_t max_head_bytes = 32 * 1024;   // request line and headers; 431 past it
  std::size_t max_header_count = 100;       // 431 past it
  std::size_t max_body_bytes = 64 * 1024;   // 413 past it
  // Bodies up to this much over the limit are read and dropped, so that the 413 leaves the
  // connection usable; larger ones are refused at once and the connection closed. Small: a
  // connection holds a body whole until it is dropped, and thousands may be open.
  std::size_t max_discarded_body_bytes = 64 * 1024;
};

struct ReadResult {
  enum class State {
    incomplete,  // need more bytes
    complete,    // `request` is ready
    refused,     // answer `status` with `message`
  };
  State state = State::incomplete;
  std::size_t consumed = 0;  // bytes the request took (complete, or refused with !must_close)
  HttpRequest request;       // complete: method, target, version, headers, body
  bool keep_alive = false;   // complete: the client allows another request on the connection
  int status = 0;            // refused
  std::string message;       // refused: why, for the client
  bool must_close = true;    // refused: false only when the whole request was read and dropped
};

class RequestReader {
 public:
  explicit RequestReader(RequestLimits limits) : limits_(limits) {}

  // `received` starts at the first unconsumed byte of the connection.
  ReadResult read(std::string_view received);
  // After a request was consumed: the next one starts at the front again.
  void restart() { scanned_ = 0; }

 private:
  RequestLimits limits_;
  std::size_t scanned_ = 0;  // bytes known to hold no end of head
};

}  // namespace folio::server
