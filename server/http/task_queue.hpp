// httplib 0.11.4's ThreadPool queues connections without limit. BoundedTaskQueue keeps at most
// queue_limit connections waiting for a worker; past that a connection is handed to a small
// "reject lane" whose thread answers it with 503 + Retry-After and closes it, so memory stays
// bounded and an overloaded client learns when to come back. When even the reject lane is full,
// the accepting thread waits: new connections then wait in the kernel's listen backlog.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "http/task_queue_stats.hpp"

namespace folio::server {

struct TaskQueueOptions {
  std::size_t workers = 8;
  std::size_t queue_limit = 256;
  std::size_t reject_lane_limit = 64;
};

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(TaskQueueOptions options, TaskQueueStats& stats);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> connection) override;
  // Stops taking work, lets the workers finish what is queued, and joins them.
  void shutdown() override;

 private:
  struct Lane {
    std::deque<std::function<void()>> jobs;
    std::condition_variable ready;
    std::condition_variable has_room;
  };
  void work(Lane& lane, bool rejecting);

  TaskQueueOptions options_;
  TaskQueueStats& stats_;
  std::mutex mutex_;
  Lane main_;
  Lane reject_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// True on the reject lane's thread while it serves a turned-away connection: the pre-routing
// hook then answers 503 instead of routing.
bool serving_rejected_connection();

}  // namespace folio::server
