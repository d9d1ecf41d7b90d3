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

namespace {

bool holds(const std::vector<std::string>& group, const std::string& word) {
  return std::find(group.begin(), group.end(), word) != group.end();
}

bool shares_member(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& word) { return holds(b, word); });
}

}  // namespace

void SynonymTable::add_group(const std::vector<std::string>& group) {
  std::vector<std::string> members;
  for (const auto& member : group) {
    std::string word = lowercase(sanitise_text(member));
    if (!word.empty() && !holds(members, word)) members.push_back(std::move(word));
  }
  // The groups are disjoint, so those sharing a member with the new one share none with each
  // other: one pass merges them all.
  for (auto it = groups_.begin(); it != groups_.end();) {
    if (!shares_member(*it, members)) {
      ++it;
      continue;
    }
    for (auto& word : *it) {
      if (!holds(members, word)) members.push_back(std::move(word));
    }
    it = groups_.erase(it);
  }
  for (const auto& member : members) {
    if (member.find(' ') != std::string::npos) continue;  // phrases are targets only
    auto& targets = alternatives_[member];
    targets.clear();
    for (const auto& other : members) {
      if (other != member) targets.push_back(other);
    }
  }
  groups_.push_back(std::move(members));
}

std::vector<std::string> SynonymTable::alternatives(std::string_view word) const {
  auto it = alternatives_.find(word);
  if (it == alternatives_.end()) return {};
  return it->second;
}

}  // namespace folio::detail
