#include "search/snippets/snippets.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <set>
#include <unordered_map>

#include "base/text.hpp"
#include "base/utf8.hpp"
#include "base/word_chars.hpp"

namespace folio::detail {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr int kDistinctWeight = 100;
constexpr int kHeadingMatchWeight = 120;
constexpr std::size_t kHeadBytes = 3;
constexpr std::size_t kMaxKnownWords = 4096;

// Lowercases ASCII quickly, and anything else through Xapian's Unicode tables.
void lowercase_into(std::string& out, std::string_view word) {
  out.clear();
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (!ascii) out = lowercase(word);
}

std::size_t head_length(std::string_view s) {
  return std::min(s.size(), kHeadBytes);
}

// The distinct match ids (never negative) added so far; the first 64 ids take no allocation.
class DistinctIds {
 public:
  void add(int id) {
    if (id < 64) {
      low_ |= std::uint64_t{1} << id;
    } else if (std::find(high_.begin(), high_.end(), id) == high_.end()) {
      high_.push_back(id);
    }
  }
  int count() const { return std::popcount(low_) + static_cast<int>(high_.size()); }
  void clear() {
    low_ = 0;
    high_.clear();
  }

 private:
  std::uint64_t low_ = 0;
  std::vector<int> high_;
};

}  // namespace

Highlighter::Highlighter(const HighlightTerms& terms, const Xapian::Stem& stemmer, Markers markers)
    : terms_(terms), stemmer_(stemmer), markers_(std::move(markers)) {
  for (const auto& stem : terms_.stems) {
    if (!stem.empty()) stem_heads_.push_back(stem.substr(0, head_length(stem)));
  }
  // A word matches by its own form, its stem or a prefix; all of them start with one of these
  // (a stem can differ from its words after the first few letters only).
  auto add_needle = [&](const std::string& form) {
    if (form.empty()) return;
    std::string needle = form.substr(0, head_length(form));
    if (std::find(needles_.begin(), needles_.end(), needle) == needles_.end()) {
      needles_.push_back(std::move(needle));
    }
  };
  for (const auto& w : terms_.words)
    add_needle(w);
  for (const auto& w : terms_.stems)
    add_needle(w);
  for (const auto& w : terms_.prefixes)
    add_needle(w);
  // Where a word that may match can start: a needle's letters in either case, or a
  // non-ASCII character when one could lowercase to a needle's first letter: when a needle starts
  // with a non-ASCII character, or with 'i' or 'k', the only ASCII letters a non-ASCII character
  // lowercases to (U+0130 and the Kelvin sign U+212A).
  const bool non_ascii = std::any_of(needles_.begin(), needles_.end(), [](const std::string& n) {
    const auto first = static_cast<unsigned char>(n[0]);
    return first >= 0x80 || first == 'i' || first == 'k';
  });
  word_starts_ = WordStartFinder(needles_, non_ascii);
  std::set<int> ids;
  for (int id = 0; id < static_cast<int>(terms_.stems.size() + terms_.prefixes.size()); ++id)
    ids.insert(id);
  for (const auto& word : terms_.words)
    ids.insert(match_id(word));
  distinct_possible_ = static_cast<int>(ids.size() + terms_.cjk_runs.size());
}

// CJK runs of the query, found anywhere in the text (unspaced text has no word starts to skim
// for), as matches with ids after every other kind.
void Highlighter::add_cjk_matches(std::string_view text, std::size_t from,
                                  std::vector<Word>& found) const {
  int id = static_cast<int>(terms_.stems.size() + terms_.prefixes.size() + terms_.words.size());
  const std::size_t before = found.size();
  for (const auto& run : terms_.cjk_runs) {
    for (std::size_t at = text.find(run, from); at != std::string_view::npos;
         at = text.find(run, at + run.size())) {
      found.push_back(Word{at, at + run.size(), id});
    }
    ++id;
  }
  if (found.size() == before) return;
  std::sort(found.begin(), found.end(),
            [](const Word& a, const Word& b) { return a.begin < b.begin; });
  // Overlapping matches (a run inside a word match) keep the first.
  std::vector<Word> kept;
  for (const Word& word : found) {
    if (kept.empty() || word.begin >= kept.back().end) kept.push_back(word);
  }
  found = std::move(kept);
}

int Highlighter::match_id(std::string_view lowered) const {
  // Ids: stems by their rank in the set, then prefixes, then unstemmed-only words.
  int id = 0;
  auto stem_id = [&](const std::string& stem) -> int {
    auto it = terms_.stems.find(stem);
    return it == terms_.stems.end() ? -1
                                    : static_cast<int>(std::distance(terms_.stems.begin(), it));
  };
  std::string word(lowered);
  if (terms_.words.count(word) > 0) {
    int by_stem = stemmer_.is_none() ? -1 : stem_id(stemmer_(word));
    if (by_stem >= 0) return by_stem;
    auto it = terms_.words.find(word);
    return static_cast<int>(terms_.stems.size() + terms_.prefixes.size()) +
           static_cast<int>(std::distance(terms_.words.begin(), it));
  }
  id = static_cast<int>(terms_.stems.size());
  for (const auto& prefix : terms_.prefixes) {
    if (lowered.starts_with(prefix)) return id;
    ++id;
  }
  if (stemmer_.is_none() || stem_heads_.empty()) return -1;
  bool plausible = std::any_of(stem_heads_.begin(), stem_heads_.end(), [&](const std::string& h) {
    return lowered.size() >= h.size() && lowered.compare(0, h.size(), h) == 0;
  });
  if (!plausible) return -1;
  return stem_id(stemmer_(word));
}

namespace {

// The end of the last word, from the word at `first` on, that ends at or before byte `limit`;
// the first word's end when even that one does not. Found from the limit backwards.
std::size_t last_word_end_within(std::string_view text, std::size_t first, std::size_t limit) {
  const std::size_t first_end = next_word_char(text, first, false);
  if (first_end >= limit) return first_end;
  if (limit >= text.size()) return text.size();
  std::size_t at = limit;
  while (at > first_end && utf8::is_continuation(static_cast<unsigned char>(
                               text[at])))  // the character holding the limit
    --at;
  // A word running past the limit is left out whole...
  if (is_word_char_at(text, at)) {
    while (at > first_end && follows_word_char(text, at))
      at = utf8::previous_char_start(text, at);
  }
  // ...and so is what separates it from the word before.
  while (at > first_end && !is_word_char_at(text, utf8::previous_char_start(text, at)))
    at = utf8::previous_char_start(text, at);
  return at;
}

}  // namespace

int Highlighter::match_of(std::string_view text, std::size_t begin, std::size_t end) const {
  std::string_view word = text.substr(begin, end - begin);
  if (terms_.empty() || !could_match(word)) return -1;
  return match_of_plausible(word);
}

int Highlighter::match_of_plausible(std::string_view word) const {
  std::string lowered;
  lowercase_into(lowered, word);
  // Articles repeat their words: each distinct word is stemmed and looked up once per query.
  if (auto known = known_words_.find(lowered); known != known_words_.end()) return known->second;
  int id = match_id(lowered);
  if (known_words_.size() < kMaxKnownWords) known_words_.emplace(std::move(lowered), id);
  return id;
}

Highlighter::Excerpt Highlighter::window_excerpt(std::string_view text, std::size_t from,
                                                 std::size_t length) const {
  Excerpt excerpt;
  excerpt.begin = next_word_char(text, from, true);
  if (excerpt.begin >= text.size()) {
    excerpt.begin = excerpt.end = text.size();
    return excerpt;
  }
  const std::size_t last_end = last_word_end_within(text, excerpt.begin, from + length);
  excerpt.more_after = next_word_char(text, last_end, true) < text.size();
  excerpt.end = excerpt.more_after ? last_end : text.size();
  excerpt.matches =
      matches(text.substr(0, last_end), 0, std::numeric_limits<std::size_t>::max(), excerpt.begin);
  return excerpt;
}

// Whether the matches ending with the last one, within `span` bytes of its end, hold every
// query word.
bool Highlighter::window_complete(const std::vector<Word>& found, std::size_t span) const {
  constexpr int kMaxFollowed = 8;
  if (distinct_possible_ <= 0 || distinct_possible_ > kMaxFollowed || found.empty()) return false;
  const std::size_t end = found.back().end;
  DistinctIds ids;
  for (auto it = found.rbegin(); it != found.rend() && it->begin + span >= end; ++it) {
    ids.add(it->match);
    if (ids.count() == distinct_possible_) return true;
  }
  return false;
}

std::vector<Highlighter::Word> Highlighter::matches(std::string_view text, std::size_t stop_span,
                                                    std::size_t limit, std::size_t from) const {
  std::vector<Word> found;
  if (!terms_.cjk_runs.empty()) {
    // Rare enough to take the simple way: every match, then the limit.
    found = matches_of_words(text, 0, std::numeric_limits<std::size_t>::max(), from);
    add_cjk_matches(text, from, found);
    if (found.size() > limit) found.resize(limit);
    return found;
  }
  return matches_of_words(text, stop_span, limit, from);
}

std::vector<Highlighter::Word> Highlighter::matches_of_words(std::string_view text,
                                                             std::size_t stop_span,
                                                             std::size_t limit,
                                                             std::size_t from) const {
  std::vector<Word> found;
  if (terms_.empty() || needles_.empty()) return found;
  // A word can match only if it starts with a needle (ASCII case aside) or holds a non-ASCII
  // character, which may fold to anything, among its first bytes (see could_match). The text is
  // skimmed for the bytes such a word can start with; only the words starting there are looked
  // at, and the rest of the text is never tokenised.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = word_starts_.next(text, from); at < text.size();
       at = word_starts_.next(text, at + 1)) {
    if (follows_word_char(text, at) || !could_match(text.substr(at, kHeadBytes))) continue;
    if (bytes[at] >= 0x80 && !is_word_char_at(text, at)) continue;
    std::size_t end = next_word_char(text, at, false);
    // could_match passed on the first kHeadBytes bytes: that is the word's own verdict unless
    // the word is shorter.
    int id = end - at >= kHeadBytes ? match_of_plausible(text.substr(at, end - at))
                                    : match_of(text, at, end);
    if (id >= 0) {
      if (found.empty()) found.reserve(16);  // one allocation for most texts, not one per doubling
      found.push_back(Word{at, end, id});
      if (found.size() == limit) break;
      if (stop_span > 0 && window_complete(found, stop_span)) break;
    }
    // The loop's step looks from `end` on: a word can start right there after a CJK character.
    at = end - 1;
  }
  return found;
}

// Every form a match can take starts with one of the needles (case aside). A word with a
// non-ASCII character among its first bytes is left to match_of: its lowercase form may differ
// in length ("\u0130" is two bytes, its lowercase "i" one).
bool Highlighter::could_match(std::string_view word) const {
  const std::string_view head = word.substr(0, kHeadBytes);
  if (std::any_of(head.begin(), head.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return true;
  }
  for (const auto& needle : needles_) {
    if (word.size() < needle.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < needle.size() && same; ++i) {
      char c = word[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == needle[i];
    }
    if (same) return true;
  }
  return false;
}

std::string Highlighter::render(std::string_view text, const Excerpt& excerpt) const {
  std::string out;
  if (excerpt.begin >= excerpt.end) return out;
  out.reserve(2 * kEllipsis.size() + excerpt.end - excerpt.begin +
              excerpt.matches.size() * (markers_.start.size() + markers_.end.size()) + 32);
  if (excerpt.more_before) out += kEllipsis;
  std::size_t at = excerpt.begin;
  for (const Word& word : excerpt.matches) {
    append_html_escaped(out, text.substr(at, word.begin - at));
    out += markers_.start;
    append_html_escaped(out, text.substr(word.begin, word.end - word.begin));
    out += markers_.end;
    at = word.end;
  }
  append_html_escaped(out, text.substr(at, excerpt.end - at));
  if (excerpt.more_after) out += kEllipsis;
  return out;
}

std::string Highlighter::highlight(std::string_view text) const {
  // render() marks the matched words and copies the text between them: the others need not be
  // found.
  std::vector<Word> words = matches(text, 0, std::numeric_limits<std::size_t>::max());
  if (words.empty()) return html_escape(text);
  std::string out;
  append_html_escaped(out, text.substr(0, words.front().begin));
  const std::size_t first = words.front().begin;
  out += render(text, Excerpt{first, text.size(), std::move(words), false, false});
  return out;
}

int Highlighter::distinct_matches(std::string_view text) const {
  DistinctIds ids;
  for (const Word& word : matches(text))
    ids.add(word.match);
  return ids.count();
}

Highlighter::Window Highlighter::best_window(std::string_view text, std::size_t length,
                                             NoMatch no_match) const {
  Window window;
  // The scan stops at the first span short enough for a window that holds every query word: the
  // window anchored at its first match (lead_in before it) holds them all, and no later window
  // can hold more words.
  std::size_t lead_in = length / 4;
  std::vector<Word> found = matches(text, length - lead_in);
  if (found.empty() && no_match == NoMatch::nothing) return window;
  std::size_t text_start = next_word_char(text, 0, true);
  if (text_start >= text.size()) return window;
  // A window starts at the first word within `lead_in` bytes before a match and takes the words
  // that end within `length` bytes of its start (at least its first word).
  window.found = true;
  window.begin = text_start;
  window.text_start = text_start;
  DistinctIds ids;
  for (std::size_t i = 0; i < found.size(); ++i) {
    std::size_t begin =
        found[i].begin > lead_in ? word_start_from(text, found[i].begin - lead_in) : text_start;
    std::size_t first = i;
    while (first > 0 && found[first - 1].begin >= begin)
      --first;
    ids.clear();
    int count = 0;
    for (std::size_t j = first; j < found.size(); ++j) {
      if (found[j].begin != begin && found[j].end - begin > length) break;
      ++count;
      ids.add(found[j].match);
    }
    int score = ids.count() * kDistinctWeight + count;
    if (score > window.score) {
      window.score = score;
      window.begin = begin;
    }
  }
  return window;
}

std::string Highlighter::render_window(std::string_view text, const Window& window,
                                       std::size_t length) const {
  if (!window.found) return {};
  Excerpt excerpt = window_excerpt(text, window.begin, length);
  excerpt.more_before = window.begin > window.text_start;
  return render(text, excerpt);
}

Passage Highlighter::best_passage(std::string_view text, std::size_t length,
                                  NoMatch no_match) const {
  Window window = best_window(text, length, no_match);
  return Passage{render_window(text, window, length), window.score};
}

namespace {

struct SectionCandidate {
  std::size_t index = 0;   // in article.sections
  int heading_score = 0;   // for the query words its heading holds
  int heading_index = -1;  // in record.headings, or -1 for the lead
};

// The sections worth scanning, those whose headings hold the most query words first (in
// document order among equals).
std::vector<SectionCandidate> candidate_sections(const StoredArticle& article,
                                                 const Highlighter& highlighter) {
  std::vector<SectionCandidate> out;
  out.reserve(article.sections.size());
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    SectionCandidate c{i, 0, -1};
    if (i > 0 && i - 1 < article.record.headings.size()) {
      c.heading_index = static_cast<int>(i - 1);
      c.heading_score =
          highlighter.distinct_matches(article.record.headings[i - 1].text) * kHeadingMatchWeight;
    }
    if (c.heading_score > 0 || !article.sections[i].empty()) out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.heading_score > b.heading_score; });
  return out;
}

}  // namespace

namespace {

struct ScoredSection {
  int score = 0;
  std::size_t index = 0;  // in article.sections
  int heading_index = -1;
  Highlighter::Window window;
};

// Keeps `best` ordered by score, at most kMaxSectionSnippets long; among equal scores the first
// found stays ahead.
void keep_if_better(std::vector<ScoredSection>& best, ScoredSection section) {
  auto at = std::find_if(best.begin(), best.end(),
                         [&](const ScoredSection& s) { return section.score > s.score; });
  if (at == best.end() && best.size() >= kMaxSectionSnippets) return;
  best.insert(at, std::move(section));
  if (best.size() > kMaxSectionSnippets) best.pop_back();
}

}  // namespace

SnippetChoice choose_snippet(const StoredArticle& article, const Highlighter& highlighter,
                             std::size_t length) {
  // Every section's best window is scored; only the few best are rendered. Once the weakest of
  // them holds every query word, a section that could only match it (its heading scoring no
  // more) is not scanned: among windows with the same words, the first found wins.
  SnippetChoice choice;
  std::vector<ScoredSection> best;
  const int all_words = highlighter.distinct_possible() * kDistinctWeight;
  for (const SectionCandidate& section : candidate_sections(article, highlighter)) {
    if (best.size() == kMaxSectionSnippets &&
        best.back().score >= section.heading_score + all_words) {
      break;
    }
    Highlighter::Window window = highlighter.best_window(
        article.sections[section.index], length,
        section.heading_score > 0 ? NoMatch::start_of_text : NoMatch::nothing);
    int score = window.score + section.heading_score;
    if (score > 0) keep_if_better(best, {score, section.index, section.heading_index, window});
  }
  for (const ScoredSection& section : best) {
    std::string html =
        highlighter.render_window(article.sections[section.index], section.window, length);
    if (choice.snippet.empty()) {
      choice.snippet = html;
      choice.heading_index = section.heading_index;
    }
    // a heading alone (an empty section under it) is no passage to show
    if (section.heading_index >= 0 && !html.empty()) {
      choice.sections.push_back({section.heading_index, html});
    }
  }
  if (!best.empty()) return choice;
  std::string_view fallback = article.record.description;
  for (std::size_t i = 0; fallback.empty() && i < article.sections.size(); ++i) {
    fallback = article.sections[i];
  }
  choice.snippet = highlighter.best_passage(fallback, length).html;
  return choice;
}

}  // namespace folio::detail
