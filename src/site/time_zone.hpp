// UTC offsets of IANA time zones ("America/Los_Angeles"), read from the system's tz database
// (/usr/share/zoneinfo, Debian's tzdata): Jekyll places a post dated with an offset on the
// calendar of the site's `timezone`.
#pragma once

#include <optional>
#include <string>

#include "folio/date.hpp"

namespace folio::detail {

// The offset from UTC, in seconds, of the zone `name` at the instant `t`; nullopt when the zone
// is unknown or its file unreadable. Zones are read once and kept. After the zone file's last
// transition (2037 in Debian's files) its last offset holds.
std::optional<int> time_zone_offset(const std::string& name, Timestamp t);

}  // namespace folio::detail
