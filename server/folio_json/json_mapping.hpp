// The JSON shapes of docs/http-api.md, in one place. folio-server serves them and `folio search
// --json` prints them, so both always agree. Keys keep the documented order (ordered_json).
// Library target folio_json (server/CMakeLists.txt), linked by folio-server and the `folio` CLI.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "folio/indexer.hpp"
#include "folio/search.hpp"

namespace folio::json_mapping {

using Json = nlohmann::ordered_json;

Json to_json(const SearchResults& results);
Json to_json(const Hit& hit);
Json to_json(const FacetResult& facet);  // {"values": [...], "other": N}
Json to_json(const ArticleRecord& record);
Json to_json(const IndexStats& stats);
Json to_json(const IndexReport& report);

// {"tags": {"values": [...], "other": 0}, "categories": {...}}, in the order given.
Json facets_to_json(const std::vector<FacetResult>& facets);
// {"query": ..., "suggestions": [{"kind", "text", "url"?}]}
Json suggestions_to_json(std::string_view query, const std::vector<Suggestion>& suggestions);
// {"id": ..., "related": [hits]}
Json related_to_json(std::string_view id, const std::vector<Hit>& hits);
// {"error": {"code", "message", "param"}}; param is null when empty.
Json error_to_json(std::string_view code, std::string_view message, std::string_view param = {});

// The exact bodies of GET /api/search and GET /api/stats (compact), for `folio search --json` and
// `folio stats --json`.
std::string search_results_json(const SearchResults& results);
std::string stats_json(const IndexStats& stats);

enum class JsonStyle { compact, pretty };
// Serialises; invalid UTF-8 in a string (never expected) is replaced rather than thrown.
std::string dump(const Json& value, JsonStyle style = JsonStyle::compact);

}  // namespace folio::json_mapping
