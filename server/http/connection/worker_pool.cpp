#include "http/connection/worker_pool.hpp"

#include <algorithm>

namespace folio::server {

WorkerPool::WorkerPool(std::size_t workers, std::size_t queue_limit, ConnectionStats& stats)
    : queue_limit_(std::max<std::size_t>(1, queue_limit)), stats_(stats) {
  workers = std::max<std::size_t>(1, workers);
  for (std::size_t i = 0; i < workers; ++i)
    threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  shutdown();
}

bool WorkerPool::try_submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() >= queue_limit_) return false;
    jobs_.push_back(std::move(job));
    stats_.waiting.store(jobs_.size(), std::memory_order_relaxed);
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left to serve
      job = std::move(jobs_.front());
      jobs_.pop_front();
      stats_.waiting.store(jobs_.size(), std::memory_order_relaxed);
    }
    stats_.busy.fetch_add(1, std::memory_order_relaxed);
    job();  // jobs catch their own exceptions: a handler's failure is a 500, not a lost worker
    stats_.busy.fetch_sub(1, std::memory_order_relaxed);
  }
}

void WorkerPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace folio::server
