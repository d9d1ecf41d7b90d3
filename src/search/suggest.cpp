#include "search/suggest.hpp"

#include <algorithm>
#include <utility>

#include "base/text.hpp"
#include "base/word_chars.hpp"
#include "folio/schema.hpp"
#include "query/word_query.hpp"
#include "store/stored_record.hpp"

namespace folio::detail {
namespace {

constexpr std::size_t kMaxTermsScanned = 3000;
constexpr Xapian::termcount kTitleExpansion = 50;
constexpr std::size_t kMaxContextWords = 8;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct TypedText {
  std::string before_last;           // the text up to the word being typed
  std::vector<std::string> context;  // earlier words' terms
  std::string last;                  // the word being typed (a term), or ""
  std::string cjk_last;              // the word being typed as written, when it holds CJK text
};

TypedText split_typed(WordExpander& words, const std::string& text) {
  TypedText typed;
  std::size_t end = text.size();
  bool typing = end > 0 && !is_space(text[end - 1]);
  std::size_t start = end;
  if (typing) {
    while (start > 0 && !is_space(text[start - 1]))
      --start;
    std::vector<std::string> last_terms = words.terms_of(text.substr(start));
    if (!last_terms.empty()) typed.last = last_terms.back();
    if (!typed.last.empty() && is_cjk_word_char_at(typed.last, 0))
      typed.cjk_last = text.substr(start);
  }
  typed.before_last = text.substr(0, start);
  typed.context = words.terms_of(typed.before_last);
  if (typed.context.size() > kMaxContextWords) {
    typed.context.erase(typed.context.begin(),
                        typed.context.end() - static_cast<std::ptrdiff_t>(kMaxContextWords));
  }
  return typed;
}

// Most frequent completions of `prefix` among the first terms after it.
std::vector<std::string> frequent_completions(const Xapian::Database& db, const std::string& prefix,
                                              std::size_t wanted) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    if (++scanned > kMaxTermsScanned) break;
    std::string term = *it;
    if (term == prefix) continue;
    found.emplace_back(it.get_termfreq(), std::move(term));
  }
  std::size_t keep = std::min(wanted, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                    [](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return a.second < b.second;
                    });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < keep; ++i)
    out.push_back(std::move(found[i].second));
  return out;
}

Xapian::Query context_query(WordExpander& words, const std::vector<std::string>& context,
                            std::string_view prefix) {
  std::vector<Xapian::Query> parts;
  for (const auto& term : context)
    parts.emplace_back(words.stemmed_term(term, prefix));
  if (parts.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

bool matches_any(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 1).size() > 0;
}

// The CJK text being typed, one character longer: each pair the index holds that starts with its
// last character, most frequent first, where the longer text is found (with the words before).
std::vector<Suggestion> cjk_suggestions(const Xapian::Database& db, WordExpander& words,
                                        const TypedText& typed, std::size_t wanted) {
  std::vector<Suggestion> out;
  Xapian::Query context = context_query(words, typed.context, "");
  HighlightTerms unused;
  for (const auto& pair : frequent_completions(db, typed.last, wanted * 3)) {
    if (out.size() >= wanted) break;
    if (pair.size() <= typed.last.size() || !is_cjk_word_char_at(pair, typed.last.size())) continue;
    std::string longer = typed.cjk_last + pair.substr(typed.last.size());
    Xapian::Query found = words.word(longer, "", WordMode::exact, unused).query;
    if (!context.empty()) found = Xapian::Query(Xapian::Query::OP_AND, context, found);
    if (!matches_any(db, found)) continue;
    out.push_back(Suggestion{Suggestion::Kind::term, typed.before_last + longer, ""});
  }
  return out;
}

std::vector<Suggestion> term_suggestions(const Xapian::Database& db, WordExpander& words,
                                         const TypedText& typed, std::size_t wanted) {
  std::vector<Suggestion> out;
  if (typed.last.empty()) return out;
  if (!typed.cjk_last.empty()) return cjk_suggestions(db, words, typed, wanted);
  Xapian::Query context = context_query(words, typed.context, "");
  for (const auto& term : frequent_completions(db, typed.last, wanted * 3)) {
    if (out.size() >= wanted) break;
    if (!context.empty() &&
        !matches_any(db, Xapian::Query(Xapian::Query::OP_AND, context, Xapian::Query(term)))) {
      continue;
    }
    out.push_back(Suggestion{Suggestion::Kind::term, typed.before_last + term, ""});
  }
  return out;
}

std::vector<Suggestion> title_suggestions(const Xapian::Database& db, WordExpander& words,
                                          const TypedText& typed, std::size_t wanted) {
  std::vector<Suggestion> out;
  std::string title_prefix(schema::kTitle);
  std::vector<Xapian::Query> parts;
  Xapian::Query context = context_query(words, typed.context, title_prefix);
  if (!context.empty()) parts.push_back(context);
  if (!typed.cjk_last.empty()) {
    HighlightTerms unused;
    parts.push_back(words.word(typed.cjk_last, title_prefix, WordMode::exact, unused).query);
  } else if (!typed.last.empty()) {
    parts.emplace_back(Xapian::Query::OP_OR,
                       Xapian::Query(words.stemmed_term(typed.last, title_prefix)),
                       Xapian::Query(Xapian::Query::OP_WILDCARD, title_prefix + typed.last,
                                     kTitleExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
  }
  if (parts.empty() || wanted == 0) return out;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(wanted));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ArticleRecord record = read_display_record(it.get_document());
    out.push_back(Suggestion{Suggestion::Kind::title, record.title, record.url});
  }
  return out;
}

}  // namespace

std::vector<Suggestion> suggest(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                std::string_view partial_query, int limit) {
  if (limit < 1) return {};
  std::string text = sanitise_text(partial_query);
  std::size_t lead = 0;
  while (lead < text.size() && is_space(text[lead]))
    ++lead;
  text.erase(0, lead);
  if (text.empty()) return {};
  SynonymTable no_synonyms;
  WordExpander words(db, stemmer, no_synonyms, WordSettings{});
  TypedText typed = split_typed(words, text);
  std::size_t wanted = static_cast<std::size_t>(limit);
  std::vector<Suggestion> terms = term_suggestions(db, words, typed, (wanted + 1) / 2);
  std::vector<Suggestion> titles = title_suggestions(db, words, typed, wanted - terms.size());
  if (terms.size() + titles.size() < wanted && !typed.last.empty()) {
    // Few titles: let more completions in.
    std::vector<Suggestion> more = term_suggestions(db, words, typed, wanted - titles.size());
    terms = std::move(more);
  }
  std::vector<Suggestion> out = std::move(terms);
  for (auto& title : titles)
    out.push_back(std::move(title));
  if (out.size() > wanted) out.resize(wanted);
  return out;
}

}  // namespace folio::detail
