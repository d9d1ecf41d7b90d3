#include "store/title_key.hpp"

#include <algorithm>
#include <utility>

#include <xapian.h>

namespace folio::detail {
namespace {

constexpr std::size_t kMaxKeyBytes = 1024;  // a title longer than this keeps its first words

}  // namespace

std::vector<std::string> title_words(std::string_view text) {
  Xapian::Document scratch;
  Xapian::TermGenerator generator;
  generator.set_max_word_length(64);  // as DocumentBuilder indexes
  generator.set_document(scratch);
  generator.index_text(std::string(text));
  std::vector<std::pair<Xapian::termpos, std::string>> placed;
  for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
      placed.emplace_back(*pos, *term);
  }
  std::sort(placed.begin(), placed.end());
  std::vector<std::string> words;
  words.reserve(placed.size());
  for (auto& [pos, word] : placed)
    words.push_back(std::move(word));
  return words;
}

PageKind page_kind_of(std::string_view relative_path) {
  std::size_t slash = relative_path.rfind('/');
  std::string_view name =
      slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1);
  std::string_view stem = name.substr(0, name.find('.'));
  return stem == "_index" ? PageKind::section : PageKind::page;
}

std::string encode_title_key(PageKind kind, const std::vector<std::string>& words) {
  std::string out(1, static_cast<char>(kind));
  for (const auto& word : words) {
    if (out.size() + 1 + word.size() > kMaxKeyBytes) break;
    if (out.size() > 1) out += ' ';
    out += word;
  }
  return out;
}

TitleKey decode_title_key(std::string_view value) {
  TitleKey key;
  if (value.empty()) return key;
  if (value.front() == static_cast<char>(PageKind::section)) key.kind = PageKind::section;
  key.words = value.substr(1);
  return key;
}

}  // namespace folio::detail
