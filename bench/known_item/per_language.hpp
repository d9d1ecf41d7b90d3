// The per-language known-item benchmark (issue 13): every page of an index of several languages
// searched for by one word of its title, in its language. See per_language.cpp.
#pragma once
#include <cstdint>
#include <string>

namespace folio_bench {

struct PerLanguageOptions {
  std::string db;
  std::uint64_t seed = 12;
  int depth = 100;
  bool misses =
      false;         // print each query whose page is not in the top 10 or not above a translation
  bool all = false;  // print every query
  bool bracketed_words = false;  // draw words inside brackets like the others
  bool foreign_reader = false;   // the reader's language: one the page has no translation in
};

// Runs the benchmark and prints its table; returns the process exit status.
int run_per_language(const PerLanguageOptions& options);

}  // namespace folio_bench
