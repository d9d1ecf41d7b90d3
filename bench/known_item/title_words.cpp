#include "title_words.hpp"

#include <algorithm>
#include <utility>

#include <xapian.h>

namespace folio_bench {

std::vector<std::string> words_of(const std::string& text) {
  Xapian::Document doc;
  Xapian::TermGenerator generator;
  generator.set_document(doc);
  generator.set_max_word_length(64);
  generator.index_text(text);
  std::vector<std::pair<Xapian::termpos, std::string>> positioned;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
      positioned.emplace_back(*pos, *term);
  }
  std::sort(positioned.begin(), positioned.end());
  std::vector<std::string> words;
  for (auto& [pos, word] : positioned)
    words.push_back(std::move(word));
  return words;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace folio_bench
