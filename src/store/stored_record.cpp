#include "store/stored_record.hpp"

#include "base/byte_codec.hpp"
#include "base/compression.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"

namespace folio::detail {
namespace {

// 1: one record holding the texts too. 2: the display record alone. 3: each date with its offset.
constexpr std::uint8_t kRecordVersion = 3;
constexpr std::uint8_t kTextVersion = 1;
constexpr std::size_t kMaxTextBytes = std::size_t{1} << 30;  // far beyond any article

[[noreturn]] void unknown_version(const char* what) {
  throw Error(ErrorCode::database, std::string("stored article ") + what +
                                       " has an unknown version: rebuild the index with --full");
}

// Sections aligned with headings: index 0 is the lead, i + 1 the text under heading i.
std::vector<std::string> aligned_sections(const Article& article) {
  std::vector<std::string> sections(article.headings.size() + 1);
  for (const auto& s : article.sections) {
    std::size_t slot = static_cast<std::size_t>(s.heading_index + 1);
    if (slot < sections.size()) {
      if (!sections[slot].empty()) sections[slot] += '\n';
      sections[slot] += s.text;
    }
  }
  return sections;
}

// A UTC offset as the date parser gives them: under a day either way.
int read_offset(ByteReader& r) {
  constexpr std::int64_t kSecondsPerDay = 86400;
  const std::int64_t offset = r.signed_varint();
  if (offset <= -kSecondsPerDay || offset >= kSecondsPerDay) {
    std::string message = "stored article record is corrupt (a UTC offset of ";
    message += std::to_string(offset);
    message += " seconds)";
    throw Error(ErrorCode::database, message);
  }
  return static_cast<int>(offset);
}

}  // namespace

std::string encode_display_record(const Article& article) {
  ByteWriter w;
  w.byte(kRecordVersion);
  w.string(article.id);
  w.string(article.url);
  w.string(article.title);
  w.string(article.description);
  w.optional_time(article.date);
  w.signed_varint(article.date_offset_seconds);
  w.optional_time(article.lastmod);
  w.signed_varint(article.lastmod_offset_seconds);
  w.strings(article.tags);
  w.strings(article.categories);
  w.strings(article.keywords);
  w.strings(article.authors);
  w.strings(article.series);
  w.string(article.language);
  w.varint(static_cast<std::uint64_t>(article.word_count));
  w.varint(static_cast<std::uint64_t>(article.reading_time_minutes));
  return w.take();
}

ArticleRecord decode_display_record(std::string_view data) {
  ByteReader r(data);
  if (r.byte() != kRecordVersion) unknown_version("record");
  ArticleRecord a;
  a.id = r.string();
  a.url = r.string();
  a.title = r.string();
  a.description = r.string();
  a.date = r.optional_time();
  a.date_offset_seconds = read_offset(r);
  a.lastmod = r.optional_time();
  a.lastmod_offset_seconds = read_offset(r);
  a.tags = r.strings();
  a.categories = r.strings();
  a.keywords = r.strings();
  a.authors = r.strings();
  a.series = r.strings();
  a.language = r.string();
  a.word_count = static_cast<int>(r.varint());
  a.reading_time_minutes = static_cast<int>(r.varint());
  return a;
}

std::string encode_stored_text(const Article& article) {
  ByteWriter text;
  text.varint(article.headings.size());
  for (const auto& h : article.headings) {
    text.varint(static_cast<std::uint64_t>(h.level));
    text.string(h.text);
    text.string(h.anchor);
  }
  text.strings(aligned_sections(article));
  std::string out(1, static_cast<char>(kTextVersion));
  out += compress_bytes(text.take());
  return out;
}

StoredText decode_stored_text(std::string_view value) {
  if (value.empty() || static_cast<std::uint8_t>(value[0]) != kTextVersion) {
    unknown_version("text");
  }
  std::string raw = decompress_bytes(value.substr(1), kMaxTextBytes);
  ByteReader r(raw);
  StoredText out;
  std::uint64_t heading_count = r.varint();
  if (heading_count > raw.size()) {
    throw Error(ErrorCode::database, "stored article text is truncated or corrupt");
  }
  out.headings.reserve(heading_count);
  for (std::uint64_t i = 0; i < heading_count; ++i) {
    Heading h;
    h.level = static_cast<int>(r.varint());
    h.text = r.string();
    h.anchor = r.string();
    out.headings.push_back(std::move(h));
  }
  out.sections = r.strings();
  return out;
}

ArticleRecord read_display_record(const Xapian::Document& doc) {
  return decode_display_record(doc.get_value(schema::kRecordSlot));
}

StoredArticle read_stored_article(const Xapian::Document& doc) {
  StoredArticle out;
  out.record = read_display_record(doc);
  std::string text = doc.get_value(schema::kTextSlot);
  if (text.empty()) return out;
  StoredText stored = decode_stored_text(text);
  out.record.headings = std::move(stored.headings);
  out.sections = std::move(stored.sections);
  return out;
}

}  // namespace folio::detail
