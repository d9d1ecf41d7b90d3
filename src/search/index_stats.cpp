#include "search/index_stats.hpp"

#include <algorithm>
#include <filesystem>

#include "folio/schema.hpp"
#include "search/facets/facet_spy.hpp"
#include "search/hits.hpp"
#include "store/stored_record.hpp"

namespace folio::detail {
namespace {

constexpr int kTopTags = 10;

// Free-text terms start with a lower-case letter, a digit or a non-ASCII byte; prefixed
// terms with an upper-case letter.
bool is_free_text_term(const std::string& term) {
  unsigned char c = static_cast<unsigned char>(term[0]);
  return !(c >= 'A' && c <= 'Z');
}

}  // namespace

std::vector<std::string> index_taxonomies(const Xapian::Database& db) {
  std::vector<std::string> names;
  const std::string prefix(schema::kTaxonomy);
  auto it = db.allterms_begin(prefix);
  auto end = db.allterms_end(prefix);
  while (it != end) {
    std::string term = *it;
    std::size_t colon = term.find(':', prefix.size());
    if (colon == std::string::npos) {
      ++it;
      continue;
    }
    std::string name = term.substr(prefix.size(), colon - prefix.size());
    names.push_back(name);
    it.skip_to(prefix + name + ";");  // ';' sorts right after ':'
  }
  return names;
}

std::vector<FacetResult> all_facets(const Xapian::Database& db, const FieldCatalog& catalog,
                                    const std::vector<std::string>& fields) {
  std::vector<std::string> wanted;
  for (const auto& field : fields) {
    auto spec = catalog.find(field);
    wanted.push_back(spec ? spec->name : field);
  }
  FacetCounts counts(wanted);
  for (auto it = db.valuestream_begin(schema::kFacetsSlot);
       it != db.valuestream_end(schema::kFacetsSlot); ++it) {
    counts.add_document(*it);
  }
  if (wanted.empty()) {
    std::vector<std::string> seen = counts.fields_seen();
    for (const auto& field : catalog.facet_fields()) {
      if (std::find(seen.begin(), seen.end(), field) != seen.end()) wanted.push_back(field);
    }
  }
  std::vector<FacetResult> results;
  for (const auto& field : wanted)
    results.push_back(counts.result(field, 0));
  return results;
}

std::optional<ArticleRecord> article_record(const Xapian::Database& db, const std::string& id) {
  std::optional<Xapian::Document> doc = find_document(db, id);
  if (!doc) return std::nullopt;
  return read_stored_article(*doc).record;
}

IndexStats index_stats(const Xapian::Database& db, const FieldCatalog& catalog) {
  IndexStats stats;
  stats.articles = db.get_doccount();
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    if (is_free_text_term(*it)) ++stats.terms;
  }
  stats.last_indexed = db.get_metadata(std::string(schema::kMetaLastIndexed));
  stats.site = db.get_metadata(std::string(schema::kMetaSite));
  std::vector<FacetResult> tags = all_facets(db, catalog, {"tags"});
  if (!tags.empty()) {
    for (const auto& value : tags.front().values) {
      if (static_cast<int>(stats.top_tags.size()) >= kTopTags) break;
      stats.top_tags.push_back(TagCount{value.value, value.count});
    }
  }
  return stats;
}

std::size_t folder_size(const std::string& folder) {
  std::error_code ec;
  std::size_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += static_cast<std::size_t>(it->file_size(ec));
  }
  return total;
}

}  // namespace folio::detail
