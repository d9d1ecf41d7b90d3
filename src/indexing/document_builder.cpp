#include "indexing/document_builder.hpp"

#include "base/word_chars.hpp"
#include "folio/date.hpp"
#include "folio/schema.hpp"
#include "store/facet_codec.hpp"
#include "store/language_analysis.hpp"
#include "store/stored_record.hpp"
#include "store/title_key.hpp"

namespace folio::detail {
namespace {

using namespace folio::schema;

std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

}  // namespace

void collect_spelling(const Xapian::Document& doc, SpellingCounts& counts) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    unsigned char first = static_cast<unsigned char>(term[0]);
    if (first >= 'A' && first <= 'Z') continue;  // prefixed or stemmed (Z...)
    if (is_cjk_word_char_at(term, 0)) continue;  // n-grams are no words to correct towards
    if (term.size() < 3 || term.size() > 32) continue;
    SpellingWord& word = counts[term];
    word.frequency += it.get_wdf();
    word.documents += 1;
  }
}

void merge_spelling(SpellingCounts& into, const SpellingCounts& from) {
  for (const auto& [term, word] : from) {
    SpellingWord& total = into[term];
    total.frequency += word.frequency;
    total.documents += word.documents;
  }
}

namespace {

// Numbers are never suggested; every word with a letter is, so a typo in a rare word still
// finds the one article that has it.
bool spelling_worthy(const std::string& term) {
  for (unsigned char c : term) {
    if ((c >= 'a' && c <= 'z') || c >= 0x80) return true;
  }
  return false;
}

}  // namespace

void add_spelling(Xapian::WritableDatabase& db, const SpellingCounts& counts, std::size_t part,
                  std::size_t parts) {
  std::hash<std::string> hash;
  for (const auto& [term, word] : counts) {
    if (parts > 1 && hash(term) % parts != part) continue;
    if (spelling_worthy(term)) db.add_spelling(term, word.frequency);
  }
}

DocumentBuilder::DocumentBuilder(const IndexWriterOptions& options) : options_(options) {
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator_.set_max_word_length(64);
  // Chinese, Japanese and Korean text has no spaces between words: each character and each pair of
  // neighbours is a term, so any word of it is found (WordExpander::cjk_word; measured against
  // ICU word segmentation in bench/cjk_segmentation.sh). Other scripts are unaffected.
  generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& language) {
  const std::string& key = language.empty() ? options_.default_language : language;
  auto it = stemmers_.find(key);
  if (it == stemmers_.end()) it = stemmers_.emplace(key, stemmer_for_language(key)).first;
  return it->second;
}

// Every word is indexed once with its positions, unprefixed, and its field's prefixed copy has no
// positions: a phrase within a field matches the field's words plus the phrase anywhere (see
// WordExpander::phrase), which saves a sixth of the position table.
void DocumentBuilder::index_free_text(const Article& article) {
  const FieldWeights& w = options_.weights;
  auto field = [this](const std::string& text, int weight, std::string_view prefix) {
    if (text.empty() || weight <= 0) return;
    auto wdf = static_cast<Xapian::termcount>(weight);
    if (!prefix.empty()) generator_.index_text_without_positions(text, wdf, std::string(prefix));
    generator_.index_text(text, wdf);
    generator_.increase_termpos(100);  // keep phrases from spanning fields
  };
  field(article.title, w.title, kTitle);
  for (const auto& h : article.headings)
    field(h.text, w.headings, kHeading);
  // A description made of the body's first sentences is shown, not indexed: the body has it.
  if (!article.description_from_body) field(article.description, w.description, kDescription);
  for (const auto& k : article.keywords)
    field(k, w.keywords, kKeywordText);
  for (const auto& t : article.tags)
    field(t, w.tags, {});
  for (const auto& c : article.categories)
    field(c, w.tags, {});
  for (const auto& s : article.sections)
    field(s.text, w.body, {});
  if (options_.index_code) field(article.code_text, w.code, kCode);
}

void DocumentBuilder::add_filter_terms(const Article& article, Xapian::Document& doc) const {
  auto add_all = [&doc](std::string_view prefix, const std::vector<std::string>& values) {
    for (const auto& v : values) {
      std::string term = boolean_term(prefix, v);
      if (term.size() > prefix.size()) doc.add_boolean_term(term);
    }
  };
  add_all(kTag, article.tags);
  add_all(kCategory, article.categories);
  add_all(kKeyword, article.keywords);
  add_all(kAuthor, article.authors);
  add_all(kSeries, article.series);
  for (const auto& [name, values] : article.taxonomies) {
    add_all(prefixed(kTaxonomy, normalise_term_value(name) + ":"), values);
  }
  std::string section = section_of(article.relative_path);
  if (!section.empty()) doc.add_boolean_term(boolean_term(kSection, section));
  const std::string& lang = article.language.empty() ? options_.default_language : article.language;
  if (!lang.empty()) doc.add_boolean_term(boolean_term(kLanguage, lang));
  if (article.date) {
    std::string day = format_day(*article.date, article.date_offset_seconds);  // 2026-01-26
    std::string digits = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
    doc.add_boolean_term(prefixed(kYear, digits.substr(0, 4)));
    doc.add_boolean_term(prefixed(kMonth, digits.substr(0, 6)));
    doc.add_boolean_term(prefixed(kDay, digits));
  }
  if (article.draft) doc.add_boolean_term(std::string(kDraft));
  doc.add_boolean_term(id_term(article.id));
}

void DocumentBuilder::add_values(const Article& article, Xapian::Document& doc) const {
  if (article.date) {
    doc.add_value(kDateSlot, Xapian::sortable_serialise(double(*article.date)));
    const Timestamp written = *article.date + article.date_offset_seconds;
    doc.add_value(kDateWrittenSlot, Xapian::sortable_serialise(double(written)));
  }
  if (article.lastmod) {
    const Timestamp written = *article.lastmod + article.lastmod_offset_seconds;
    doc.add_value(kLastmodSlot, Xapian::sortable_serialise(double(written)));
  } else if (article.date) {
    const Timestamp written = *article.date + article.date_offset_seconds;
    doc.add_value(kLastmodSlot, Xapian::sortable_serialise(double(written)));
  }
  doc.add_value(kWeightSlot, Xapian::sortable_serialise(article.weight));
  doc.add_value(kWordCountSlot, Xapian::sortable_serialise(article.word_count));
  doc.add_value(kContentHashSlot, article.content_hash);
  if (!article.file_stamp.empty()) doc.add_value(kFileStampSlot, article.file_stamp);
  doc.add_value(kSourcePathSlot, article.relative_path);
  doc.add_value(kFacetsSlot, encode_facets(article));
  doc.add_value(kIdSlot, article.id);
  doc.add_value(kTextSlot, encode_stored_text(article));
}

// What the title bonus reads (store/title_key.hpp).
void DocumentBuilder::add_title_key(const Article& article, Xapian::Document& doc) const {
  doc.add_value(kTitleKeySlot,
                encode_title_key(page_kind_of(article.relative_path), title_words(article.title)));
}

Xapian::Document DocumentBuilder::build(const Article& article) {
  Xapian::Document doc;
  generator_.set_document(doc);
  generator_.set_stemmer(stemmer_for(article.language));
  index_free_text(article);
  add_filter_terms(article, doc);
  add_values(article, doc);
  add_title_key(article, doc);
  doc.add_value(schema::kRecordSlot, encode_display_record(article));
  return doc;
}

}  // namespace folio::detail
