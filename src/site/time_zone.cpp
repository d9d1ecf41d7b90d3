#include "site/time_zone.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

namespace folio::detail {
namespace {

// A zone as a TZif file (RFC 8536) describes it: transition instants and the offset from each.
struct Zone {
  std::vector<std::int64_t> transitions;
  std::vector<std::int32_t> offsets;  // the offset from transitions[i] on
  std::int32_t initial = 0;           // before the first transition
};

std::int64_t big_endian(const std::string& data, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
  return static_cast<std::int64_t>(value);
}

// Reads the version 1 block, or the 64-bit block that follows it in version 2 and later files.
std::optional<Zone> parse_tzif(const std::string& data) {
  constexpr std::size_t kHeader = 44;
  auto counts_at = [&data](std::size_t at, std::int64_t(&counts)[6]) {
    if (data.size() < at + kHeader || data.compare(at, 4, "TZif") != 0) return false;
    for (int i = 0; i < 6; ++i)
      counts[i] = big_endian(data, at + 20 + 4 * static_cast<std::size_t>(i), 4);
    return std::all_of(std::begin(counts), std::end(counts), [](std::int64_t c) { return c >= 0; });
  };
  std::int64_t counts[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  if (!counts_at(0, counts)) return std::nullopt;
  std::size_t at = 0;
  int time_bytes = 4;
  if (data[4] >= '2') {  // skip the 32-bit block to the 64-bit one
    const std::size_t v1 = static_cast<std::size_t>(counts[3] * 5 + counts[4] * 6 + counts[5] +
                                                    counts[2] * 8 + counts[1] + counts[0]);
    at = kHeader + v1;
    if (!counts_at(at, counts)) return std::nullopt;
    time_bytes = 8;
  }
  const auto timecnt = static_cast<std::size_t>(counts[3]);
  const auto typecnt = static_cast<std::size_t>(counts[4]);
  const std::size_t times = at + kHeader;
  const std::size_t indices = times + timecnt * static_cast<std::size_t>(time_bytes);
  const std::size_t types = indices + timecnt;
  if (typecnt == 0 || data.size() < types + typecnt * 6) return std::nullopt;
  Zone zone;
  auto offset_of = [&](std::size_t type) {
    return static_cast<std::int32_t>(big_endian(data, types + type * 6, 4));
  };
  zone.initial = offset_of(0);
  for (std::size_t i = 0; i < timecnt; ++i) {
    const auto type = static_cast<unsigned char>(data[indices + i]);
    if (type >= typecnt) return std::nullopt;
    zone.transitions.push_back(
        big_endian(data, times + i * static_cast<std::size_t>(time_bytes), time_bytes));
    zone.offsets.push_back(offset_of(type));
  }
  return zone;
}

std::optional<Zone> load_zone(const std::string& name) {
  // A zone name is a path below the database; nothing may climb out of it.
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos)
    return std::nullopt;
  std::string path = "/usr/share/zoneinfo/";
  path += name;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream data;
  data << in.rdbuf();
  return parse_tzif(data.str());
}

}  // namespace

std::optional<int> time_zone_offset(const std::string& name, Timestamp t) {
  static std::mutex mutex;
  static std::map<std::string, std::optional<Zone>> zones;
  const Zone* zone = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = zones.find(name);
    if (it == zones.end()) it = zones.emplace(name, load_zone(name)).first;
    if (it->second) zone = &*it->second;
  }
  if (!zone) return std::nullopt;
  // Map nodes never move, and a loaded zone is never changed: it is read without the lock.
  const auto next = std::upper_bound(zone->transitions.begin(), zone->transitions.end(), t);
  if (next == zone->transitions.begin()) return zone->initial;
  return zone->offsets[static_cast<std::size_t>(next - zone->transitions.begin() - 1)];
}

}  // namespace folio::detail
