#include "store/language_analysis.hpp"

namespace folio::detail {
namespace {

Xapian::Stem try_stemmer(const std::string& name) {
  try {
    return Xapian::Stem(name);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();
  }
}

}  // namespace

std::string base_language(std::string_view language) {
  std::string base;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    base += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return base;
}

Xapian::Stem stemmer_for_language(std::string_view language) {
  if (language.empty() || language == "none") return Xapian::Stem();
  Xapian::Stem whole = try_stemmer(std::string(language));
  if (!whole.is_none()) return whole;
  std::string base = base_language(language);
  if (base.empty() || base.size() == language.size()) return whole;
  return try_stemmer(base);
}

bool is_cjk_language(std::string_view language) {
  std::string base = base_language(language);
  return base == "zh" || base == "ja" || base == "ko";
}

}  // namespace folio::detail
