// The whole article pipeline on any bytes, as `folio index` reads a file: size and UTF-8 checks,
// front matter, template stripping, Markdown extraction, fields, URL; then the Xapian document
// the index would get (built in memory, never written), and the stored record, text and facets
// encoded and decoded again, which must give back what was encoded. A parse, encoding or size
// error is an answer; anything else that escapes, a crash, a leak, undefined behaviour or a
// timeout is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

#include "folio/article_parser.hpp"
#include "folio/error.hpp"
#include "indexing/document_builder.hpp"
#include "store/facet_codec.hpp"
#include "store/stored_record.hpp"

namespace {

const folio::IndexSettings& settings() {
  static const folio::IndexSettings value = [] {
    folio::IndexSettings s;
    s.taxonomies = {"topics"};
    return s;
  }();
  return value;
}

bool is_answer(const folio::Error& error) {
  return error.code() == folio::ErrorCode::parse || error.code() == folio::ErrorCode::encoding ||
         error.code() == folio::ErrorCode::too_large;
}

// The store's codecs give back what they were given.
void check_round_trip(const folio::Article& article) {
  using namespace folio::detail;
  const folio::ArticleRecord record = decode_display_record(encode_display_record(article));
  if (record.id != article.id || record.title != article.title || record.tags != article.tags ||
      record.date != article.date || record.date_offset_seconds != article.date_offset_seconds ||
      record.word_count != article.word_count) {
    __builtin_trap();
  }
  const StoredText text = decode_stored_text(encode_stored_text(article));
  if (text.headings.size() != article.headings.size() ||
      text.sections.size() != article.headings.size() + 1) {
    __builtin_trap();
  }
  std::size_t tags = 0;
  decode_facets(encode_facets(article), [&](const FacetEntry& entry) {
    tags += entry.field == "tags";
    return true;
  });
  std::size_t non_empty_tags = 0;
  for (const auto& tag : article.tags)
    non_empty_tags += !tag.empty();
  if (tags != non_empty_tags) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  folio::ArticleSource source;
  source.path = "content/posts/fuzz.md";
  source.relative_path = "posts/fuzz.md";
  source.content = std::string_view(reinterpret_cast<const char*>(data), size);
  folio::Article article;
  try {
    article = folio::parse_article(source, settings());
  } catch (const folio::Error& error) {
    if (!is_answer(error)) throw;
    return 0;
  }
  static folio::detail::DocumentBuilder builder{folio::IndexWriterOptions{}};
  const Xapian::Document document = builder.build(article);
  (void)document;
  check_round_trip(article);
  return 0;
}
