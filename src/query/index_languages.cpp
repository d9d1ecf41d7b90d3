#include "query/index_languages.hpp"

#include <algorithm>
#include <map>

#include "base/word_chars.hpp"
#include "folio/schema.hpp"
#include "query/caching_stemmer.hpp"
#include "store/language_analysis.hpp"

namespace folio::detail {

std::string analysed_term(const Xapian::Stem& stemmer, const std::string& term,
                          std::string_view prefix) {
  if (stemmer.is_none() || !gets_stemmed_form(term)) return std::string(prefix) + term;
  std::string out = "Z";
  out += prefix;
  out += stemmer(term);
  return out;
}

IndexLanguages IndexLanguages::read(const Xapian::Database& db) {
  const std::string prefix(schema::kLanguage);
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    found.emplace_back(it.get_termfreq(), (*it).substr(prefix.size()));
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  if (found.size() > kMaxLanguages) found.resize(kMaxLanguages);
  IndexLanguages out;
  for (auto& [count, code] : found) {
    Xapian::Stem stemmer = caching_stemmer(stemmer_for_language(code));
    out.languages_.push_back(IndexLanguage{code, prefix + code, stemmer});
  }
  return out;
}

const IndexLanguage* IndexLanguages::find(const std::string& code) const {
  for (const auto& language : languages_) {
    if (language.code == code) return &language;
  }
  // "de-at" reads as "de" when the index has no "de-at"
  const std::string base = base_language(code);
  if (base.empty() || base == code) return nullptr;
  for (const auto& language : languages_) {
    if (language.code == base) return &language;
  }
  return nullptr;
}

Xapian::Query IndexLanguages::word_query(const Xapian::Database& db, const std::string& term,
                                         std::string_view prefix) const {
  // Each distinct term with the languages that make it, in the order the languages come.
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& language : languages_) {
    std::string analysed = analysed_term(language.stemmer, term, prefix);
    auto same = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& group) { return group.first == analysed; });
    if (same == groups.end()) {
      groups.push_back({std::move(analysed), {language.filter_term}});
    } else {
      same->second.push_back(language.filter_term);
    }
  }
  if (groups.size() == 1) return Xapian::Query(groups.front().first);
  std::vector<Xapian::Query> alternatives;
  for (const auto& [analysed, filters] : groups) {
    if (db.get_termfreq(analysed) == 0) continue;
    Xapian::Query in_languages(Xapian::Query::OP_OR, filters.begin(), filters.end());
    alternatives.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(analysed), in_languages);
  }
  if (alternatives.empty()) return {};
  if (alternatives.size() == 1) return alternatives.front();
  // One word however many stems: OP_SYNONYM weighs them as one term, as a single-language index
  // weighs its one stem.
  return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
}

bool IndexLanguages::holds(const Xapian::Database& db, const std::string& term,
                           std::string_view prefix) const {
  for (const auto& language : languages_) {
    if (db.get_termfreq(analysed_term(language.stemmer, term, prefix)) > 0) return true;
  }
  return false;
}

std::vector<std::string> IndexLanguages::stems_of(const std::string& term) const {
  std::vector<std::string> stems;
  for (const auto& language : languages_) {
    std::string stem =
        language.stemmer.is_none() || !gets_stemmed_form(term) ? term : language.stemmer(term);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end()) stems.push_back(stem);
  }
  return stems;
}

}  // namespace folio::detail
