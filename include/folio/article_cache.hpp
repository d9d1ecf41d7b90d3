// The decoded-article cache a Searcher reads hits through; one can be shared by several Searchers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "folio/config.hpp"

namespace folio {
namespace detail {
struct ArticleCacheAccess;  // the library's way in to the cache's implementation
}  // namespace detail

struct ArticleCacheStats {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::size_t entries = 0;
  std::size_t bytes = 0;
  std::size_t max_bytes = 0;
};

// Decoded articles kept in memory so that hits showing them again need not read and decompress
// them: bounded by bytes (least recently used out first), thread-safe, and shareable by several
// Searchers on the same index (a server's pool). Entries are keyed by the index revision, so a
// commit or rebuild never serves a stale one.
class ArticleCache {
 public:
  explicit ArticleCache(std::size_t max_bytes);
  // A cache of settings.article_cache_mb, or null when that is 0.
  static std::shared_ptr<ArticleCache> for_settings(const SearchSettings& settings);
  ~ArticleCache();
  ArticleCache(const ArticleCache&) = delete;
  ArticleCache& operator=(const ArticleCache&) = delete;

  ArticleCacheStats stats() const;

 private:
  struct Impl;  // defined inside the library
  friend struct detail::ArticleCacheAccess;
  std::unique_ptr<Impl> impl_;
};

}  // namespace folio
