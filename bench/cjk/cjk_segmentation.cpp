// CJK tokenisation benchmark (issue 13): Xapian 1.4's n-gram mode (FLAG_CJK_NGRAM) against ICU
// dictionary words, and a hybrid of the two, on the Chinese, Japanese and Korean pages of a site.
// Standalone: links only Xapian and ICU, never folio; bench/cjk_segmentation.sh builds and runs
// it. For each language and approach it writes a glass database, then searches every page for
// a piece of its title (known-item: recall@10, MRR) and compares each query's matches with the
// pages that hold the query text literally (false positives, missed pages).
//
//   cjk_segmentation CONTENT_DIR [--db-dir DIR] [--seed N] [--passes N] [--explain TEXT]...

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Pages

struct Page {
  std::string id;
  std::string title;
  std::string body;
  std::string text;  // title + "\n" + body: what a query's text is looked for in, literally
};

std::string unquote(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
    s.pop_back();
  while (!s.empty() && s.front() == ' ')
    s.erase(0, 1);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

// Markdown to text, roughly: link targets, anchors, HTML tags, shortcodes, fences and markup
// characters go; the words stay.
std::string strip_markdown(const std::string& md) {
  static const std::regex fence("^\\s*(```|~~~).*$", std::regex::multiline);
  static const std::regex shortcode("\\{\\{[<%][\\s\\S]*?[>%]\\}\\}");
  static const std::regex anchor("\\{#[^}]*\\}");
  static const std::regex link("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  static const std::regex tag("<[^>]*>");
  static const std::regex url("https?://[^\\s)]+");
  static const std::regex markup("[#*_`|>]+");
  std::string s = std::regex_replace(md, fence, " ");
  s = std::regex_replace(s, shortcode, " ");
  s = std::regex_replace(s, anchor, " ");
  s = std::regex_replace(s, link, "$1");
  s = std::regex_replace(s, tag, " ");
  s = std::regex_replace(s, url, " ");
  return std::regex_replace(s, markup, " ");
}

bool read_page(const fs::path& path, Page& page) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  std::istringstream lines(all);
  std::string line;
  std::string body;
  if (!std::getline(lines, line) || unquote(line) != "---") return false;
  bool in_front = true;
  while (std::getline(lines, line)) {
    if (in_front) {
      if (unquote(line) == "---") {
        in_front = false;
      } else if (line.rfind("title:", 0) == 0) {
        page.title = unquote(line.substr(6));
      }
      continue;
    }
    body += line;
    body += '\n';
  }
  page.id = path.stem().string();
  page.body = strip_markdown(body);
  page.text = page.title + "\n" + page.body;
  return !in_front;
}

std::vector<Page> read_pages(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".md" || name == "_index.md" || name == "_TEMPLATE.md") continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Page> pages;
  for (const auto& f : files) {
    Page p;
    if (read_page(f, p)) pages.push_back(std::move(p));
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Characters and runs

// The code points Xapian 1.4's n-gram mode treats as CJK (CJK::codepoint_is_cjk in
// queryparser/cjk-tokenizer.cc), so the runs split here are the runs it n-grams.
bool is_cjk(unsigned cp) {
  struct Range {
    unsigned first, last;
  };
  static const Range ranges[] = {{0x2E80, 0x2EFF}, {0x3000, 0x9FFF},   {0xA700, 0xA71F},
                                 {0xAC00, 0xD7AF}, {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
                                 {0xFF00, 0xFFEF}, {0x20000, 0x2A6DF}, {0x2F800, 0x2FA1F}};
  for (const Range& r : ranges) {
    if (cp >= r.first && cp <= r.last) return true;
  }
  return false;
}

bool is_cjk_wordchar(unsigned cp) {
  return is_cjk(cp) && Xapian::Unicode::is_wordchar(cp);
}

bool is_hangul(unsigned cp) {
  return cp >= 0xAC00 && cp <= 0xD7AF;
}

std::vector<unsigned> code_points(const std::string& s) {
  std::vector<unsigned> out;
  for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it)
    out.push_back(*it);
  return out;
}

std::string utf8(const std::vector<unsigned>& cps, size_t from, size_t count) {
  std::string out;
  for (size_t i = from; i < from + count && i < cps.size(); ++i) {
    Xapian::Unicode::append_utf8(out, cps[i]);
  }
  return out;
}

struct Segment {
  std::string text;
  bool cjk;
};

// The text cut into maximal runs of CJK word characters and the text between them.
std::vector<Segment> split_runs(const std::string& text) {
  std::vector<Segment> out;
  for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
    const bool cjk = is_cjk_wordchar(*it);
    if (out.empty() || out.back().cjk != cjk) out.push_back({"", cjk});
    Xapian::Unicode::append_utf8(out.back().text, *it);
  }
  return out;
}

std::vector<std::string> cjk_runs(const std::string& text) {
  std::vector<std::string> out;
  for (auto& s : split_runs(text)) {
    if (s.cjk) out.push_back(std::move(s.text));
  }
  return out;
}

std::vector<std::string> bigrams(const std::string& run) {
  const std::vector<unsigned> cps = code_points(run);
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < cps.size(); ++i)
    out.push_back(utf8(cps, i, 2));
  return out;
}

// ICU's dictionary word break for one locale (one BreakIterator, reused).
class WordSegmenter {
 public:
  explicit WordSegmenter(const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    iter_.reset(icu::BreakIterator::createWordInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !iter_) {
      throw std::runtime_error("ICU word break iterator for " + locale + ": " +
                               u_errorName(status));
    }
  }

  // The words of a run: segments whose rule status is not "none" (spaces, punctuation).
  std::vector<std::string> words(const std::string& run) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(run);
    iter_->setText(u);
    std::vector<std::string> out;
    int32_t start = iter_->first();
    for (int32_t end = iter_->next(); end != icu::BreakIterator::DONE;
         start = end, end = iter_->next()) {
      if (iter_->getRuleStatus() == UBRK_WORD_NONE) continue;
      std::string w;
      u.tempSubStringBetween(start, end).toUTF8String(w);
      out.push_back(Xapian::Unicode::tolower(w));
    }
    return out;
  }

 private:
  std::unique_ptr<icu::BreakIterator> iter_;
};

// ---------------------------------------------------------------------------------------------
// Approaches: how a field's text becomes terms, and how a query's text becomes a query

enum class Approach { ngram, icu, hybrid };

const char* const kBigramPrefix = "XB";  // the hybrid's bigrams, apart from its words

std::string approach_name(Approach a) {
  switch (a) {
    case Approach::ngram:
      return "n-gram";
    case Approach::icu:
      return "ICU words";
    case Approach::hybrid:
      return "hybrid";
  }
  return "?";
}

// Indexes one field as the approach does. n-gram: the TermGenerator with FLAG_CJK_NGRAM.
// ICU and hybrid: text outside CJK runs through the TermGenerator as it is; each CJK run's ICU
// words as positional terms, continuing the generator's positions; the hybrid adds the run's
// bigrams, prefixed and without positions.
void index_field(Approach a, Xapian::TermGenerator& tg, WordSegmenter& seg, const std::string& text,
                 Xapian::termcount wdf) {
  if (a == Approach::ngram) {
    tg.index_text(text, wdf);
    return;
  }
  Xapian::Document doc = tg.get_document();
  for (const Segment& s : split_runs(text)) {
    if (!s.cjk) {
      tg.index_text(s.text, wdf);
      continue;
    }
    for (const std::string& w : seg.words(s.text)) {
      const Xapian::termpos pos = tg.get_termpos() + 1;
      doc.add_posting(w, pos, wdf);
      tg.set_termpos(pos);
    }
    if (a == Approach::hybrid) {
      for (const std::string& b : bigrams(s.text))
        doc.add_term(kBigramPrefix + b, wdf);
    }
  }
}

Xapian::TermGenerator make_generator(Approach a) {
  Xapian::TermGenerator tg;
  if (a == Approach::ngram) tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  return tg;
}

Xapian::Document make_document(Approach a, WordSegmenter& seg, const Page& page) {
  Xapian::Document doc;
  Xapian::TermGenerator tg = make_generator(a);
  tg.set_document(doc);
  index_field(a, tg, seg, page.title, 6);  // folio's title weight
  tg.increase_termpos(100);                // no phrase across fields, as in folio
  index_field(a, tg, seg, page.body, 1);
  doc.set_data(page.id);
  return doc;
}

// A query's text tokenised as an article's would be: its positional terms in order (n-gram:
// the unigrams; ICU: the words) and its terms without positions (the bigrams).
struct QueryTerms {
  std::vector<std::string> sequence;
  std::vector<std::string> unpositioned;
};

QueryTerms query_terms(Approach a, WordSegmenter& seg, const std::string& text) {
  Xapian::Document doc;
  Xapian::TermGenerator tg = make_generator(a);
  tg.set_document(doc);
  index_field(a, tg, seg, text, 1);
  std::vector<std::pair<Xapian::termpos, std::string>> placed;
  QueryTerms out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if (t.positionlist_count() == 0) {
      out.unpositioned.push_back(*t);
      continue;
    }
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      placed.emplace_back(*p, *t);
    }
  }
  std::sort(placed.begin(), placed.end());
  for (auto& [pos, term] : placed)
    out.sequence.push_back(term);
  return out;
}

Xapian::Query and_of(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

enum class QueryMode { ngram_phrase, ngram_queryparser, icu_words, hybrid_or };

struct Method {
  std::string name;
  Approach index;
  QueryMode query;
};

const std::vector<Method> kMethods = {
    {"n-gram, bigrams + phrase", Approach::ngram, QueryMode::ngram_phrase},
    {"n-gram, Xapian QueryParser", Approach::ngram, QueryMode::ngram_queryparser},
    {"ICU words", Approach::icu, QueryMode::icu_words},
    {"hybrid (words OR bigrams)", Approach::hybrid, QueryMode::hybrid_or},
};

// n-gram, bigrams + phrase: the run's bigrams (AND) carry the weight; a run of three or more
// characters must also be a phrase of its unigrams, so the bigrams are adjacent and in order.
// Xapian QueryParser: what QueryParser with FLAG_CJK_NGRAM builds (an AND of every unigram
// and bigram, no positions). ICU words: an AND of the query's words. Hybrid: either the words
// (AND) or the bigrams (AND), a page holding both scoring both.
Xapian::Query build_query(QueryMode mode, WordSegmenter& seg, const std::string& text) {
  switch (mode) {
    case QueryMode::ngram_phrase: {
      const QueryTerms t = query_terms(Approach::ngram, seg, text);
      if (t.unpositioned.empty()) return and_of(t.sequence);
      Xapian::Query q = and_of(t.unpositioned);
      if (t.sequence.size() < 3) return q;
      Xapian::Query phrase(Xapian::Query::OP_PHRASE, t.sequence.begin(), t.sequence.end(),
                           t.sequence.size());
      return Xapian::Query(Xapian::Query::OP_FILTER, q, phrase);
    }
    case QueryMode::ngram_queryparser: {
      Xapian::QueryParser qp;
      qp.set_default_op(Xapian::Query::OP_AND);
      return qp.parse_query(
          text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    }
    case QueryMode::icu_words:
      return and_of(query_terms(Approach::icu, seg, text).sequence);
    case QueryMode::hybrid_or: {
      const QueryTerms t = query_terms(Approach::hybrid, seg, text);
      if (t.unpositioned.empty()) return and_of(t.sequence);
      return Xapian::Query(Xapian::Query::OP_OR, and_of(t.sequence), and_of(t.unpositioned));
    }
  }
  return Xapian::Query();
}

// ---------------------------------------------------------------------------------------------
// Query sets

struct KnownItem {
  std::string text;
  size_t page;  // index into the language's pages
};

struct QuerySet {
  std::string name;
  std::vector<KnownItem> queries;
};

// Korean particles, longest first so 에서 is taken before 에.
const std::vector<std::string> kParticles = {"에서", "으로", "은", "는", "이", "가", "을",
                                             "를",   "의",   "에", "로", "와", "과", "도"};

std::vector<std::string> hangul_words(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& run : cjk_runs(text)) {
    const std::vector<unsigned> cps = code_points(run);
    if (std::all_of(cps.begin(), cps.end(), is_hangul)) out.push_back(run);
  }
  return out;
}

std::string with_particle(const std::string& noun, const std::string& after_vowel,
                          const std::string& after_consonant) {
  const std::vector<unsigned> cps = code_points(noun);
  const bool final_consonant = !cps.empty() && is_hangul(cps.back()) && (cps.back() - 0xAC00) % 28;
  return noun + (final_consonant ? after_consonant : after_vowel);
}

// Substrings: Chinese and Japanese, two or three characters (chosen by the seeded generator)
// at a seeded place in the title's longest CJK run; Korean, whose titles are spaced, the
// title's longest Hangul word. Title words: every ICU word of two or more characters in the
// title's CJK runs.
std::vector<QuerySet> make_query_sets(const std::vector<Page>& pages, WordSegmenter& seg,
                                      bool korean, unsigned seed) {
  std::mt19937 rng(seed);
  QuerySet substrings{korean ? "title word" : "title substring, 2-3 chars", {}};
  QuerySet words{"ICU title words", {}};
  QuerySet bare{"noun seen only with a particle", {}};
  QuerySet added{"title word + particle", {}};

  std::set<std::string> standalone;  // every Hangul word of the language, for real nouns
  if (korean) {
    for (const Page& p : pages) {
      for (const std::string& w : hangul_words(p.text))
        standalone.insert(w);
    }
  }

  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    if (korean) {
      std::string best;
      for (const std::string& w : hangul_words(page.title)) {
        if (code_points(w).size() >= 2 && code_points(w).size() > code_points(best).size())
          best = w;
      }
      if (!best.empty()) {
        substrings.queries.push_back({best, i});
        added.queries.push_back({with_particle(best, "를", "을"), i});
      }
      // A noun the page writes only with a particle after it: the bare noun is no word of
      // the page, but is a word somewhere in the language's pages.
      const std::vector<std::string> own = hangul_words(page.text);
      const std::set<std::string> own_set(own.begin(), own.end());
      std::vector<std::string> candidates;
      for (const std::string& w : own) {
        for (const std::string& particle : kParticles) {
          if (w.size() <= particle.size() ||
              w.compare(w.size() - particle.size(), particle.size(), particle) != 0) {
            continue;
          }
          const std::string noun = w.substr(0, w.size() - particle.size());
          if (code_points(noun).size() >= 2 && !own_set.count(noun) && standalone.count(noun)) {
            candidates.push_back(noun);
          }
          break;
        }
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      if (!candidates.empty()) bare.queries.push_back({candidates[rng() % candidates.size()], i});
    } else {
      std::string longest;
      for (const std::string& run : cjk_runs(page.title)) {
        if (code_points(run).size() > code_points(longest).size()) longest = run;
      }
      const std::vector<unsigned> cps = code_points(longest);
      if (cps.size() >= 2) {
        const size_t len = std::min<size_t>(cps.size(), 2 + rng() % 2);
        const size_t start = rng() % (cps.size() - len + 1);
        substrings.queries.push_back({utf8(cps, start, len), i});
      }
    }
    std::set<std::string> seen;
    for (const std::string& run : cjk_runs(page.title)) {
      for (const std::string& w : seg.words(run)) {
        if (code_points(w).size() >= 2 && seen.insert(w).second) words.queries.push_back({w, i});
      }
    }
  }
  std::vector<QuerySet> sets = {substrings, words};
  if (korean) {
    sets.push_back(bare);
    sets.push_back(added);
  }
  return sets;
}

// ---------------------------------------------------------------------------------------------
// Measuring

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

uint64_t folder_bytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

struct IndexStats {
  uint64_t bytes = 0;
  uint64_t terms = 0;
  double seconds = 0;
};

struct Scores {
  size_t queries = 0;
  size_t in_top10 = 0;
  double rr = 0;                 // reciprocal ranks, top 100
  size_t page_matched = 0;       // the page is among the matches at all
  uint64_t matches = 0;          // documents matched, all queries
  uint64_t literal = 0;          // documents holding the query text, all queries
  uint64_t literal_matched = 0;  // of those, matched
  double seconds = 0;            // CPU time of get_mset(0, 10), all passes
  size_t searches = 0;
};

Xapian::Enquire make_enquire(const Xapian::Database& db) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(2.0, 0, 1, 0.75, 0.5));  // folio's k1, b
  return enquire;
}

Scores score(const Xapian::Database& db, const std::vector<Page>& pages,
             const std::vector<Xapian::docid>& docids, const QuerySet& set, QueryMode mode,
             WordSegmenter& seg, int passes) {
  Scores s;
  Xapian::Enquire enquire = make_enquire(db);
  std::vector<Xapian::Query> queries;
  for (const KnownItem& k : set.queries)
    queries.push_back(build_query(mode, seg, k.text));
  for (size_t qi = 0; qi < queries.size(); ++qi) {
    const KnownItem& k = set.queries[qi];
    enquire.set_query(queries[qi]);
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    ++s.queries;
    std::set<Xapian::docid> matched;
    for (auto m = all.begin(); m != all.end(); ++m) {
      matched.insert(*m);
      const Xapian::doccount rank = m.get_rank() + 1;
      if (*m == docids[k.page]) {
        ++s.page_matched;
        if (rank <= 10) ++s.in_top10;
        if (rank <= 100) s.rr += 1.0 / rank;
      }
    }
    s.matches += matched.size();
    for (size_t p = 0; p < pages.size(); ++p) {
      if (pages[p].text.find(k.text) == std::string::npos) continue;
      ++s.literal;
      if (matched.count(docids[p])) ++s.literal_matched;
    }
  }
  const double start = thread_cpu_seconds();
  for (int pass = 0; pass < passes; ++pass) {
    for (const Xapian::Query& q : queries) {
      enquire.set_query(q);
      enquire.get_mset(0, 10);
      ++s.searches;
    }
  }
  s.seconds = thread_cpu_seconds() - start;
  return s;
}

struct Language {
  std::string folder;
  std::string locale;
};

const std::vector<Language> kLanguages = {
    {"zh-cn", "zh_CN"}, {"zh-tw", "zh_TW"}, {"ja", "ja"}, {"ko", "ko"}};

// What FLAG_CJK_NGRAM makes of TEXT: the TermGenerator's terms and positions, QueryParser's
// query (plain and quoted), ICU's words, and MSet::snippet with SNIPPET_CJK_NGRAM for the
// queries above over TEXT followed by a sentence of its first and last characters alone.
void explain(const std::string& text, const std::string& locale) {
  Xapian::Document doc;
  Xapian::TermGenerator tg;
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  tg.set_document(doc);
  tg.index_text(text);
  std::cout << "TermGenerator FLAG_CJK_NGRAM, \"" << text << "\":\n";
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::cout << "  " << *t << " wdf " << t.get_wdf() << " positions";
    if (t.positionlist_count() == 0) std::cout << " (none)";
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
      std::cout << ' ' << *p;
    std::cout << '\n';
  }
  WordSegmenter seg(locale);
  std::cout << "ICU words (" << locale << "):";
  for (const std::string& run : cjk_runs(text)) {
    for (const std::string& w : seg.words(run))
      std::cout << ' ' << w;
  }
  Xapian::QueryParser qp;
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  const std::vector<std::pair<std::string, Xapian::Query>> queries = {
      {"QueryParser", qp.parse_query(text, flags)},
      {"QueryParser, quoted", qp.parse_query('"' + text + '"', flags)},
      {"bigrams + phrase", build_query(QueryMode::ngram_phrase, seg, text)}};
  const std::vector<unsigned> cps = code_points(text);
  const std::string page =
      text + "\xE3\x80\x82" + utf8(cps, 0, 1) + " " + utf8(cps, cps.size() - 1, 1);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document d;
  tg.set_document(d);
  tg.index_text(page);
  db.add_document(d);
  std::cout << "\nsnippets of \"" << page << "\" (SNIPPET_CJK_NGRAM):\n";
  for (const auto& [name, q] : queries) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    std::cout << "  " << name << ": " << q.get_description() << "\n    matches " << mset.size()
              << ", snippet: "
              << mset.snippet(page, 200, Xapian::Stem(), Xapian::MSet::SNIPPET_CJK_NGRAM, "[", "]")
              << '\n';
  }
  std::cout << '\n';
}

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// A locale for --explain's ICU words: Korean or Japanese when the text has Hangul or kana.
std::string locale_of(const std::string& text) {
  const std::vector<unsigned> cps = code_points(text);
  if (std::any_of(cps.begin(), cps.end(), is_hangul)) return "ko";
  if (std::any_of(cps.begin(), cps.end(), [](unsigned c) { return c >= 0x3040 && c <= 0x30FF; })) {
    return "ja";
  }
  return "zh";
}

int usage() {
  std::cerr << "usage: cjk_segmentation CONTENT_DIR [--db-dir DIR] [--seed N] [--passes N] "
               "[--explain TEXT]...\n";
  return 2;
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2) return usage();
  fs::path content = argv[1];
  fs::path db_dir = fs::temp_directory_path() / "folio-cjk-bench";
  unsigned seed = 12;
  int passes = 20;
  std::vector<std::string> explains;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    if (arg == "--db-dir") {
      db_dir = argv[++i];
    } else if (arg == "--seed") {
      seed = std::stoul(argv[++i]);
    } else if (arg == "--passes") {
      passes = std::stoi(argv[++i]);
    } else if (arg == "--explain") {
      explains.push_back(argv[++i]);
    } else {
      return usage();
    }
  }
  for (const std::string& e : explains)
    explain(e, locale_of(e));
  fs::create_directories(db_dir);

  const std::vector<Approach> approaches = {Approach::ngram, Approach::icu, Approach::hybrid};
  std::map<Approach, IndexStats> totals;
  std::ostringstream per_language_index;
  std::ostringstream results;
  std::ostringstream samples;
  results << "| language | query set | queries | method | recall@10 | MRR | page matched | "
             "matches / query | false positives / query | pages holding the text, matched | "
             "µs / query |\n| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | "
             "---: |\n";
  per_language_index << "| language | pages | " << approach_name(Approach::ngram) << " | "
                     << approach_name(Approach::icu) << " | " << approach_name(Approach::hybrid)
                     << " |\n| --- | ---: | ---: | ---: | ---: |\n";

  for (const Language& lang : kLanguages) {
    const std::vector<Page> pages = read_pages(content / lang.folder);
    WordSegmenter seg(lang.locale);
    std::map<Approach, Xapian::Database> dbs;
    std::map<Approach, std::vector<Xapian::docid>> docids;
    per_language_index << "| " << lang.folder << " | " << pages.size();
    for (Approach a : approaches) {
      const fs::path path = db_dir / (lang.folder + "-" + std::to_string(static_cast<int>(a)));
      fs::remove_all(path);
      const double start = thread_cpu_seconds();
      {
        Xapian::WritableDatabase w(path.string(),
                                   Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        for (const Page& p : pages)
          docids[a].push_back(w.add_document(make_document(a, seg, p)));
        w.commit();
        w.close();
      }
      IndexStats& t = totals[a];
      t.seconds += thread_cpu_seconds() - start;
      const uint64_t bytes = folder_bytes(path);
      t.bytes += bytes;
      dbs[a] = Xapian::Database(path.string());
      for (auto it = dbs[a].allterms_begin(); it != dbs[a].allterms_end(); ++it)
        ++t.terms;
      per_language_index << " | " << bytes;
    }
    per_language_index << " |\n";

    const std::vector<QuerySet> sets = make_query_sets(pages, seg, lang.folder == "ko", seed);
    for (const QuerySet& set : sets) {
      samples << lang.folder << ", " << set.name << ":";
      for (size_t i = 0; i < set.queries.size() && i < 8; ++i)
        samples << ' ' << set.queries[i].text;
      samples << '\n';
      for (const Method& m : kMethods) {
        const Scores s = score(dbs[m.index], pages, docids[m.index], set, m.query, seg, passes);
        const double n = s.queries ? s.queries : 1;
        results << "| " << lang.folder << " | " << set.name << " | " << s.queries << " | " << m.name
                << " | " << fixed(s.in_top10 / n, 3) << " | " << fixed(s.rr / n, 3) << " | "
                << fixed(s.page_matched / n, 3) << " | " << fixed(s.matches / n, 1) << " | "
                << fixed((s.matches - s.literal_matched) / n, 2) << " | " << s.literal_matched
                << " of " << s.literal << " | "
                << fixed(s.searches ? s.seconds * 1e6 / s.searches : 0, 1) << " |\n";
      }
    }
  }

  std::cout << "### Index (glass, " << kLanguages.size() << " languages)\n\n"
            << "| approach | bytes on disk | distinct terms | indexing CPU time, s |\n"
            << "| --- | ---: | ---: | ---: |\n";
  for (Approach a : approaches) {
    const IndexStats& t = totals[a];
    std::cout << "| " << approach_name(a) << " | " << t.bytes << " | " << t.terms << " | "
              << fixed(t.seconds, 3) << " |\n";
  }
  std::cout << "\nBytes by language:\n\n"
            << per_language_index.str() << "\n### Known items\n\n"
            << results.str() << "\nFirst queries of each set:\n\n```\n"
            << samples.str() << "```\n";
  return 0;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Xapian::Error& e) {
    std::cerr << "cjk_segmentation: " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "cjk_segmentation: " << e.what() << '\n';
  }
  return 1;
}
