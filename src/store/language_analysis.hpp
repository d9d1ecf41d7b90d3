// How an article's language decides its analysis, in one place for both sides: the writer stems an
// article's words with stemmer_for_language(its language) and the searcher expands a query word
// into the stem each language of the index makes of it (query/index_languages.hpp), so a word is
// found by the article's own analysis whatever the reader's language.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace folio::detail {

// The Snowball stemmer for a language code or Snowball name: "de", "german", "pt-br" (by its base
// language, "pt"), "en_US". Languages Xapian cannot stem ("zh-cn", "ja", "hi", unknown codes)
// and "none" give the none stemmer: their articles are indexed unstemmed.
Xapian::Stem stemmer_for_language(std::string_view language);

// "zh-cn" -> "zh", "pt_BR" -> "pt", "de" -> "de": the part before the region, lowercased.
std::string base_language(std::string_view language);

// Chinese, Japanese and Korean, whose text is indexed as character n-grams.
bool is_cjk_language(std::string_view language);

}  // namespace folio::detail
