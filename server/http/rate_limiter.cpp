#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace folio::server {

RateLimiter::RateLimiter(RateLimitOptions options)
    : options_(options), max_per_shard_(std::max<std::size_t>(1, options.max_clients / kShards)) {}

void RateLimiter::refill(Bucket& bucket, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  if (elapsed > 0) {
    bucket.tokens = std::min<double>(options_.burst, bucket.tokens + elapsed * options_.per_second);
    bucket.updated = now;
  }
}

void RateLimiter::make_room(Shard& shard, Clock::time_point now) {
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    refill(it->second, now);
    it = it->second.tokens >= options_.burst ? shard.buckets.erase(it) : std::next(it);
  }
  if (shard.buckets.size() < max_per_shard_) return;
  // Still full of active clients: forget the least recently seen eighth.
  std::vector<Clock::time_point> times;
  times.reserve(shard.buckets.size());
  for (const auto& [client, bucket] : shard.buckets)
    times.push_back(bucket.updated);
  const auto nth = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 8);
  std::nth_element(times.begin(), nth, times.end());
  const auto cutoff = *nth;
  std::erase_if(shard.buckets, [&](const auto& entry) { return entry.second.updated <= cutoff; });
}

RateDecision RateLimiter::take(std::string_view client, Clock::time_point now) {
  if (!enabled()) return {};
  Shard& shard = shards_[std::hash<std::string_view>{}(client) % kShards];
  std::lock_guard lock(shard.mutex);
  auto it = shard.buckets.find(std::string(client));
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) make_room(shard, now);
    it = shard.buckets.emplace(std::string(client), Bucket{double(options_.burst), now}).first;
  }
  Bucket& bucket = it->second;
  refill(bucket, now);
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return {};
  }
  const double wait = (1.0 - bucket.tokens) / options_.per_second;
  return RateDecision{false, std::max(1, static_cast<int>(std::ceil(wait)))};
}

std::size_t RateLimiter::tracked_clients() {
  std::size_t total = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.buckets.size();
  }
  return total;
}

}  // namespace folio::server
