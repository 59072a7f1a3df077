// Timestamps and durations: ISO 8601 / RFC 3339 as the credential helpers write them.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace awslint {

// `2021-06-28T07:11:02.000Z`, `…+00:00`, `…+0000`, a space for `T`, fractions; no zone means UTC.
// Seconds since the epoch (fractions dropped), or nullopt when unreadable.
std::optional<std::int64_t> parse_timestamp(std::string_view s);

// How botocore reads an expiry it compares with an aware "now" (AWS_CREDENTIAL_EXPIRATION, a
// credential_process answer, a cached token): dateutil.parser.parse, which reads far more than ISO
// 8601. Aware: a zone was given (Z, UTC, GMT, +01:00, +0100, +01; a space may stand before it);
// Naive: a readable time without a zone, which makes botocore fail with "can't subtract
// offset-naive and offset-aware datetimes"; Rejected: sure to fail with "Unknown string format" (no
// digit at all, a bare date followed by a zone, a month 13 or an hour 24); Unknown: awslint cannot read it and dateutil
// may (month names, other orders, named zones): awslint does not guess.
// Also reads the compact form (20990101T000000Z) and '/' between the parts of the date.
struct ExpiryReading {
  enum class Kind { Aware, Naive, Rejected, Unknown } kind = Kind::Unknown;
  std::optional<std::int64_t> at;  // Aware: seconds since the epoch; Naive: as if the time were UTC
  std::string_view error;          // Rejected: dateutil's message, "Unknown string format" or "... out of range"
};
ExpiryReading read_expiry(std::string_view s);

// `15m`, `1h`, `90s`, `2d`, `1h30m`, a bare number of seconds. nullopt when unreadable.
std::optional<std::int64_t> parse_duration(std::string_view s);

// `2026-01-01T00:00:00Z`
std::string format_timestamp(std::int64_t t);

// "3 days", "2 hours", "15 minutes", "40 seconds": the largest whole unit.
std::string format_span(std::int64_t seconds);

}  // namespace awslint
