// The JSON shapes of docs/http-api.md, in one place. folio-server serves them and `folio search
// --json` prints them, so both always agree. Keys keep the documented order.
// The bodies a search box asks for on every keystroke or page (search, related, suggest, facets)
// are streamed straight to text (json_results.cpp, RapidJSON's Writer); the others are built as
// nlohmann ordered_json values (json_mapping.cpp), which callers may extend.
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

Json to_json(const ArticleRecord& record);
Json to_json(const IndexStats& stats);
Json to_json(const IndexReport& report);

// {"error": {"code", "message", "param"}}; param is null when empty.
Json error_to_json(std::string_view code, std::string_view message, std::string_view param = {});

// The exact bodies of GET /api/search (also `folio search --json`), GET /api/articles/{id}/related,
// GET /api/facets ({"facets": {"tags": {"values": [...], "other": 0}, ...}}, in the order given)
// and GET /api/suggest ({"query": ..., "suggestions": [{"kind", "text", "url"?}]}), compact.
std::string search_results_json(const SearchResults& results);
std::string related_json(std::string_view id, const std::vector<Hit>& hits);
std::string facets_json(const std::vector<FacetResult>& facets);
std::string suggestions_json(std::string_view query, const std::vector<Suggestion>& suggestions);
// GET /api/stats (also `folio stats --json`).
std::string stats_json(const IndexStats& stats);

// Rounds to 1/scale, non-finite values to 0: milliseconds and scores short and stable.
double rounded(double value, double scale);

enum class JsonStyle { compact, pretty };
// Serialises; invalid UTF-8 in a string (never expected) is replaced rather than thrown.
std::string dump(const Json& value, JsonStyle style = JsonStyle::compact);

}  // namespace folio::json_mapping
