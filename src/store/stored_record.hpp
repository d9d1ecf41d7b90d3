// What the index stores of an article so a search never reads the source files, in two parts:
//  - the display record, in value slot schema::kRecordSlot: id, url, title, description, dates,
//    taxonomies, language, word count. All a hit needs without a snippet, so fetching a page of
//    hits reads a few hundred bytes per article. Not the document data: Xapian zlib-compresses
//    that, and inflating a record of 200 bytes cost more than the rest of a search's hits
//    (27,000 instructions each); values are stored as they are.
//  - the article text, in value slot schema::kTextSlot, zstd-compressed: headings and the text of
//    each section, read only for snippets and for article().
// Both are compact length-prefixed binary records with a version byte; see stored_record.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/article.hpp"

namespace folio::detail {

struct StoredText {
  std::vector<Heading> headings;
  // Section texts aligned with headings: sections[0] is the lead (before any heading),
  // sections[i + 1] the text under headings[i].
  std::vector<std::string> sections;
};

struct StoredArticle {
  ArticleRecord record;               // with its headings
  std::vector<std::string> sections;  // as in StoredText
  bool has_text = true;               // false: the display record alone was read (no headings)
};

std::string encode_display_record(const Article& article);
// The record without headings. Throws Error{database} on data it cannot read (a different
// schema version, truncation).
ArticleRecord decode_display_record(std::string_view data);

std::string encode_stored_text(const Article& article);
// Throws Error{database} on data it cannot read.
StoredText decode_stored_text(std::string_view value);

// The display record of an indexed document, without headings.
ArticleRecord read_display_record(const Xapian::Document& doc);
// Both parts of an indexed document.
StoredArticle read_stored_article(const Xapian::Document& doc);

}  // namespace folio::detail
