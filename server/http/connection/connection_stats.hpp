// Counters of the connection layer, read by /metrics. They live apart from the layer itself so
// that what reads them (the server state, the metrics handler) does not compile the networking
// library.
#pragma once

#include <atomic>
#include <cstddef>

namespace folio::server {

struct ConnectionStats {
  std::atomic<std::size_t> open{0};       // connections accepted and not yet closed
  std::atomic<std::size_t> waiting{0};    // complete requests queued for a worker
  std::atomic<std::size_t> busy{0};       // requests being served by a worker
  std::atomic<std::size_t> rejected{0};   // requests and connections turned away with 503
  std::atomic<std::size_t> timed_out{0};  // connections closed for sending too slowly
};

}  // namespace folio::server
