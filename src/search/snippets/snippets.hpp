// Highlighted snippets from the stored section texts: the passage holding the most query words
// (matched as typed, by stem, or by wildcard prefix), HTML-escaped, matches wrapped in the
// configured markers, the section it comes from, and the best few sections with their own
// passages, as Pagefind's sub-results show.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "query/word_query.hpp"
#include "search/snippets/word_start_finder.hpp"
#include "store/stored_record.hpp"

namespace folio::detail {

struct Markers {
  std::string start = "<mark>";
  std::string end = "</mark>";
};

struct Passage {
  std::string html;  // escaped, highlighted, "…" where text was cut
  int score = 0;     // 0 when no query word is in it
};

// What best_passage gives for a text without any query word.
enum class NoMatch { start_of_text, nothing };

class Highlighter {
 public:
  Highlighter(const HighlightTerms& terms, const Xapian::Stem& stemmer, Markers markers);

  // The whole text, escaped, every match wrapped.
  std::string highlight(std::string_view text) const;
  // The window of about `length` characters holding the most query words. Nothing is tokenised
  // word by word: only the words starting with a needle are looked at.
  Passage best_passage(std::string_view text, std::size_t length,
                       NoMatch no_match = NoMatch::start_of_text) const;
  // How many distinct query words `text` holds (among its first kMaxMatchesConsidered matches),
  // and the most any text can hold.
  int distinct_matches(std::string_view text) const;
  int distinct_possible() const { return distinct_possible_; }

  // best_passage in two steps: where the best window starts and its score, then its rendering.
  struct Window {
    bool found = false;  // false: nothing to render
    std::size_t begin = 0;
    std::size_t text_start = 0;  // the text's first word: a window after it shows "…" first
    int score = 0;
  };
  Window best_window(std::string_view text, std::size_t length,
                     NoMatch no_match = NoMatch::start_of_text) const;
  std::string render_window(std::string_view text, const Window& window, std::size_t length) const;

 private:
  struct Word {
    std::size_t begin;
    std::size_t end;
    int match;  // -1, or an id shared by every form of one query word
  };
  const HighlightTerms& terms_;
  Xapian::Stem stemmer_;
  Markers markers_;
  std::vector<std::string> stem_heads_;
  std::vector<std::string> needles_;        // lowercased first bytes of every form a match can take
  WordStartFinder word_starts_{{}, false};  // where a word that may match can start
  mutable std::unordered_map<std::string, int> known_words_;  // lowercased word -> match_id
  int distinct_possible_ = 0;

  // A stretch of text to render: its matches marked, the rest copied.
  struct Excerpt {
    std::size_t begin = 0;  // its first word's start
    std::size_t end = 0;    // its last word's end, or the end of the text when no word follows
    std::vector<Word> matches;
    bool more_before = false;  // "…" first
    bool more_after = false;   // "…" last
  };
  // The words from the word starting at `from` as long as they fit in `length` bytes (at least
  // one), found without tokenising them: the cut is found from the limit backwards, and only
  // the words skimmed as possible matches are looked at.
  Excerpt window_excerpt(std::string_view text, std::size_t from, std::size_t length) const;
  static constexpr std::size_t kMaxMatchesConsidered = 256;
  // The matched words of `text` in order, at most `limit`. With a stop_span, the scan ends once
  // the matches within stop_span bytes hold every query word.
  std::vector<Word> matches(std::string_view text, std::size_t stop_span = 0,
                            std::size_t limit = kMaxMatchesConsidered, std::size_t from = 0) const;
  std::vector<Word> matches_of_words(std::string_view text, std::size_t stop_span,
                                     std::size_t limit, std::size_t from) const;
  void add_cjk_matches(std::string_view text, std::size_t from, std::vector<Word>& found) const;
  bool window_complete(const std::vector<Word>& found, std::size_t span) const;
  int match_id(std::string_view lowered) const;
  int match_of(std::string_view text, std::size_t begin, std::size_t end) const;
  // match_of for a word could_match has let through.
  int match_of_plausible(std::string_view word) const;
  bool could_match(std::string_view word) const;
  // The excerpt escaped, its matches marked, with "…" where text was cut.
  std::string render(std::string_view text, const Excerpt& excerpt) const;
};

// Sections of a hit shown with their own passages.
inline constexpr std::size_t kMaxSectionSnippets = 3;

struct SectionSnippet {
  int heading_index = -1;  // in record.headings
  std::string snippet;     // escaped, highlighted
};

struct SnippetChoice {
  std::string snippet;     // escaped, highlighted
  int heading_index = -1;  // record.headings index of the section holding the best match, or -1
  // The headed sections holding query words, best first, at most kMaxSectionSnippets.
  std::vector<SectionSnippet> sections;
};

// Picks the best passage over every section of an article, and the best few headed sections
// with theirs; without any match, the start of the description (or of the text).
SnippetChoice choose_snippet(const StoredArticle& article, const Highlighter& highlighter,
                             std::size_t length);

}  // namespace folio::detail
