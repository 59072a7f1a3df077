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

// `15m`, `1h`, `90s`, `2d`, `1h30m`, a bare number of seconds. nullopt when unreadable.
std::optional<std::int64_t> parse_duration(std::string_view s);

// `2026-01-01T00:00:00Z`
std::string format_timestamp(std::int64_t t);

// "3 days", "2 hours", "15 minutes", "40 seconds": the largest whole unit.
std::string format_span(std::int64_t seconds);

}  // namespace awslint
