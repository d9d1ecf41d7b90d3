// folio-server's request parsing on any request target ("/api/search?q=go&tags=Rust,Go&page=2"):
// the path and query string split and percent-decoded, then read as /api/search, /api/suggest and
// /api/facets read them. It compiles without the HTTP library (api/, folio_api). An ApiError (400)
// is the answer to a bad parameter; anything else that escapes, a crash, a leak, undefined
// behaviour or a timeout is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "folio/config.hpp"
#include "folio/utf8.hpp"
#include "folio_api/api_error.hpp"
#include "folio_api/params.hpp"

namespace {

using namespace folio::api;

// Every parse reads the parameters anew: each may fail on its own.
template <typename Parse>
void attempt(Parse parse) {
  try {
    parse();
  } catch (const ApiError& error) {
    if (error.status() != 400) throw;
  }
}

void check_decoded(const QueryParams& params) {
  for (const auto& item : params.items()) {
    if (!folio::is_valid_utf8(item.name) || !folio::is_valid_utf8(item.value)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  static const folio::SearchSettings settings;
  static const SearchParamRules rules{&settings, {"topics"}};
  RequestTarget split;
  QueryParams params;
  try {
    split = split_target(target);
    if (!folio::is_valid_utf8(split.path)) __builtin_trap();
    params = QueryParams::parse(split.query);
  } catch (const ApiError& error) {
    if (error.status() != 400) throw;
    return 0;
  }
  check_decoded(params);
  attempt([&] { parse_search_request(params, rules); });
  attempt([&] { parse_query_text(params, settings); });
  attempt([&] { parse_facet_fields(params, "facets", rules); });
  attempt([&] { params.list("tags"); });
  attempt([&] { params.integer("limit", 8, 1, 20); });
  return 0;
}
