// The article model: everything folio knows about one Markdown file after parsing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "folio/date.hpp"

namespace folio {

struct Heading {
  int level = 0;       // 1..6
  std::string text;    // plain text of the heading
  std::string anchor;  // the id Hugo generates ("quick-verdict", "example-1")
};

// The text under one heading, up to the next heading of any level. The text before the first
// heading is a section with heading_index == -1.
struct Section {
  int heading_index = -1;  // index into Article::headings, or -1 for the lead
  std::string text;
};

// The stored display record of one article, as the index holds it.
struct ArticleRecord {
  std::string id;
  std::string url;
  std::string title;
  std::string description;
  std::optional<Timestamp> date;
  std::optional<Timestamp> lastmod;
  int date_offset_seconds = 0;     // as in Article: the calendar date shown is
  int lastmod_offset_seconds = 0;  // format_day(*date, date_offset_seconds)
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> keywords;
  std::vector<std::string> authors;
  std::vector<std::string> series;
  std::string language;
  std::vector<Heading> headings;
  int word_count = 0;
  int reading_time_minutes = 0;
};

struct Article {
  // Identity and location.
  std::string source_path;    // path as given on disk
  std::string relative_path;  // path relative to its content root, with '/' ("posts/go-vs-rust.md")
  std::string id;             // stable id: relative path without extension ("posts/go-vs-rust")
  std::string url;            // "/posts/go-vs-rust/", base URL applied when configured
  int url_line = 0;           // the front matter line of the url or slug that set it; 0 = none
  std::string content_hash;   // hex hash of the raw file bytes
  // The file's size and modification time when read ("" when it was modified too recently to be
  // trusted); an incremental run skips a file whose stamp is unchanged without reading it.
  std::string file_stamp;

  // Front matter. Text fields are as a reader of the site sees them: character references
  // decoded ("Q&amp;A" -> "Q&A"), and in the description inline HTML tags dropped.
  std::string title;
  std::string description;  // description, else summary, else the first sentences of the body
  bool description_from_body = false;  // true when `description` is the body's first sentences
  // Dates are instants (UTC), each with the UTC offset it was written with (east of UTC, 0 when
  // the text had none): `date: 2019-12-12 19:00:00 -0500` is the instant 2019-12-13T00:00:00Z
  // with date_offset_seconds -18000, and its calendar date, the one the site shows and builds
  // permalinks (:year/:month/:day) from, is format_day(*date, date_offset_seconds) = 2019-12-12.
  // Instants order articles; the written calendar date is what is shown, filtered and faceted.
  std::optional<Timestamp> date;
  std::optional<Timestamp> lastmod;
  int date_offset_seconds = 0;
  int lastmod_offset_seconds = 0;
  std::optional<Timestamp> publish_date;
  std::optional<Timestamp> expiry_date;
  bool draft = false;
  // Why the generator writes no page for it (`_build: {render: never}`, a headless bundle); ""
  // when it does. Such articles are not indexed.
  std::string not_rendered;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> keywords;
  std::vector<std::string> authors;
  std::vector<std::string> series;
  std::vector<std::string> aliases;
  std::string language;  // ISO 639-1 ("en"); empty means the configured default
  int weight = 0;
  // Configured custom taxonomies (name -> values), e.g. "topics" -> {"Go"}.
  std::map<std::string, std::vector<std::string>> taxonomies;

  // Body.
  std::vector<Heading> headings;
  std::vector<Section> sections;
  std::string body_text;  // plain text, markup and template syntax removed, code excluded
  std::string code_text;  // fenced and indented code blocks
  int word_count = 0;
  int reading_time_minutes = 0;  // at 200 words per minute, at least 1 for a non-empty body
  // The Hugo shortcodes the body calls, each at its first line in the file.
  std::vector<std::pair<std::string, int>> shortcodes;

  // Non-fatal problems found while parsing (an unknown date form, an ignored field).
  std::vector<std::string> warnings;
};

}  // namespace folio
