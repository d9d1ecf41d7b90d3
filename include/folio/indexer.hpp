// The indexing pipeline: walk content folders, parse articles in parallel, write what changed.
// Used by `folio index`, `folio check` and the server's reindex endpoint.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "folio/config.hpp"
#include "folio/error.hpp"

namespace folio {

enum class IndexMode {
  incremental,  // only changed, new and removed files touch the index
  full,         // rebuild into a fresh generation and swap it in atomically
  check,        // parse and validate only; the index is not opened
};

struct IndexProgress {
  std::size_t done = 0;   // files processed so far
  std::size_t total = 0;  // files found
  double elapsed_seconds = 0;
};

struct IndexRequest {
  IndexSettings settings;  // content_dirs, db_path, globs, limits, weights...
  IndexMode mode = IndexMode::incremental;
  bool dry_run = false;                                   // decide and report, write nothing
  std::function<void(const IndexProgress&)> on_progress;  // called from the calling thread
  // A file watcher's hint for an incremental run: when set, only these files are examined (read
  // if their stamp changed); every other file found is taken as unchanged without a stat, so a
  // run after one save costs the walk, not a look at every file. The walk still runs, so files
  // gone are removed. Paths as the walk makes them (a content folder joined with the path under
  // it), compared after lexical normalisation. Ignored by full and check runs. The caller must
  // leave it unset when a change can alter other pages (an index.md or _index.md, a folder).
  std::optional<std::set<std::string>> only_files;
};

struct FileProblem {
  ErrorCode code = ErrorCode::parse;
  SourceLocation where;
  std::string reason;
};

struct IndexReport {
  std::size_t files = 0;  // files found by the walk
  std::size_t bytes = 0;  // bytes read
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t deleted = 0;
  std::size_t unchanged = 0;
  std::size_t skipped_drafts = 0;
  std::size_t skipped_future = 0;
  std::size_t skipped_expired = 0;
  std::size_t skipped_unrendered =
      0;                      // pages the site never renders (build render: never, headless)
  std::size_t not_pages = 0;  // files that are not pages: bundle resources, Hugo ignoreFiles
  std::size_t failed = 0;
  std::vector<FileProblem> problems;  // one per failed file
  std::vector<std::string> warnings;  // non-fatal notes, "path: reason"
  std::size_t documents = 0;          // articles in the index after the run
  bool rebuilt_for_settings = false;  // an incremental run found other settings and rebuilt
  double seconds = 0;
};

// Runs the pipeline. Bad files are reported in the report and skipped; their previously indexed
// version stays. Throws Error only when the run as a whole cannot proceed (locked, unusable
// database, missing content folder).
IndexReport run_index(const IndexRequest& request);

}  // namespace folio
