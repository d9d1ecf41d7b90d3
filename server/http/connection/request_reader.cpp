#include "http/connection/request_reader.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include <algorithm>
#include <limits>
#include <optional>

namespace folio::server {
namespace {

namespace http = boost::beast::http;

ReadResult refuse(int status, std::string message, bool must_close = true,
                  std::size_t consumed = 0) {
  ReadResult result;
  result.state = ReadResult::State::refused;
  result.status = status;
  result.message = std::move(message);
  result.must_close = must_close;
  result.consumed = consumed;
  return result;
}

// Empty lines before a request line are skipped (RFC 9112, 2.2): some clients send a CRLF after
// a body.
std::size_t leading_empty_lines(std::string_view bytes) {
  std::size_t at = 0;
  while (bytes.substr(at, 2) == "\r\n")
    at += 2;
  return at;
}

// What Beast's parser accepts but this server refuses, over a complete head (its final CRLF CRLF
// included). Empty when the head passes.
std::optional<ReadResult> screen_head(std::string_view head, const RequestLimits& limits) {
  std::size_t lines = 0;
  for (std::size_t at = 0; at < head.size();) {
    const std::size_t end = head.find('\n', at);
    if (end == std::string_view::npos || end == at || head[end - 1] != '\r') {
      return refuse(400, "each line of the request head must end with CRLF");
    }
    const std::string_view line = head.substr(at, end - 1 - at);
    if (line.find('\0') != std::string_view::npos) {
      return refuse(400, "a NUL byte in the request head");
    }
    if (lines > 0 && !line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      return refuse(400, "obsolete line folding in a header is not accepted");
    }
    if (!line.empty() && ++lines > limits.max_header_count + 1) {
      return refuse(431, "too many request headers");
    }
    at = end + 1;
  }
  return std::nullopt;
}

bool known_method(const http::request_parser<http::empty_body>& parser) {
  return parser.get().method() != http::verb::unknown;
}

ReadResult from_parser(http::request_parser<http::empty_body>& parser) {
  ReadResult result;
  const auto& header = parser.get();
  result.request.method = std::string(header.method_string());
  result.request.target = std::string(header.target());
  result.request.version = static_cast<int>(header.version());
  std::size_t hosts = 0;
  std::size_t lengths = 0;
  for (const auto& field : header) {
    result.request.headers.emplace_back(std::string(field.name_string()),
                                        std::string(field.value()));
    if (field.name() == http::field::host) ++hosts;
    if (field.name() == http::field::content_length) ++lengths;
  }
  // Beast refuses two different lengths; equal ones are refused too (RFC 9112, 6.3: a recipient
  // may, and a strict server should, since proxies may read either).
  if (lengths > 1) return refuse(400, "more than one Content-Length header");
  if (result.request.version == 11 && hosts != 1) {
    return refuse(400, "an HTTP/1.1 request has exactly one Host header");
  }
  if (hosts > 1) return refuse(400, "more than one Host header");
  result.keep_alive = parser.keep_alive();
  return result;
}

std::optional<ReadResult> check_request_line(const ReadResult& parsed) {
  const HttpRequest& request = parsed.request;
  if (request.version != 10 && request.version != 11) {
    return refuse(400, "only HTTP/1.0 and HTTP/1.1 are served");
  }
  const bool asterisk = request.target == "*" && request.method == "OPTIONS";
  if (!asterisk && (request.target.empty() || request.target.front() != '/')) {
    return refuse(400, "the request target must be a path");
  }
  return std::nullopt;
}

}  // namespace

ReadResult RequestReader::read(std::string_view received) {
  const std::size_t skipped = leading_empty_lines(received);
  const std::string_view bytes = received.substr(skipped);
  const std::size_t line_end = bytes.find("\r\n");
  if (line_end == std::string_view::npos ? bytes.size() > limits_.max_request_line
                                         : line_end > limits_.max_request_line) {
    return refuse(414, "the request line is too long");
  }
  const std::size_t from = std::min(scanned_ > 3 ? scanned_ - 3 : 0, bytes.size());
  const std::size_t head_end = bytes.find("\r\n\r\n", from);
  if (head_end == std::string_view::npos) {
    if (bytes.size() > limits_.max_head_bytes) {
      return refuse(431, "the request headers are too large");
    }
    // A head with bare LF line ends would never show its end: refuse it as soon as one is seen.
    for (std::size_t at = bytes.find('\n', from); at != std::string_view::npos;
         at = bytes.find('\n', at + 1)) {
      if (at == 0 || bytes[at - 1] != '\r') {
        return refuse(400, "each line of the request head must end with CRLF");
      }
    }
    scanned_ = bytes.size();
    ReadResult waiting;
    waiting.consumed = skipped;
    return waiting;
  }
  const std::string_view head = bytes.substr(0, head_end + 4);
  if (head.size() > limits_.max_head_bytes) return refuse(431, "the request headers are too large");
  if (auto refused = screen_head(head, limits_)) return *refused;

  http::request_parser<http::empty_body> parser;
  parser.eager(false);
  parser.header_limit(static_cast<std::uint32_t>(limits_.max_head_bytes + 1));
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());  // the limits are checked below
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(head.data(), head.size()), ec);
  if (ec == http::error::header_limit) return refuse(431, "the request headers are too large");
  if (ec || !parser.is_header_done()) return refuse(400, "malformed request: " + ec.message());
  if (!known_method(parser)) return refuse(501, "unknown request method");

  ReadResult result = from_parser(parser);
  if (result.state == ReadResult::State::refused) return result;
  if (auto refused = check_request_line(result)) return *refused;
  if (has_header(result.request.headers, "Transfer-Encoding")) {
    return refuse(411, "send the body with a Content-Length");
  }
  const std::size_t length = static_cast<std::size_t>(parser.content_length().value_or(0));
  if (length > limits_.max_body_bytes + limits_.max_discarded_body_bytes) {
    return refuse(413, "the request body is too large");
  }
  const std::size_t total = head.size() + length;
  if (bytes.size() < total) {
    ReadResult waiting;  // the head is known good; the body is still coming
    waiting.consumed = skipped;
    return waiting;
  }
  if (length > limits_.max_body_bytes) {
    return refuse(413, "the request body is too large", false, skipped + total);
  }
  result.request.body.assign(bytes.substr(head.size(), length));
  result.state = ReadResult::State::complete;
  result.consumed = skipped + total;
  return result;
}

}  // namespace folio::server
