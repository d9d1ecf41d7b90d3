// The fields a query or a filter can name: free-text fields (title:), boolean filter fields
// (tags:), date fields (date:) and the index's custom taxonomies, with their aliases and the term
// prefixes or value slots of include/folio/schema.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

enum class FieldKind { text, filter, date };

struct FieldSpec {
  std::string name;  // canonical name: "title", "tags", "date", or a taxonomy's name
  FieldKind kind = FieldKind::text;
  std::string prefix;  // term prefix ("S", "XTAG", "XTAXtopics:"); "" = every text field
  unsigned slot = 0;   // value slot of a date field
  bool facet = false;  // has values in the packed facets slot, under `name`
};

class FieldCatalog {
 public:
  // `taxonomies`: the custom taxonomy names found in the index.
  explicit FieldCatalog(std::vector<std::string> taxonomies = {});

  // Case-insensitive, aliases accepted (tag, category, keyword, author, heading, language).
  std::optional<FieldSpec> find(std::string_view name) const;
  // Facet fields in display order: tags, categories, keywords, authors, series, section, lang,
  // year, then taxonomies.
  std::vector<std::string> facet_fields() const;
  const std::vector<std::string>& taxonomies() const { return taxonomies_; }

 private:
  std::vector<std::string> taxonomies_;
};

// The boolean term for a filter value: prefix + normalised value. year: and month: accept
// "2026", "2026-01", "202601". Empty when the value cannot name any term (year:abc).
std::string filter_term(const FieldSpec& field, std::string_view value);

}  // namespace folio::detail
