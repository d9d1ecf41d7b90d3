// One word of a query as Xapian terms: tokenised exactly as the TermGenerator indexed it, stemmed
// (Z-prefixed terms), widened with synonyms, typo corrections from the index's vocabulary, and
// wildcard or search-as-you-type prefix expansion. Also the words to highlight in snippets.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/config.hpp"
#include "query/index_languages.hpp"
#include "query/synonyms.hpp"
#include "query/typo.hpp"

namespace folio::detail {

// What a snippet or title highlights: words as typed, their stems, and wildcard prefixes.
struct HighlightTerms {
  std::set<std::string> words;     // lowercased, unstemmed
  std::set<std::string> stems;     // as the query's stemmer makes them
  std::set<std::string> prefixes;  // wildcards and the search-as-you-type word
  std::set<std::string> cjk_runs;  // CJK text, matched anywhere inside unspaced text
  bool empty() const {
    return words.empty() && stems.empty() && prefixes.empty() && cjk_runs.empty();
  }
};

enum class WordMode {
  exact,     // stemmed word, synonyms, typo tolerance
  wildcard,  // go*: every indexed word starting with the text
  partial,   // the last word while typing: the word and any indexed word it starts
};

struct WordQuery {
  Xapian::Query query;          // empty when the text holds no indexable term
  std::string correction;       // the typo correction added to the query, if any
  std::string suggestion;       // "did you mean" spelling for the word, if the index lacks it
  std::string positional_term;  // the unstemmed term (for proximity), single words only
  // A compound word ("boundary-layer", "node.js") is a phrase in `query`; `any_part` matches any
  // of its words (stemmed, stopwords aside) and `part_terms` lists them unstemmed, in order.
  Xapian::Query any_part;
  std::vector<std::string> part_terms;
  bool stopword = false;
  // The word being typed matched only as the start of longer words, as it does not lead them
  // ("acc" beside "access"): the most frequent of them, which titles are then read for.
  std::string completion;
};

struct WordSettings {
  std::string language = "en";  // the query's language, for stopwords
  TypoTolerance typo = TypoTolerance::on;
  Xapian::termcount wildcard_limit = 100;
  SpellingCache* spelling = nullptr;  // remembers spelling lookups across searches (optional)
  // The index's languages: with several, a word matches each article by the article's own stem
  // (index_languages.hpp). Null or one language: by the query's stemmer alone.
  const IndexLanguages* languages = nullptr;
  // The reader's language when the request names one (SearchRequest::language): with several
  // languages, typo corrections come from its articles only.
  std::string reader_language = "";
};

// Wildcards a query may expand in full: its budget is this many times wildcard_limit words.
inline constexpr Xapian::termcount kWildcardsAtFullLimit = 4;

class WordExpander {
 public:
  WordExpander(const Xapian::Database& db, const Xapian::Stem& stemmer,
               const SynonymTable& synonyms, WordSettings settings);

  // The unstemmed, lowercased terms the TermGenerator makes of `text`, in order: for CJK text,
  // one per character (the n-gram mode's unigrams, which carry positions).
  std::vector<std::string> terms_of(std::string_view text);

  // `prefix` is the field's term prefix ("" for every text field).
  WordQuery word(std::string_view text, std::string_view prefix, WordMode mode,
                 HighlightTerms& highlights);
  // A phrase over positional terms, as typed or in forms sharing the words' stems (the exact form
  // weighs more); a single word matches its unstemmed form.
  Xapian::Query phrase(std::string_view text, std::string_view prefix, HighlightTerms& highlights);
  // Words within `window` positions of each other (in order when `ordered`).
  Xapian::Query near(const std::vector<std::string>& words, std::string_view prefix,
                     Xapian::termcount window, bool ordered, HighlightTerms& highlights);

  // Whether some article's title holds every one of `terms` (unstemmed) as a word.
  bool one_title_holds(const std::vector<std::string>& terms) const;
  // The term a single word matches: "Z" + prefix + stem, or prefix + word if it is not stemmed.
  std::string stemmed_term(const std::string& term, std::string_view prefix) const;
  std::string stem(const std::string& term) const;
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  const Xapian::Database& db_;
  Xapian::Stem stemmer_;
  const SynonymTable& synonyms_;
  WordSettings settings_;
  Xapian::TermGenerator tokenizer_;
  Xapian::termcount expansions_left_;  // of the query's wildcard budget (see wildcard())
  std::size_t form_scans_left_;        // indexed words a query's phrases may look at for forms

  bool index_lacks(const std::string& term, std::string_view prefix) const;
  bool several_languages() const;
  std::string correction_of(const std::string& term, unsigned max_edits) const;
  struct TypedWord {
    bool completes = false;  // a longer indexed word starts with it
    bool leads = false;      // the index holds it, at least as often as each longer word
    std::string leader;      // the most frequent longer word, without the field prefix
  };
  TypedWord typed_word(const std::string& prefixed, std::size_t term_length) const;
  void add_correction(const std::string& term, std::string_view prefix, Xapian::Query& query,
                      WordQuery& out, HighlightTerms& highlights);
  Xapian::Query single_term_query(const std::string& term, std::string_view prefix,
                                  HighlightTerms& highlights);
  Xapian::Query with_synonyms(const std::string& term, std::string_view prefix, Xapian::Query base,
                              HighlightTerms& highlights);
  Xapian::Query wildcard(const std::string& term, std::string_view prefix);
  std::vector<std::string> terms_of(std::string_view text, std::vector<std::string>* cjk_pairs);
  WordQuery cjk_word(std::vector<std::string> terms, std::vector<std::string> cjk_pairs,
                     std::string_view prefix, HighlightTerms& highlights) const;
  void drop_unheld_particle(std::vector<std::string>& terms, std::vector<std::string>& cjk_pairs,
                            std::string_view prefix) const;
  void add_highlight(const std::string& term, HighlightTerms& highlights) const;
  std::vector<std::string> indexed_forms(const std::string& term);
  Xapian::Query stemmed_phrase(const std::vector<std::string>& terms, std::string_view prefix,
                               HighlightTerms& highlights);
  void add_compound_parts(const std::vector<std::string>& terms, std::string_view prefix,
                          WordQuery& out) const;
};

}  // namespace folio::detail
