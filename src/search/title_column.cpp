#include "search/title_column.hpp"

#include <algorithm>

#include "base/byte_codec.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "query/stopwords.hpp"

namespace folio::detail {

std::uint64_t title_hash(std::string_view words) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : words) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

TitleFacts title_facts(std::string_view title_key_value) {
  TitleKey key = decode_title_key(title_key_value);
  TitleFacts facts;
  facts.kind = key.kind;
  facts.exact_hash = title_hash(key.words);
  std::size_t at = 0;
  while (at < key.words.size()) {
    std::size_t end = std::min(key.words.find(' ', at), key.words.size());
    std::string_view word = key.words.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    int stopword = english_stopword_index(word);
    if (stopword >= 0) {
      facts.stopwords[stopword / 64] |= std::uint64_t{1} << (stopword % 64);
    } else if (facts.other_words < 255) {
      ++facts.other_words;
    }
  }
  return facts;
}

std::shared_ptr<const TitleColumn> TitleColumn::build(const Xapian::Database& db) {
  auto column = std::make_shared<TitleColumn>();
  std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
  column->facts_.resize(size);
  column->present_.resize(size);
  for (auto it = db.valuestream_begin(schema::kTitleKeySlot);
       it != db.valuestream_end(schema::kTitleKeySlot); ++it) {
    Xapian::docid docid = it.get_docid();
    if (docid >= size) continue;
    column->facts_[docid] = title_facts(*it);
    column->present_[docid] = true;
    column->by_hash_.emplace_back(column->facts_[docid].exact_hash, docid);
  }
  std::sort(column->by_hash_.begin(), column->by_hash_.end());
  std::string stemmed = "Z";
  stemmed += schema::kTitle;
  for (const std::string& prefix : {std::string(schema::kTitle), stemmed}) {
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
      column->title_terms_.emplace(*it, it.get_termfreq());
  }
  return column;
}

std::string TitleColumn::encode() const {
  ByteWriter out;
  out.varint(facts_.size());
  for (std::size_t docid = 0; docid < facts_.size(); ++docid) {
    out.byte(present_[docid] ? 1 : 0);
    if (!present_[docid]) continue;
    const TitleFacts& f = facts_[docid];
    out.varint(f.stopwords[0]);
    out.varint(f.stopwords[1]);
    out.varint(f.exact_hash);
    out.byte(f.other_words);
    out.byte(static_cast<std::uint8_t>(f.kind));
  }
  // In term order, so that the same index always encodes to the same bytes.
  std::vector<std::pair<std::string_view, Xapian::doccount>> terms(title_terms_.begin(),
                                                                   title_terms_.end());
  std::sort(terms.begin(), terms.end());
  out.varint(terms.size());
  for (const auto& [term, count] : terms) {
    out.string(term);
    out.varint(count);
  }
  return out.take();
}

std::shared_ptr<const TitleColumn> TitleColumn::decode(std::string_view bytes) {
  auto column = std::make_shared<TitleColumn>();
  ByteReader in(bytes);
  const auto corrupt = [] { throw Error(ErrorCode::database, "stored title column is corrupt"); };
  const std::uint64_t size = in.varint();
  if (size > bytes.size()) corrupt();  // a byte a document at least
  column->facts_.resize(static_cast<std::size_t>(size));
  column->present_.resize(static_cast<std::size_t>(size));
  for (std::size_t docid = 0; docid < size; ++docid) {
    if (in.byte() == 0) continue;
    TitleFacts& f = column->facts_[docid];
    f.stopwords[0] = in.varint();
    f.stopwords[1] = in.varint();
    f.exact_hash = in.varint();
    f.other_words = in.byte();
    const auto kind = static_cast<PageKind>(in.byte());
    if (kind != PageKind::page && kind != PageKind::section) corrupt();
    f.kind = kind;
    column->present_[docid] = true;
    column->by_hash_.emplace_back(f.exact_hash, static_cast<Xapian::docid>(docid));
  }
  std::sort(column->by_hash_.begin(), column->by_hash_.end());
  const std::uint64_t terms = in.varint();
  if (terms > bytes.size()) corrupt();
  for (std::uint64_t i = 0; i < terms; ++i) {
    std::string term = in.string();
    column->title_terms_.emplace(std::move(term), static_cast<Xapian::doccount>(in.varint()));
  }
  if (!in.at_end()) corrupt();
  return column;
}

std::vector<Xapian::docid> TitleColumn::titled(std::uint64_t exact_hash) const {
  std::vector<Xapian::docid> docids;
  auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(),
                             std::pair<std::uint64_t, Xapian::docid>{exact_hash, 0});
  for (; it != by_hash_.end() && it->first == exact_hash; ++it)
    docids.push_back(it->second);
  return docids;
}

std::size_t TitleColumn::memory_bytes() const {
  std::size_t terms = 0;
  for (const auto& [term, count] : title_terms_)
    terms += sizeof(term) + term.capacity() + sizeof(count) + 2 * sizeof(void*);
  return facts_.capacity() * sizeof(TitleFacts) + present_.capacity() / 8 +
         by_hash_.capacity() * sizeof(by_hash_[0]) + terms;
}

}  // namespace folio::detail
