// Non-ASCII characters spelled in ASCII, as the `deunicode` crate spells them for Zola's slugs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio::detail {

// The ASCII spelling of `code_point` for a slug, lowercased and with every run of punctuation
// written as one '-' ("é" -> "e", "ß" -> "ss", "©" -> "-c-", "Ж" -> "zh", U+00AD -> ""), for Latin
// (U+00A0..U+024F, U+1E00..U+1EFF), combining marks, Greek, Cyrillic, general punctuation and a
// few symbols. nullopt for any other character: folio has no spelling for it (deunicode has one
// for CJK, Arabic, Indic scripts, emoji, ...).
std::optional<std::string_view> transliterate(char32_t code_point);

// `word` (lowercase) with the diacritics of its Latin letters dropped, as most readers of
// languages written in Latin letters type them: "école" -> "ecole", "tiếng" -> "tieng",
// "straße" -> "strasse". Letters of other scripts are kept; so are Latin letters without an
// ASCII spelling. ASCII words come back unchanged, at the cost of one scan.
std::string fold_diacritics(std::string_view word);

}  // namespace folio::detail
