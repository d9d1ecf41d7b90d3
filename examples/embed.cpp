// Using folio::core from another program: index a folder of Markdown articles, search it, print
// the hits, and check what came back (this example is built and run by the test suite).
//
//   embed CONTENT_DIR INDEX_DIR QUERY [EXPECTED_ID]
#include <folio/folio.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s CONTENT_DIR INDEX_DIR QUERY [EXPECTED_ID]\n", argv[0]);
    return 2;
  }
  try {
    folio::IndexRequest request;
    request.settings.content_dirs = {argv[1]};
    request.settings.db_path = argv[2];
    folio::IndexReport report = folio::run_index(request);
    std::printf("indexed %zu articles (%zu added, %zu failed)\n", report.documents, report.added,
                report.failed);

    folio::Searcher searcher(argv[2]);
    folio::SearchRequest query;
    query.query = argv[3];
    query.facets = {{"tags", 5}};
    folio::SearchResults results = searcher.search(query);
    for (const auto& hit : results.hits) {
      std::printf("%-50s %s\n", hit.title_plain.c_str(), hit.url.c_str());
    }
    std::printf("%zu results\n", results.total);

    if (report.documents == 0 || results.hits.empty()) {
      std::fprintf(stderr, "embed: expected articles and hits\n");
      return 1;
    }
    if (argc > 4 && results.hits.front().id != argv[4]) {
      std::fprintf(stderr, "embed: expected %s first, got %s\n", argv[4],
                   results.hits.front().id.c_str());
      return 1;
    }
    return 0;
  } catch (const folio::Error& e) {
    std::fprintf(stderr, "embed: %s\n", e.what());
    return 1;
  }
}
