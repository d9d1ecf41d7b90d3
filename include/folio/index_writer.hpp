// Writing articles into a folio index.
//
// On disk an index is a folder holding a Xapian stub file (XAPIANDB) that names the current
// generation, a sub-folder gen-NNNNNN per generation, and a lock file. Xapian's API opens the
// folder; tools that want a file (xapian-check) take the stub, folder/XAPIANDB. A full rebuild
// writes a new generation and swaps the stub atomically with rename(2), so a reader never sees a
// half-built index; kill -9 at any moment leaves the last commit usable.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "folio/article.hpp"
#include "folio/config.hpp"

namespace folio {

enum class WriteMode {
  update,   // open the current generation (create it if there is none) and change it in place
  rebuild,  // start an empty generation; commit() makes it current
};

struct IndexWriterOptions {
  std::string db_path = "folio-index";
  WriteMode mode = WriteMode::update;
  FieldWeights weights;
  std::string default_language = "en";
  bool index_code = true;
  bool index_spelling = true;     // feed the spelling dictionary for "did you mean"
  std::size_t batch_size = 2000;  // documents between Xapian flushes (in a rebuild)
  // Describes every setting that shapes the documents (see run_index); recorded at each commit
  // so that a later run can tell the index was built with other settings.
  std::string settings_digest;
  // What the site's generator configuration gave (see describe_site), for `folio stats`.
  std::string site_summary;
};

// What the index knows about an article's source file, for incremental runs.
struct IndexedSource {
  std::string relative_path;
  std::string content_hash;
  std::string file_stamp;  // Article::file_stamp when it was indexed
};

class IndexWriter {
 public:
  // Takes the index's lock; throws Error{locked} if another folio process holds it, and
  // Error{database} if the index cannot be opened or created.
  explicit IndexWriter(const IndexWriterOptions& options);
  ~IndexWriter();  // without commit(), everything since the last commit is discarded
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  void add_or_replace(const Article& article);
  void remove(const std::string& id);
  // Makes every change since the last commit durable and visible; in rebuild mode also swaps the
  // new generation in. Throws Error{database} on failure, leaving the previous commit intact.
  void commit();

  // id -> source info for every article currently in the index (the committed generation's,
  // plus changes made through this writer).
  std::map<std::string, IndexedSource> indexed_sources() const;
  std::size_t document_count() const;

  // In rebuild mode, copies the article `id` from the generation being replaced into the new one
  // (used to keep the last good version of a file that now fails to parse). In update mode the
  // article simply stays. Returns false if the index had no such article.
  bool keep_previous(const std::string& id);

  // Records a new file stamp for an unchanged article (its file was touched, not edited), so the
  // next run skips it without reading. Update mode only; ignored for unknown ids.
  void refresh_file_stamp(const std::string& id, const std::string& file_stamp);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// id -> source info of every article in the committed index at db_path (empty if none).
std::map<std::string, IndexedSource> read_indexed_sources(const std::string& db_path);

// The settings digest the index at `db_path` was last written with; "" when there is no index, or
// it was written before digests were recorded or with another schema version.
std::string read_settings_digest(const std::string& db_path);

// The folder of the current generation inside an index folder ("folio-index/gen-000003"), or an
// empty string if the index does not exist yet.
std::string current_generation_path(const std::string& db_path);

}  // namespace folio
