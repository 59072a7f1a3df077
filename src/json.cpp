#include "json.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "text.h"

namespace awslint {

namespace {
// Bytes that json_string copies as they are: printable ASCII other than '"' and '\\'.
constexpr bool plain(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

// Length of the run of plain bytes at s[i], 8 bytes at a time: a word has a byte that is not plain
// when one is below 0x20, 0x7F or above, '"' or '\\' (the classic "has a zero/less byte" tests).
std::size_t plain_run(std::string_view s, std::size_t i) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const std::size_t start = i;
  while (i + 8 <= s.size()) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    auto has_zero = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    const std::uint64_t bad = ((x - kOnes * 0x20) & ~x & kHigh) | (x & kHigh) | has_zero(x ^ (kOnes * 0x7F)) |
                              has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'));
    if (bad != 0) break;
    i += 8;
  }
  while (i < s.size() && plain(static_cast<unsigned char>(s[i]))) ++i;
  return i - start;
}
}  // namespace

void json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    // Runs of plain bytes in one append (a message is almost all of them).
    if (const std::size_t run = plain_run(s, i); run != 0) {
      out.append(s.data() + i, run);
      i += run;
      if (i == s.size()) break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{:04x}", c);
          else out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t k = utf8_decode(s, i, cp);
    if (k == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (cp == 0x2028 || cp == 0x2029) out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    else out.append(s.substr(i, k));
    i += k;
  }
  out.push_back('"');
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_.push_back('\n');
  out_.append(stack_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!stack_.empty()) {
    if (!stack_.back().first) out_.push_back(',');
    stack_.back().first = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  stack_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = stack_.back().first;
  stack_.pop_back();
  if (!empty) newline();
  out_.push_back('}');
  if (stack_.empty() && pretty_) out_.push_back('\n');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  stack_.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = stack_.back().first;
  stack_.pop_back();
  if (!empty) newline();
  out_.push_back(']');
  if (stack_.empty() && pretty_) out_.push_back('\n');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  json_string(out_, k);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, r.ptr);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_.append(json);
  return *this;
}

}  // namespace awslint
