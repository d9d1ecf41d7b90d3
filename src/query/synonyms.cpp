#include "query/synonyms.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace folio::detail {

const std::vector<std::vector<std::string>>& default_synonym_groups() {
  static const std::vector<std::vector<std::string>> groups = {
      {"go", "golang"},
      {"k8s", "kubernetes"},
      {"js", "javascript"},
      {"ts", "typescript"},
      {"py", "python"},
      {"postgres", "postgresql"},
      {"mongo", "mongodb"},
      {"db", "database"},
      {"dbs", "databases"},
      {"repo", "repository"},
      {"repos", "repositories"},
      {"config", "configuration"},
      {"auth", "authentication"},
      {"async", "asynchronous"},
      {"env", "environment"},
      {"regex", "regexp", "regular expression"},
      {"ci", "continuous integration"},
      {"llm", "large language model"},
      {"ml", "machine learning"},
      {"ai", "artificial intelligence"},
      {"os", "operating system"},
      {"vm", "virtual machine"},
      {"gc", "garbage collector", "garbage collection"},
      {"cli", "command line"},
      {"ui", "user interface"},
      {"wasm", "webassembly"},
      {"rpc", "remote procedure call"},
      {"tls", "ssl"},
      {"dns", "domain name system"},
      {"sql", "structured query language"},
      {"nosql", "non-relational"},
      {"perf", "performance"},
      {"docs", "documentation"},
      {"msg", "message"},
  };
  return groups;
}

SynonymTable::SynonymTable(const SearchSettings& settings) {
  if (settings.use_default_synonyms) {
    for (const auto& group : default_synonym_groups())
      add_group(group);
  }
  for (const auto& group : settings.synonyms)
    add_group(group);
}

void SynonymTable::add_group(const std::vector<std::string>& group) {
  std::vector<std::string> members;
  for (const auto& member : group) {
    std::string word = lowercase(sanitise_text(member));
    if (!word.empty() && std::find(members.begin(), members.end(), word) == members.end()) {
      members.push_back(std::move(word));
    }
  }
  for (const auto& member : members) {
    if (member.find(' ') != std::string::npos) continue;  // phrases are targets only
    auto& targets = alternatives_[member];
    for (const auto& other : members) {
      if (other != member && std::find(targets.begin(), targets.end(), other) == targets.end()) {
        targets.push_back(other);
      }
    }
  }
}

std::vector<std::string> SynonymTable::alternatives(std::string_view word) const {
  auto it = alternatives_.find(word);
  if (it == alternatives_.end()) return {};
  return it->second;
}

}  // namespace folio::detail
