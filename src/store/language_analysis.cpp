#include "store/language_analysis.hpp"

#include <algorithm>
#include <array>

#include "base/transliteration.hpp"

namespace folio::detail {
namespace {

// A language's stems with the diacritics of Latin letters dropped (after stemming: Snowball's
// rules read the accents), so "ecole" finds "école" and "tieng" finds "tiếng" by their stems; the
// words as written keep their accents for phrases. Without an inner stemmer, the folded word.
class FoldingStem : public Xapian::StemImplementation {
 public:
  explicit FoldingStem(Xapian::Stem inner, std::string name)
      : inner_(std::move(inner)), name_(std::move(name)) {}
  std::string operator()(const std::string& word) override {
    return fold_diacritics(inner_.is_none() ? word : inner_(word));
  }
  std::string get_description() const override { return name_; }

 private:
  Xapian::Stem inner_;
  std::string name_;
};

// Languages whose letters with diacritics are letters of their own, which their readers type:
// Swedish "för" is not "for", Turkish "şu" is not "su".
constexpr std::array<std::string_view, 10> kDistinctDiacritics = {"sv", "fi", "da", "no", "nb",
                                                                  "nn", "tr", "hu", "et", "is"};

// Languages without a Snowball stemmer written in Latin letters with diacritics.
constexpr std::array<std::string_view, 1> kFoldedUnstemmed = {"vi"};

bool listed(std::string_view language, auto const& list) {
  return std::find(list.begin(), list.end(), language) != list.end();
}

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

namespace {

Xapian::Stem snowball_for_language(std::string_view language) {
  Xapian::Stem whole = try_stemmer(std::string(language));
  if (!whole.is_none()) return whole;
  std::string base = base_language(language);
  if (base.empty() || base.size() == language.size()) return whole;
  return try_stemmer(base);
}

}  // namespace

Xapian::Stem stemmer_for_language(std::string_view language) {
  if (language.empty() || language == "none") return Xapian::Stem();
  Xapian::Stem snowball = snowball_for_language(language);
  const std::string base = base_language(language);
  if (snowball.is_none()) {
    if (!listed(base, kFoldedUnstemmed)) return snowball;
    return Xapian::Stem(new FoldingStem(snowball, "folded " + base));
  }
  if (listed(base, kDistinctDiacritics)) return snowball;
  return Xapian::Stem(new FoldingStem(snowball, "folded " + snowball.get_description()));
}

bool is_cjk_language(std::string_view language) {
  std::string base = base_language(language);
  return base == "zh" || base == "ja" || base == "ko";
}

}  // namespace folio::detail
