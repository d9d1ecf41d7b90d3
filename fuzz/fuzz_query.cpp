// The query language against a real index: LLVMFuzzerInitialize indexes tests/data/search-fixture
// once into a temporary folder (removed at exit); each input is then a query string, searched as
// written (lenient: unknown fields read as words) and strictly, with facets and snippets, and
// completed as the word being typed. Only reads touch the index. Error{invalid_query} is the
// answer to a query that cannot be served; anything else that escapes, a crash, a leak, undefined
// behaviour or a timeout is a finding.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "folio/article_parser.hpp"
#include "folio/error.hpp"
#include "folio/index_writer.hpp"
#include "folio/search.hpp"

namespace {

namespace fs = std::filesystem;

std::string index_folder;
std::unique_ptr<folio::Searcher> searcher;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void remove_index_folder() {
  searcher.reset();
  std::error_code ignored;
  fs::remove_all(index_folder, ignored);
}

void index_fixture(const std::string& db) {
  folio::IndexSettings settings;
  settings.taxonomies = {"topics"};
  folio::IndexWriterOptions options;
  options.db_path = db;
  folio::IndexWriter writer(options);
  const fs::path root = FOLIO_FUZZ_FIXTURE_DIR;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    const std::string relative = fs::relative(entry.path(), root).generic_string();
    if (relative == "README.md") continue;
    const std::string content = read_file(entry.path());
    writer.add_or_replace(folio::parse_article(
        folio::ArticleSource{entry.path().string(), relative, content, {}, {}}, settings));
  }
  writer.commit();
}

void search(const std::string& query, bool strict) {
  folio::SearchRequest request;
  request.query = query;
  request.strict = strict;
  request.facets = folio::default_facets();
  try {
    searcher->search(request);
  } catch (const folio::Error& error) {
    if (error.code() != folio::ErrorCode::invalid_query) throw;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string pattern = (fs::temp_directory_path() / "folio-fuzz-query-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return 1;
  index_folder = pattern;
  std::atexit(remove_index_folder);
  index_fixture(index_folder + "/index");
  searcher = std::make_unique<folio::Searcher>(index_folder + "/index");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  search(query, false);
  search(query, true);
  searcher->suggest(query);
  return 0;
}
