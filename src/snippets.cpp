#include "snippets.hpp"

#include <algorithm>
#include <unordered_map>

#include "search_text.hpp"

namespace folio::detail {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr std::size_t kMaxMatchesConsidered = 256;
constexpr int kDistinctWeight = 100;
constexpr int kHeadingMatchWeight = 120;
constexpr std::size_t kHeadBytes = 3;

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
}

bool Highlighter::might_match(std::string_view text) const {
  if (needles_.empty()) return false;
  std::string lowered;
  lowered.reserve(text.size());
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    lowered += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (!ascii) return true;  // Unicode case folding is left to the full scan
  for (const auto& needle : needles_) {
    if (lowered.find(needle) != std::string::npos) return true;
  }
  return false;
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

// Word boundaries as Xapian draws them, with a fast path for ASCII.
std::size_t next_word_char(std::string_view text, std::size_t at, bool want_word_char) {
  while (at < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    std::size_t length = 1;
    bool word_char;
    if (c < 0x80) {
      word_char =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    } else {
      Xapian::Utf8Iterator it(text.data() + at, text.size() - at);
      word_char = Xapian::Unicode::is_wordchar(*it);
      ++it;
      length = it == Xapian::Utf8Iterator() ? text.size() - at
                                            : static_cast<std::size_t>(it.raw() - text.data()) - at;
    }
    if (word_char == want_word_char) return at;
    at += length;
  }
  return text.size();
}

}  // namespace

std::vector<Highlighter::Word> Highlighter::scan(std::string_view text) const {
  std::vector<Word> words;
  std::string lowered;
  std::size_t at = 0;
  while ((at = next_word_char(text, at, true)) < text.size()) {
    std::size_t finish = next_word_char(text, at, false);
    int match = -1;
    if (!terms_.empty() && could_match(text.substr(at, finish - at))) {
      lowercase_into(lowered, text.substr(at, finish - at));
      match = match_id(lowered);
    }
    words.push_back(Word{at, finish, match});
    at = finish;
  }
  return words;
}

// Every form a match can take starts with one of the needles (case aside).
bool Highlighter::could_match(std::string_view word) const {
  for (const auto& needle : needles_) {
    if (word.size() < needle.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < needle.size() && same; ++i) {
      char c = word[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == needle[i] || static_cast<unsigned char>(c) >= 0x80;
    }
    if (same) return true;
  }
  return false;
}

std::string Highlighter::render(std::string_view text, const std::vector<Word>& words,
                                std::size_t first, std::size_t last) const {
  std::string out;
  if (words.empty()) return out;
  if (first > 0) out += kEllipsis;
  std::size_t at = words[first].begin;
  for (std::size_t i = first; i <= last; ++i) {
    const Word& word = words[i];
    if (word.match < 0) continue;
    append_html_escaped(out, text.substr(at, word.begin - at));
    out += markers_.start;
    append_html_escaped(out, text.substr(word.begin, word.end - word.begin));
    out += markers_.end;
    at = word.end;
  }
  std::size_t stop = last + 1 < words.size() ? words[last].end : text.size();
  append_html_escaped(out, text.substr(at, stop - at));
  if (last + 1 < words.size()) out += kEllipsis;
  return out;
}

std::string Highlighter::highlight(std::string_view text) const {
  std::vector<Word> words = scan(text);
  if (words.empty()) return html_escape(text);
  std::string out;
  append_html_escaped(out, text.substr(0, words.front().begin));
  out += render(text, words, 0, words.size() - 1);
  return out;
}

int Highlighter::distinct_matches(std::string_view text) const {
  std::vector<int> ids;
  for (const auto& word : scan(text)) {
    if (word.match >= 0 && std::find(ids.begin(), ids.end(), word.match) == ids.end()) {
      ids.push_back(word.match);
    }
  }
  return static_cast<int>(ids.size());
}

Passage Highlighter::best_passage(std::string_view text, std::size_t length) const {
  Passage passage;
  std::vector<Word> words = scan(text);
  if (words.empty()) return passage;
  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < words.size() && matches.size() < kMaxMatchesConsidered; ++i) {
    if (words[i].match >= 0) matches.push_back(i);
  }
  // The last word that fits in `length` bytes from words[first].
  auto window_end = [&](std::size_t first) {
    std::size_t last = first;
    while (last + 1 < words.size() && words[last + 1].end - words[first].begin <= length)
      ++last;
    return last;
  };
  std::size_t best_first = 0;
  int best_score = 0;
  std::size_t lead_in = length / 4;
  for (std::size_t m : matches) {
    std::size_t first = m;
    while (first > 0 && words[m].begin - words[first - 1].begin <= lead_in)
      --first;
    std::size_t last = window_end(first);
    std::vector<int> ids;
    int count = 0;
    for (std::size_t i = first; i <= last; ++i) {
      if (words[i].match < 0) continue;
      ++count;
      if (std::find(ids.begin(), ids.end(), words[i].match) == ids.end()) {
        ids.push_back(words[i].match);
      }
    }
    int score = static_cast<int>(ids.size()) * kDistinctWeight + count;
    if (score > best_score) {
      best_score = score;
      best_first = first;
    }
  }
  passage.score = best_score;
  passage.html = render(text, words, best_first, window_end(best_first));
  return passage;
}

SnippetChoice choose_snippet(const StoredArticle& article, const Highlighter& highlighter,
                             std::size_t length) {
  SnippetChoice choice;
  int best_score = 0;
  std::string best_html;
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const std::string& text = article.sections[i];
    int heading_score = 0;
    if (i > 0 && i - 1 < article.record.headings.size()) {
      heading_score =
          highlighter.distinct_matches(article.record.headings[i - 1].text) * kHeadingMatchWeight;
    }
    if (heading_score == 0 && (text.empty() || !highlighter.might_match(text))) continue;
    Passage passage = highlighter.best_passage(text, length);
    int score = passage.score + heading_score;
    if (score > best_score) {
      best_score = score;
      best_html = std::move(passage.html);
      choice.heading_index =
          i > 0 && i - 1 < article.record.headings.size() ? static_cast<int>(i - 1) : -1;
    }
  }
  if (best_score > 0) {
    choice.snippet = std::move(best_html);
    return choice;
  }
  std::string_view fallback = article.record.description;
  for (std::size_t i = 0; fallback.empty() && i < article.sections.size(); ++i) {
    fallback = article.sections[i];
  }
  choice.snippet = highlighter.best_passage(fallback, length).html;
  return choice;
}

}  // namespace folio::detail
