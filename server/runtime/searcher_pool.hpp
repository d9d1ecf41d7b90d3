// A fixed set of folio::Searcher objects shared by the connection threads. Xapian handles are not
// thread-safe, so a Searcher is lent to one thread at a time; the pool size bounds how many
// searches run at once (two per core by default) however many connections are open. Threads that
// wait are served first come, first served (a returned searcher is handed to the oldest waiter),
// so under load the slowest request waits about as long as the average one.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "folio/search.hpp"

namespace folio::server {

struct SearcherPoolOptions {
  std::string db_path;
  SearchSettings settings;
  int size = 1;                                       // searchers
  std::chrono::milliseconds refresh_interval{250};    // Searcher::refresh() at most this often
  std::chrono::milliseconds reopen_interval{250};     // retry opening a missing index
  std::chrono::milliseconds wait_for_searcher{2000};  // then 503
};

// No searcher can be lent right now. The pool says why in its own terms; the API answers 503 with
// Retry-After either way, since both conditions are expected to pass.
class SearcherUnavailable : public std::runtime_error {
 public:
  enum class Reason {
    busy,      // every searcher stayed on loan for wait_for_searcher
    no_index,  // the index is missing or could not be opened or reopened
  };
  SearcherUnavailable(Reason reason, const std::string& message)
      : std::runtime_error(message), reason_(reason) {}
  Reason reason() const noexcept { return reason_; }

 private:
  Reason reason_;
};

class SearcherPool {
  struct Slot;

 public:
  explicit SearcherPool(SearcherPoolOptions options);
  ~SearcherPool();
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  // A Searcher on loan; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Searcher& operator*() const;
    Searcher* operator->() const { return &**this; }
    // The searcher failed (database error): drop it, so the next borrower opens a fresh one.
    void discard();

   private:
    friend class SearcherPool;
    Lease(SearcherPool* pool, Slot* slot) : pool_(pool), slot_(slot) {}
    SearcherPool* pool_;
    Slot* slot_;
  };

  // Borrows a searcher, opening or refreshing it as needed. Throws SearcherUnavailable when the
  // index is missing or unusable, or when every searcher stays busy for wait_for_searcher.
  Lease acquire();

  // A searcher if one is free now, else none: never waits behind searches. Throws as acquire()
  // when the index is unusable.
  std::optional<Lease> try_acquire();

  // Opens the index now if it is not open; true when a searcher is usable, else the reason in
  // *why_not. Never waits for a search slot: with every searcher on loan, the index is open and
  // in use, and the answer is the last one a searcher gave. For /readyz and startup.
  bool ready(std::string* why_not = nullptr);

  // The index's statistics from a free searcher, else the last ones read (none before the first
  // read): /metrics never waits for a search slot either.
  std::optional<IndexStats> stats();

  // Threads waiting for a searcher right now.
  std::size_t waiting();
  // The cache of decoded articles every searcher of the pool shares; none when it is off.
  std::optional<ArticleCacheStats> article_cache_stats() const;

 private:
  struct Waiter {
    std::condition_variable handed_over;
    Slot* slot = nullptr;
  };

  Slot* take_slot();
  Slot* take_free_slot();  // null when none is free
  void release(Slot* slot);
  void prepare(Slot& slot);
  void prepare_and_note(Slot& slot);

  SearcherPoolOptions options_;
  std::shared_ptr<ArticleCache> articles_;  // shared by every slot's searcher; may be null
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<Slot*> free_;
  std::deque<Waiter*> waiters_;  // oldest first
  std::mutex mutex_;
  // What a borrowed searcher last said, for health checks that find every searcher busy.
  std::atomic<bool> last_ready_{false};
  std::string last_error_ = "the index has not been opened yet";  // guarded by mutex_
  std::optional<IndexStats> last_stats_;
};

}  // namespace folio::server
