#include "http/task_queue.hpp"

namespace folio::server {
namespace {
thread_local bool tl_rejecting = false;
}

bool serving_rejected_connection() {
  return tl_rejecting;
}

BoundedTaskQueue::BoundedTaskQueue(TaskQueueOptions options, TaskQueueStats& stats)
    : options_(options), stats_(stats) {
  if (options_.workers == 0) options_.workers = 1;
  for (std::size_t i = 0; i < options_.workers; ++i) {
    threads_.emplace_back([this] { work(main_, false); });
  }
  threads_.emplace_back([this] { work(reject_, true); });
}

BoundedTaskQueue::~BoundedTaskQueue() {
  shutdown();
}

void BoundedTaskQueue::enqueue(std::function<void()> connection) {
  std::unique_lock lock(mutex_);
  if (main_.jobs.size() < options_.queue_limit) {
    main_.jobs.push_back(std::move(connection));
    stats_.waiting.store(main_.jobs.size(), std::memory_order_relaxed);
    main_.ready.notify_one();
    return;
  }
  stats_.rejected.fetch_add(1, std::memory_order_relaxed);
  reject_.has_room.wait(lock, [&] { return reject_.jobs.size() < options_.reject_lane_limit; });
  reject_.jobs.push_back(std::move(connection));
  reject_.ready.notify_one();
}

void BoundedTaskQueue::work(Lane& lane, bool rejecting) {
  tl_rejecting = rejecting;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      lane.ready.wait(lock, [&] { return stopping_ || !lane.jobs.empty(); });
      if (lane.jobs.empty()) return;  // stopping, and nothing left to serve
      job = std::move(lane.jobs.front());
      lane.jobs.pop_front();
      if (!rejecting) stats_.waiting.store(lane.jobs.size(), std::memory_order_relaxed);
      lane.has_room.notify_one();
    }
    if (!rejecting) stats_.busy.fetch_add(1, std::memory_order_relaxed);
    try {
      job();  // serves the connection, then httplib closes its socket
    } catch (...) {
      // httplib catches handler exceptions itself; anything else must not end the process.
    }
    if (!rejecting) stats_.busy.fetch_sub(1, std::memory_order_relaxed);
  }
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  main_.ready.notify_all();
  reject_.ready.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace folio::server
