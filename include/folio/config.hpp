// Configuration, loaded from folio.toml. Every field has a working default, so a Config{} is usable
// as is; docs/folio.example.toml documents each key.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace folio {

// How much a match in each field counts. Applied as within-document frequency multipliers when an
// article is indexed; run_index notices a change and rebuilds every article.
struct FieldWeights {
  int title = 6;
  int headings = 3;
  int keywords = 3;
  int tags = 3;
  int description = 2;
  int body = 1;
  int code = 1;  // 0 leaves code out of the free-text index
};

struct IndexSettings {
  std::vector<std::string> content_dirs;                            // [index] content
  std::vector<std::string> include = {"**/*.md", "**/*.markdown"};  // globs, relative to a root
  std::vector<std::string> exclude;                                 // globs, relative to a root
  std::string db_path = "folio-index";
  std::string base_url;                 // "https://example.com" is prepended to every article url
  std::string language = "en";          // default stemming language (ISO 639-1 or Snowball name)
  std::vector<std::string> taxonomies;  // custom taxonomies beyond tags/categories ("topics")
  bool include_drafts = false;
  bool include_future = false;   // articles dated after now (Hugo's buildFuture)
  bool include_expired = false;  // articles past their expiryDate (Hugo's buildExpired)
  bool index_code = true;
  std::size_t max_file_bytes = 5 * 1024 * 1024;
  int jobs = 0;  // parser threads; 0 = one per core
  FieldWeights weights;
};

enum class TypoTolerance { off, on };

struct SearchSettings {
  int default_page_size = 10;
  int max_page_size = 100;
  int max_page = 100;  // deepest page served
  std::size_t max_query_length = 512;
  int snippet_length = 200;  // characters
  std::string highlight_start = "<mark>";
  std::string highlight_end = "</mark>";
  int wildcard_limit = 100;  // terms a wildcard may expand to
  TypoTolerance typo_tolerance = TypoTolerance::on;
  double recency_weight = 0.0;  // 0 = pure relevance for sort=relevance
  // Each group lists words that mean the same ("go", "golang"); merged over the built-in list.
  std::vector<std::vector<std::string>> synonyms;
  bool use_default_synonyms = true;
  // Decoded articles kept in memory for building hits (see ArticleCache); 0 keeps none.
  std::size_t article_cache_mb = 32;
};

// Settings for folio-server. Plain data: the engine itself never reads them.
struct ServerSettings {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;              // searches at once; 0 = two per core
  int queue_limit = 256;        // requests waiting for a worker before 503
  bool wait_for_index = false;  // start without a database and answer 503 until it appears
  std::string admin_token;      // enables POST /api/reindex; FOLIO_ADMIN_TOKEN overrides
  std::vector<std::string> cors_origins;  // empty = same origin and localhost
  double rate_limit_per_second = 50.0;    // per client IP; 0 disables
  int rate_limit_burst = 100;
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_max_count = 100;
  std::size_t max_body_bytes = 64 * 1024;
  std::string log_level = "info";  // error, warn, info, debug
  bool access_log = true;
  // "batch": the server's threads run under Linux's SCHED_BATCH (a woken thread does not preempt
  // a running one: fewer context switches under load); "normal": the default policy.
  std::string scheduling = "batch";
};

struct Config {
  IndexSettings index;
  SearchSettings search;
  ServerSettings server;
  std::string source_path;  // the file it was loaded from; empty for defaults
};

// Loads folio.toml. Wrong types and impossible values throw Error{ErrorCode::config} naming the
// file, line and key; unknown keys are appended to `warnings` and otherwise ignored. Relative paths
// in the file are resolved against the file's folder.
Config load_config(const std::string& path, std::vector<std::string>& warnings);

}  // namespace folio
