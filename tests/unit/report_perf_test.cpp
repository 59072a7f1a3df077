// The fast paths of the reporting code: SHA-256 with and without the CPU's SHA extensions, the
// redaction pre-check, the JSON string fast path and the index sort of findings, each against
// the straightforward answer.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "engine.h"
#include "json.h"
#include "report.h"
#include "report_internal.h"

using namespace awslint;

namespace {
std::string pattern(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s.push_back(static_cast<char>((i * 7 + 3) % 256));
  return s;
}
}  // namespace

TEST_CASE("sha256: hardware and portable code agree with hashlib", "[report][fingerprint]") {
  // python3: hashlib.sha256(bytes((i*7+3)%256 for i in range(n))).hexdigest()
  const std::vector<std::pair<std::size_t, std::string>> vectors{
  {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
  {1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"},
  {3, "6ab0dba1f4f1dfbb37b4f9eeb092c09fca4900ad32bdcd147d8dde35d6c87c35"},
  {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
  {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
  {57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"},
  {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
  {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
  {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
  {119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
  {120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
  {127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"},
  {128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
  {129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4"},
  {1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"},
  };
  for (const auto& [n, hex] : vectors) {
    INFO("length " << n);
    CHECK(report::sha256_hex(pattern(n), true) == hex);
    CHECK(report::sha256_hex(pattern(n), false) == hex);
  }
}

TEST_CASE("redact_in_place: same as redact_text", "[report][redact]") {
  const std::vector<std::string> cases{
      "",
      "profile 'p0' has no region: add one",
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "  # ; token: abc",
      "export aws_session_token=abc",
      "export\taws_session_token = abc",
      "exportfoo = x",
      "key AKIAIOSFODNN7EXAMPLE in a message",
      "first line\nsecond AKIAIOSFODNN7EXAMPLE\nthird",
      "a run of nineteen: ABCDEFGHIJKLMNOPQRS and of twenty ABCDEFGHIJKLMNOPQRST",
      "tokenish abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123",
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop",  // one class only: kept
      "password: hunter2",
      "x" + std::string(100, 'A') + "1",
  };
  for (const std::string& c : cases) {
    INFO(c);
    std::string s = c;
    redact_in_place(s);
    CHECK(s == redact_text(c));
  }
}

TEST_CASE("json_string: fast path escapes like the slow one", "[report][escape]") {
  auto enc = [](std::string_view s) {
    std::string out;
    json_string(out, s);
    return out;
  };
  CHECK(enc("") == "\"\"");
  CHECK(enc("plain text that is longer than eight bytes") == "\"plain text that is longer than eight bytes\"");
  CHECK(enc("12345678\"12345678\\") == "\"12345678\\\"12345678\\\\\"");
  CHECK(enc("1234567\x7f") == "\"1234567\\u007f\"");
  CHECK(enc("1234567\x01" "abcdefgh") == "\"1234567\\u0001abcdefgh\"");
  CHECK(enc("1234567\xc3\xa9" "abcdefgh") == "\"1234567\xc3\xa9" "abcdefgh\"");
  CHECK(enc("12345678\xff") == "\"12345678\\ufffd\"");
  CHECK(enc("abcdefg\n\t") == "\"abcdefg\\n\\t\"");
}

TEST_CASE("sort_findings: by file, line, column, rule, message; stable; repeats removed", "[engine]") {
  auto mk = [](std::string file, std::uint32_t line, std::uint32_t col, std::string rule, std::string msg,
               std::string profile = "") {
    Finding f;
    f.loc = Location{std::move(file), line, col};
    f.rule = std::move(rule);
    f.message = std::move(msg);
    f.profile = std::move(profile);
    return f;
  };
  std::vector<Finding> v{
      mk("b", 1, 1, "AWS001", "m"),      mk("a", 2, 1, "AWS002", "m"),  mk("a", 2, 1, "AWS001", "z"),
      mk("a", 2, 1, "AWS001", "y"),      mk("", 0, 0, "AWS101", "env"), mk("a", 2, 1, "AWS001", "y", "second"),
      mk("a", 10, 1, "AWS001", "m"),     mk("a", 9, 3, "AWS001", "m"),  mk("a", 9, 2, "AWS001", "m"),
      mk("", 0, 0, "AWS101", "env"),
  };
  std::vector<Finding> expected = v;
  auto key = [](const Finding& f) { return std::tie(f.loc.file, f.loc.line, f.loc.col, f.rule, f.message); };
  std::stable_sort(expected.begin(), expected.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  expected.erase(std::unique(expected.begin(), expected.end(),
                             [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
                 expected.end());
  sort_findings(v);
  REQUIRE(v.size() == expected.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    INFO(i);
    CHECK(key(v[i]) == key(expected[i]));
    CHECK(v[i].profile == expected[i].profile);
  }
}
