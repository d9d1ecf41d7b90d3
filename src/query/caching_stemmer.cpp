#include "query/caching_stemmer.hpp"

namespace folio::detail {
namespace {

// "english" of "Xapian::Stem(english)": what a StemImplementation describes itself as.
std::string algorithm_of(const Xapian::Stem& stemmer) {
  std::string description = stemmer.get_description();
  auto open = description.find('(');
  auto close = description.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return description;
  return description.substr(open + 1, close - open - 1);
}

}  // namespace

CachingStemImplementation::CachingStemImplementation(const Xapian::Stem& stemmer,
                                                     std::size_t capacity)
    : stemmer_(stemmer), capacity_(capacity), algorithm_(algorithm_of(stemmer)) {}

std::string CachingStemImplementation::operator()(const std::string& word) {
  auto known = stems_.find(word);
  if (known != stems_.end()) return known->second;
  std::string stem = stemmer_(word);
  if (stems_.size() >= capacity_) stems_.clear();
  stems_.emplace(word, stem);
  return stem;
}

Xapian::Stem caching_stemmer(const Xapian::Stem& stemmer, std::size_t capacity) {
  if (stemmer.is_none()) return stemmer;
  return Xapian::Stem(new CachingStemImplementation(stemmer, capacity));
}

}  // namespace folio::detail
