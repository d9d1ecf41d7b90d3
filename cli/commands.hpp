// The `folio` subcommands. cli.cpp parses arguments (CLI11 lives there only) into these option
// structs; each command is a plain function returning the process exit code.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace folio::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFilesFailed = 1,    // some files failed under --strict (or `folio check` found problems)
  kExitUsage = 2,          // bad arguments or configuration
  kExitIndexUnusable = 3,  // the index is locked by another process, missing or unusable
};

struct CommonOptions {
  std::string config_path;  // --config; empty = ./folio.toml if present
  std::string db_path;      // --db; empty = from config (default folio-index)
};

struct IndexOptions {
  CommonOptions common;
  std::vector<std::string> content_dirs;
  bool full = false;
  bool drafts = false;
  bool future = false;
  bool expired = false;
  bool dry_run = false;
  bool strict = false;
  bool json = false;
  int jobs = 0;
  bool check_only = false;  // `folio check`
};

struct SearchOptions {
  CommonOptions common;
  std::string query;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::string sort = "relevance";
  std::string locale;  // the reader's language, ranked first
  int page = 1;
  int limit = 10;
  bool json = false;
};

struct StatsOptions {
  CommonOptions common;
  bool json = false;
};

// `folio export --static OUT` (docs/static-search.md).
struct ExportOptions {
  CommonOptions common;
  std::string out_dir;
  std::string assets_dir;  // the engine, worker and widget; empty: <prefix>/share/folio/static
  std::string layout = "chunks";
  unsigned block_size = 8192;
  std::size_t chunk_size = 16384;
};

int run_index_command(const IndexOptions& options);
int run_search_command(const SearchOptions& options);
int run_stats_command(const StatsOptions& options);
int run_export_command(const ExportOptions& options);

}  // namespace folio::cli
