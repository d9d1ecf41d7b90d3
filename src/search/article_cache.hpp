// The decoded articles (display record and section texts) a Searcher built hits from, kept so
// that the next search showing the same article neither reads nor decompresses it again, as
// Solr's document cache does. Entries are keyed by the index's identity (its uuid and revision:
// after a commit or a rebuild no stale entry can be found) and the document id. Bounded by
// bytes, the least recently used out first; thread-safe, so the Searchers of one process (a
// server's pool, one per thread) can share one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "folio/article_cache.hpp"
#include "store/stored_record.hpp"

namespace folio {

struct ArticleCache::Impl {
  explicit Impl(std::size_t max_bytes) : max_bytes(max_bytes) {}

  // The article, or null.
  std::shared_ptr<const detail::StoredArticle> find(std::string_view identity, Xapian::docid id);
  void insert(std::string_view identity, Xapian::docid id,
              std::shared_ptr<const detail::StoredArticle> article);
  ArticleCacheStats stats();

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const detail::StoredArticle> article;
    std::size_t bytes = 0;
  };
  using Order = std::list<Entry>;  // most recently used first

  const std::size_t max_bytes;
  std::mutex mutex;
  Order order;
  std::unordered_map<std::string_view, Order::iterator> index;  // keys live in the entries
  std::size_t bytes = 0;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;

  // "identity#docid" into `key`.
  static void write_key(std::string& key, std::string_view identity, Xapian::docid id);
  void evict_to(std::size_t budget);
};

namespace detail {

// The only way to the cache's implementation: ArticleCache::Impl is private, so a program using
// the library cannot name it.
struct ArticleCacheAccess {
  using Store = ArticleCache::Impl;
  static Store& of(const ArticleCache& cache) { return *cache.impl_; }
};
using ArticleCacheStore = ArticleCacheAccess::Store;

// The memory an entry holds, roughly: its strings and containers.
std::size_t article_footprint(const StoredArticle& article);

}  // namespace detail
}  // namespace folio
