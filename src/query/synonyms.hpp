// Words that mean the same in technical writing (golang/go, k8s/kubernetes, js/javascript), from a
// built-in list merged with SearchSettings::synonyms. Lookups are by lowercased single word.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "folio/config.hpp"

namespace folio::detail {

// The built-in groups, each a list of equivalent words or short phrases.
const std::vector<std::vector<std::string>>& default_synonym_groups();

class SynonymTable {
 public:
  SynonymTable() = default;
  explicit SynonymTable(const SearchSettings& settings);
  void add_group(const std::vector<std::string>& group);

  // The other members of every group holding `word` (lowercased), without `word` itself.
  std::vector<std::string> alternatives(std::string_view word) const;
  bool empty() const { return alternatives_.empty(); }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> alternatives_;
};

}  // namespace folio::detail
