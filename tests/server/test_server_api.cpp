// Every endpoint of folio-server over a real index of sample-content/, through a real socket.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <map>

#include "server/server_fixture.hpp"

using namespace folio::test;

TEST_CASE("server api: /api/search returns hits, facets and totals") {
  TestServer server(test_options(sample_index_path()));
  const auto r = get_json(server, "/api/search?q=rust");
  REQUIRE(r.status == 200);
  CHECK(r.body["query"] == "rust");
  CHECK(r.body["total"].get<int>() >= 2);
  CHECK(r.body["total_exact"].is_boolean());
  CHECK(r.body["page"] == 1);
  CHECK(r.body["per_page"] == 10);
  CHECK(r.body["took_ms"].is_number());
  CHECK(r.body.contains("corrected_query"));
  REQUIRE(!r.body["hits"].empty());
  const auto& hit = r.body["hits"][0];
  for (const char* key :
       {"id", "url", "title", "title_plain", "date", "lastmod", "tags", "categories", "authors",
        "description", "snippet", "section", "sections", "score"}) {
    INFO(key);
    CHECK(hit.contains(key));
  }
  CHECK(r.body["facets"].contains("tags"));
  CHECK(r.body["facets"].contains("categories"));
  CHECK(r.body["facets"].contains("year"));
  CHECK(r.headers.find("Content-Type")->second == "application/json");
}

TEST_CASE("server api: filters, paging and facets parameters reach the searcher") {
  TestServer server(test_options(sample_index_path()));
  SECTION("a tag filter keeps only tagged articles") {
    const auto r = get_json(server, "/api/search?q=&tags=Kafka&facets=none");
    REQUIRE(r.status == 200);
    CHECK(r.body["total"].get<int>() >= 1);
    for (const auto& hit : r.body["hits"]) {
      const auto& tags = hit["tags"];
      CHECK(std::find(tags.begin(), tags.end(), "Kafka") != tags.end());
    }
    CHECK(r.body["facets"].empty());
  }
  SECTION("per_page and page") {
    const auto first = get_json(server, "/api/search?per_page=2&page=1&sort=newest");
    const auto second = get_json(server, "/api/search?per_page=2&page=2&sort=newest");
    REQUIRE(first.status == 200);
    REQUIRE(second.status == 200);
    CHECK(first.body["hits"].size() == 2);
    CHECK(second.body["page"] == 2);
    CHECK(first.body["hits"][0]["id"] != second.body["hits"][0]["id"]);
  }
}

TEST_CASE("server api: /api/suggest completes a prefix") {
  TestServer server(test_options(sample_index_path()));
  const auto r = get_json(server, "/api/suggest?q=kaf");
  REQUIRE(r.status == 200);
  CHECK(r.body["query"] == "kaf");
  REQUIRE(r.body["suggestions"].is_array());
  for (const auto& s : r.body["suggestions"]) {
    CHECK((s["kind"] == "term" || s["kind"] == "title"));
    CHECK(s["text"].is_string());
  }
}

TEST_CASE("server api: /api/facets lists every value with counts") {
  TestServer server(test_options(sample_index_path()));
  const auto r = get_json(server, "/api/facets");
  REQUIRE(r.status == 200);
  REQUIRE(r.body["facets"].contains("tags"));
  bool found_comparison = false;
  for (const auto& value : r.body["facets"]["tags"]["values"]) {
    CHECK(value["count"].get<int>() >= 1);
    if (value["value"] == "Comparison") found_comparison = true;
  }
  CHECK(found_comparison);
  const auto only_tags = get_json(server, "/api/facets?fields=tags");
  REQUIRE(only_tags.status == 200);
  CHECK(only_tags.body["facets"].size() == 1);
}

TEST_CASE("server api: /api/articles/{id} and /related") {
  TestServer server(test_options(sample_index_path()));
  const auto article = get_json(server, "/api/articles/posts/go-vs-rust");
  REQUIRE(article.status == 200);
  CHECK(article.body["id"] == "posts/go-vs-rust");
  CHECK(article.body["title"].get<std::string>().find("Go vs Rust") == 0);
  CHECK(!article.body["headings"].empty());
  CHECK(article.body["headings"][0].contains("anchor"));

  const auto related = get_json(server, "/api/articles/posts/go-vs-rust/related");
  REQUIRE(related.status == 200);
  CHECK(related.body["id"] == "posts/go-vs-rust");
  CHECK(related.body["related"].is_array());
  for (const auto& hit : related.body["related"])
    CHECK(hit["id"] != "posts/go-vs-rust");

  CHECK(get_json(server, "/api/articles/posts/no-such-article").status == 404);
  CHECK(get_json(server, "/api/articles/posts/no-such-article/related").status == 404);
}

TEST_CASE("server api: /api/stats describes the index") {
  TestServer server(test_options(sample_index_path()));
  const auto r = get_json(server, "/api/stats");
  REQUIRE(r.status == 200);
  CHECK(r.body["articles"].get<int>() >= 5);
  CHECK(r.body["terms"].get<int>() > 0);
  CHECK(r.body.contains("revision"));
  CHECK(r.body["top_tags"].is_array());
}

TEST_CASE("server api: /healthz and /readyz") {
  TestServer server(test_options(sample_index_path()));
  CHECK(get_json(server, "/healthz").body["status"] == "ok");
  const auto ready = get_json(server, "/readyz");
  CHECK(ready.status == 200);
  CHECK(ready.body["status"] == "ready");
}

TEST_CASE("server api: the access log has one JSON line per request") {
  TestServer server([] {
    auto options = test_options(sample_index_path());
    options.server.access_log = true;
    return options;
  }());
  get_json(server, "/api/search?q=redis");
  get_json(server, "/api/nothing-here");
  server.stop();
  // Lines are written after each response, so two quick requests may log in either order.
  std::map<std::string, nlohmann::json> by_route;
  for (const auto& line : server.log_lines()) {
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    if (parsed.is_object() && parsed.contains("route")) by_route[parsed["route"]] = parsed;
  }
  REQUIRE(by_route.size() == 2);
  const auto& search = by_route["search"];
  CHECK(search["method"] == "GET");
  CHECK(search["path"] == "/api/search");
  CHECK(search["status"] == 200);
  CHECK(search["ms"].is_number());
  CHECK(search["hits"].get<int>() >= 1);
  CHECK(search["time"].is_string());
  CHECK(by_route["unmatched"]["status"] == 404);
  CHECK_FALSE(by_route["unmatched"].contains("hits"));
}

namespace {

// stdout of `folio ARGUMENTS` (the CLI built beside the server).
std::string folio_cli_output(const std::string& arguments) {
  const std::string command = std::string(FOLIO_CLI_PATH) + " " + arguments;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), n);
  CHECK(::pclose(pipe) == 0);
  return output;
}

}  // namespace

TEST_CASE("server api: `folio search --json` prints the body /api/search serves") {
  TestServer server(test_options(sample_index_path()));
  // An empty query lists every article, so the tags facet has more values than any limit.
  for (const std::string& query : {std::string(), std::string("rust")}) {
    INFO("query: " << query);
    const auto served = get_json(server, "/api/search?q=" + query);
    REQUIRE(served.status == 200);
    auto printed = nlohmann::json::parse(
        folio_cli_output("search --db '" + sample_index_path() + "' '" + query + "' --json"),
        nullptr, false);
    REQUIRE(printed.is_object());
    CHECK(printed["took_ms"].is_number());
    printed["took_ms"] = served.body["took_ms"];
    CHECK(printed == served.body);
    if (query.empty()) CHECK(printed["facets"]["tags"]["values"].size() == 10);
  }
}
