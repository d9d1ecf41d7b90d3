// The threads that run handlers. Complete requests wait here, at most queue_limit of them; past
// that the connection layer answers 503 + Retry-After itself, so memory stays bounded and an
// overloaded client learns when to come back. Connections still sending a request never take a
// worker: slow clients cost a buffer, not a thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "http/connection/connection_stats.hpp"

namespace folio::server {

class WorkerPool {
 public:
  WorkerPool(std::size_t workers, std::size_t queue_limit, ConnectionStats& stats);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full (or the pool stopped): the job was not taken.
  bool try_submit(std::function<void()> job);
  // Stops taking work, lets the workers finish what is queued, and joins them.
  void shutdown();

 private:
  void work();

  std::size_t queue_limit_;
  ConnectionStats& stats_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace folio::server
