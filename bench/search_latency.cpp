// folio_bench_search: in-process search latency over an index folder.
//
//   folio_bench_search --db DIR [--queries FILE] [--reps N] [--index CONTENT_DIR...]
//                      [--peer-db SCRIPTINDEX_DB] [--modes LIST] [--article-cache-mb N]
//
// Runs a query mix (one query a line, '#' comments; tag:NAME filters as in ../shared/peers) and
// prints p50/p99/mean for: the same queries through a bare Xapian::QueryParser + Enquire (what
// the scriptindex peer does, as a baseline measured in the same run) on folio's index and, with
// --peer-db, on the scriptindex peer's own database (tags as K terms), folio with facets and
// snippets off, folio with facets (tags, categories, year) and snippets on, and suggest() on
// every prefix of the queries' words. --index first indexes the content folders into --db.
// --modes picks rows (for a profiler): baseline,peer,off,on,suggest by default; facets (facets
// on, snippets off) and snippets (the reverse) split the "on" row. --article-cache-mb sizes the
// searcher's cache of decoded articles (default: the shipped setting; 0: none, every hit read
// and decompressed from the index).
#include <sys/resource.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "folio/error.hpp"
#include "folio/indexer.hpp"
#include "folio/schema.hpp"
#include "folio/search.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string db;
  std::string queries_file;
  std::string peer_db;  // a database built by ../shared/peers/scriptindex
  std::vector<std::string> content_dirs;
  std::string modes = "baseline,peer,off,on,suggest";
  folio::SearchSettings search_settings;
  int reps = 5;

  bool wants(const std::string& mode) const {
    return ("," + modes + ",").find("," + mode + ",") != std::string::npos;
  }
};

const std::vector<std::string> kDefaultMix = {
    "async",
    "goroutine",
    "performance",
    "security",
    "kubernetes",
    "template",
    "testing",
    "memory",
    "concurrency",
    "json",
    "http",
    "accessibility",
    "error handling",
    "garbage collector",
    "static site",
    "unit tests",
    "web server",
    "release notes",
    "\"error handling\"",
    "\"front matter\"",
    "\"static site generator\"",
    "goroutine tag:concurrency",
    "performance tag:release",
    "tag:community",
    "go modules",
    "concurency",
    "kubernets deployment",
    "docs*",
    "content design guide",
};

std::vector<std::string> read_queries(const std::string& path) {
  if (path.empty()) return kDefaultMix;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  return queries;
}

struct Percentiles {
  double p50 = 0, p99 = 0, mean = 0;
};

struct Stats {
  std::size_t runs = 0;
  Percentiles wall;
  Percentiles cpu;  // this thread's CPU time: steadier than wall time on a shared machine
};

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

Percentiles percentiles(std::vector<double> ms) {
  Percentiles p;
  if (ms.empty()) return p;
  std::sort(ms.begin(), ms.end());
  p.p50 = ms[ms.size() / 2];
  p.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  for (double v : ms)
    p.mean += v;
  p.mean /= double(ms.size());
  return p;
}

Stats measure(const std::vector<std::string>& inputs, int reps,
              const std::function<void(const std::string&)>& run) {
  for (const auto& input : inputs)
    run(input);  // warm-up pass
  std::vector<double> wall, cpu;
  for (int r = 0; r < reps; ++r) {
    for (const auto& input : inputs) {
      auto start = Clock::now();
      double cpu_start = cpu_ms();
      run(input);
      cpu.push_back(cpu_ms() - cpu_start);
      wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
  }
  return Stats{wall.size(), percentiles(wall), percentiles(cpu)};
}

void print(const char* name, const Stats& s) {
  std::printf("| %-37s | %5zu | %7.3f | %7.3f | %7.3f | %7.3f | %7.3f |\n", name, s.runs,
              s.wall.p50, s.wall.p99, s.cpu.p50, s.cpu.p99, s.cpu.mean);
}

// Where an index keeps what a hit shows: scriptindex in the document data, folio in a value slot.
enum class StoredAt { document_data, folio_record_slot };

// What ../shared/peers/scriptindex does per query: QueryParser (AND, English stemming, tag:
// as a boolean prefix) and the top 10 with what they store for display.
class XapianBaseline {
 public:
  XapianBaseline(const std::string& db, const std::string& tag_prefix, StoredAt stored_at)
      : db_(db), enquire_(db_), stored_at_(stored_at) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("en"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_boolean_prefix("tag", tag_prefix);
  }
  void run(const std::string& query) {
    std::string lowered = query;
    enquire_.set_query(parser_.parse_query(
        lowered, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD));
    Xapian::MSet mset = enquire_.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      sink_ += stored_at_ == StoredAt::document_data
                   ? doc.get_data().size()
                   : doc.get_value(folio::schema::kRecordSlot).size();
    }
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
  StoredAt stored_at_;
  std::size_t sink_ = 0;
};

std::vector<std::string> typed_prefixes(const std::vector<std::string>& queries) {
  std::vector<std::string> prefixes;
  for (const auto& q : queries) {
    if (q.find(':') != std::string::npos || q.find('"') != std::string::npos) continue;
    for (std::size_t n = 2; n <= q.size(); ++n)
      prefixes.push_back(q.substr(0, n));
  }
  return prefixes;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--db") {
      o.db = next();
    } else if (arg == "--queries") {
      o.queries_file = next();
    } else if (arg == "--reps") {
      o.reps = std::max(1, std::stoi(next()));
    } else if (arg == "--modes") {
      o.modes = next();
    } else if (arg == "--peer-db") {
      o.peer_db = next();
    } else if (arg == "--index") {
      o.content_dirs.push_back(next());
    } else if (arg == "--article-cache-mb") {
      o.search_settings.article_cache_mb = static_cast<std::size_t>(std::stoul(next()));
    } else {
      throw std::runtime_error("unknown argument " + arg);
    }
  }
  if (o.db.empty()) {
    throw std::runtime_error(
        "usage: folio_bench_search --db DIR [--queries FILE] [--reps N] [--index CONTENT_DIR]... "
        "[--peer-db SCRIPTINDEX_DB] [--modes LIST] [--article-cache-mb N]");
  }
  return o;
}

void index_content(const Options& o) {
  folio::IndexRequest request;
  request.settings.content_dirs = o.content_dirs;
  request.settings.db_path = o.db;
  request.mode = folio::IndexMode::full;
  auto start = Clock::now();
  folio::IndexReport report = folio::run_index(request);
  std::printf("indexed %zu articles in %.2f s (%zu failed)\n", report.documents,
              std::chrono::duration<double>(Clock::now() - start).count(), report.failed);
}

int run(const Options& o) {
  if (!o.content_dirs.empty()) index_content(o);
  std::vector<std::string> queries = read_queries(o.queries_file);
  folio::Searcher searcher(o.db, o.search_settings);
  std::printf("index %s: %zu articles; %zu queries x %d passes; article cache %zu MB\n\n",
              o.db.c_str(), searcher.stats().articles, queries.size(), o.reps,
              o.search_settings.article_cache_mb);
  std::printf("| %-37s | %5s | %7s | %7s | %7s | %7s | %7s |\n", "mode", "runs", "p50 ms", "p99 ms",
              "CPU p50", "CPU p99", "CPU avg");
  std::printf("| %-37s | %5s | %7s | %7s | %7s | %7s | %7s |\n", "---",
              "---:", "---:", "---:", "---:", "---:", "---:");

  if (o.wants("baseline")) {
    XapianBaseline baseline(
        o.db, "XTAG",
        StoredAt::folio_record_slot);  // the folder's XAPIANDB stub names the generation
    print("Xapian QueryParser, top 10 (baseline)",
          measure(queries, o.reps, [&](const std::string& q) { baseline.run(q); }));
  }
  if (o.wants("peer") && !o.peer_db.empty()) {
    XapianBaseline peer(o.peer_db, "K", StoredAt::document_data);
    print("scriptindex peer's index, top 10",
          measure(queries, o.reps, [&](const std::string& q) { peer.run(q); }));
  }

  const std::vector<folio::FacetRequest> facets = {{"tags", 10}, {"categories", 10}, {"year", 10}};
  auto search_mode = [&](const char* name, bool with_facets, bool with_snippets) {
    folio::SearchRequest request;
    if (with_facets) request.facets = facets;
    if (!with_snippets) request.snippet_length = 0;
    print(name, measure(queries, o.reps, [&](const std::string& q) {
            request.query = q;
            searcher.search(request);
          }));
  };
  if (o.wants("off")) search_mode("folio, facets and snippets off", false, false);
  if (o.wants("facets")) search_mode("folio, facets on, snippets off", true, false);
  if (o.wants("snippets")) search_mode("folio, snippets on, facets off", false, true);
  if (o.wants("on")) search_mode("folio, facets and snippets on", true, true);

  if (o.wants("suggest")) {
    std::vector<std::string> prefixes = typed_prefixes(queries);
    print("suggest, every typed prefix",
          measure(prefixes, std::max(1, o.reps / 2),
                  [&](const std::string& p) { searcher.suggest(p); }));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("\npeak RSS %.1f MB; load average %s\n", double(usage.ru_maxrss) / 1024.0,
              load_average().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "folio_bench_search: %s\n", e.what());
  }
  return 1;
}
