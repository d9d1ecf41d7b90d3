#include "searcher_pool.hpp"

#include "folio/error.hpp"
#include "http_support.hpp"

namespace folio::server {

using Clock = std::chrono::steady_clock;

struct SearcherPool::Slot {
  std::optional<Searcher> searcher;
  Clock::time_point last_refresh{};
  Clock::time_point last_open_attempt{};
  std::string last_error;
};

SearcherPool::SearcherPool(SearcherPoolOptions options) : options_(std::move(options)) {
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
  {
    std::lock_guard lock(mutex_);
    free_.push_back(slot);
  }
  available_.notify_one();
}

// Runs with the slot borrowed (outside the pool's lock): opens or refreshes its searcher.
void SearcherPool::prepare(Slot& slot) {
  const auto now = Clock::now();
  if (!slot.searcher) {
    if (now - slot.last_open_attempt < options_.reopen_interval && !slot.last_error.empty()) {
      throw unavailable("the index is not available: " + slot.last_error);
    }
    slot.last_open_attempt = now;
    try {
      slot.searcher.emplace(options_.db_path, options_.settings);
      slot.last_refresh = now;
      slot.last_error.clear();
      return;
    } catch (const Error& e) {
      slot.last_error = e.what();
      throw unavailable("the index is not available: " + slot.last_error);
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
    throw unavailable("the index could not be reopened: " + slot.last_error);
  }
}

SearcherPool::Lease SearcherPool::acquire() {
  Slot* slot = nullptr;
  {
    std::unique_lock lock(mutex_);
    if (!available_.wait_for(lock, options_.wait_for_searcher, [&] { return !free_.empty(); })) {
      throw unavailable("every searcher is busy", 1);
    }
    slot = free_.back();
    free_.pop_back();
  }
  Lease lease(this, slot);
  prepare(*slot);  // throws: the lease returns the slot
  return lease;
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
