// Timestamps as the credential helpers write them, durations for --expiry-window.
#include <catch2/catch.hpp>

#include "timeutil.h"

using awslint::format_span;
using awslint::format_timestamp;
using awslint::parse_duration;
using awslint::parse_timestamp;

namespace {
constexpr std::int64_t k20210628T071102 = 1624864262;  // 2021-06-28T07:11:02Z
constexpr std::int64_t k20260601 = 1780272000;        // 2026-06-01T00:00:00Z
}  // namespace

TEST_CASE("parse_timestamp: the formats the credential helpers write", "[timeutil]") {
  // aws-azure-login, gsts
  CHECK(parse_timestamp("2021-06-28T07:11:02.000Z") == k20210628T071102);
  // saml2aws (RFC 3339), aws-export-credentials
  CHECK(parse_timestamp("2021-06-28T07:11:02Z") == k20210628T071102);
  // gimme-aws-creds
  CHECK(parse_timestamp("2021-06-28T07:11:02+00:00") == k20210628T071102);
  // aws-google-auth %z
  CHECK(parse_timestamp("2021-06-28T07:11:02+0000") == k20210628T071102);
  // aws-mfa: a space for T, no zone (UTC)
  CHECK(parse_timestamp("2021-06-28 07:11:02") == k20210628T071102);
  // the CLI's own AWS_CREDENTIAL_EXPIRATION as `aws configure export-credentials` writes it
  CHECK(parse_timestamp("2021-06-28T07:11:02+00:00") == k20210628T071102);
}

TEST_CASE("parse_timestamp: zones", "[timeutil]") {
  CHECK(parse_timestamp("2021-06-28T07:11:02z") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T09:11:02+02:00") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T09:11:02+0200") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T09:11:02+02") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T01:41:02-05:30") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T01:41:02-0530") == k20210628T071102);
  // A zone across midnight and a year boundary.
  CHECK(parse_timestamp("2026-05-31T23:00:00-01:00") == k20260601);
  CHECK(parse_timestamp("2027-01-01T01:00:00+02:00") == *parse_timestamp("2026-12-31T23:00:00Z"));
}

TEST_CASE("parse_timestamp: fractions, lower-case t, date only, no seconds", "[timeutil]") {
  CHECK(parse_timestamp("2021-06-28T07:11:02.123456789Z") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T07:11:02,5Z") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28t07:11:02Z") == k20210628T071102);
  CHECK(parse_timestamp("2021-06-28T07:11Z") == k20210628T071102 - 2);
  CHECK(parse_timestamp("2026-06-01") == k20260601);
  CHECK(parse_timestamp("2026-06-01Z") == k20260601);
  CHECK(parse_timestamp("  2026-06-01T00:00:00Z  ") == k20260601);
  CHECK(parse_timestamp("2021-06-28 07:11:02 +0000") == k20210628T071102);
}

TEST_CASE("parse_timestamp: calendar", "[timeutil]") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("1969-12-31T23:59:59Z") == -1);
  CHECK(parse_timestamp("2024-02-29T00:00:00Z") == 1709164800);
  CHECK(parse_timestamp("2000-02-29T00:00:00Z").has_value());
  CHECK_FALSE(parse_timestamp("2023-02-29T00:00:00Z").has_value());
  CHECK_FALSE(parse_timestamp("1900-02-29T00:00:00Z").has_value());
  CHECK(parse_timestamp("2038-01-19T03:14:08Z") == 2147483648LL);  // past 32-bit time_t
  CHECK(parse_timestamp("9999-12-31T23:59:59Z") == 253402300799LL);
}

TEST_CASE("parse_timestamp: unreadable", "[timeutil]") {
  for (const char* bad : {"", "garbage", "2021-13-01T00:00:00Z", "2021-00-10", "2021-06-31", "2021-06-00",
                          "2021-06-28T24:00:00Z", "2021-06-28T07:60:00Z", "2021-06-28T07:11:61Z",
                          "2021-06-28T07:11:02+24:00", "2021-06-28T07:11:02+05:60", "21-06-28", "2021/06/28",
                          "2021-6-28", "2021-06-28T7:11:02Z", "2021-06-28T07:11:02ZZ", "2021-06-28T07:11:02 UTC",
                          "1624864262", "2021-06-28T07:11:02.Z", "2021-06-28T", "Mon, 28 Jun 2021 07:11:02 GMT",
                          "\"2021-06-28T07:11:02Z\"", "2021-06-28T07:11:02Z junk", "２０２１-06-28"}) {
    INFO(bad);
    CHECK_FALSE(parse_timestamp(bad).has_value());
  }
}

TEST_CASE("format_timestamp", "[timeutil]") {
  CHECK(format_timestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(format_timestamp(k20210628T071102) == "2021-06-28T07:11:02Z");
  CHECK(format_timestamp(k20260601) == "2026-06-01T00:00:00Z");
  CHECK(format_timestamp(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_timestamp(1709164800) == "2024-02-29T00:00:00Z");
  // Round trip over a range of days and times.
  for (std::int64_t t = -86400LL * 800; t < 86400LL * 40000; t += 86400LL * 37 + 3671) {
    INFO(t);
    CHECK(parse_timestamp(format_timestamp(t)) == t);
  }
}

TEST_CASE("parse_duration", "[timeutil]") {
  CHECK(parse_duration("15m") == 900);
  CHECK(parse_duration("1h") == 3600);
  CHECK(parse_duration("90s") == 90);
  CHECK(parse_duration("2d") == 172800);
  CHECK(parse_duration("1h30m") == 5400);
  CHECK(parse_duration("1d2h3m4s") == 86400 + 7200 + 180 + 4);
  CHECK(parse_duration("0") == 0);
  CHECK(parse_duration("0m") == 0);
  CHECK(parse_duration("600") == 600);
  for (const char* bad : {"", "m", "-5m", "1.5h", "15 m", "15M", "1w", "h1", "15mm", " 15m", "15m ", "1h-30m"}) {
    INFO(bad);
    CHECK_FALSE(parse_duration(bad).has_value());
  }
}

TEST_CASE("format_span: the largest whole unit", "[timeutil]") {
  CHECK(format_span(0) == "0 seconds");
  CHECK(format_span(1) == "1 second");
  CHECK(format_span(40) == "40 seconds");
  CHECK(format_span(119) == "119 seconds");
  CHECK(format_span(120) == "2 minutes");
  CHECK(format_span(900) == "15 minutes");
  CHECK(format_span(7199) == "119 minutes");
  CHECK(format_span(7200) == "2 hours");
  CHECK(format_span(86400) == "24 hours");
  CHECK(format_span(172800) == "2 days");
  CHECK(format_span(3 * 86400 + 5) == "3 days");
  CHECK(format_span(-3 * 86400) == "3 days");  // a span, not a direction
}

// Each expectation below is what Debian's python3-dateutil (the CLI's parser) does with the value:
// aware, naive, or an exception.
TEST_CASE("read_expiry: as the CLI's dateutil reads an expiry", "[timeutil]") {
  using awslint::ExpiryReading;
  using awslint::read_expiry;
  using K = ExpiryReading::Kind;
  const std::int64_t k20990101 = 4070908800;
  for (const char* aware : {"2099-01-01T00:00:00Z", "2099-01-01 00:00:00 UTC", "20990101T000000Z",
                            "2099-01-01T00:00:00+0000", "2099-01-01T00:00:00 GMT", "2099-01-01T00:00Z",
                            "2099-01-01t00:00:00z", "2099/01/01 00:00:00Z", "20990101T0000Z",
                            "2099-01-01T00:00:00UTC", "2099-01-01T000000Z", "20990101T00:00:00Z",
                            "  2099-01-01T00:00:00Z  ", "2099-01-01T00:00:00.123+00:00", "'2099-01-01T00:00:00Z'",
                            "'2099-01-01T00:00:00Z"}) {
    INFO(aware);
    const auto r = read_expiry(aware);
    CHECK(r.kind == K::Aware);
    CHECK(r.at == k20990101);
  }
  CHECK(read_expiry("2099-01-01T01:00:00 +01:00").at == k20990101);
  CHECK(read_expiry("2099-01-01T01:00:00+01").at == k20990101);
  for (const char* naive : {"2099-01-01", "2099-01-01T00:00:00", "20990101T000000", "20990101"}) {
    INFO(naive);
    const auto r = read_expiry(naive);
    CHECK(r.kind == K::Naive);
    CHECK(r.at == k20990101);
  }
  for (const char* rejected : {"\"2099-01-01T00:00:00Z\"", "2099-01-01T00:00:00Z\"", "2099-01-01Z", "2099-01-01 UTC", "2099-01-01+01:00", "20990101Z", "expired", "",
                               "2099-13-01T00:00:00Z", "2099-01-01T24:00:00Z"}) {
    INFO(rejected);
    CHECK(read_expiry(rejected).kind == K::Rejected);
  }
  // dateutil reads these; awslint does not guess what.
  for (const char* unknown : {"Jan 1 2099 00:00:00 UTC", "2099-01-01 00:00:00 EST", "99-01-01T00:00:00Z"}) {
    INFO(unknown);
    CHECK(read_expiry(unknown).kind == K::Unknown);
  }
}
