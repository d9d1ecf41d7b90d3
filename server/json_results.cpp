// The bodies every search box asks for (search, related, suggest, facets), streamed into their
// text by RapidJSON's Writer rather than built as an nlohmann DOM and dumped: the DOM took about a
// sixth of folio-server's CPU per search (docs/benchmarks.md). Same shapes and key order as the
// rest of json_mapping and docs/http-api.md; tests parse the output back with nlohmann.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <limits>

#include "folio/article_parser.hpp"
#include "folio/date.hpp"
#include "folio_json/json_mapping.hpp"

namespace folio::json_mapping {
namespace {

// One JSON text written front to back. Strings that are not valid UTF-8 (never expected from
// the engine) have their bad bytes replaced by U+FFFD, as the nlohmann paths do.
class BodyWriter {
 public:
  explicit BodyWriter(std::size_t expected_bytes)
      : buffer_(nullptr, expected_bytes), out_(buffer_) {}

  void begin_object() { out_.StartObject(); }
  void end_object() { out_.EndObject(); }
  void begin_array() { out_.StartArray(); }
  void end_array() { out_.EndArray(); }
  void key(std::string_view name) { text(name); }  // keys are strings, written alike

  void text(std::string_view value) {
    if (is_valid_utf8(value)) {
      out_.String(value.data(), length(value));
      return;
    }
    const std::string fixed = replace_invalid_utf8(value);
    out_.String(fixed.data(), length(fixed));
  }
  void text_or_null(std::string_view value) {
    if (value.empty()) {
      out_.Null();
    } else {
      text(value);
    }
  }
  void day_or_null(const std::optional<Timestamp>& time) {
    if (time) {
      text(format_day(*time));
    } else {
      out_.Null();
    }
  }
  void texts(const std::vector<std::string>& values) {
    begin_array();
    for (const auto& value : values)
      text(value);
    end_array();
  }
  void count(std::size_t value) { out_.Uint64(value); }
  void integer(long long value) { out_.Int64(value); }
  void real(double value) { out_.Double(value); }  // finite: rounded() maps the rest to 0
  void boolean(bool value) { out_.Bool(value); }

  std::string take() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  static rapidjson::SizeType length(std::string_view text) {
    // RapidJSON counts in 32 bits; no field of a response comes near 4 GB.
    constexpr auto kMax = std::numeric_limits<rapidjson::SizeType>::max();
    return static_cast<rapidjson::SizeType>(std::min<std::size_t>(text.size(), kMax));
  }

  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> out_;
};

void write_section(BodyWriter& out, const std::optional<SectionMatch>& section) {
  if (!section) {
    out.text_or_null({});
    return;
  }
  out.begin_object();
  out.key("heading");
  out.text(section->heading);
  out.key("anchor");
  out.text(section->anchor);
  out.key("url");
  out.text(section->url);
  out.end_object();
}

void write_hit(BodyWriter& out, const Hit& hit) {
  out.begin_object();
  out.key("id");
  out.text(hit.id);
  out.key("url");
  out.text(hit.url);
  out.key("title");
  out.text(hit.title);
  out.key("title_plain");
  out.text(hit.title_plain);
  out.key("date");
  out.day_or_null(hit.date);
  out.key("lastmod");
  out.day_or_null(hit.lastmod);
  out.key("tags");
  out.texts(hit.tags);
  out.key("categories");
  out.texts(hit.categories);
  out.key("authors");
  out.texts(hit.authors);
  out.key("description");
  out.text(hit.description);
  out.key("snippet");
  out.text(hit.snippet);
  out.key("section");
  write_section(out, hit.section);
  out.key("score");
  out.real(rounded(hit.score, 1000));
  out.end_object();
}

void write_hits(BodyWriter& out, const std::vector<Hit>& hits) {
  out.begin_array();
  for (const auto& hit : hits)
    write_hit(out, hit);
  out.end_array();
}

void write_facet(BodyWriter& out, const FacetResult& facet) {
  out.begin_object();
  out.key("values");
  out.begin_array();
  for (const auto& value : facet.values) {
    out.begin_object();
    out.key("value");
    out.text(value.value);
    out.key("key");
    out.text(value.key);
    out.key("count");
    out.count(value.count);
    out.key("selected");
    out.boolean(value.selected);
    out.end_object();
  }
  out.end_array();
  out.key("other");
  out.count(facet.other_values);
  out.end_object();
}

void write_facets(BodyWriter& out, const std::vector<FacetResult>& facets) {
  out.begin_object();
  for (const auto& facet : facets) {
    out.key(facet.field);
    write_facet(out, facet);
  }
  out.end_object();
}

// A page of hits is mostly its snippets and descriptions: about 1 KB a hit.
std::size_t expected_size(std::size_t hits) {
  return 2048 + 1024 * hits;
}

}  // namespace

std::string search_results_json(const SearchResults& results) {
  BodyWriter out(expected_size(results.hits.size()));
  out.begin_object();
  out.key("query");
  out.text(results.query);
  out.key("total");
  out.count(results.total);
  out.key("total_exact");
  out.boolean(results.total_exact);
  out.key("page");
  out.integer(results.page);
  out.key("per_page");
  out.integer(results.page_size);
  out.key("took_ms");
  out.real(rounded(results.took_ms, 100));
  out.key("corrected_query");
  out.text_or_null(results.corrected_query);
  out.key("auto_corrected");
  out.boolean(results.auto_corrected);
  out.key("hits");
  write_hits(out, results.hits);
  out.key("facets");
  write_facets(out, results.facets);
  out.end_object();
  return out.take();
}

std::string related_json(std::string_view id, const std::vector<Hit>& hits) {
  BodyWriter out(expected_size(hits.size()));
  out.begin_object();
  out.key("id");
  out.text(id);
  out.key("related");
  write_hits(out, hits);
  out.end_object();
  return out.take();
}

std::string facets_json(const std::vector<FacetResult>& facets) {
  BodyWriter out(expected_size(0));
  out.begin_object();
  out.key("facets");
  write_facets(out, facets);
  out.end_object();
  return out.take();
}

std::string suggestions_json(std::string_view query, const std::vector<Suggestion>& suggestions) {
  BodyWriter out(expected_size(0));
  out.begin_object();
  out.key("query");
  out.text(query);
  out.key("suggestions");
  out.begin_array();
  for (const auto& suggestion : suggestions) {
    out.begin_object();
    out.key("kind");
    out.text(suggestion.kind == Suggestion::Kind::title ? "title" : "term");
    out.key("text");
    out.text(suggestion.text);
    if (!suggestion.url.empty()) {
      out.key("url");
      out.text(suggestion.url);
    }
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return out.take();
}

}  // namespace folio::json_mapping
