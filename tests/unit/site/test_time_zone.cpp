// Offsets of IANA zones from the system's tz database (Debian's tzdata).
#include <catch2/catch.hpp>

#include "folio/date.hpp"
#include "site/time_zone.hpp"

using folio::parse_date;
using folio::detail::time_zone_offset;

TEST_CASE("time zone: offsets from the tz database, summer and winter") {
  CHECK(time_zone_offset("America/Los_Angeles", *parse_date("2024-08-02T03:00:00Z")) == -7 * 3600);
  CHECK(time_zone_offset("America/Los_Angeles", *parse_date("2024-01-15T12:00:00Z")) == -8 * 3600);
  // Daylight saving time starts at 10:00 UTC on 2024-03-10 in Los Angeles.
  CHECK(time_zone_offset("America/Los_Angeles", *parse_date("2024-03-10T09:59:59Z")) == -8 * 3600);
  CHECK(time_zone_offset("America/Los_Angeles", *parse_date("2024-03-10T10:00:00Z")) == -7 * 3600);
  CHECK(time_zone_offset("Asia/Kolkata", *parse_date("2024-01-01T00:00:00Z")) == 19800);
  CHECK(time_zone_offset("UTC", *parse_date("2024-01-01T00:00:00Z")) == 0);
  CHECK(time_zone_offset("Europe/Berlin", *parse_date("1990-07-01T00:00:00Z")) == 7200);
}

TEST_CASE("time zone: unknown names and paths out of the database are refused") {
  CHECK_FALSE(time_zone_offset("Mars/Olympus_Mons", 0));
  CHECK_FALSE(time_zone_offset("../../etc/passwd", 0));
  CHECK_FALSE(time_zone_offset("/etc/localtime", 0));
  CHECK_FALSE(time_zone_offset("", 0));
}
