#include "stored_record.hpp"

#include "byte_codec.hpp"
#include "folio/error.hpp"

namespace folio::detail {
namespace {

constexpr std::uint8_t kRecordVersion = 1;

}  // namespace

std::string encode_stored_article(const Article& article) {
  ByteWriter w;
  w.byte(kRecordVersion);
  w.string(article.id);
  w.string(article.url);
  w.string(article.title);
  w.string(article.description);
  w.optional_time(article.date);
  w.optional_time(article.lastmod);
  w.strings(article.tags);
  w.strings(article.categories);
  w.strings(article.keywords);
  w.strings(article.authors);
  w.strings(article.series);
  w.string(article.language);
  w.varint(static_cast<std::uint64_t>(article.word_count));
  w.varint(static_cast<std::uint64_t>(article.reading_time_minutes));
  w.varint(article.headings.size());
  for (const auto& h : article.headings) {
    w.varint(static_cast<std::uint64_t>(h.level));
    w.string(h.text);
    w.string(h.anchor);
  }
  // Sections aligned with headings: index 0 is the lead, i + 1 the text under heading i.
  std::vector<std::string> sections(article.headings.size() + 1);
  for (const auto& s : article.sections) {
    std::size_t slot = static_cast<std::size_t>(s.heading_index + 1);
    if (slot < sections.size()) {
      if (!sections[slot].empty()) sections[slot] += '\n';
      sections[slot] += s.text;
    }
  }
  w.strings(sections);
  return w.take();
}

StoredArticle decode_stored_article(std::string_view data) {
  ByteReader r(data);
  if (r.byte() != kRecordVersion) {
    throw Error(ErrorCode::database,
                "stored article record has an unknown version: rebuild the index with --full");
  }
  StoredArticle out;
  ArticleRecord& a = out.record;
  a.id = r.string();
  a.url = r.string();
  a.title = r.string();
  a.description = r.string();
  a.date = r.optional_time();
  a.lastmod = r.optional_time();
  a.tags = r.strings();
  a.categories = r.strings();
  a.keywords = r.strings();
  a.authors = r.strings();
  a.series = r.strings();
  a.language = r.string();
  a.word_count = static_cast<int>(r.varint());
  a.reading_time_minutes = static_cast<int>(r.varint());
  std::uint64_t heading_count = r.varint();
  if (heading_count > data.size())
    throw Error(ErrorCode::database, "stored article record is corrupt");
  a.headings.reserve(heading_count);
  for (std::uint64_t i = 0; i < heading_count; ++i) {
    Heading h;
    h.level = static_cast<int>(r.varint());
    h.text = r.string();
    h.anchor = r.string();
    a.headings.push_back(std::move(h));
  }
  out.sections = r.strings();
  return out;
}

}  // namespace folio::detail
