// Every page of the index but section pages (`_index`) and templates (`_TEMPLATE`) is searched
// for once, in its own language (SearchRequest::language, no language filter: the whole index
// answers, as for a reader whose page's locale is that language), by ONE word of its title:
//
//  - Chinese and Japanese (zh*, ja): two or three characters (the length drawn) at a drawn place
//    inside an unspaced CJK run of the title;
//  - every other language, Korean included (its words are spaced): a drawn title word of two or
//    more characters that is not one of the language's function words (kFunctionWords).
//
// Words inside brackets are left for titles with nothing else: in "추상화 (Abstraction)" or
// "Passerelle d'API (API Gateway)" the bracket holds the English term, not what a reader of the
// page's language types (--bracketed-words draws them like the others: the harder case for
// "own language first", the English term being every translation's title too). Each page's draw is
// seeded by the seed and the page's id, so a page's query does not change when other pages come or
// go.
//
// Per language: pages, recall@10, MRR (top `depth`), and "own language first": the share of
// queries whose page ranks above every translation of it (the same file name in another
// language's folder, the same id but for its `.lang` suffix) that the query also found.
#include "per_language.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "folio/search.hpp"
#include "folio/utf8.hpp"
#include "random.hpp"
#include "title_words.hpp"

namespace folio_bench {
namespace {

using Clock = std::chrono::steady_clock;

// Function words a title may hold, by base language: a query word is drawn among the others.
// Small hand-made lists of articles, prepositions, conjunctions and "as"; Chinese, Japanese and
// Korean titles have none of their own (their queries are character runs or whole spaced words),
// only English terms in Latin letters.
const std::map<std::string, std::set<std::string>>& function_words() {
  static const std::map<std::string, std::set<std::string>> kFunctionWords = {
      {"en",
       {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "with"}},
      {"de",
       {"als", "auf", "bei", "das", "dem",  "den", "der", "des", "die", "ein", "eine", "einer",
        "für", "im",  "in",  "mit", "oder", "und", "vom", "von", "zu",  "zum", "zur"}},
      {"fr", {"à",  "au",  "aux", "avec", "d",    "de",  "des",  "du",  "en",   "et", "l",  "la",
              "le", "les", "ou",  "par",  "pour", "que", "sans", "sur", "tant", "un", "une"}},
      {"es",
       {"a", "al", "como", "con", "de", "del", "el", "en", "la", "las", "los", "o", "para", "por",
        "sin", "un", "una", "y"}},
      {"it", {"a", "al", "come", "con", "da", "dei", "del", "della", "delle", "di", "e",  "gli",
              "i", "il", "in",   "l",   "la", "le",  "lo",  "o",     "per",   "un", "una"}},
      {"pt", {"a",  "as", "com", "como", "da", "das",  "de",  "do",  "dos", "e",  "em",
              "na", "no", "o",   "os",   "ou", "para", "por", "sem", "um",  "uma"}},
      {"ru",
       {"без", "в", "во", "для", "и", "из", "или", "как", "к", "на", "о", "от", "по", "с", "со"}},
      {"tr", {"bir", "da", "de", "için", "ile", "olarak", "ve", "veya"}},
      {"vi", {"các", "cho", "có", "của", "là", "một", "những", "trong", "và", "với"}},
      {"hi", {"एक", "और", "का", "की", "के", "को", "पर", "में", "या", "से", "है"}},
      {"bn", {"একটি", "এবং", "এর", "ও", "জন্য", "থেকে", "বা"}},
      {"ur", {"اور", "ایک", "سے", "کا", "کو", "کی", "کے", "میں", "یا"}},
  };
  return kFunctionWords;
}

std::string base_language(const std::string& language) {
  return language.substr(0, language.find_first_of("-_"));
}

bool is_function_word(const std::string& word, const std::string& language) {
  std::string base = base_language(language);
  // A Chinese, Japanese or Korean title's Latin words are English terms ("Function as a Service").
  if (base == "zh" || base == "ja" || base == "ko") base = "en";
  auto list = function_words().find(base);
  return list != function_words().end() && list->second.count(word) > 0;
}

// Chinese and Japanese titles are searched by a piece of a CJK run; Korean by a spaced word.
bool searched_by_characters(const std::string& language) {
  std::string base = base_language(language);
  return base == "zh" || base == "ja";
}

// Han, kana and the iteration mark: the characters of an unspaced run.
bool is_cjk_character(unsigned ch) {
  return (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF) ||
         (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x20000 && ch <= 0x2FA1F) ||
         (ch >= 0x3040 && ch <= 0x30FA) || (ch >= 0x30FC && ch <= 0x30FF) ||
         (ch >= 0x31F0 && ch <= 0x31FF) || (ch >= 0xFF66 && ch <= 0xFF9F) || ch == 0x3005;
}

// A title split into its text outside brackets and the whole of it.
struct TitleParts {
  std::string outside;
  std::string whole;
};

TitleParts title_parts(const std::string& title) {
  static const std::set<unsigned> kOpen = {'(', '[', 0xFF08, 0x3010};
  static const std::set<unsigned> kClose = {')', ']', 0xFF09, 0x3011};
  TitleParts parts{"", title};
  int depth = 0;
  for (Xapian::Utf8Iterator it(title); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    if (kOpen.count(ch)) {
      ++depth;
      parts.outside += ' ';
    } else if (kClose.count(ch)) {
      depth = std::max(0, depth - 1);
      parts.outside += ' ';
    } else if (depth == 0) {
      Xapian::Unicode::append_utf8(parts.outside, ch);
    }
  }
  return parts;
}

std::vector<std::vector<unsigned>> cjk_runs(const std::string& text) {
  std::vector<std::vector<unsigned>> runs(1);
  for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
    if (is_cjk_character(*it)) {
      runs.back().push_back(*it);
    } else if (!runs.back().empty()) {
      runs.emplace_back();
    }
  }
  std::erase_if(runs, [](const auto& run) { return run.size() < 2; });
  return runs;
}

// Two or three characters at a drawn place of a drawn length; nullopt without a run of two.
std::optional<std::string> draw_characters(const std::string& text, Random& random) {
  auto runs = cjk_runs(text);
  if (runs.empty()) return std::nullopt;
  bool has_three = std::any_of(runs.begin(), runs.end(), [](auto& r) { return r.size() >= 3; });
  std::size_t length = has_three && random.below(2) == 1 ? 3 : 2;
  std::vector<std::pair<std::size_t, std::size_t>> places;  // (run, start)
  for (std::size_t r = 0; r < runs.size(); ++r) {
    for (std::size_t start = 0; start + length <= runs[r].size(); ++start)
      places.emplace_back(r, start);
  }
  auto [run, start] = places[random.below(places.size())];
  std::string out;
  for (std::size_t i = start; i < start + length; ++i)
    Xapian::Unicode::append_utf8(out, runs[run][i]);
  return out;
}

// A drawn word of two or more characters, not a function word; nullopt when there is none.
std::optional<std::string> draw_word(const std::string& text, const std::string& language,
                                     Random& random) {
  std::vector<std::string> eligible;
  for (const auto& word : words_of(text)) {
    if (folio::utf8_length(word) < 2 || is_function_word(word, language)) continue;
    if (std::find(eligible.begin(), eligible.end(), word) == eligible.end())
      eligible.push_back(word);
  }
  if (eligible.empty()) return std::nullopt;
  return eligible[random.below(eligible.size())];
}

std::uint64_t hash_of(const std::string& text) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

struct Page {
  std::string id;
  std::string title;
  std::string language;
  std::string translation_key;  // the id without its ".lang" suffix: translations share it
};

// The query for a page, and whether it came from the preferred rule (outside brackets).
struct Query {
  std::string text;
  bool preferred = true;
};

std::optional<Query> query_for(const Page& page, const PerLanguageOptions& o) {
  Random random(o.seed ^ hash_of(page.id));
  TitleParts parts = title_parts(page.title);
  if (o.bracketed_words) parts.outside = parts.whole;
  if (searched_by_characters(page.language)) {
    for (const std::string* text : {&parts.outside, &parts.whole}) {
      if (auto characters = draw_characters(*text, random))
        return Query{*characters, text == &parts.outside};
    }
  }
  for (const std::string* text : {&parts.outside, &parts.whole}) {
    if (auto word = draw_word(*text, page.language, random))
      return Query{*word, text == &parts.outside && !searched_by_characters(page.language)};
  }
  std::vector<std::string> words = words_of(page.title);
  if (words.empty()) return std::nullopt;
  return Query{words[random.below(words.size())], false};
}

struct Outcome {
  int rank = 0;                          // of the page; 0 = not in the top `depth`
  int translations_found = 0;            // translations of the page among the results
  bool own_first = false;                // found, and above every translation found
  std::vector<const folio::Hit*> above;  // for printing: what ranked above the page
  folio::SearchResults results;
};

struct LanguageMetrics {
  std::size_t pages = 0, at10 = 0, own_first = 0, contested = 0, contested_own_first = 0;
  std::size_t not_preferred = 0;
  double reciprocal_rank = 0;

  void add(const Outcome& o, bool preferred) {
    ++pages;
    at10 += o.rank >= 1 && o.rank <= 10;
    if (o.rank > 0) reciprocal_rank += 1.0 / o.rank;
    own_first += o.own_first;
    if (o.translations_found > 0) {
      ++contested;
      contested_own_first += o.own_first;
    }
    not_preferred += !preferred;
  }
};

bool is_section_or_template(const std::string& id, const std::string& language) {
  std::string path = id;
  std::string suffix = "." + language;
  if (path.size() > suffix.size() && path.ends_with(suffix))
    path.resize(path.size() - suffix.size());
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name.starts_with("_");
}

std::string translation_key(const std::string& id, const std::string& language) {
  std::string suffix = "." + language;
  if (id.size() > suffix.size() && id.ends_with(suffix))
    return id.substr(0, id.size() - suffix.size());
  return id;
}

struct Corpus {
  std::vector<Page> pages;
  std::map<std::string, const Page*> by_id;  // every article, the skipped ones included
  std::vector<Page> all;
  std::size_t skipped = 0;
};

Corpus read_corpus(const std::string& db_path, folio::Searcher& searcher) {
  Xapian::Database db(db_path);
  std::string default_language = db.get_metadata(std::string(folio::schema::kMetaLanguage));
  std::vector<std::string> ids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    ids.push_back(db.get_document(*it).get_value(folio::schema::kIdSlot));
  std::sort(ids.begin(), ids.end());
  Corpus corpus;
  for (const auto& id : ids) {
    auto record = searcher.article(id);
    if (!record) continue;
    std::string language = record->language.empty() ? default_language : record->language;
    corpus.all.push_back(Page{id, record->title, language, translation_key(id, language)});
  }
  for (const auto& page : corpus.all) {
    corpus.by_id[page.id] = &page;
    if (is_section_or_template(page.id, page.language)) {
      ++corpus.skipped;
    } else {
      corpus.pages.push_back(page);
    }
  }
  return corpus;
}

Outcome search_for(folio::Searcher& searcher, const Corpus& corpus, const Page& page,
                   const std::string& query, const std::string& reader, int depth) {
  folio::SearchRequest request;
  request.query = query;
  request.page_size = depth;
  request.snippet_length = 0;
  request.language = reader;
  Outcome out;
  out.results = searcher.search(request);
  bool translation_above = false;
  for (std::size_t i = 0; i < out.results.hits.size(); ++i) {
    const folio::Hit& hit = out.results.hits[i];
    if (hit.id == page.id) {
      out.rank = static_cast<int>(i) + 1;
      continue;
    }
    auto other = corpus.by_id.find(hit.id);
    bool translation = other != corpus.by_id.end() &&
                       other->second->translation_key == page.translation_key &&
                       other->second->language != page.language;
    if (translation) {
      ++out.translations_found;
      if (out.rank == 0) translation_above = true;
    }
    if (out.rank == 0 && (translation || out.above.size() < 5)) out.above.push_back(&hit);
  }
  out.own_first = out.rank > 0 && !translation_above;
  return out;
}

std::string language_of(const Corpus& corpus, const std::string& id) {
  auto page = corpus.by_id.find(id);
  return page == corpus.by_id.end() ? "?" : page->second->language;
}

// "ja  page.ja  «query»  reader ja  rank 0 ...", then the pages above it: every translation above
// it, other pages up to five.
void print_query(const Corpus& corpus, const Page& page, const Query& query,
                 const std::string& reader, const Outcome& o) {
  std::printf(
      "%-6s %-42s \u00ab%s\u00bb%s  reader %s  rank %d  (%zu matches, %d translations found)\n",
      page.language.c_str(), page.id.c_str(), query.text.c_str(),
      query.preferred ? "" : " (fallback)", reader.c_str(), o.rank, o.results.total,
      o.translations_found);
  std::printf("       title: %s\n", page.title.c_str());
  for (const folio::Hit* hit : o.above) {
    std::printf("       above: %-36s [%s] %s\n", hit->id.c_str(),
                language_of(corpus, hit->id).c_str(), hit->title_plain.c_str());
  }
}

const char* query_kind(const PerLanguageOptions& o) {
  if (o.foreign_reader) {
    return o.bracketed_words ? " (bracketed words too), read in another language"
                             : ", read in another language";
  }
  return o.bracketed_words ? " in its language (bracketed words too)" : " in its language";
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : double(part) / double(whole);
}

void print_row(const std::string& name, const LanguageMetrics& m) {
  std::printf("| %s | %zu | %.3f | %.3f | %.3f | %zu | %.3f | %zu |\n", name.c_str(), m.pages,
              share(m.at10, m.pages), m.pages == 0 ? 0.0 : m.reciprocal_rank / double(m.pages),
              share(m.own_first, m.pages), m.contested, share(m.contested_own_first, m.contested),
              m.not_preferred);
}

// For --foreign-reader: a drawn language of the index in which the page has no translation ("" when
// it has one in every language).
std::string foreign_reader(const Corpus& corpus, const Page& page, std::uint64_t seed) {
  std::set<std::string> languages, covered;
  for (const auto& other : corpus.pages) {
    languages.insert(other.language);
    if (other.translation_key == page.translation_key) covered.insert(other.language);
  }
  std::vector<std::string> foreign;
  for (const auto& language : languages) {
    if (!covered.count(language)) foreign.push_back(language);
  }
  if (foreign.empty()) return "";
  Random random(seed ^ hash_of(page.id) ^ 0x5eed5eed5eed5eedull);
  return foreign[random.below(foreign.size())];
}

}  // namespace

int run_per_language(const PerLanguageOptions& o) {
  folio::Searcher searcher(o.db);
  Corpus corpus = read_corpus(o.db, searcher);
  if (corpus.pages.empty()) throw std::runtime_error("the index holds no page");
  std::map<std::string, LanguageMetrics> by_language;
  LanguageMetrics total;
  std::size_t untitled = 0, everywhere = 0;
  auto start = Clock::now();
  for (const auto& page : corpus.pages) {
    auto query = query_for(page, o);
    if (!query) {
      ++untitled;  // nothing a reader could type
      continue;
    }
    std::string reader = page.language;
    if (o.foreign_reader) {
      reader = foreign_reader(corpus, page, o.seed);
      if (reader.empty()) {
        ++everywhere;
        continue;
      }
    }
    Outcome outcome = search_for(searcher, corpus, page, query->text, reader, o.depth);
    by_language[page.language].add(outcome, query->preferred);
    total.add(outcome, query->preferred);
    bool miss = outcome.rank == 0 || outcome.rank > 10 || (!o.foreign_reader && !outcome.own_first);
    if (o.all || (o.misses && miss)) print_query(corpus, page, *query, reader, outcome);
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf(
      "index    %s (%zu articles; %zu section pages and templates left out; %zu untitled)\n",
      o.db.c_str(), corpus.all.size(), corpus.skipped, untitled);
  std::printf("queries  %zu, one title word a page%s, seed %llu, top %d (%.2f ms each)\n",
              total.pages, query_kind(o), static_cast<unsigned long long>(o.seed), o.depth,
              total.pages > 0 ? 1000 * seconds / double(total.pages) : 0.0);
  if (o.foreign_reader) {
    std::printf(
        "         the reader's language: one in which the page has no translation (%zu "
        "pages have one in every language); own language first is then of no use\n",
        everywhere);
  }
  std::printf(
      "\n| language | pages | recall@10 | MRR | own language first | queries finding a "
      "translation | own first among them | fallback queries |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (const auto& [language, metrics] : by_language)
    print_row(language, metrics);
  print_row("all", total);
  return 0;
}

}  // namespace folio_bench
