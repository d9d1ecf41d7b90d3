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

SearcherPool::Slot* SearcherPool::take_free_slot() {
  std::lock_guard lock(mutex_);
  if (free_.empty() || !waiters_.empty()) return nullptr;
  Slot* slot = free_.back();
  free_.pop_back();
  return slot;
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

// prepare(), remembering whether the index was usable for health checks that find no free slot.
void SearcherPool::prepare_and_note(Slot& slot) {
  try {
    prepare(slot);
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    last_ready_.store(false, std::memory_order_relaxed);
    last_error_ = e.what();
    throw;
  }
  last_ready_.store(true, std::memory_order_relaxed);
}

SearcherPool::Lease SearcherPool::acquire() {
  Slot* slot = take_slot();
  Lease lease(this, slot);
  prepare_and_note(*slot);  // throws: the lease returns the slot
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

std::optional<SearcherPool::Lease> SearcherPool::try_acquire() {
  Slot* slot = take_free_slot();
  if (slot == nullptr) return std::nullopt;
  Lease lease(this, slot);
  prepare_and_note(*slot);  // throws: the lease returns the slot
  return lease;
}

bool SearcherPool::ready(std::string* why_not) {
  try {
    if (try_acquire()) return true;
  } catch (const std::exception& e) {
    if (why_not != nullptr) *why_not = e.what();
    return false;
  }
  // Every searcher is on loan: the last one lent says whether the index was usable.
  if (last_ready_.load(std::memory_order_relaxed)) return true;
  std::lock_guard lock(mutex_);
  if (why_not != nullptr) *why_not = last_error_;
  return false;
}

std::optional<IndexStats> SearcherPool::stats() {
  try {
    if (auto lease = try_acquire()) {
      IndexStats fresh = (*lease)->stats();
      std::lock_guard lock(mutex_);
      last_stats_ = fresh;
      return fresh;
    }
  } catch (const std::exception&) {
    return std::nullopt;  // the index is unusable: not ready
  }
  std::lock_guard lock(mutex_);
  return last_stats_;
}

}  // namespace folio::server
