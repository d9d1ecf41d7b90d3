// The strict request reader: what it accepts, what it refuses with which status, and how it finds
// request boundaries in a byte stream (pipelining, bodies arriving in pieces).
#include <catch2/catch.hpp>

#include "http/connection/request_reader.hpp"

using folio::server::header_value;
using folio::server::ReadResult;
using folio::server::RequestLimits;
using folio::server::RequestReader;
using State = ReadResult::State;

namespace {

ReadResult read_all(const std::string& bytes, RequestLimits limits = {}) {
  RequestReader reader(limits);
  return reader.read(bytes);
}

int refusal(const std::string& bytes, RequestLimits limits = {}) {
  const ReadResult result = read_all(bytes, limits);
  return result.state == State::refused ? result.status : 0;
}

const std::string kGet = "GET /api/search?q=go HTTP/1.1\r\nHost: x\r\n\r\n";

}  // namespace

TEST_CASE("request reader: a plain GET, its headers and keep-alive") {
  const ReadResult r =
      read_all("GET /a%20b?q=1 HTTP/1.1\r\nHost: example\r\nX-Thing:  v  \r\n\r\n");
  REQUIRE(r.state == State::complete);
  CHECK(r.request.method == "GET");
  CHECK(r.request.target == "/a%20b?q=1");
  CHECK(r.request.version == 11);
  CHECK(header_value(r.request.headers, "host") == "example");
  CHECK(header_value(r.request.headers, "x-thing") == "v");
  CHECK(r.keep_alive);
  CHECK(read_all("GET / HTTP/1.0\r\n\r\n").keep_alive == false);
  CHECK(read_all("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").keep_alive == false);
}

TEST_CASE("request reader: a request arriving byte by byte is complete only at its end") {
  RequestReader reader({});
  const std::string bytes =
      "POST /api/reindex HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO(n);
    REQUIRE(reader.read(bytes.substr(0, n)).state == State::incomplete);
  }
  const ReadResult r = reader.read(bytes);
  REQUIRE(r.state == State::complete);
  CHECK(r.request.body == "hello");
  CHECK(r.consumed == bytes.size());
}

TEST_CASE("request reader: pipelined requests are read one at a time, in order") {
  const std::string two = kGet + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  RequestReader reader({});
  const ReadResult first = reader.read(two);
  REQUIRE(first.state == State::complete);
  CHECK(first.request.target == "/api/search?q=go");
  reader.restart();
  const ReadResult second = reader.read(std::string_view(two).substr(first.consumed));
  REQUIRE(second.state == State::complete);
  CHECK(second.request.target == "/healthz");
  CHECK(first.consumed + second.consumed == two.size());
}

TEST_CASE("request reader: empty lines before a request line are skipped") {
  const ReadResult r = read_all("\r\n\r\n" + kGet);
  REQUIRE(r.state == State::complete);
  CHECK(r.consumed == 4 + kGet.size());
}

TEST_CASE("request reader: malformed heads are 400") {
  CHECK(refusal("HELLO\r\n\r\n") == 400);
  CHECK(refusal("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\nHost: x\n\n") == 400);                              // bare LF
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n") == 400);  // obs-fold
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") ==
        400);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx") ==
        400);
  CHECK(refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ab\r\n\r\n") == 400);
  CHECK(refusal("GET / HTTP/1.1\r\n\r\n") == 400);                        // no Host
  CHECK(refusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400);  // two Hosts
  CHECK(refusal("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n") == 400);     // not a path
  std::string nul = "GET / HTTP/1.1\r\nHost: x\r\nX-A: a";
  nul += '\0';
  nul += "b\r\n\r\n";
  CHECK(refusal(nul) == 400);
}

TEST_CASE("request reader: unknown methods are 501; chunked bodies 411") {
  CHECK(refusal("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n") == 501);
  CHECK(refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") ==
        411);
  const ReadResult trace = read_all("TRACE / HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(trace.state == State::complete);  // a known method: the routes answer 405
}

TEST_CASE("request reader: limits on the request line, the head and the body") {
  RequestLimits limits;
  CHECK(refusal("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n") == 414);
  CHECK(refusal("GET /" + std::string(9000, 'a')) == 414);  // known before the line ends
  std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 101; ++i)
    many += "X-" + std::to_string(i) + ": 1\r\n";
  CHECK(refusal(many + "\r\n") == 431);
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(40000, 'a') + "\r\n\r\n") == 431);
  // Endless headers are refused once the limit is passed, without waiting for their end.
  CHECK(refusal("GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(40000, 'a')) == 431);

  limits.max_body_bytes = 10;
  limits.max_discarded_body_bytes = 100;
  const std::string over = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n";
  // Over the limit but within what is dropped: read whole, refused, the connection kept.
  CHECK(read_all(over, limits).state == State::incomplete);
  const ReadResult dropped = read_all(over + std::string(50, 'b') + kGet, limits);
  REQUIRE(dropped.state == State::refused);
  CHECK(dropped.status == 413);
  CHECK_FALSE(dropped.must_close);
  CHECK(dropped.consumed == over.size() + 50);
  // Far over: refused at once, the connection closed.
  const ReadResult huge =
      read_all("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n", limits);
  REQUIRE(huge.state == State::refused);
  CHECK(huge.status == 413);
  CHECK(huge.must_close);
}
