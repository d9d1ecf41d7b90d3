#include "folio/static_export.hpp"

#include <xapian.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "folio/error.hpp"
#include "search/stored_columns.hpp"

namespace folio {
namespace {

namespace fs = std::filesystem;

// Changes whenever what an export writes changes (the columns stored in it, say), so that a
// re-export after an upgrade writes afresh instead of reusing a folder of the older kind.
constexpr const char* kExportFormat = "folio-static-2";
constexpr unsigned kMinBlockSize = 2048;
constexpr unsigned kMaxBlockSize = 65536;
constexpr std::size_t kMaxChunkSize = 8u << 20;

void check(const StaticExportRequest& request) {
  const unsigned b = request.block_size;
  if (b < kMinBlockSize || b > kMaxBlockSize || (b & (b - 1)) != 0)
    throw Error(ErrorCode::invalid_argument,
                "block size must be a power of two from 2048 to 65536, not " + std::to_string(b));
  if (request.chunk_size == 0 || request.chunk_size % b != 0 || request.chunk_size > kMaxChunkSize)
    throw Error(ErrorCode::invalid_argument,
                "chunk size must be a multiple of the block size, at most 8 MB");
  if (request.out_dir.empty()) throw Error(ErrorCode::invalid_argument, "no output folder given");
}

// The version of an export: 64-bit FNV-1a over what decides its bytes' meaning (the index's
// uuid and revision, and the layout asked for). The same index exported twice gets the same
// version, so a re-export of an unchanged index rewrites nothing and pages keep their caches.
// Not a security hash: the bundle is the site owner's own.
std::string export_version(const std::string& db_path, const StaticExportRequest& request) {
  std::string identity;
  try {
    Xapian::Database db(db_path);
    identity = db.get_uuid();
    identity.append(1, ':').append(std::to_string(db.get_revision()));
  } catch (const Xapian::DatabaseNotFoundError& e) {
    throw Error(ErrorCode::not_found, "no index at " + db_path + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::database, "cannot open " + db_path + ": " + e.get_description());
  }
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
  identity.append(1, ':').append(std::to_string(request.block_size));
  identity.append(1, ':').append(std::to_string(request.chunk_size));
  identity.append(request.layout == StaticLayout::file ? ":file" : ":chunks");
  identity.append(":").append(kExportFormat);
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : identity) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  std::array<char, 17> hex{};
  std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash));
  return hex.data();
}

// The index compacted into one glass file at `file`, with its facet and title columns stored
// in it (stored_columns.hpp). A single-file database cannot be written, so the columns go into
// a compacted copy in folders first, which is compacted again into the file. Docids are kept
// throughout: folio-server breaks ties by docid, and the static engine must rank as it does.
// Not Compactor::FULLER: with a single file, Xapian 1.4.22 writes a corrupt table with it
// (xapian-compact --single-file --fuller on the digitalgov index: "dir_end invalid", a 9 TB
// sparse file). The file is opened and counted before it is used, so a compaction gone wrong is
// an error here, not in a visitor's browser.
std::uint64_t compact_to_file(const std::string& db_path, const fs::path& file, unsigned block) {
  const fs::path staging = file.string() + ".staging";
  fs::remove_all(staging);
  try {
    Xapian::Database source(db_path);  // compact() is not const
    source.compact(staging.string(), Xapian::DBCOMPACT_NO_RENUMBER, static_cast<int>(block));
    {
      Xapian::WritableDatabase copy(staging.string(), Xapian::DB_OPEN);
      detail::store_columns(copy);
      copy.commit();
    }
    Xapian::Database(staging.string())
        .compact(file.string(), Xapian::DBCOMPACT_SINGLE_FILE | Xapian::DBCOMPACT_NO_RENUMBER,
                 static_cast<int>(block));
    fs::remove_all(staging);
    const Xapian::Database exported(file.string());
    if (exported.get_doccount() != source.get_doccount() ||
        exported.get_lastdocid() != source.get_lastdocid())
      throw Error(ErrorCode::database, "the compacted copy of " + db_path + " differs from it");
    return source.get_doccount();
  } catch (const Xapian::DatabaseNotFoundError& e) {
    throw Error(ErrorCode::not_found, "no index at " + db_path + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    fs::remove_all(staging);
    throw Error(ErrorCode::database, "cannot compact " + db_path + ": " + e.get_description());
  }
}

void write_chunks(const fs::path& file, const fs::path& folder, std::size_t chunk_size) {
  const fs::path partial = folder.string() + ".partial";
  fs::remove_all(partial);
  fs::create_directories(partial);
  std::ifstream in(file, std::ios::binary);
  std::vector<char> buffer(chunk_size);
  std::size_t chunks = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() == 0) break;
    std::ofstream out(partial / std::to_string(chunks), std::ios::binary);
    out.write(buffer.data(), in.gcount());
    if (!out.flush()) throw Error(ErrorCode::io, "cannot write " + (partial / "").string());
    ++chunks;
  }
  // The folder appears whole or not at all: a visitor never fetches from a half-written one.
  fs::rename(partial, folder);
}

// The size of an index already written as chunks, and how many there are.
std::uint64_t stored_size(const fs::path& folder, std::size_t& chunks) {
  std::uint64_t size = 0;
  chunks = 0;
  while (fs::exists(folder / std::to_string(chunks))) {
    size += fs::file_size(folder / std::to_string(chunks));
    ++chunks;
  }
  return size;
}

std::uint64_t article_count(const std::string& db_path) {
  try {
    return Xapian::Database(db_path).get_doccount();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::database, "cannot open " + db_path + ": " + e.get_description());
  }
}

}  // namespace

StaticIndex export_static_index(const StaticExportRequest& request) {
  check(request);
  const fs::path out(request.out_dir);
  StaticIndex result;
  result.version = export_version(request.db_path, request);
  result.chunk_size = request.chunk_size;
  const bool whole = request.layout == StaticLayout::file;
  result.path = "index-" + result.version + (whole ? ".db" : "/");
  const fs::path target = out / ("index-" + result.version + (whole ? ".db" : ""));
  try {
    fs::create_directories(out);
    // The same version is the same index, laid out the same way: nothing to write.
    if (fs::exists(target)) {
      result.size = whole ? fs::file_size(target) : stored_size(target, result.chunks);
      result.articles = article_count(request.db_path);
      return result;
    }
    const fs::path compacted = out / ".folio-export.db.partial";
    fs::remove(compacted);
    result.articles = compact_to_file(request.db_path, compacted, request.block_size);
    result.size = fs::file_size(compacted);
    result.chunks =
        static_cast<std::size_t>((result.size + request.chunk_size - 1) / request.chunk_size);
    if (whole) {
      fs::rename(compacted, target);
    } else {
      write_chunks(compacted, target, request.chunk_size);
      fs::remove(compacted);
    }
  } catch (const fs::filesystem_error& e) {
    throw Error(ErrorCode::io, std::string("cannot write the static index: ") + e.what());
  }
  return result;
}

}  // namespace folio
