// Words that mean the same in technical writing (golang/go, k8s/kubernetes, js/javascript), from a
// built-in list merged with SearchSettings::synonyms. Lookups are by lowercased single word.
// Groups that share a member are one group: a site's ["pg", "postgres"] joins the built-in
// ["postgres", "postgresql"], so "pg" finds articles that only say "PostgreSQL".
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
  // Adds a group, merged with every group that shares a member with it.
  void add_group(const std::vector<std::string>& group);

  // The other members of the group holding `word` (lowercased), without `word` itself.
  std::vector<std::string> alternatives(std::string_view word) const;
  bool empty() const { return alternatives_.empty(); }

 private:
  std::vector<std::vector<std::string>> groups_;  // disjoint: no member in two groups
  std::map<std::string, std::vector<std::string>, std::less<>> alternatives_;
};

}  // namespace folio::detail
