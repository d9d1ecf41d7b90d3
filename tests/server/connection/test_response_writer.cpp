// Responses as bytes: framing headers, HEAD, bodiless statuses, header injection, and gzip.
#include <catch2/catch.hpp>

#include <zlib.h>

#include "http/connection/compression.hpp"
#include "http/connection/response_writer.hpp"

using folio::server::HttpResponse;
using folio::server::ResponseFraming;
using folio::server::serialize_response;

namespace {

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&stream, Z_FINISH);
  inflateEnd(&stream);
  REQUIRE(status == Z_STREAM_END);
  out.resize(stream.total_out);
  return out;
}

}  // namespace

TEST_CASE("response writer: status line, headers, length and body") {
  HttpResponse response;
  response.status = 404;
  response.set_header("Content-Type", "application/json");
  response.body = "{}";
  CHECK(serialize_response(response, {}) ==
        "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
  ResponseFraming closing;
  closing.keep_alive = false;
  CHECK(serialize_response(response, closing).find("Connection: close\r\n") != std::string::npos);
  ResponseFraming old_client;
  old_client.request_version = 10;
  CHECK(serialize_response(response, old_client).find("Connection: keep-alive\r\n") !=
        std::string::npos);
}

TEST_CASE("response writer: HEAD keeps the length, drops the body; 204 and 304 have neither") {
  HttpResponse response;
  response.body = "hello";
  ResponseFraming head;
  head.head_only = true;
  const std::string bytes = serialize_response(response, head);
  CHECK(bytes.find("Content-Length: 5\r\n") != std::string::npos);
  CHECK(bytes.substr(bytes.size() - 4) == "\r\n\r\n");
  response.status = 304;
  CHECK(serialize_response(response, {}) == "HTTP/1.1 304 Not Modified\r\n\r\n");
}

TEST_CASE("response writer: a header holding CR or LF, or a framing header, is not sent") {
  HttpResponse response;
  response.set_header("X-Evil", "a\r\nSet-Cookie: b");
  response.set_header("Content-Length", "999");
  response.set_header("X-Good", "yes");
  const std::string bytes = serialize_response(response, {});
  CHECK(bytes.find("Set-Cookie") == std::string::npos);
  CHECK(bytes.find("999") == std::string::npos);
  CHECK(bytes.find("X-Good: yes\r\n") != std::string::npos);
}

TEST_CASE("compression: Accept-Encoding, worthwhile bodies, and a round trip") {
  using folio::server::accepts_gzip;
  CHECK(accepts_gzip("gzip, deflate, br"));
  CHECK(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  CHECK(accepts_gzip("*"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("br, deflate"));
  CHECK_FALSE(accepts_gzip("gzipped"));
  CHECK_FALSE(accepts_gzip(""));

  HttpResponse json;
  json.set_header("Content-Type", "application/json");
  json.body = std::string(5000, 'a');
  folio::server::compress_if_worthwhile(json);
  CHECK(json.header("Content-Encoding") == "gzip");
  CHECK(json.body.size() < 200);
  CHECK(gunzip(json.body) == std::string(5000, 'a'));

  HttpResponse small;
  small.set_header("Content-Type", "application/json");
  small.body = "{}";
  folio::server::compress_if_worthwhile(small);
  CHECK(small.header("Content-Encoding").empty());
}
