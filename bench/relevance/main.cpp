// folio_bench_relevance: indexes a BEIR collection (corpus.jsonl, queries.jsonl, qrels/test.tsv)
// through folio's own IndexWriter and Searcher, runs every judged query with the default search
// settings and prints nDCG@10, MAP (top 1000) and Recall@100.
//
//   folio_bench_relevance COLLECTION_DIR [--db DIR] [--queries N] [--per-query] [--run FILE]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "folio/error.hpp"
#include "folio/index_writer.hpp"
#include "folio/search.hpp"
#include "metrics.hpp"

namespace fs = std::filesystem;
using folio::bench::Judgements;

namespace {

constexpr int kPageSize = 100;
constexpr int kDepth = 1000;  // documents ranked per query for MAP

struct Options {
  std::string collection;
  std::string db;
  std::size_t max_queries = 0;  // 0 = all
  bool per_query = false;       // print each query's nDCG@10 and its top 10 with their gains
  std::string run_file;         // writes every ranking there in TREC run format
};

struct Query {
  std::string id;
  std::string text;
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<nlohmann::json> read_jsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

std::string text_of(const nlohmann::json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A BEIR document as a folio article: the title, and the text as the lead section of the body.
folio::Article to_article(const nlohmann::json& row) {
  folio::Article a;
  a.id = text_of(row, "_id");
  a.relative_path = a.id;
  a.url = "/" + a.id + "/";
  a.title = text_of(row, "title");
  a.body_text = text_of(row, "text");
  a.sections = {folio::Section{-1, a.body_text}};
  return a;
}

std::size_t index_corpus(const std::string& collection, const std::string& db) {
  folio::IndexWriterOptions options;
  options.db_path = db;
  options.mode = folio::WriteMode::rebuild;
  folio::IndexWriter writer(options);
  std::size_t count = 0;
  for (const auto& row : read_jsonl(collection + "/corpus.jsonl")) {
    writer.add_or_replace(to_article(row));
    ++count;
  }
  writer.commit();
  return count;
}

std::map<std::string, Judgements> read_qrels(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::map<std::string, Judgements> qrels;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string query, doc;
    int gain = 0;
    if (fields >> query >> doc >> gain) qrels[query][doc] = gain;
  }
  return qrels;
}

std::vector<std::string> ranking(folio::Searcher& searcher, const std::string& text) {
  std::vector<std::string> ids;
  folio::SearchRequest request;
  request.query = text;
  request.page_size = kPageSize;
  request.snippet_length = 0;
  for (request.page = 1; request.page <= kDepth / kPageSize; ++request.page) {
    folio::SearchResults results = searcher.search(request);
    for (const auto& hit : results.hits)
      ids.push_back(hit.id);
    if (results.hits.size() < static_cast<std::size_t>(kPageSize)) break;
  }
  return ids;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) {
      o.db = argv[++i];
    } else if (arg == "--queries" && i + 1 < argc) {
      o.max_queries = std::stoul(argv[++i]);
    } else if (arg == "--run" && i + 1 < argc) {
      o.run_file = argv[++i];
    } else if (arg == "--per-query") {
      o.per_query = true;
    } else if (!arg.empty() && arg[0] != '-') {
      o.collection = arg;
    } else {
      throw std::runtime_error("unknown argument " + arg);
    }
  }
  if (o.collection.empty()) {
    throw std::runtime_error(
        "usage: folio_bench_relevance COLLECTION_DIR [--db DIR] [--queries N] [--per-query] [--run "
        "FILE]");
  }
  if (o.db.empty()) o.db = (fs::temp_directory_path() / "folio-bench-relevance").string();
  return o;
}

int run(const Options& o) {
  auto start = Clock::now();
  std::size_t documents = index_corpus(o.collection, o.db);
  double index_seconds = seconds_since(start);

  std::map<std::string, Judgements> qrels = read_qrels(o.collection + "/qrels/test.tsv");
  folio::SearchSettings settings;
  settings.max_query_length = 1 << 16;  // long natural-language questions are fine here
  folio::Searcher searcher(o.db, settings);

  std::ofstream run_out;
  if (!o.run_file.empty()) run_out.open(o.run_file);
  double ndcg = 0, map = 0, recall = 0;
  std::size_t evaluated = 0;
  start = Clock::now();
  for (const auto& row : read_jsonl(o.collection + "/queries.jsonl")) {
    Query q{text_of(row, "_id"), text_of(row, "text")};
    auto judged = qrels.find(q.id);
    if (judged == qrels.end()) continue;
    if (o.max_queries > 0 && evaluated >= o.max_queries) break;
    std::vector<std::string> ranked = ranking(searcher, q.text);
    ndcg += folio::bench::ndcg_at(ranked, judged->second, 10);
    for (std::size_t i = 0; run_out && i < ranked.size(); ++i) {
      run_out << q.id << " Q0 " << ranked[i] << ' ' << i + 1 << ' ' << ranked.size() - i
              << " folio\n";
    }
    if (o.per_query) {
      std::printf("Q %s %.3f %zu |", q.id.c_str(),
                  folio::bench::ndcg_at(ranked, judged->second, 10), ranked.size());
      for (std::size_t i = 0; i < 10 && i < ranked.size(); ++i) {
        auto g = judged->second.find(ranked[i]);
        std::printf(" %s:%d", ranked[i].c_str(), g == judged->second.end() ? -1 : g->second);
      }
      std::printf(" | %s\n", q.text.c_str());
    }
    map += folio::bench::average_precision(ranked, judged->second);
    recall += folio::bench::recall_at(ranked, judged->second, 100);
    ++evaluated;
  }
  double query_seconds = seconds_since(start);
  if (evaluated == 0) throw std::runtime_error("no judged query found");
  double n = static_cast<double>(evaluated);
  std::printf("collection  %s\n", o.collection.c_str());
  std::printf("documents   %zu (indexed in %.2f s)\n", documents, index_seconds);
  std::printf("queries     %zu (%.2f ms each, up to %d results)\n", evaluated,
              1000 * query_seconds / n, kDepth);
  std::printf("nDCG@10     %.4f\n", ndcg / n);
  std::printf("MAP         %.4f\n", map / n);
  std::printf("Recall@100  %.4f\n", recall / n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const folio::Error& e) {
    std::fprintf(stderr, "folio_bench_relevance: %s\n", e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "folio_bench_relevance: %s\n", e.what());
  }
  return 1;
}
