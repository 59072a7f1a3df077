// A small streaming JSON writer (fmt-based) used by the JSON, SARIF and GitLab reports and dump.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace awslint {

// Appends s as a JSON string literal (quotes included). Invalid UTF-8 bytes become U+FFFD, so the
// output is always valid JSON.
void json_string(std::string& out, std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool pretty = true) : out_(out), pretty_(pretty) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(std::uint32_t n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // an already-encoded value

 private:
  void before_value();
  void newline();
  std::string& out_;
  bool pretty_;
  struct Level {
    bool object;
    bool first;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace awslint
