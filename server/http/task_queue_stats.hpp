// The connection queue's counters, apart from the queue itself so that what reads them (the
// server state, /metrics) does not compile the HTTP library the queue derives from.
#pragma once

#include <atomic>
#include <cstddef>

namespace folio::server {

// Shared with the App (the queue itself belongs to httplib, which deletes it on stop).
struct TaskQueueStats {
  std::atomic<std::size_t> waiting{0};   // connections queued for a worker
  std::atomic<std::size_t> busy{0};      // connections being served
  std::atomic<std::size_t> rejected{0};  // connections turned away with 503
};

}  // namespace folio::server
