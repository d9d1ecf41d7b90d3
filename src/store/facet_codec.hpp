// Every facet value of an article packed into one value slot (schema::kFacetsSlot), so a MatchSpy
// can count multi-valued facets over a whole match set by reading a single value per document.
//
// Format: repeated records "field\x1Fvalue\x1E" with the value in its original spelling. Fields:
// tags, categories, keywords, authors, series, section, lang, year, and configured taxonomies by
// name.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/article.hpp"

namespace folio::detail {

struct FacetEntry {
  std::string_view field;
  std::string_view value;  // original spelling
};

std::string encode_facets(const Article& article);
// Calls `visit` for each entry; stops early if it returns false.
void decode_facets(std::string_view packed, const std::function<bool(const FacetEntry&)>& visit);
// Calls `visit` once per value of a document: a value listed again in the same field, in another
// ASCII case only ("Go", "go"), is skipped. `seen` is scratch space, kept to save allocations.
void decode_distinct_facets(std::string_view packed, std::vector<FacetEntry>& seen,
                            const std::function<void(const FacetEntry&)>& visit);

// The section facet value of an article: the first segment of its relative path ("posts"),
// or "" for top-level files.
std::string section_of(const std::string& relative_path);

}  // namespace folio::detail
