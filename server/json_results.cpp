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
  // A key, then its value: out.key("id").text(hit.id). Keys are strings, written alike.
  BodyWriter& key(std::string_view name) {
    text(name);
    return *this;
  }

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
    out.text_or_null({});  // null
    return;
  }
  out.begin_object();
  out.key("heading").text(section->heading);
  out.key("anchor").text(section->anchor);
  out.key("url").text(section->url);
  out.end_object();
}

void write_hit(BodyWriter& out, const Hit& hit) {
  out.begin_object();
  out.key("id").text(hit.id);
  out.key("url").text(hit.url);
  out.key("title").text(hit.title);
  out.key("title_plain").text(hit.title_plain);
  out.key("date").day_or_null(hit.date);
  out.key("lastmod").day_or_null(hit.lastmod);
  out.key("tags").texts(hit.tags);
  out.key("categories").texts(hit.categories);
  out.key("authors").texts(hit.authors);
  out.key("description").text(hit.description);
  out.key("snippet").text(hit.snippet);
  write_section(out.key("section"), hit.section);
  out.key("score").real(rounded(hit.score, 1000));
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
  out.key("values").begin_array();
  for (const auto& value : facet.values) {
    out.begin_object();
    out.key("value").text(value.value);
    out.key("key").text(value.key);
    out.key("count").count(value.count);
    out.key("selected").boolean(value.selected);
    out.end_object();
  }
  out.end_array();
  out.key("other").count(facet.other_values);
  out.end_object();
}

void write_facets(BodyWriter& out, const std::vector<FacetResult>& facets) {
  out.begin_object();
  for (const auto& facet : facets)
    write_facet(out.key(facet.field), facet);
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
  out.key("query").text(results.query);
  out.key("total").count(results.total);
  out.key("total_exact").boolean(results.total_exact);
  out.key("page").integer(results.page);
  out.key("per_page").integer(results.page_size);
  out.key("took_ms").real(rounded(results.took_ms, 100));
  out.key("corrected_query").text_or_null(results.corrected_query);
  out.key("auto_corrected").boolean(results.auto_corrected);
  write_hits(out.key("hits"), results.hits);
  write_facets(out.key("facets"), results.facets);
  out.end_object();
  return out.take();
}

std::string related_json(std::string_view id, const std::vector<Hit>& hits) {
  BodyWriter out(expected_size(hits.size()));
  out.begin_object();
  out.key("id").text(id);
  write_hits(out.key("related"), hits);
  out.end_object();
  return out.take();
}

std::string facets_json(const std::vector<FacetResult>& facets) {
  BodyWriter out(expected_size(0));
  out.begin_object();
  write_facets(out.key("facets"), facets);
  out.end_object();
  return out.take();
}

std::string suggestions_json(std::string_view query, const std::vector<Suggestion>& suggestions) {
  BodyWriter out(expected_size(0));
  out.begin_object();
  out.key("query").text(query);
  out.key("suggestions").begin_array();
  for (const auto& suggestion : suggestions) {
    out.begin_object();
    out.key("kind").text(suggestion.kind == Suggestion::Kind::title ? "title" : "term");
    out.key("text").text(suggestion.text);
    if (!suggestion.url.empty()) {
      out.key("url").text(suggestion.url);
    }
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return out.take();
}

}  // namespace folio::json_mapping
