// Per-client token buckets: `rate` requests per second on average, bursts up to `burst`. The map of
// clients is bounded: when it is full, idle clients (whose bucket is full again, so forgetting them
// changes nothing) are dropped first, then the least recently seen.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace folio::server {

struct RateLimitOptions {
  double per_second = 50.0;  // 0 disables the limiter
  int burst = 100;
  std::size_t max_clients = 16384;
};

struct RateDecision {
  bool allowed = true;
  int retry_after_seconds = 0;  // when refused: seconds until a token is back (at least 1)
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(RateLimitOptions options);

  RateDecision take(std::string_view client, Clock::time_point now = Clock::now());
  bool enabled() const noexcept { return options_.per_second > 0 && options_.burst > 0; }
  std::size_t tracked_clients();

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr std::size_t kShards = 16;

  void refill(Bucket& bucket, Clock::time_point now) const;
  void make_room(Shard& shard, Clock::time_point now);

  RateLimitOptions options_;
  std::size_t max_per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace folio::server
