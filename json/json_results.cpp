// The bodies every search box asks for (search, related, suggest, facets), streamed into their
// text by RapidJSON's Writer rather than built as an nlohmann DOM and dumped: the DOM took about a
// sixth of folio-server's CPU per search (docs/benchmarks.md). Same shapes and key order as the
// rest of json_mapping and docs/http-api.md; tests parse the output back with nlohmann.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>

#include "folio/date.hpp"
#include "folio/utf8.hpp"
#include "folio_json/json_mapping.hpp"

namespace folio::json_mapping {
namespace {

// A byte needs a look when JSON needs it escaped or it is non-ASCII (checked as UTF-8).
#if defined(__SSE2__)
// The bytes of a 16-byte block that need a look, as a bit mask.
unsigned looks_needed(const unsigned char* block_bytes) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block_bytes));
  // Unsigned: a byte is at most 0x1F exactly when min(byte, 0x1F) is the byte itself.
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
  const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('"')),
                                       _mm_cmpeq_epi8(block, _mm_set1_epi8('\\')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, special)) |
                               _mm_movemask_epi8(block));  // non-ASCII: high bit
}
#else
bool needs_a_look(unsigned char byte) {
  return byte < 0x20 || byte == '"' || byte == '\\' || byte >= 0x80;
}
#endif

// The offset of the first byte from `from` on that needs a look, or text.size(). Sixteen bytes at
// a time where SSE2 is there (every x86-64): most text is plain ASCII. The last few bytes are
// copied into a block padded with a plain byte, so short strings (keys, ids, dates) take one
// block too.
std::size_t next_to_look_at(std::string_view text, std::size_t from) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t at = from;
#if defined(__SSE2__)
  constexpr std::size_t kBlock = 16;
  for (; at + kBlock <= text.size(); at += kBlock) {
    if (const unsigned mask = looks_needed(bytes + at); mask != 0)
      return at + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  if (at == text.size()) return at;
  unsigned char tail[kBlock];
  std::memset(tail, 'a', kBlock);
  std::memcpy(tail, bytes + at, text.size() - at);
  const unsigned mask = looks_needed(tail);
  return mask == 0 ? text.size() : at + static_cast<std::size_t>(__builtin_ctz(mask));
#else
  for (; at < text.size(); ++at) {
    if (needs_a_look(bytes[at])) return at;
  }
  return text.size();
#endif
}

// RapidJSON's Writer with a faster String(): the runs of bytes that need no escaping are copied
// whole, where Writer::String looks at each byte (its own SIMD scan stays off, see
// cmake/dependencies.cmake). Escapes are written as Writer::String writes them. Each run of
// non-ASCII bytes is checked as UTF-8 on the way (ASCII bytes end every character, so the text is
// valid UTF-8 when each such run is); an invalid run has its bad bytes replaced by U+FFFD.
class Writer : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using rapidjson::Writer<rapidjson::StringBuffer>::Writer;

  void string(std::string_view text) {
    Prefix(rapidjson::kStringType);
    os_->Put('"');
    std::size_t done = 0;
    while (done < text.size()) {
      const std::size_t stop = next_to_look_at(text, done);
      copy(text.substr(done, stop - done));
      if (stop == text.size()) break;
      if (static_cast<unsigned char>(text[stop]) >= 0x80) {
        done = copy_non_ascii(text, stop);
      } else {
        escape(static_cast<unsigned char>(text[stop]));
        done = stop + 1;
      }
    }
    os_->Put('"');
    EndValue(true);
  }

 private:
  void copy(std::string_view run) {
    if (!run.empty()) std::memcpy(os_->Push(run.size()), run.data(), run.size());
  }

  // The run of non-ASCII bytes at `from`, made valid UTF-8; returns where it ends.
  std::size_t copy_non_ascii(std::string_view text, std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80)
      ++end;
    const std::string_view run = text.substr(from, end - from);
    if (is_valid_utf8(run)) {
      copy(run);
    } else {
      copy(replace_invalid_utf8(run));
    }
    return end;
  }

  void escape(unsigned char byte) {
    // Quote, backslash and five control characters have two-letter forms; the other control
    // characters are \u00XX.
    static constexpr std::string_view kShortForms = "\"\\\b\f\n\r\t";
    static constexpr std::string_view kLetters = "\"\\bfnrt";
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    if (const auto i = kShortForms.find(static_cast<char>(byte)); i != std::string_view::npos) {
      const char pair[] = {'\\', kLetters[i]};
      copy(std::string_view(pair, sizeof pair));
      return;
    }
    const char code[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 15]};
    copy(std::string_view(code, sizeof code));
  }
};

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

  void text(std::string_view value) { out_.string(value); }
  void text_or_null(std::string_view value) {
    if (value.empty()) {
      out_.Null();
    } else {
      text(value);
    }
  }
  // The calendar date as written: the instant at the offset it was written with.
  void day_or_null(const std::optional<Timestamp>& time, int offset_seconds) {
    if (time) {
      text(format_day(*time, offset_seconds));
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
  rapidjson::StringBuffer buffer_;
  Writer out_;
};

void write_section_place(BodyWriter& out, const SectionMatch& section) {
  out.key("heading").text(section.heading);
  out.key("anchor").text(section.anchor);
  out.key("url").text(section.url);
}

void write_section(BodyWriter& out, const std::optional<SectionMatch>& section) {
  if (!section) {
    out.text_or_null({});  // null
    return;
  }
  out.begin_object();
  write_section_place(out, *section);
  out.end_object();
}

void write_hit(BodyWriter& out, const Hit& hit) {
  out.begin_object();
  out.key("id").text(hit.id);
  out.key("url").text(hit.url);
  out.key("title").text(hit.title);
  out.key("title_plain").text(hit.title_plain);
  out.key("date").day_or_null(hit.date, hit.date_offset_seconds);
  out.key("lastmod").day_or_null(hit.lastmod, hit.lastmod_offset_seconds);
  out.key("tags").texts(hit.tags);
  out.key("categories").texts(hit.categories);
  out.key("authors").texts(hit.authors);
  out.key("description").text(hit.description);
  out.key("snippet").text(hit.snippet);
  write_section(out.key("section"), hit.section);
  out.key("sections").begin_array();
  for (const auto& section : hit.sections) {
    out.begin_object();
    write_section_place(out, section);
    out.key("snippet").text(section.snippet);
    out.end_object();
  }
  out.end_array();
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
