#include "folio_json/static_bundle.hpp"

#include <nlohmann/json.hpp>

#include "folio/error.hpp"
#include "folio_json/json_mapping.hpp"

namespace folio::json_mapping {
namespace {

Json search_to_json(const SearchSettings& s) {
  return Json{{"default_page_size", s.default_page_size},
              {"max_page_size", s.max_page_size},
              {"max_page", s.max_page},
              {"max_query_length", s.max_query_length},
              {"snippet_length", s.snippet_length},
              {"highlight_start", s.highlight_start},
              {"highlight_end", s.highlight_end},
              {"wildcard_limit", s.wildcard_limit},
              {"typo_tolerance", s.typo_tolerance == TypoTolerance::on},
              {"recency_weight", s.recency_weight},
              {"synonyms", s.synonyms},
              {"use_default_synonyms", s.use_default_synonyms},
              {"article_cache_mb", s.article_cache_mb}};
}

// Reads key into field when present; a value of another type throws nlohmann's type_error.
template <typename T>
void read(const Json& object, const char* key, T& field) {
  if (auto it = object.find(key); it != object.end()) field = it->template get<T>();
}

SearchSettings search_from_json(const Json& j) {
  SearchSettings s;
  read(j, "default_page_size", s.default_page_size);
  read(j, "max_page_size", s.max_page_size);
  read(j, "max_page", s.max_page);
  read(j, "max_query_length", s.max_query_length);
  read(j, "snippet_length", s.snippet_length);
  read(j, "highlight_start", s.highlight_start);
  read(j, "highlight_end", s.highlight_end);
  read(j, "wildcard_limit", s.wildcard_limit);
  bool typos = s.typo_tolerance == TypoTolerance::on;
  read(j, "typo_tolerance", typos);
  s.typo_tolerance = typos ? TypoTolerance::on : TypoTolerance::off;
  read(j, "recency_weight", s.recency_weight);
  read(j, "synonyms", s.synonyms);
  read(j, "use_default_synonyms", s.use_default_synonyms);
  read(j, "article_cache_mb", s.article_cache_mb);
  return s;
}

}  // namespace

std::string engine_settings_json(const EngineSettings& settings) {
  return dump(
      Json{{"search", search_to_json(settings.search)}, {"taxonomies", settings.taxonomies}});
}

EngineSettings engine_settings_from_json(std::string_view text) {
  EngineSettings settings;
  try {
    const Json j = Json::parse(text);
    if (!j.is_object()) throw Error(ErrorCode::parse, "engine settings: not a JSON object");
    if (auto it = j.find("search"); it != j.end()) settings.search = search_from_json(*it);
    read(j, "taxonomies", settings.taxonomies);
  } catch (const Json::exception& e) {
    throw Error(ErrorCode::parse, std::string("engine settings: ") + e.what());
  }
  return settings;
}

EngineFiles engine_files_from_json(std::string_view text) {
  EngineFiles files;
  try {
    const Json j = Json::parse(text);
    files.js = j.at("js").get<std::string>();
    files.wasm = j.at("wasm").get<std::string>();
  } catch (const Json::exception& e) {
    throw Error(ErrorCode::parse, std::string("engine.json: ") + e.what());
  }
  return files;
}

std::string static_manifest_json(const StaticManifest& m) {
  const Json index{{"path", m.index.path},
                   {"layout", m.layout == StaticLayout::file ? "file" : "chunks"},
                   {"size", m.index.size},
                   {"chunk_size", m.index.chunk_size},
                   {"chunks", m.index.chunks}};
  const Json manifest{{"format", 1},
                      {"version", m.index.version},
                      {"created", m.created},
                      {"articles", m.index.articles},
                      {"index", index},
                      {"engine", Json{{"js", m.engine.js}, {"wasm", m.engine.wasm}}},
                      {"settings", Json::parse(engine_settings_json(m.settings))}};
  return dump(manifest, JsonStyle::pretty) + "\n";
}

std::optional<ManifestFiles> manifest_files(std::string_view text) {
  try {
    const Json j = Json::parse(text);
    ManifestFiles files;
    files.index_path = j.at("index").at("path").get<std::string>();
    files.engine.js = j.at("engine").at("js").get<std::string>();
    files.engine.wasm = j.at("engine").at("wasm").get<std::string>();
    return files;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

}  // namespace folio::json_mapping
