#include "search/article_cache.hpp"

#include <charconv>
#include <utility>

namespace folio {

ArticleCache::ArticleCache(std::size_t max_bytes) : impl_(std::make_unique<Impl>(max_bytes)) {}
ArticleCache::~ArticleCache() = default;

std::shared_ptr<ArticleCache> ArticleCache::for_settings(const SearchSettings& settings) {
  constexpr std::size_t kMegabyte = 1024 * 1024;
  if (settings.article_cache_mb == 0) return nullptr;
  return std::make_shared<ArticleCache>(settings.article_cache_mb * kMegabyte);
}

ArticleCacheStats ArticleCache::stats() const {
  return impl_->stats();
}

void ArticleCache::Impl::write_key(std::string& key, std::string_view identity, Xapian::docid id) {
  char digits[16];
  const auto written = std::to_chars(digits, digits + sizeof digits, id);
  key.assign(identity);
  key += '#';
  key.append(digits, written.ptr);
}

std::shared_ptr<const detail::StoredArticle> ArticleCache::Impl::find(std::string_view identity,
                                                                      Xapian::docid id) {
  thread_local std::string key;  // a lookup per hit shown: its key is built without allocating
  write_key(key, identity, id);
  std::lock_guard lock(mutex);
  auto it = index.find(key);
  if (it == index.end()) {
    ++misses;
    return nullptr;
  }
  ++hits;
  order.splice(order.begin(), order, it->second);
  return it->second->article;
}

void ArticleCache::Impl::insert(std::string_view identity, Xapian::docid id,
                                std::shared_ptr<const detail::StoredArticle> article) {
  std::size_t size = detail::article_footprint(*article);
  if (size > max_bytes / 4) return;  // one article never crowds out the rest
  std::string key;
  write_key(key, identity, id);
  std::lock_guard lock(mutex);
  if (auto old = index.find(key); old != index.end()) {
    if (old->second->article->has_text || !article->has_text) return;  // as good: keep it
    bytes -= old->second->bytes;  // a record alone, now with its texts
    Order::iterator entry = old->second;
    index.erase(old);  // before the entry that holds its key
    order.erase(entry);
  }
  evict_to(max_bytes - size);
  order.push_front(Entry{std::move(key), std::move(article), size});
  index.emplace(order.front().key, order.begin());
  bytes += size;
}

void ArticleCache::Impl::evict_to(std::size_t budget) {
  while (bytes > budget && !order.empty()) {
    bytes -= order.back().bytes;
    index.erase(order.back().key);
    order.pop_back();
  }
}

ArticleCacheStats ArticleCache::Impl::stats() {
  std::lock_guard lock(mutex);
  return ArticleCacheStats{hits, misses, order.size(), bytes, max_bytes};
}

namespace detail {

std::size_t article_footprint(const StoredArticle& article) {
  const ArticleRecord& r = article.record;
  std::size_t size = sizeof(StoredArticle) + 128;  // the entry, its key and the index node
  for (const std::string* s : {&r.id, &r.url, &r.title, &r.description, &r.language})
    size += s->size();
  for (const auto* list : {&r.tags, &r.categories, &r.authors, &r.keywords, &r.series}) {
    for (const auto& s : *list)
      size += s.size() + sizeof(std::string);
  }
  for (const auto& heading : r.headings)
    size += heading.text.size() + heading.anchor.size() + sizeof(Heading);
  for (const auto& text : article.sections)
    size += text.size() + sizeof(std::string);
  return size;
}

}  // namespace detail
}  // namespace folio
