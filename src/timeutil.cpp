#include "timeutil.h"

#include <fmt/format.h>

#include <re2/re2.h>

#include <algorithm>

namespace awslint {
namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : k[m - 1];
}

// Seconds since the epoch of a civil date and time at a UTC offset of sign * (zh:zm); nullopt
// when a field is out of range.
std::optional<std::int64_t> to_epoch(int y, int mo, int d, int h, int mi, int se, int sign, int zh, int zm) {
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, mo) || h > 23 || mi > 59 || se > 60 ||
      zh > 23 || zm > 59)
    return std::nullopt;
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - sign * (zh * 3600 + zm * 60);
}

int to_int(const std::string& s) { return s.empty() ? 0 : std::stoi(s); }

}  // namespace

std::optional<std::int64_t> parse_timestamp(std::string_view s) {
  static const RE2 re(
      R"(\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?\s*)");
  int y = 0, mo = 0, d = 0;
  std::string h, mi, se, z, sign, zh, zm;
  if (!RE2::FullMatch(s, re, &y, &mo, &d, &h, &mi, &se, &z, &sign, &zh, &zm)) return std::nullopt;
  return to_epoch(y, mo, d, to_int(h), to_int(mi), to_int(se), sign == "-" ? -1 : 1, to_int(zh), to_int(zm));
}

ExpiryReading read_expiry(std::string_view s) {
  // date: 2099-01-01, 2099/01/01, 20990101; time: 00:00[:00[.123]], 0000[00]; zone: Z, UTC, GMT, +hh[[:]mm].
  static const RE2 re(
      R"(\s*(\d{4})(?:[-/](\d{2})[-/](\d{2})|(\d{2})(\d{2}))(?:[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?)"
      R"(\s*(?:([Zz]|UTC|GMT|utc|gmt)|([+-])(\d{2}):?(\d{2})?)?\s*)");
  auto rejected = [](std::string_view why) {
    return ExpiryReading{ExpiryReading::Kind::Rejected, std::nullopt, why};
  };
  // dateutil skips apostrophes but not double quotes (docker --env-file keeps both).
  if (s.find('"') != std::string_view::npos) return rejected("Unknown string format");
  std::string unquoted;
  if (s.find('\'') != std::string_view::npos) {
    for (char c : s)
      if (c != '\'') unquoted += c;
    s = unquoted;
  }
  std::string y, mo1, d1, mo2, d2, h, mi, se, z, sign, zh, zm;
  if (!RE2::FullMatch(s, re, &y, &mo1, &d1, &mo2, &d2, &h, &mi, &se, &z, &sign, &zh, &zm)) {
    const bool digits = std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? ExpiryReading{} : rejected("Unknown string format");
  }
  const bool zoned = !z.empty() || !sign.empty();
  if (h.empty() && zoned) return rejected("Unknown string format");  // a bare date followed by a zone
  const bool sep_date = !mo1.empty();
  const auto at = to_epoch(to_int(y), to_int(sep_date ? mo1 : mo2), to_int(sep_date ? d1 : d2), to_int(h), to_int(mi),
                           to_int(se), sign == "-" ? -1 : 1, to_int(zh), to_int(zm));
  // month 13, hour 24, 30 February: dateutil refuses them too
  if (!at) return rejected("month, day, hour, minute or second out of range");
  return ExpiryReading{zoned ? ExpiryReading::Kind::Aware : ExpiryReading::Kind::Naive, at, {}};
}

std::optional<std::int64_t> parse_duration(std::string_view s) {
  static const RE2 bare(R"(\d{1,12})");
  static const RE2 part(R"((\d{1,9})([smhd]))");
  if (s.empty()) return std::nullopt;
  if (RE2::FullMatch(s, bare)) return std::stoll(std::string(s));
  std::int64_t total = 0;
  re2::StringPiece in(s.data(), s.size());
  int n = 0;
  char unit = 0;
  std::string u;
  while (!in.empty()) {
    if (!RE2::Consume(&in, part, &n, &u)) return std::nullopt;
    unit = u[0];
    total += static_cast<std::int64_t>(n) * (unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400);
  }
  return total;
}

std::string format_timestamp(std::int64_t t) {
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t rem = t - days * 86400;
  // civil_from_days
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, rem / 3600, (rem / 60) % 60, rem % 60);
}

std::string format_span(std::int64_t s) {
  if (s < 0) s = -s;
  auto unit = [](std::int64_t n, const char* name) { return fmt::format("{} {}{}", n, name, n == 1 ? "" : "s"); };
  if (s >= 2 * 86400) return unit(s / 86400, "day");
  if (s >= 2 * 3600) return unit(s / 3600, "hour");
  if (s >= 2 * 60) return unit(s / 60, "minute");
  return unit(s, "second");
}

}  // namespace awslint
