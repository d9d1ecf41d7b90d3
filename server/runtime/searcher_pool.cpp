#include "runtime/searcher_pool.hpp"

#include <algorithm>

#include "folio/error.hpp"

namespace folio::server {

using Clock = std::chrono::steady_clock;

struct SearcherPool::Slot {
  std::optional<Searcher> searcher;
  Clock::time_point last_refresh{};
  Clock::time_point last_open_attempt{};
  std::string last_error;
};

SearcherPool::SearcherPool(SearcherPoolOptions options)
    : options_(std::move(options)), articles_(ArticleCache::for_settings(options_.settings)) {
  const int size = options_.size > 0 ? options_.size : 1;
  for (int i = 0; i < size; ++i) {
    slots_.push_back(std::make_unique<Slot>());
    free_.push_back(slots_.back().get());
  }
}

SearcherPool::~SearcherPool() = default;

SearcherPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) {
  other.pool_ = nullptr;
  other.slot_ = nullptr;
}

SearcherPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->release(slot_);
}

Searcher& SearcherPool::Lease::operator*() const {
  return *slot_->searcher;
}

void SearcherPool::Lease::discard() {
  slot_->searcher.reset();
}

void SearcherPool::release(Slot* slot) {
  std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    free_.push_back(slot);
    return;
  }
  Waiter* oldest = waiters_.front();
  waiters_.pop_front();
  oldest->slot = slot;
  oldest->handed_over.notify_one();
}

SearcherPool::Slot* SearcherPool::take_slot() {
  std::unique_lock lock(mutex_);
  if (!free_.empty() && waiters_.empty()) {
    Slot* slot = free_.back();
    free_.pop_back();
    return slot;
  }
  Waiter waiter;
  waiters_.push_back(&waiter);
  if (!waiter.handed_over.wait_for(lock, options_.wait_for_searcher,
                                   [&] { return waiter.slot != nullptr; })) {
    waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &waiter));
    throw SearcherUnavailable(SearcherUnavailable::Reason::busy, "every searcher is busy");
  }
  return waiter.slot;
}

// Runs with the slot borrowed (outside the pool's lock): opens or refreshes its searcher.
void SearcherPool::prepare(Slot& slot) {
  const auto now = Clock::now();
  if (!slot.searcher) {
    if (now - slot.last_open_attempt < options_.reopen_interval && !slot.last_error.empty()) {
      throw SearcherUnavailable(SearcherUnavailable::Reason::no_index,
                                "the index is not available: " + slot.last_error);
    }
    slot.last_open_attempt = now;
    try {
      slot.searcher.emplace(std::vector<std::string>{options_.db_path}, options_.settings,
                            articles_);
      slot.last_refresh = now;
      slot.last_error.clear();
      return;
    } catch (const Error& e) {
      slot.last_error = e.what();
      throw SearcherUnavailable(SearcherUnavailable::Reason::no_index,
                                "the index is not available: " + slot.last_error);
    }
  }
  if (now - slot.last_refresh < options_.refresh_interval) return;
  slot.last_refresh = now;
  try {
    slot.searcher->refresh();
  } catch (const Error& e) {
    slot.searcher.reset();
    slot.last_error = e.what();
    slot.last_open_attempt = now;
    throw SearcherUnavailable(SearcherUnavailable::Reason::no_index,
                              "the index could not be reopened: " + slot.last_error);
  }
}

SearcherPool::Lease SearcherPool::acquire() {
  Slot* slot = take_slot();
  Lease lease(this, slot);
  prepare(*slot);  // throws: the lease returns the slot
  return lease;
}

std::optional<ArticleCacheStats> SearcherPool::article_cache_stats() const {
  if (!articles_) return std::nullopt;
  return articles_->stats();
}

std::size_t SearcherPool::waiting() {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

bool SearcherPool::ready(std::string* why_not) {
  try {
    acquire();
    return true;
  } catch (const std::exception& e) {
    if (why_not != nullptr) *why_not = e.what();
    return false;
  }
}

}  // namespace folio::server
