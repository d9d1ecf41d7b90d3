// The static engine: folio's query side compiled to WebAssembly, answering the read endpoints of
// docs/http-api.md in the browser (or Node) from an index a static bundle holds. It is the same
// code as folio-server's (folio::core's Searcher, folio_api's parameter parsing and answers,
// folio_json's writers); only the transport differs: wasm/folio-worker.js calls these three
// functions from a Web Worker and reads the index's blocks over HTTP as Xapian asks for them.
#include <emscripten/emscripten.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "folio/search.hpp"
#include "folio_api/answers.hpp"
#include "folio_json/static_bundle.hpp"

namespace {

using folio::api::Answer;
using folio::api::ApiError;
using folio::api::QueryParams;

struct Engine {
  folio::json_mapping::EngineSettings settings;
  folio::api::SearchParamRules rules;
  std::optional<folio::Searcher> searcher;
  std::string body;  // the last answer or error, read by folio_body()
};

Engine& engine() {
  static Engine instance;
  return instance;
}

Answer answer(std::string_view endpoint, std::string_view id, const QueryParams& params) {
  Engine& e = engine();
  if (!e.searcher) throw ApiError(503, "unavailable", "the static index is not open");
  folio::Searcher& searcher = *e.searcher;
  if (endpoint == "search") return folio::api::answer_search(searcher, params, e.rules);
  if (endpoint == "suggest") return folio::api::answer_suggest(searcher, params, e.settings.search);
  if (endpoint == "facets") return folio::api::answer_facets(searcher, params, e.rules);
  if (endpoint == "article") return folio::api::answer_article(searcher, id);
  if (endpoint == "related") return folio::api::answer_related(searcher, id, params);
  if (endpoint == "stats") return folio::api::answer_stats(searcher);
  throw folio::api::not_found("no such endpoint: " + std::string(endpoint));
}

// Runs fn, leaving its body (or the error's JSON) in engine().body; returns the HTTP status
// folio-server would have sent.
template <typename Fn>
int guarded(Fn&& fn) {
  std::string& body = engine().body;
  try {
    body = fn();
    return 200;
  } catch (const ApiError& e) {
    body = folio::api::error_json(e);
    return e.status();
  } catch (const folio::Error& e) {
    const ApiError mapped = folio::api::api_error_from(e);
    body = folio::api::error_json(mapped);
    return mapped.status();
  } catch (const std::exception& e) {
    body = folio::api::error_json(ApiError(500, "internal", e.what()));
    return 500;
  }
}

}  // namespace

extern "C" {

// Opens the index at db_path (a single-file Xapian database) with the settings `folio export`
// wrote (folio_json/static_bundle.hpp). Returns 200, or an error status with its JSON in
// folio_body().
EMSCRIPTEN_KEEPALIVE int folio_open(const char* db_path, const char* settings_json) {
  return guarded([&] {
    Engine& e = engine();
    e.searcher.reset();
    e.settings = folio::json_mapping::engine_settings_from_json(settings_json);
    e.rules = folio::api::SearchParamRules{&e.settings.search, e.settings.taxonomies};
    e.searcher.emplace(std::string(db_path), e.settings.search);
    return std::string("{}");
  });
}

// Answers endpoint ("search", "suggest", "facets", "article", "related", "stats") for the raw
// query string (still percent-encoded, as after '?') and, for article and related, the article id.
// Returns the HTTP status; the body is in folio_body().
EMSCRIPTEN_KEEPALIVE int folio_answer(const char* endpoint, const char* id, const char* query) {
  return guarded([&] {
    const QueryParams params = QueryParams::parse(query);
    return answer(endpoint, id, params).body;
  });
}

// The body of the last folio_open or folio_answer, valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* folio_body() {
  return engine().body.c_str();
}

}  // extern "C"
