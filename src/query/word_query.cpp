#include "query/word_query.hpp"

#include <algorithm>
#include <utility>

#include "base/text.hpp"
#include "base/word_chars.hpp"
#include "folio/schema.hpp"
#include "folio/utf8.hpp"
#include "query/stopwords.hpp"
#include "query/typo.hpp"

namespace folio::detail {
namespace {

constexpr double kTypoWeight = 0.6;  // a corrected word counts less than a typed one
// Indexed words a query's phrases look at for their words' other forms (see indexed_forms): past
// it, a phrase's words are matched as typed, so a long query of phrases costs no more than this.
constexpr std::size_t kPhraseFormScansPerQuery = 16000;
constexpr double kPrefixWeight = 0.5;  // completions of the word being typed count less still
// Indexed words looked at for the most frequent completion of the word being typed (typed_word):
// they come in alphabetical order, so a long tail of rare words past it is the only cost.
constexpr std::size_t kMaxCompletionScan = 2000;

std::vector<std::string> with_prefix(const std::vector<std::string>& terms,
                                     std::string_view prefix) {
  std::vector<std::string> out;
  out.reserve(terms.size());
  for (const auto& term : terms)
    out.push_back(std::string(prefix) + term);
  return out;
}

// Prefixed copies of a field's words carry no positions (DocumentBuilder::index_free_text): a
// phrase within a field is the field holding every word and the phrase somewhere in the article.
Xapian::Query positional(Xapian::Query::op op, const std::vector<std::string>& terms,
                         std::string_view prefix, Xapian::termcount window) {
  Xapian::Query sequence(op, terms.begin(), terms.end(), window);
  if (prefix.empty()) return sequence;
  std::vector<std::string> prefixed = with_prefix(terms, prefix);
  Xapian::Query in_field(Xapian::Query::OP_AND, prefixed.begin(), prefixed.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, in_field, sequence);
}

Xapian::termcount length_of(const std::vector<std::string>& terms) {
  return static_cast<Xapian::termcount>(terms.size());
}

}  // namespace

WordExpander::WordExpander(const Xapian::Database& db, const Xapian::Stem& stemmer,
                           const SynonymTable& synonyms, WordSettings settings)
    : db_(db),
      stemmer_(stemmer),
      synonyms_(synonyms),
      settings_(std::move(settings)),
      expansions_left_(settings_.wildcard_limit * kWildcardsAtFullLimit),
      form_scans_left_(kPhraseFormScansPerQuery) {
  tokenizer_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  tokenizer_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);  // as DocumentBuilder indexes
}

namespace {

constexpr std::size_t kMaxWordLength = 64;  // Xapian::TermGenerator's default, as the index has it

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Text of ASCII letters and digits between spaces, split as the TermGenerator splits it (each run
// a term, lowercased, runs over kMaxWordLength dropped) without its cost (a scratch document, a
// position list per term); false for any other text.
bool split_plain_ascii(std::string_view text, std::vector<std::string>& terms) {
  for (char c : text) {
    if (!is_ascii_alnum(c) && c != ' ') return false;
  }
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at && end - at <= kMaxWordLength) {
      std::string term(text.substr(at, end - at));
      for (char& c : term)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      terms.push_back(std::move(term));
    }
    at = end + 1;
  }
  return true;
}

}  // namespace

std::vector<std::string> WordExpander::terms_of(std::string_view text) {
  return terms_of(text, nullptr);
}

std::vector<std::string> WordExpander::terms_of(std::string_view text,
                                                std::vector<std::string>* cjk_pairs) {
  std::vector<std::string> plain;
  if (split_plain_ascii(text, plain)) return plain;
  Xapian::Document scratch;
  tokenizer_.set_document(scratch);
  tokenizer_.set_termpos(0);
  tokenizer_.index_text(std::string(text));
  std::vector<std::pair<Xapian::termpos, std::string>> placed;
  for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
    // The n-gram mode's pairs of CJK characters are the only terms without positions.
    if (term.positionlist_count() == 0 && cjk_pairs != nullptr) cjk_pairs->push_back(*term);
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      placed.emplace_back(*pos, *term);
    }
  }
  std::sort(placed.begin(), placed.end());
  std::vector<std::string> terms;
  terms.reserve(placed.size());
  for (auto& [pos, term] : placed)
    terms.push_back(std::move(term));
  return terms;
}

bool WordExpander::several_languages() const {
  return settings_.languages != nullptr && settings_.languages->several();
}

std::string WordExpander::stem(const std::string& term) const {
  if (stemmer_.is_none() || !gets_stemmed_form(term)) return term;
  return stemmer_(term);
}

std::string WordExpander::stemmed_term(const std::string& term, std::string_view prefix) const {
  if (stemmer_.is_none() || !gets_stemmed_form(term)) return std::string(prefix) + term;
  std::string out = "Z";
  out += prefix;
  out += stemmer_(term);
  return out;
}

void WordExpander::add_highlight(const std::string& term, HighlightTerms& highlights) const {
  highlights.words.insert(term);
  highlights.stems.insert(stem(term));
  if (several_languages()) {
    for (auto& other : settings_.languages->stems_of(term))
      highlights.stems.insert(std::move(other));
  }
}

std::string WordExpander::correction_of(const std::string& term, unsigned max_edits) const {
  std::string correction = settings_.spelling != nullptr
                               ? settings_.spelling->correction(db_, term, max_edits)
                               : spelling_correction(db_, term, max_edits);
  if (correction.empty() || !several_languages() || settings_.reader_language.empty())
    return correction;
  // The spelling table holds every language's words: a reader is offered only words of articles
  // in their language.
  const IndexLanguage* reader = settings_.languages->find(settings_.reader_language);
  if (reader == nullptr) return correction;
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(correction),
                                  Xapian::Query(reader->filter_term)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 1).empty() ? std::string() : correction;
}

bool WordExpander::one_title_holds(const std::vector<std::string>& terms) const {
  std::vector<std::string> in_title;
  for (const auto& term : terms)
    in_title.push_back(std::string(schema::kTitle) + term);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, in_title.begin(), in_title.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

bool WordExpander::index_lacks(const std::string& term, std::string_view prefix) const {
  if (several_languages() && settings_.languages->holds(db_, term, prefix)) return false;
  std::string stemmed = stemmed_term(term, prefix);
  if (db_.get_termfreq(stemmed) > 0) return false;
  std::string plain = std::string(prefix) + term;
  return plain == stemmed || db_.get_termfreq(plain) == 0;
}

// The word being typed beside the indexed words it starts: does any longer word start with it, and
// is the word itself at least as frequent as each of them (then it is most likely meant as typed)?
// "acc", a rare word of its own, does not lead "access" and "accessibility"; "plain" leads
// "plainly".
WordExpander::TypedWord WordExpander::typed_word(const std::string& prefixed,
                                                 std::size_t term_length) const {
  Xapian::doccount own = 0;
  Xapian::doccount most = 0;
  TypedWord out;
  std::size_t scanned = 0;
  for (auto it = db_.allterms_begin(prefixed), end = db_.allterms_end(prefixed);
       it != end && scanned < kMaxCompletionScan; ++it, ++scanned) {
    if ((*it).size() == prefixed.size()) {
      own = it.get_termfreq();
    } else {
      out.completes = true;
      if (it.get_termfreq() > most) {
        most = it.get_termfreq();
        out.leader = (*it).substr(prefixed.size() - term_length);
      }
    }
  }
  out.leads = own > 0 && own >= most;
  return out;
}

// The stemmed term, or the word as written when the index holds it only so: a word of a language
// without a stemmer (indexed unstemmed) searched with another language's stemmer.
Xapian::Query WordExpander::single_term_query(const std::string& term, std::string_view prefix,
                                              HighlightTerms& highlights) {
  add_highlight(term, highlights);
  if (several_languages()) {
    Xapian::Query each_own = settings_.languages->word_query(db_, term, prefix);
    if (!each_own.empty()) return each_own;
  }
  std::string stemmed = stemmed_term(term, prefix);
  std::string plain(prefix);
  plain += term;
  if (stemmed != plain && db_.get_termfreq(stemmed) == 0 && db_.get_termfreq(plain) > 0) {
    return Xapian::Query(plain);
  }
  return Xapian::Query(stemmed);
}

Xapian::Query WordExpander::with_synonyms(const std::string& term, std::string_view prefix,
                                          Xapian::Query base, HighlightTerms& highlights) {
  std::vector<std::string> alternatives = synonyms_.alternatives(term);
  if (alternatives.empty()) return base;
  std::vector<Xapian::Query> same_word{std::move(base)};
  std::vector<Xapian::Query> phrases;
  for (const auto& alternative : alternatives) {
    std::vector<std::string> terms = terms_of(alternative);
    if (terms.size() == 1) {
      same_word.push_back(single_term_query(terms[0], prefix, highlights));
    } else if (terms.size() > 1) {
      for (const auto& t : terms)
        highlights.words.insert(t);
      phrases.push_back(positional(Xapian::Query::OP_PHRASE, terms, prefix, length_of(terms)));
    }
  }
  Xapian::Query combined(Xapian::Query::OP_SYNONYM, same_word.begin(), same_word.end());
  if (phrases.empty()) return combined;
  phrases.insert(phrases.begin(), combined);
  return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

// Each wildcard expands to at most wildcard_limit words, and a query's wildcards together (the
// word being typed among them) to kWildcardsAtFullLimit times that: a query of 170 "a*" would
// otherwise expand 17,000 terms. Past the budget, a wildcard is the word as typed.
Xapian::Query WordExpander::wildcard(const std::string& term, std::string_view prefix) {
  Xapian::termcount limit = settings_.wildcard_limit;
  if (limit > 0) {
    if (expansions_left_ == 0) return Xapian::Query(std::string(prefix) + term);
    limit = std::min(limit, expansions_left_);
    expansions_left_ -= limit;
  }
  // Xapian reads a limit of 0 as "no limit" in its other modes, but keeps no term when keeping
  // the 0 most frequent.
  const int mode =
      limit > 0 ? Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT : Xapian::Query::WILDCARD_LIMIT_ERROR;
  return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(prefix) + term, limit, mode,
                       Xapian::Query::OP_SYNONYM);
}

void WordExpander::add_compound_parts(const std::vector<std::string>& terms,
                                      std::string_view prefix, WordQuery& out) const {
  std::vector<Xapian::Query> parts;
  for (const auto& t : terms) {
    if (prefix.empty() && is_stopword(t, settings_.language)) continue;
    parts.emplace_back(stemmed_term(t, prefix));
    out.part_terms.push_back(t);
  }
  if (!parts.empty())
    out.any_part = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

namespace {

bool is_cjk_term(const std::string& term) {
  return !term.empty() && is_cjk_word_char_at(term, 0);
}

}  // namespace

// CJK text is indexed as characters (with positions) and pairs of neighbours within a run
// (without): a query run matches where every pair of it is (which keeps the match inside a run)
// and, from three characters on, where its characters stand as a phrase. A character with no
// neighbour is itself. bench/cjk_segmentation.sh measured this against ICU word segmentation and
// against Xapian's own QueryParser form (every character and pair ANDed). Latin words mixed in
// ("API允许") take part in the phrase.
namespace {

bool is_hangul_syllable(const std::string& term) {
  if (term.size() != 3) return false;
  const unsigned ch = *Xapian::Utf8Iterator(term);
  return ch >= 0xAC00 && ch <= 0xD7A3;
}

// Korean particles written after a noun: one syllable, and two.
constexpr std::string_view kParticles[] = {"은", "는", "이", "가", "을", "를", "의",
                                           "에", "도", "만", "와", "과", "로", "께"};
constexpr std::string_view kTwoSyllableParticles[] = {"에서", "으로", "에게", "까지", "부터",
                                                      "처럼", "보다", "하고", "이나", "에는"};

// How many syllables at the end of a Hangul run are a particle: 0, 1 or 2.
std::size_t particle_length(const std::vector<std::string>& terms) {
  const std::size_t n = terms.size();
  if (n >= 4 && is_hangul_syllable(terms[n - 2]) && is_hangul_syllable(terms[n - 1])) {
    const std::string two = terms[n - 2] + terms[n - 1];
    for (std::string_view particle : kTwoSyllableParticles)
      if (two == particle) return 2;
  }
  if (n >= 3 && is_hangul_syllable(terms[n - 1])) {
    for (std::string_view particle : kParticles)
      if (terms[n - 1] == particle) return 1;
  }
  return 0;
}

}  // namespace

// A Korean word typed with a particle its article does not use (컨테이너를 for 컨테이너가): when
// the index lacks the pair that joins the particle to the noun, the particle is left out.
void WordExpander::drop_unheld_particle(std::vector<std::string>& terms,
                                        std::vector<std::string>& cjk_pairs,
                                        std::string_view prefix) const {
  if (terms.empty() || !is_hangul_syllable(terms.front())) return;
  const std::size_t particle = particle_length(terms);
  if (particle == 0) return;
  const std::size_t noun_end = terms.size() - particle;
  const std::string joint = terms[noun_end - 1] + terms[noun_end];
  if (db_.get_termfreq(std::string(prefix) + joint) > 0) return;
  for (std::size_t i = noun_end - 1; i + 1 < terms.size(); ++i) {
    const std::string pair = terms[i] + terms[i + 1];
    cjk_pairs.erase(std::remove(cjk_pairs.begin(), cjk_pairs.end(), pair), cjk_pairs.end());
  }
  terms.resize(noun_end);
}

WordQuery WordExpander::cjk_word(std::vector<std::string> terms, std::vector<std::string> cjk_pairs,
                                 std::string_view prefix, HighlightTerms& highlights) const {
  drop_unheld_particle(terms, cjk_pairs, prefix);
  std::vector<std::string> required;
  for (const auto& pair : cjk_pairs)
    required.push_back(std::string(prefix) + pair);
  std::string run;
  auto end_run = [&] {
    if (!run.empty()) highlights.cjk_runs.insert(run);
    run.clear();
  };
  for (const auto& term : terms) {
    if (!is_cjk_term(term)) {
      end_run();
      highlights.words.insert(term);
      required.push_back(std::string(prefix) + term);
      continue;
    }
    run += term;
    bool paired = std::any_of(cjk_pairs.begin(), cjk_pairs.end(), [&](const std::string& pair) {
      return pair.starts_with(term) || pair.ends_with(term);
    });
    if (!paired) required.push_back(std::string(prefix) + term);
  }
  end_run();
  std::sort(required.begin(), required.end());
  required.erase(std::unique(required.begin(), required.end()), required.end());
  WordQuery out;
  out.query = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  if (terms.size() >= 3) {
    out.query = Xapian::Query(
        Xapian::Query::OP_FILTER, out.query,
        Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), length_of(terms)));
  }
  return out;
}

void WordExpander::add_correction(const std::string& term, std::string_view prefix,
                                  Xapian::Query& query, WordQuery& out,
                                  HighlightTerms& highlights) {
  std::size_t characters = utf8_length(term);
  unsigned typos = allowed_typos(characters);
  std::string correction =
      characters >= 3 ? correction_of(term, std::max(1u, typos)) : std::string();
  if (correction.empty()) return;
  out.suggestion = correction;
  if (settings_.typo != TypoTolerance::on || typos == 0) return;
  Xapian::Query fixed = with_synonyms(
      correction, prefix, single_term_query(correction, prefix, highlights), highlights);
  query = Xapian::Query(Xapian::Query::OP_OR, query,
                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, fixed, kTypoWeight));
  out.correction = correction;
}

WordQuery WordExpander::word(std::string_view text, std::string_view prefix, WordMode mode,
                             HighlightTerms& highlights) {
  WordQuery out;
  if (mode == WordMode::wildcard) {
    while (!text.empty() && text.back() == '*')
      text.remove_suffix(1);
  }
  std::vector<std::string> cjk_pairs;
  std::vector<std::string> terms = terms_of(text, &cjk_pairs);
  if (terms.empty()) return out;
  if (std::any_of(terms.begin(), terms.end(), is_cjk_term))
    return cjk_word(terms, cjk_pairs, prefix, highlights);
  if (terms.size() > 1) {  // "node.js", "e-mail": the TermGenerator made a phrase of it
    for (const auto& t : terms)
      highlights.words.insert(t);
    out.query = positional(Xapian::Query::OP_PHRASE, terms, prefix, length_of(terms));
    add_compound_parts(terms, prefix, out);
    return out;
  }
  const std::string& term = terms.front();
  if (mode == WordMode::wildcard) {
    highlights.prefixes.insert(term);
    out.query = wildcard(term, prefix);
    return out;
  }
  out.positional_term = term;
  out.stopword = prefix.empty() && is_stopword(term, settings_.language);
  Xapian::Query query =
      with_synonyms(term, prefix, single_term_query(term, prefix, highlights), highlights);
  // The last word while typing is also a prefix, even when the index holds it as a word, so
  // every keystroke only narrows the matches (acc* holds acce* holds access*), and the word as
  // typed counts apart only when it leads its completions: "acc" does not outrank "access".
  TypedWord typing;
  if (mode == WordMode::partial) typing = typed_word(std::string(prefix) + term, term.size());
  if (typing.completes) {
    highlights.prefixes.insert(term);
    // A leading word ranks as typed, its completions only matching (weightless): a title typed
    // in full ranks as before (known-item MRR).
    Xapian::Query completions(Xapian::Query::OP_SCALE_WEIGHT, wildcard(term, prefix),
                              typing.leads ? 0.0 : kPrefixWeight);
    query = typing.leads ? Xapian::Query(Xapian::Query::OP_OR, query, completions) : completions;
    if (!typing.leads) out.completion = typing.leader;
  } else if (is_all_letters(term) && index_lacks(term, prefix)) {  // misspelled
    add_correction(term, prefix, query, out, highlights);
  }
  out.query = std::move(query);
  return out;
}

namespace {

constexpr std::size_t kMaxPhraseForms = 16;       // forms of one word a phrase matches
constexpr std::size_t kMaxPhraseFormScan = 2000;  // indexed words looked at for them
constexpr std::size_t kMinPhraseFormStart = 3;    // letters the forms must start with

std::size_t common_prefix_length(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n])
    ++n;
  return n;
}

}  // namespace

// Words sharing a stem start like it, but for its last letters (happy, happi, happiness), so the
// forms are found among the indexed words starting with what the word and its stem share. Only
// positional (unprefixed, unstemmed) terms are words here.
std::vector<std::string> WordExpander::indexed_forms(const std::string& term) {
  std::vector<std::string> forms{term};
  if (stemmer_.is_none() || !gets_stemmed_form(term) || is_cjk_term(term)) return forms;
  const std::string stem_of_term = stemmer_(term);
  const std::string start = term.substr(0, common_prefix_length(term, stem_of_term));
  if (utf8_length(start) < kMinPhraseFormStart) return forms;
  const std::size_t budget = std::min(kMaxPhraseFormScan, form_scans_left_);
  std::size_t scanned = 0;
  for (auto it = db_.allterms_begin(start), end = db_.allterms_end(start);
       it != end && scanned < budget && forms.size() < kMaxPhraseForms; ++it, ++scanned) {
    const std::string candidate = *it;
    if (candidate != term && gets_stemmed_form(candidate) && stemmer_(candidate) == stem_of_term)
      forms.push_back(candidate);
  }
  form_scans_left_ -= scanned;
  return forms;
}

// The phrase with each word in any form sharing its stem ("connection pooling" for "connection
// pool"): weighted as the stemmed words are, the phrase a filter over them. Empty when no word
// has another form in the index.
Xapian::Query WordExpander::stemmed_phrase(const std::vector<std::string>& terms,
                                           std::string_view prefix, HighlightTerms& highlights) {
  std::vector<Xapian::Query> positions;
  std::vector<std::string> stemmed;
  bool other_forms = false;
  for (const auto& term : terms) {
    std::vector<std::string> forms = indexed_forms(term);
    other_forms = other_forms || forms.size() > 1;
    positions.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
    stemmed.push_back(stemmed_term(term, prefix));
  }
  if (!other_forms) return {};
  for (const auto& term : terms)
    highlights.stems.insert(stem(term));
  Xapian::Query sequence(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(),
                         length_of(terms));
  Xapian::Query words(Xapian::Query::OP_AND, stemmed.begin(), stemmed.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, words, sequence);
}

// A phrase matches its words as typed, and in any form sharing their stems: an article holding
// the phrase as typed has both readings' weight, so it ranks above one holding another form.
Xapian::Query WordExpander::phrase(std::string_view text, std::string_view prefix,
                                   HighlightTerms& highlights) {
  std::vector<std::string> terms = terms_of(text);
  for (const auto& t : terms)
    highlights.words.insert(t);
  if (terms.empty()) return {};
  if (terms.size() == 1) return Xapian::Query(std::string(prefix) + terms.front());
  Xapian::Query exact = positional(Xapian::Query::OP_PHRASE, terms, prefix, length_of(terms));
  Xapian::Query any_form = stemmed_phrase(terms, prefix, highlights);
  if (any_form.empty()) return exact;
  return Xapian::Query(Xapian::Query::OP_OR, exact, any_form);
}

Xapian::Query WordExpander::near(const std::vector<std::string>& words, std::string_view prefix,
                                 Xapian::termcount window, bool ordered,
                                 HighlightTerms& highlights) {
  std::vector<std::string> terms;
  for (const auto& word : words) {
    for (auto& t : terms_of(word))
      terms.push_back(std::move(t));
  }
  for (const auto& t : terms)
    highlights.words.insert(t);
  if (terms.empty()) return {};
  if (terms.size() == 1) return Xapian::Query(std::string(prefix) + terms.front());
  window = std::max(window, length_of(terms));
  return positional(ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, terms, prefix,
                    window);
}

}  // namespace folio::detail
