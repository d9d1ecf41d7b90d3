// export_static_index (src/search/static_export.cpp) and the columns it stores in the exported
// copy (src/search/stored_columns.cpp), over the search fixture.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "behaviour/search_fixture.hpp"
#include "folio/error.hpp"
#include "folio/static_export.hpp"
#include "search/stored_columns.hpp"

using namespace folio;
using namespace folio::detail;

namespace {

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

StaticIndex export_fixture(const test::TempDir& dir, StaticLayout layout) {
  StaticExportRequest request;
  request.db_path = test::SearchFixture::shared().db();
  request.out_dir = dir.join("bundle");
  request.layout = layout;
  return export_static_index(request);
}

}  // namespace

TEST_CASE("static export: the chunks are the compacted index, cut in order") {
  test::TempDir dir;
  const StaticIndex chunks = export_fixture(dir, StaticLayout::chunks);
  const StaticIndex whole = export_fixture(dir, StaticLayout::file);
  CHECK(chunks.articles == test::SearchFixture::shared().articles().size());
  CHECK(chunks.chunks == (chunks.size + chunks.chunk_size - 1) / chunks.chunk_size);
  std::string joined;
  for (std::size_t i = 0; i < chunks.chunks; ++i) {
    const std::string piece =
        file_bytes(dir.join("bundle") + "/" + chunks.path + std::to_string(i));
    CHECK(piece.size() == std::min<std::uint64_t>(chunks.chunk_size, chunks.size - joined.size()));
    joined += piece;
  }
  CHECK(joined.size() == chunks.size);
  const Xapian::Database from_chunks = [&] {
    const std::string rejoined = dir.join("rejoined.db");
    std::ofstream(rejoined, std::ios::binary) << joined;
    return Xapian::Database(rejoined);
  }();
  CHECK(from_chunks.get_doccount() == chunks.articles);
  CHECK(Xapian::Database(dir.join("bundle") + "/" + whole.path).get_doccount() == whole.articles);
}

TEST_CASE("static export: an unchanged index exports to the same version and rewrites nothing") {
  test::TempDir dir;
  const StaticIndex first = export_fixture(dir, StaticLayout::chunks);
  const auto written =
      std::filesystem::last_write_time(dir.join("bundle") + "/" + first.path + "0");
  const StaticIndex again = export_fixture(dir, StaticLayout::chunks);
  CHECK(again.version == first.version);
  CHECK(again.size == first.size);
  CHECK(again.chunks == first.chunks);
  CHECK(std::filesystem::last_write_time(dir.join("bundle") + "/" + again.path + "0") == written);
  const StaticIndex whole = export_fixture(dir, StaticLayout::file);
  CHECK(whole.version != first.version);  // another layout, another version
}

TEST_CASE("static export: the stored columns are the ones the index gives") {
  test::TempDir dir;
  const StaticIndex whole = export_fixture(dir, StaticLayout::file);
  const Xapian::Database exported(dir.join("bundle") + "/" + whole.path);
  const Xapian::Database source(test::SearchFixture::shared().db());
  const auto facets = stored_facet_column(exported);
  const auto titles = stored_title_column(exported);
  REQUIRE(facets != nullptr);
  REQUIRE(titles != nullptr);
  CHECK(facets->encode() == FacetColumn::build(source)->encode());
  CHECK(titles->encode() == TitleColumn::build(source)->encode());
  CHECK(stored_facet_column(source) == nullptr);  // the index itself is never written to
}

TEST_CASE("static export: columns decode what they encode and refuse corrupt bytes") {
  const Xapian::Database source(test::SearchFixture::shared().db());
  const std::string facets = FacetColumn::build(source)->encode();
  const std::string titles = TitleColumn::build(source)->encode();
  CHECK(FacetColumn::decode(facets)->encode() == facets);
  CHECK(TitleColumn::decode(titles)->encode() == titles);
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, facets.size() / 2, facets.size() - 1})
    CHECK_THROWS_AS(FacetColumn::decode(facets.substr(0, cut)), Error);
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, titles.size() / 2, titles.size() - 1})
    CHECK_THROWS_AS(TitleColumn::decode(titles.substr(0, cut)), Error);
  CHECK_THROWS_AS(FacetColumn::decode(facets + "x"), Error);
  CHECK_THROWS_AS(FacetColumn::decode(std::string(16, '\xff')), Error);
}

TEST_CASE("static export: bad sizes and a missing index are errors that say so") {
  test::TempDir dir;
  StaticExportRequest request;
  request.db_path = test::SearchFixture::shared().db();
  request.out_dir = dir.join("bundle");
  request.block_size = 3000;
  CHECK_THROWS_AS(export_static_index(request), Error);
  request.block_size = 8192;
  request.chunk_size = 10000;
  CHECK_THROWS_AS(export_static_index(request), Error);
  request.chunk_size = 16384;
  request.db_path = dir.join("no-index");
  try {
    export_static_index(request);
    FAIL("exported a missing index");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
  }
}
