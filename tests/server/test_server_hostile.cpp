// Hostile and malformed requests: each gets its 4xx (never a 500, never a crash) and the server
// keeps answering.
#include <catch2/catch.hpp>

#include "server/server_fixture.hpp"

using namespace folio::test;

namespace {

folio::server::AppOptions hostile_options() {
  auto options = test_options(sample_index_path());
  options.server.max_body_bytes = 64 * 1024;
  return options;
}

std::string get(const std::string& target, const std::string& extra_headers = {}) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra_headers +
         "\r\n";
}

std::string request(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& extra_headers = {}) {
  return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
         "Content-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
}

}  // namespace

TEST_CASE("server hostile: each bad request gets its 4xx and the server stays up") {
  TestServer server(hostile_options());
  struct Case {
    const char* name;
    std::string bytes;
    int status;
  };
  const std::string big_header = "X-Padding: " + std::string(100 * 1024, 'a') + "\r\n";
  std::string many_headers;
  for (int i = 0; i < 100; ++i)
    many_headers += "X-H" + std::to_string(i) + ": " + std::string(1000, 'b') + "\r\n";
  const std::vector<Case> cases = {
      {"bad percent-encoding in a value", get("/api/search?q=%zz"), 400},
      {"truncated percent-encoding", get("/api/search?q=abc%4"), 400},
      {"invalid UTF-8", get("/api/search?q=%C3%28"), 400},
      {"raw invalid UTF-8 bytes", get("/api/search?q=\xFF\xFE"), 400},
      {"NUL byte in a value", get("/api/search?q=a%00b"), 400},
      {"NUL byte in the path", get("/api/articles/a%00b"), 400},
      {"bad percent-encoding in the path", get("/api/articles/%G0"), 400},
      {"huge page", get("/api/search?page=99999999999999999999999"), 400},
      {"negative per_page", get("/api/search?per_page=-5"), 400},
      {"per_page over 100", get("/api/search?per_page=101"), 400},
      {"page past the depth limit", get("/api/search?page=1000"), 400},
      {"repeated q", get("/api/search?q=a&q=b"), 400},
      {"repeated page", get("/api/search?page=1&page=2"), 400},
      {"query over 512 characters", get("/api/search?q=" + std::string(600, 'x')), 400},
      {"bad sort", get("/api/search?sort=%27%3B--"), 400},
      {"bad date", get("/api/search?from=2024-02-31"), 400},
      {"100 KB header line", get("/api/search?q=go", big_header), 400},
      {"100 KB of headers", get("/api/search?q=go", many_headers), 431},
      {"unknown route", get("/api/nothing"), 404},
      {"unknown top-level path", get("/wp-login.php"), 404},
      {"wrong method on a GET route", request("POST", "/api/search", "{}"), 405},
      {"DELETE on a GET route", request("DELETE", "/api/search", ""), 405},
      {"PUT on an unknown path", request("PUT", "/nothing", "x"), 404},
      {"reindex without a token configured", request("POST", "/api/reindex", ""), 404},
      {"body over the limit", request("POST", "/api/search", std::string(100 * 1024, 'x')), 413},
      {"huge declared body",
       "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\nabc", 413},
      {"chunked body",
       "POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411},
      {"GET with a body", request("GET", "/api/search", "hello"), 400},
      {"bad Content-Length", "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: ab\r\n\r\n",
       400},
      {"URI over 8 KB", get("/api/search?q=" + std::string(9000, 'a')), 414},
      {"garbage request line", "HELLO\r\n\r\n", 400},
      {"unknown method", "BREW /api/search HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"TRACE", "TRACE /api/search HTTP/1.1\r\nHost: x\r\n\r\n", 405},
      {"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400},
      {"bad Range header", get("/folio.js", "Range: bytes=zz\r\n"), 416},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const RawResponse response = raw_request(server.port(), c.bytes);
    CHECK(response.status == c.status);
    if (response.status >= 400 && response.status != 414) {
      const auto body = nlohmann::json::parse(response.body, nullptr, false);
      INFO(response.body);
      CHECK(body.contains("error"));
    }
    // Still up, and still answering correctly.
    CHECK(get_json(server, "/healthz").status == 200);
  }
}

TEST_CASE("server hostile: byte ranges are answered in full, never multiplied") {
  TestServer server(hostile_options());
  std::string ranges = "Range: bytes=0-0";
  for (int i = 1; i < 700; ++i) {  // a header line under 8 KB
    // Appended piece by piece: GCC 12 in Release warns falsely about "literal" + std::string.
    ranges += ',';
    ranges += std::to_string(i);
    ranges += '-';
    ranges += std::to_string(i);
  }
  ranges += "\r\n";
  for (const std::string target : {"/api/search?q=go", "/folio.js", "/"}) {
    INFO(target);
    const RawResponse plain = raw_request(server.port(), get(target));
    const RawResponse ranged = raw_request(server.port(), get(target, ranges));
    REQUIRE(plain.status == 200);
    CHECK(ranged.status == 200);
    CHECK(ranged.head.find("multipart/byteranges") == std::string::npos);
    CHECK(ranged.body.size() <= plain.body.size() + 64);  // took_ms may differ in length
  }
}

TEST_CASE("server hostile: a request for another host name is refused (DNS rebinding)") {
  TestServer server(hostile_options());  // listens on 127.0.0.1
  const std::string port = std::to_string(server.port());
  const std::string evil = std::string("GET /api/search?q=go HTTP/1.1\r\nHost: evil.example:") +
                           port + "\r\nOrigin: http://evil.example:" + port +
                           "\r\nConnection: close\r\n\r\n";
  const RawResponse refused = raw_request(server.port(), evil);
  CHECK(refused.status == 421);
  CHECK(refused.head.find("Access-Control-Allow-Origin") == std::string::npos);
  CHECK(refused.body.find("allowed_hosts") != std::string::npos);
  const std::string preflight =
      "OPTIONS /api/search HTTP/1.1\r\nHost: evil.example\r\n"
      "Origin: http://evil.example\r\nConnection: close\r\n\r\n";
  CHECK(raw_request(server.port(), preflight).status == 421);
  // The server's own names, and a localhost page, are served.
  const RawResponse local = raw_request(
      server.port(), std::string("GET /api/search?q=go HTTP/1.1\r\nHost: localhost:") + port +
                         "\r\nOrigin: http://localhost:1313\r\nConnection: close\r\n\r\n");
  CHECK(local.status == 200);
  CHECK(local.head.find("Access-Control-Allow-Origin: http://localhost:1313") != std::string::npos);
}

TEST_CASE("server hostile: 400s name the bad parameter") {
  TestServer server(hostile_options());
  const auto r = get_json(server, "/api/search?per_page=1000");
  REQUIRE(r.status == 400);
  CHECK(r.body["error"]["code"] == "bad_parameter");
  CHECK(r.body["error"]["param"] == "per_page");
  CHECK(r.body["error"]["message"].get<std::string>().find("per_page") != std::string::npos);
  // An error of the query language names q, with the bad value.
  const auto date = get_json(server, "/api/search?q=go+date:2025-02-30");
  REQUIRE(date.status == 400);
  CHECK(date.body["error"]["param"] == "q");
  CHECK(date.body["error"]["message"].get<std::string>().find("2025-02-30") != std::string::npos);
}

TEST_CASE("server hostile: 405 lists the allowed methods") {
  TestServer server(hostile_options());
  auto client = server.client();
  auto r = client.Post("/healthz", "x", "text/plain");
  REQUIRE(r);
  CHECK(r->status == 405);
  CHECK(r->get_header_value("Allow") == "GET, HEAD, OPTIONS");
}

TEST_CASE("server hostile: a connection survives a rejected request (keep-alive)") {
  TestServer server(hostile_options());
  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  client.set_url_encode(false);
  for (int i = 0; i < 3; ++i) {
    auto bad = client.Get("/api/search?page=0");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    auto big = client.Post("/api/search", std::string(80 * 1024, 'x'), "text/plain");
    REQUIRE(big);
    CHECK(big->status == 413);
    auto good = client.Get("/healthz");
    REQUIRE(good);
    CHECK(good->status == 200);
  }
}

TEST_CASE("server hostile: a slow client is cut off by the read timeout, others are served") {
  TestServer server([] {
    auto options = test_options(sample_index_path());
    options.server.read_timeout_seconds = 1;
    return options;
  }());
  // Half a request line, then silence: the server must give up on it, not hang a worker forever.
  const RawResponse slow = raw_request(server.port(), "GET /api/sea");
  CHECK(slow.status == 0);
  CHECK(get_json(server, "/healthz").status == 200);
}
