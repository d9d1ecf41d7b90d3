// GET /metrics in the Prometheus text format (version 0.0.4): requests by route and status, a
// latency histogram by route, and gauges about the index and the connection queue.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "folio/search.hpp"

namespace folio::server {

// Values read at scrape time from the pool, the queue and the reindex job.
struct MetricsSnapshot {
  bool index_ready = false;
  std::optional<std::size_t> articles;
  std::string revision;
  std::optional<double> seconds_since_reindex;
  std::size_t connections_open = 0;
  std::size_t connections_waiting = 0;
  std::size_t connections_busy = 0;
  std::size_t connections_rejected = 0;
  std::size_t connections_timed_out = 0;
  std::size_t searches_waiting = 0;
  std::size_t reindex_runs = 0;
  std::optional<std::size_t> resident_memory_bytes;
  std::optional<ArticleCacheStats> article_cache;
};

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe(std::string_view route, int status, double seconds);
  std::string render(const MetricsSnapshot& snapshot) const;

 private:
  struct Histogram {
    std::array<std::size_t, kBuckets.size()> buckets{};  // not cumulative; summed when rendered
    std::size_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::size_t> requests_;
  std::map<std::string, Histogram> latency_;
};

// The process's resident set size from /proc/self/statm, if readable.
std::optional<std::size_t> resident_memory_bytes();

}  // namespace folio::server
