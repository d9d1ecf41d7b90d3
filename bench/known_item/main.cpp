// folio_bench_known_item: a known-item benchmark over any folio index. N pages drawn at random
// (fixed seed) from the index are each searched for twice, as a reader who knows the page would:
// by its title, typed into the search box as it is written (quotes, colons, brackets, AND/OR/NOT
// and dashes included), and by its two rarest title words (fewest documents in the index, kept in
// title order). Reports MRR, success@1, @3 and @10 of each, over the top 100 results, and
// MRR-any, where another page with the same title words counts as found (titles repeat: "Open
// data" is a topic page and a community page).
//
//   folio_bench_known_item --db DIR [--samples N] [--seed S] [--depth D] [--misses] [--all]
//   folio_bench_known_item --db DIR --per-language [--bracketed-words] [--foreign-reader]
//                          [--seed S] [--depth D] [--misses] [--all]
//
// A third row searches every page of the index whose title holds query syntax (quotes, brackets,
// a colon after a word, a word starting with - or +, a *, or AND, OR, NOT, XOR, NEAR, ADJ as a
// word) by its title: such a title must find its page as any other does.
//
// --misses prints every query whose page is not first; --all every query. In an index of several
// languages each query is stemmed in its page's language and filtered to it (lang:), as a site
// searches one language at a time.
//
// --per-language is another benchmark (per_language.cpp): every page, by one word of its title,
// in its language without a language filter; recall@10, MRR and "own language first" by language.
// --bracketed-words also draws the words inside a title's brackets (often the English term);
// --foreign-reader searches each page for a reader of a language it has no translation in.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "folio/search.hpp"
#include "per_language.hpp"
#include "random.hpp"
#include "title_words.hpp"

namespace {

using folio_bench::joined;
using folio_bench::Random;
using folio_bench::words_of;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string db;
  std::size_t samples = 300;
  std::uint64_t seed = 12;
  int depth = 100;
  bool misses = false;
  bool all = false;
  bool per_language = false;
  bool bracketed_words = false;
  bool foreign_reader = false;
};

// A page of the index: its id, title, language and its title's normalised form.
struct Page {
  std::string id;
  std::string title;
  std::string language;
  std::string title_key;  // title terms joined by spaces: pages sharing a key share a title
};

// One query's outcome: the rank of its page (0 = not in the top `depth`).
struct Outcome {
  std::string query;
  int rank = 0;
  int first_same_title = 0;  // rank of the first page with the same title (0 = none)
};

struct Metrics {
  std::size_t queries = 0;
  double reciprocal_rank = 0;
  double reciprocal_rank_any = 0;  // any page with the same title counts as found
  std::size_t at1 = 0, at3 = 0, at10 = 0, missing = 0;

  void add(const Outcome& o) {
    ++queries;
    if (o.rank > 0) reciprocal_rank += 1.0 / o.rank;
    int any = o.first_same_title > 0 && (o.rank == 0 || o.first_same_title < o.rank)
                  ? o.first_same_title
                  : o.rank;
    if (any > 0) reciprocal_rank_any += 1.0 / any;
    at1 += o.rank == 1;
    at3 += o.rank >= 1 && o.rank <= 3;
    at10 += o.rank >= 1 && o.rank <= 10;
    missing += o.rank == 0;
  }
};

// Whether a title holds something the query language reads as syntax (docs/query-syntax.md).
bool has_query_syntax(const std::string& title) {
  static const std::set<std::string> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  if (title.find_first_of("\"()*") != std::string::npos) return true;
  if (title.find("\xE2\x80\x9C") != std::string::npos) return true;  // a curly quote
  std::size_t start = 0;
  while (start < title.size()) {
    std::size_t end = title.find(' ', start);
    if (end == std::string::npos) end = title.size();
    std::string word = title.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (kOperators.count(word) || word.starts_with("NEAR/") || word.starts_with("ADJ/"))
      return true;
    if ((word[0] == '-' || word[0] == '+') && word.size() > 1) return true;
    std::size_t colon = word.find(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < word.size()) return true;
  }
  return false;
}

// Every page of the index, by id. A page without a language of its own is in the index's default
// language.
std::vector<Page> read_pages(const std::string& db_path, folio::Searcher& searcher) {
  Xapian::Database db(db_path);
  std::string default_language = db.get_metadata(std::string(folio::schema::kMetaLanguage));
  std::vector<std::string> ids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    ids.push_back(db.get_document(*it).get_value(folio::schema::kIdSlot));
  std::sort(ids.begin(), ids.end());
  std::vector<Page> pages;
  for (const auto& id : ids) {
    auto record = searcher.article(id);
    if (!record) continue;
    std::string language = record->language.empty() ? default_language : record->language;
    pages.push_back(Page{id, record->title, language, joined(words_of(record->title))});
  }
  return pages;
}

// The two title words in the fewest documents, in title order (one for a one-word title).
std::string rarest_words(const Xapian::Database& db, const std::string& title) {
  std::vector<std::string> words = words_of(title);
  std::vector<std::size_t> order;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (seen.insert(words[i]).second) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return db.get_termfreq(words[a]) < db.get_termfreq(words[b]);
  });
  if (order.size() > 2) order.resize(2);
  std::sort(order.begin(), order.end());
  std::vector<std::string> picked;
  for (std::size_t i : order)
    picked.push_back(words[i]);
  return joined(picked);
}

Outcome find(folio::Searcher& searcher, const std::string& query, const Page& page,
             const std::map<std::string, std::string>& key_of, bool by_language, int depth) {
  folio::SearchRequest request;
  request.query = query;
  request.page_size = depth;
  request.snippet_length = 0;
  request.language = page.language;
  if (by_language) request.filters.push_back(folio::FieldFilter{"lang", {page.language}});
  Outcome out{query, 0, 0};
  folio::SearchResults results = searcher.search(request);
  for (std::size_t i = 0; i < results.hits.size(); ++i) {
    const std::string& id = results.hits[i].id;
    int rank = static_cast<int>(i) + 1;
    if (id == page.id) {
      out.rank = rank;
      break;
    }
    auto key = key_of.find(id);
    if (out.first_same_title == 0 && key != key_of.end() && !page.title_key.empty() &&
        key->second == page.title_key) {
      out.first_same_title = rank;
    }
  }
  return out;
}

// "rank 3 (same title: 1)  id  query": rank 0 is not in the top results.
void print_outcome(const Outcome& o, const Page& page) {
  char same[32] = "";
  if (o.first_same_title > 0)
    std::snprintf(same, sizeof same, "(same title: %d)", o.first_same_title);
  std::printf("rank %3d %-17s %-40s  %s\n", o.rank, same, page.id.c_str(), o.query.c_str());
}

void print_metrics(const char* name, const Metrics& m) {
  double n = static_cast<double>(std::max<std::size_t>(1, m.queries));
  std::printf("%-14s %5zu %7.3f %7.3f %7.3f %7.3f %7.3f %7zu\n", name, m.queries,
              m.reciprocal_rank / n, double(m.at1) / n, double(m.at3) / n, double(m.at10) / n,
              m.reciprocal_rank_any / n, m.missing);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool value = i + 1 < argc;
    if (arg == "--db" && value) {
      o.db = argv[++i];
    } else if (arg == "--samples" && value) {
      o.samples = std::stoul(argv[++i]);
    } else if (arg == "--seed" && value) {
      o.seed = std::stoull(argv[++i]);
    } else if (arg == "--depth" && value) {
      o.depth = std::clamp(std::stoi(argv[++i]), 1, 100);
    } else if (arg == "--misses") {
      o.misses = true;
    } else if (arg == "--all") {
      o.all = true;
    } else if (arg == "--per-language") {
      o.per_language = true;
    } else if (arg == "--bracketed-words") {
      o.bracketed_words = true;
    } else if (arg == "--foreign-reader") {
      o.foreign_reader = true;
    } else {
      throw std::runtime_error("unknown argument " + arg);
    }
  }
  if (o.db.empty()) {
    throw std::runtime_error(
        "usage: folio_bench_known_item --db DIR [--samples N] [--seed S] [--depth D] [--misses] "
        "[--all] [--per-language [--bracketed-words] [--foreign-reader]]");
  }
  return o;
}

int run(const Options& o) {
  folio::Searcher searcher(o.db);
  std::vector<Page> pages = read_pages(o.db, searcher);
  if (pages.empty()) throw std::runtime_error("the index holds no page");
  std::map<std::string, std::string> key_of;
  std::map<std::string, int> title_count;
  std::set<std::string> languages;
  for (const auto& p : pages) {
    key_of[p.id] = p.title_key;
    ++title_count[p.title_key];
    languages.insert(p.language);
  }
  bool by_language = languages.size() > 1;

  // A partial Fisher-Yates shuffle of the pages sorted by id: the first N.
  Random random(o.seed);
  std::vector<std::size_t> order(pages.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::size_t n = std::min(o.samples, pages.size());
  for (std::size_t i = 0; i < n; ++i)
    std::swap(order[i], order[i + random.below(order.size() - i)]);

  Xapian::Database db(o.db);
  Metrics title_metrics, rare_metrics;
  std::size_t shared_titles = 0, untitled = 0;
  auto start = Clock::now();
  for (std::size_t s = 0; s < n; ++s) {
    const Page& page = pages[order[s]];
    if (page.title_key.empty()) {
      ++untitled;  // nothing a reader could type
      continue;
    }
    if (title_count[page.title_key] > 1) ++shared_titles;
    Outcome title = find(searcher, page.title, page, key_of, by_language, o.depth);
    Outcome rare = find(searcher, rarest_words(db, page.title), page, key_of, by_language, o.depth);
    title_metrics.add(title);
    rare_metrics.add(rare);
    for (const Outcome* q : {&title, &rare}) {
      if (o.all || (o.misses && q->rank != 1)) {
        print_outcome(*q, page);
      }
    }
  }
  Metrics syntax_metrics;
  for (const auto& page : pages) {
    if (page.title_key.empty() || !has_query_syntax(page.title)) continue;
    Outcome title = find(searcher, page.title, page, key_of, by_language, o.depth);
    syntax_metrics.add(title);
    if (o.all || (o.misses && title.rank != 1)) {
      print_outcome(title, page);
    }
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::size_t queries = title_metrics.queries + rare_metrics.queries + syntax_metrics.queries;
  std::printf("index       %s (%zu pages, %zu language%s%s)\n", o.db.c_str(), pages.size(),
              languages.size(), languages.size() == 1 ? "" : "s",
              by_language ? ", each query filtered to its page's language" : "");
  std::printf("sample      %zu pages, seed %llu; %zu untitled skipped; %zu share their title\n", n,
              static_cast<unsigned long long>(o.seed), untitled, shared_titles);
  std::printf("queries     %zu (%.2f ms each, top %d)\n", queries,
              queries > 0 ? 1000 * seconds / double(queries) : 0.0, o.depth);
  std::printf("%-14s %5s %7s %7s %7s %7s %7s %7s\n", "query", "n", "MRR", "s@1", "s@3", "s@10",
              "MRR-any", "missing");
  print_metrics("title", title_metrics);
  print_metrics("rarest-2", rare_metrics);
  print_metrics("syntax-title", syntax_metrics);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o = parse_options(argc, argv);
    if (o.per_language) {
      return folio_bench::run_per_language(folio_bench::PerLanguageOptions{
          o.db, o.seed, o.depth, o.misses, o.all, o.bracketed_words, o.foreign_reader});
    }
    return run(o);
  } catch (const folio::Error& e) {
    std::fprintf(stderr, "folio_bench_known_item: %s\n", e.what());
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "folio_bench_known_item: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "folio_bench_known_item: %s\n", e.what());
  }
  return 1;
}
