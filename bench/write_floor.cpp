// folio_bench_write_floor: how long Xapian itself takes to write the documents of an index.
//
//   folio_bench_write_floor --db INDEX_DIR [--threads N]
//
// Loads every document of a folio index into memory (terms, positions, values, data), then times
// only Xapian's part of a rebuild: add_document into fresh glass databases (one per thread, as
// folio's rebuild does) and their commits. This is the floor under `folio index --full` on the
// same schema, whatever the Markdown parsing and term generation cost; the figures show what share
// of a full index is Xapian's and what each part of the schema costs (it also prints the
// postings and positions per term class).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "folio/index_writer.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string db;
  unsigned threads = 2;
};

struct ClassCounts {
  std::size_t postings = 0;
  std::size_t positions = 0;
};

// "ZS", "XTAG", "raw" for unprefixed words: the leading capitals of a term.
std::string term_class(const std::string& term) {
  std::size_t n = 0;
  while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z')
    ++n;
  return n == 0 ? "raw" : term.substr(0, std::min<std::size_t>(n, 8));
}

Xapian::Document copy_of(const Xapian::Document& source,
                         std::map<std::string, ClassCounts>& counts) {
  Xapian::Document copy;
  for (auto term = source.termlist_begin(); term != source.termlist_end(); ++term) {
    ClassCounts& c = counts[term_class(*term)];
    c.postings += 1;
    Xapian::termcount positions = 0;
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      copy.add_posting(*term, *pos, 0);
      ++positions;
    }
    c.positions += positions;
    copy.add_term(*term, term.get_wdf());
  }
  for (auto value = source.values_begin(); value != source.values_end(); ++value)
    copy.add_value(value.get_valueno(), *value);
  copy.set_data(source.get_data());
  return copy;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

void write_part(const std::vector<Xapian::Document>& docs, unsigned part, unsigned parts,
                const std::string& path) {
  Xapian::WritableDatabase out(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  for (std::size_t i = part; i < docs.size(); i += parts)
    out.add_document(docs[i]);
  out.commit();
}

int run(const Options& options) {
  Xapian::Database source(folio::current_generation_path(options.db));
  std::map<std::string, ClassCounts> counts;
  std::vector<Xapian::Document> docs;
  for (auto id = source.postlist_begin(""); id != source.postlist_end(""); ++id)
    docs.push_back(copy_of(source.get_document(*id), counts));

  std::string scratch = (fs::temp_directory_path() / "folio-write-floor").string();
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  auto wall = Clock::now();
  double cpu = cpu_seconds();
  std::vector<std::thread> writers;
  for (unsigned part = 0; part < options.threads; ++part) {
    writers.emplace_back(write_part, std::cref(docs), part, options.threads,
                         scratch + "/" + std::to_string(part));
  }
  for (auto& w : writers)
    w.join();
  double wall_s = std::chrono::duration<double>(Clock::now() - wall).count();
  double cpu_s = cpu_seconds() - cpu;
  fs::remove_all(scratch);

  std::size_t postings = 0;
  std::size_t positions = 0;
  std::printf("| term class | postings | positions |\n|---|---|---|\n");
  for (const auto& [name, c] : counts) {
    std::printf("| %s | %zu | %zu |\n", name.c_str(), c.postings, c.positions);
    postings += c.postings;
    positions += c.positions;
  }
  std::printf("\n%zu documents, %zu postings, %zu positions\n", docs.size(), postings, positions);
  std::printf("xapian write (add_document + commit, %u threads): %.2f s wall, %.2f s CPU\n",
              options.threads, wall_s, cpu_s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) {
      options.db = argv[++i];
    } else if (arg == "--threads" && i + 1 < argc) {
      options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      std::fprintf(stderr, "usage: folio_bench_write_floor --db INDEX_DIR [--threads N]\n");
      return 2;
    }
  }
  if (options.db.empty()) {
    std::fprintf(stderr, "usage: folio_bench_write_floor --db INDEX_DIR [--threads N]\n");
    return 2;
  }
  try {
    return run(options);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "folio_bench_write_floor: %s\n", e.get_description().c_str());
    return 1;
  }
}
