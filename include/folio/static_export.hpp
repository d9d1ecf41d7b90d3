// An index laid out for static hosting: one compacted Xapian file, cut into fixed-size chunk
// files (or kept whole), that the static engine (wasm/) reads piece by piece over HTTP. The
// `folio export --static` command writes the rest of the bundle (engine, worker, widget,
// manifest) around it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace folio {

enum class StaticLayout {
  chunks,  // index-<version>/<n>: fixed-size files, for hosts that ignore Range requests
  file,    // index-<version>.db: one file, read with Range requests (or downloaded whole)
};

struct StaticExportRequest {
  std::string db_path = "folio-index";  // the index to export (its current generation)
  std::string out_dir;                  // the bundle's folder, created if missing
  StaticLayout layout = StaticLayout::chunks;
  // Xapian's block size for the compacted copy (2 KB to 64 KB, a power of two): the smallest
  // read a query makes.
  unsigned block_size = 8192;
  // Bytes per chunk file (a multiple of block_size): what one fetch brings.
  std::size_t chunk_size = 16384;
};

struct StaticIndex {
  std::string version;  // 16 hex digits naming the index's uuid and revision and the layout
  std::string path;     // relative to out_dir: "index-<version>/" or "index-<version>.db"
  std::uint64_t size = 0;
  std::size_t chunk_size = 0;
  std::size_t chunks = 0;
  std::uint64_t articles = 0;
};

// Compacts the index into one file (docids kept, so ranking ties fall as in folio-server; the
// facet and title columns stored in it, so a browser need not read them from the whole index) and
// writes it under out_dir as the layout says. An unchanged index gives the same version and
// reuses what is already there. Throws Error{not_found} without an index, Error{invalid_argument}
// for a bad block or chunk size, Error{io} or Error{database} when writing fails.
StaticIndex export_static_index(const StaticExportRequest& request);

}  // namespace folio
