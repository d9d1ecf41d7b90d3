// The server's building blocks on their own: parameter parsing, UTF-8, CORS, the rate limiter, the
// JSON mapping and the metrics text.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "folio/utf8.hpp"
#include "folio_api/params.hpp"
#include "folio_json/json_mapping.hpp"
#include "http/cors.hpp"
#include "http/host_policy.hpp"
#include "http/http_support.hpp"
#include "http/metrics.hpp"
#include "http/rate_limiter.hpp"

using namespace folio;
using namespace folio::server;

namespace {

// The parameter named by the 400 a query string produces, or "" when it parses.
std::string rejected_param(const std::string& query) {
  try {
    SearchSettings settings;
    SearchParamRules rules{&settings, {"topics"}};
    parse_search_request(QueryParams::parse(query), rules);
    return "";
  } catch (const ApiError& e) {
    CHECK(e.status() == 400);
    CHECK(e.code() == "bad_parameter");
    return e.param();
  }
}

SearchRequest parsed(const std::string& query) {
  SearchSettings settings;
  SearchParamRules rules{&settings, {"topics"}};
  return parse_search_request(QueryParams::parse(query), rules);
}

}  // namespace

TEST_CASE("server params: bad query strings are 400s naming the parameter") {
  struct Case {
    const char* query;
    const char* param;
  };
  const Case cases[] = {
      {"page=0", "page"},
      {"page=-1", "page"},
      {"page=+1", "page"},
      {"page=1.5", "page"},
      {"page=99999999999999999999", "page"},
      {"page=101", "page"},
      {"page=1&page=2", "page"},
      {"per_page=101", "per_page"},
      {"per_page=abc", "per_page"},
      {"per_page=%201", "per_page"},
      {"q=a&q=b", "q"},
      {"q=%zz", "q"},
      {"q=%4", "q"},
      {"q=%", "q"},
      {"q=%00", "q"},
      {"q=%C3%28", "q"},
      {"q=%ED%A0%80", "q"},  // a UTF-16 surrogate
      {"q=%C0%AF", "q"},     // overlong
      {"sort=best", "sort"},
      {"from=2024-13-01", "from"},
      {"from=2024-02-30", "from"},
      {"to=yesterday", "to"},
      {"from=2024-05-01&to=2024-04-01", "to"},
      {"year=twenty", "year"},
      {"year=-5", "year"},
      {"facets=colour", "facets"},
      {"facet_limit=0", "facet_limit"},
      {"snippet=100000", "snippet"},
      {"ta%zzgs=Go", "query"},
      {"locale=de%20DE", "locale"},
      {"locale=de&locale=fr", "locale"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(rejected_param(c.query) == c.param);
  }
}

TEST_CASE("server params: a long query is refused by characters, not bytes") {
  SearchSettings settings;
  settings.max_query_length = 4;
  const auto text = [&](const std::string& q) {
    return parse_query_text(QueryParams::parse("q=" + q), settings);
  };
  CHECK(text("%C3%A9t%C3%A9s") == "\xC3\xA9t\xC3\xA9s");  // 4 characters, 6 bytes
  CHECK_THROWS_AS(text("abcde"), ApiError);
}

TEST_CASE("server params: a full search request") {
  const SearchRequest request = parsed(
      "q=go+concurrency&tags=Go&tag=Rust,Kafka&category=Guides&year=2025&from=2025-01-01"
      "&to=2025-12-31&sort=newest&page=2&per_page=20&facets=tags,year&facet_limit=5&snippet=0"
      "&topics=Streams&unknown=ignored&lang=&locale=pt-BR");
  CHECK(request.language == "pt-br");
  CHECK(request.query == "go concurrency");
  REQUIRE(request.filters.size() == 4);
  CHECK(request.filters[0].field == "tags");
  CHECK(request.filters[0].values == std::vector<std::string>{"Go", "Rust", "Kafka"});
  CHECK(request.filters[1].field == "categories");
  CHECK(request.filters[2].field == "year");
  CHECK(request.filters[3].field == "topics");
  REQUIRE(request.date_ranges.size() == 1);
  CHECK(*request.date_ranges[0].from == 1735689600);  // 2025-01-01T00:00:00Z
  CHECK(*request.date_ranges[0].to == 1767225599);    // 2025-12-31T23:59:59Z
  CHECK(request.sort == SortOrder::newest);
  CHECK(request.page == 2);
  CHECK(request.page_size == 20);
  CHECK(request.snippet_length == 0);
  REQUIRE(request.facets.size() == 2);
  CHECK(request.facets[0].field == "tags");
  CHECK(request.facets[1].limit == 5);
}

TEST_CASE("server params: defaults, empty values and facets=none") {
  SECTION("nothing given") {
    const SearchRequest request = parsed("");
    CHECK(request.query.empty());
    CHECK(request.page == 1);
    CHECK(request.page_size == 10);
    CHECK(request.facets.size() == 3);
  }
  SECTION("empty values count as absent") {
    const SearchRequest request = parsed("q=&page=&sort=&tags=&from=&to=");
    CHECK(request.page == 1);
    CHECK(request.filters.empty());
    CHECK(request.date_ranges.empty());
  }
  SECTION("facets=none") {
    CHECK(parsed("facets=none").facets.empty());
  }
}

TEST_CASE("server params: split_target decodes the path strictly") {
  CHECK(split_target("/api/articles/posts/a%20b?q=x").path == "/api/articles/posts/a b");
  CHECK(split_target("/api/search?q=x#frag").query == "q=x");
  CHECK(split_target("/a+b").path == "/a+b");
  CHECK_THROWS_AS(split_target("/api/articles/%zz"), ApiError);
  CHECK_THROWS_AS(split_target("/api/articles/%00"), ApiError);
  CHECK_THROWS_AS(split_target("/api/articles/%FF"), ApiError);
}

TEST_CASE("server cors: default and configured origins") {
  SECTION("default: localhost on any port") {
    CorsPolicy policy({});
    CHECK(policy.allows("http://localhost:1313"));
    CHECK(policy.allows("http://127.0.0.1:8000"));
    CHECK(policy.allows("http://localhost"));
    CHECK_FALSE(policy.allows("http://localhost.evil.com"));
    CHECK_FALSE(policy.allows("http://localhost:12ab"));
    CHECK_FALSE(policy.allows("https://example.com"));
  }
  SECTION("configured") {
    CorsPolicy policy({"https://example.com"});
    CHECK(policy.allows("https://example.com"));
    CHECK_FALSE(policy.allows("https://example.com:8443"));
    CHECK_FALSE(policy.allows("http://localhost:1313"));
  }
  SECTION("everything") {
    CHECK(CorsPolicy({"*"}).allows("https://anything.example"));
  }
}

TEST_CASE("server hosts: a loopback server answers to loopback names only, unless configured") {
  using folio::server::HostPolicy;
  SECTION("loopback, by default") {
    HostPolicy policy("127.0.0.1:8080", {}, {});
    CHECK(policy.allows("127.0.0.1:8080"));
    CHECK(policy.allows("localhost:8080"));
    CHECK(policy.allows("LOCALHOST"));
    CHECK(policy.allows("[::1]:8080"));
    CHECK(policy.allows(""));  // HTTP/1.0
    CHECK_FALSE(policy.allows("evil.example"));
    CHECK_FALSE(policy.allows("evil.example:8080"));
    CHECK_FALSE(policy.allows("localhost.evil.example"));
    CHECK_FALSE(policy.allows("127.0.0.1.nip.io"));
  }
  SECTION("loopback, with CORS origins: their hosts too") {
    HostPolicy policy("[::1]:8080", {}, {"https://docs.example.org", "http://localhost:*"});
    CHECK(policy.allows("docs.example.org"));
    CHECK_FALSE(policy.allows("example.org"));
  }
  SECTION("another address: any name, unless configured") {
    CHECK(HostPolicy("0.0.0.0:8080", {}, {}).allows("search.example.com"));
    HostPolicy configured("0.0.0.0:8080", {"search.example.com"}, {});
    CHECK(configured.allows("Search.Example.com:443"));
    CHECK_FALSE(configured.allows("evil.example"));
    CHECK(HostPolicy("127.0.0.1:8080", {"*"}, {}).allows("anything.example"));
  }
  CHECK(folio::server::host_name_of("[::1]:80") == "[::1]");
}

TEST_CASE("server rate limiter: a burst, then refusals with Retry-After, then refills") {
  RateLimiter limiter(RateLimitOptions{2.0, 3, 64});
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i)
    CHECK(limiter.take("10.0.0.1", t0).allowed);
  const RateDecision refused = limiter.take("10.0.0.1", t0);
  CHECK_FALSE(refused.allowed);
  CHECK(refused.retry_after_seconds >= 1);
  CHECK(limiter.take("10.0.0.2", t0).allowed);  // another client has its own bucket
  CHECK(limiter.take("10.0.0.1", t0 + std::chrono::milliseconds(600)).allowed);
}

TEST_CASE("server rate limiter: the client map stays bounded") {
  RateLimiter limiter(RateLimitOptions{1.0, 1, 64});
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 10000; ++i)
    limiter.take("client-" + std::to_string(i), t0);
  CHECK(limiter.tracked_clients() <= 64);
}

TEST_CASE("server rate limiter: disabled with a zero rate") {
  RateLimiter limiter(RateLimitOptions{0.0, 1, 64});
  for (int i = 0; i < 100; ++i)
    CHECK(limiter.take("x").allowed);
}

TEST_CASE("server json: search results have the documented shape") {
  SearchResults results;
  results.query = "go";
  results.total = 1;
  results.took_ms = 0.41234;
  Hit hit;
  hit.id = "posts/go-vs-rust";
  hit.url = "/posts/go-vs-rust/";
  hit.title = "<mark>Go</mark> vs Rust";
  hit.date = 1769453600;
  hit.tags = {"Go", "Rust"};
  hit.section =
      SectionMatch{"Quick Verdict", "quick-verdict", "/posts/go-vs-rust/#quick-verdict", {}};
  hit.sections = {SectionMatch{"Quick Verdict", "quick-verdict", "/posts/go-vs-rust/#quick-verdict",
                               "<mark>Go</mark> wins"}};
  results.hits.push_back(hit);
  FacetResult tags{"tags", {FacetValue{"Go", "go", 4, true}}, 2};
  results.facets.push_back(tags);

  const auto json = nlohmann::json::parse(json_mapping::search_results_json(results));
  CHECK(json["query"] == "go");
  CHECK(json["per_page"] == 10);
  CHECK(json["took_ms"] == Approx(0.41));
  CHECK(json["corrected_query"].is_null());
  CHECK(json["hits"][0]["date"] == "2026-01-26");
  CHECK(json["hits"][0]["lastmod"].is_null());
  CHECK(json["hits"][0]["section"]["anchor"] == "quick-verdict");
  CHECK(json["hits"][0]["section"].size() == 3);  // no snippet of its own: it is the hit's
  CHECK(json["hits"][0]["sections"][0]["url"] == "/posts/go-vs-rust/#quick-verdict");
  CHECK(json["hits"][0]["sections"][0]["snippet"] == "<mark>Go</mark> wins");
  CHECK(json["facets"]["tags"]["values"][0]["selected"] == true);
  CHECK(json["facets"]["tags"]["other"] == 2);
}

TEST_CASE("server json: every string comes back as written, escaped or made valid UTF-8") {
  static constexpr char kControls[] = "nul \0 bell \a tab \t newline \n";
  const std::string controls(kControls, sizeof kControls - 1);
  const std::vector<std::string> written = {
      "",
      "plain",
      "quote \" backslash \\ slash / <mark>",
      controls,
      "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 and a longer run of text past sixteen "
      "bytes \"",
      std::string(100, '\x1F') + std::string(40, 'x') + "\\",
  };
  for (const auto& text : written) {
    SearchResults results;
    results.query = text;
    Hit hit;
    hit.snippet = text;
    hit.tags = {text, "x"};
    results.hits.push_back(hit);
    results.facets.push_back(FacetResult{"tags", {FacetValue{text, text, 1, false}}, 0});
    const auto json = nlohmann::json::parse(json_mapping::search_results_json(results));
    CHECK(json["query"] == text);
    CHECK(json["hits"][0]["snippet"] == text);
    CHECK(json["hits"][0]["tags"][0] == text);
    CHECK(json["facets"]["tags"]["values"][0]["value"] == text);
  }
  SECTION("invalid UTF-8 becomes U+FFFD rather than invalid JSON") {
    const auto json =
        nlohmann::json::parse(json_mapping::suggestions_json("a\xFF"
                                                             "b",
                                                             {}));
    CHECK(json["query"] ==
          "a\xEF\xBF\xBD"
          "b");
  }
  SECTION("non-finite scores are written as 0") {
    SearchResults results;
    results.took_ms = std::nan("");
    results.hits.push_back(Hit{});
    results.hits[0].score = HUGE_VAL;
    const auto json = nlohmann::json::parse(json_mapping::search_results_json(results));
    CHECK(json["took_ms"] == 0);
    CHECK(json["hits"][0]["score"] == 0);
  }
}

// JSON's escapes as RFC 8259 gives them, in the forms RapidJSON's Writer writes: the short ones
// where there is one, else \u00XX with capital hex digits.
std::string reference_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += "0123456789ABCDEF"[byte >> 4];
          out += "0123456789ABCDEF"[byte & 15];
        } else {
          out += c;
        }
    }
  }
  return out;
}

TEST_CASE("server json: each byte is escaped exactly as JSON requires, wherever it falls") {
  // Every ASCII byte at every place of a 16-byte block and of the tail after the last block,
  // among plain text and among non-ASCII text (bytes above 0x7F: negative as signed chars).
  struct Filler {
    std::string text;
    std::size_t step;  // between the places a byte can go without splitting a character
  };
  for (const Filler& filler : {Filler{std::string(34, 'x'), 1}, Filler{"\xC3\xA9", 2}}) {
    std::string surrounding;
    while (surrounding.size() < 34)
      surrounding += filler.text;
    for (int byte = 0; byte < 0x80; ++byte) {
      for (std::size_t at = 0; at <= surrounding.size(); at += filler.step) {
        std::string text = surrounding;
        text.insert(at, 1, static_cast<char>(byte));
        INFO("byte " << byte << " at " << at);
        CHECK(json_mapping::suggestions_json(text, {}) ==
              "{\"query\":\"" + reference_escape(text) + "\",\"suggestions\":[]}");
      }
    }
  }
  // Strings shorter than a block, each byte at each place.
  for (std::size_t size = 0; size < 17; ++size) {
    for (int byte = 0; byte < 0x80; ++byte) {
      for (std::size_t at = 0; at <= size; ++at) {
        std::string text(size, 'x');
        text.insert(at, 1, static_cast<char>(byte));
        INFO("byte " << byte << " at " << at << " of " << text.size());
        CHECK(json_mapping::suggestions_json(text, {}) ==
              "{\"query\":\"" + reference_escape(text) + "\",\"suggestions\":[]}");
      }
    }
  }
}

TEST_CASE("server json: invalid UTF-8 anywhere in a string is replaced as in the whole string") {
  // Bad sequences among ASCII and among valid non-ASCII characters, at every place of a block.
  const std::vector<std::string> bad = {"\xFF",         "\xC3",     "\xE2\x80",    "\xC0\xAF",
                                        "\xED\xA0\x80", "\x80\x80", "\xF0\x9F\x98"};
  for (const std::string& sequence : bad) {
    for (const std::string& around :
         {std::string(40, 'a'), std::string("\xC3\xA9x\"\t").append(36, 'b')}) {
      for (std::size_t at = 0; at <= around.size(); ++at) {
        std::string text = around;
        text.insert(at, sequence);
        if (!is_valid_utf8(text.substr(0, at)) ||
            !is_valid_utf8(text.substr(at + sequence.size()))) {
          continue;  // inserted inside a character
        }
        INFO("sequence at " << at);
        CHECK(json_mapping::suggestions_json(text, {}) ==
              "{\"query\":\"" + reference_escape(replace_invalid_utf8(text)) +
                  "\",\"suggestions\":[]}");
      }
    }
  }
}

TEST_CASE("server json: related, facets and suggestions have the documented shape") {
  Hit hit;
  hit.id = "posts/a";
  hit.score = 1.23456;
  const auto related = nlohmann::json::parse(json_mapping::related_json("posts/b", {hit}));
  CHECK(related["id"] == "posts/b");
  CHECK(related["related"][0]["id"] == "posts/a");
  CHECK(related["related"][0]["score"] == Approx(1.235));
  CHECK(related["related"][0]["section"].is_null());

  const auto facets = nlohmann::ordered_json::parse(
      json_mapping::facets_json({FacetResult{"year", {FacetValue{"2026", "2026", 3, false}}, 1},
                                 FacetResult{"tags", {}, 0}}));
  CHECK(facets["facets"]["year"]["values"][0]["count"] == 3);
  CHECK(facets["facets"]["tags"]["values"].empty());
  CHECK(facets["facets"].begin().key() == "year");  // in the order given

  Suggestion title{Suggestion::Kind::title, "Go vs Rust", "/posts/go-vs-rust/"};
  Suggestion term{Suggestion::Kind::term, "go concurrency", ""};
  const auto suggestions =
      nlohmann::ordered_json::parse(json_mapping::suggestions_json("go", {title, term}));
  CHECK(suggestions["suggestions"][0]["kind"] == "title");
  CHECK(suggestions["suggestions"][0]["url"] == "/posts/go-vs-rust/");
  CHECK(suggestions["suggestions"][1]["kind"] == "term");
  CHECK_FALSE(suggestions["suggestions"][1].contains("url"));
}

TEST_CASE("server json: errors carry code, message and param") {
  const auto error = nlohmann::json::parse(
      json_mapping::dump(json_mapping::error_to_json("bad_parameter", "m", "page")));
  CHECK(error["error"]["param"] == "page");
  const auto without =
      nlohmann::json::parse(json_mapping::dump(json_mapping::error_to_json("not_found", "m")));
  CHECK(without["error"]["param"].is_null());
}

TEST_CASE("server metrics: counters and a cumulative histogram") {
  Metrics metrics;
  metrics.observe("search", 200, 0.0004);
  metrics.observe("search", 200, 0.003);
  metrics.observe("search", 400, 2.0);
  MetricsSnapshot snapshot;
  snapshot.index_ready = true;
  snapshot.articles = 9;
  snapshot.revision = "gen-000003:12";
  const std::string text = metrics.render(snapshot);
  CHECK(text.find("folio_http_requests_total{route=\"search\",status=\"200\"} 2\n") !=
        std::string::npos);
  CHECK(
      text.find("folio_http_request_duration_seconds_bucket{route=\"search\",le=\"0.0005\"} 1\n") !=
      std::string::npos);
  CHECK(
      text.find("folio_http_request_duration_seconds_bucket{route=\"search\",le=\"0.005\"} 2\n") !=
      std::string::npos);
  CHECK(text.find("folio_http_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"} 3\n") !=
        std::string::npos);
  CHECK(text.find("folio_index_articles 9\n") != std::string::npos);
  CHECK(text.find("folio_index_revision 12\n") != std::string::npos);
  CHECK(text.find("folio_index_generation 3\n") != std::string::npos);
  CHECK(text.find("folio_index_info{revision=\"gen-000003:12\"} 1\n") != std::string::npos);
}
