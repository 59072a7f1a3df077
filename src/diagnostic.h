// Findings: what a rule reports, where, and how bad.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace awslint {

enum class Severity : std::uint8_t { Note = 0, Warning = 1, Error = 2 };
std::string_view severity_name(Severity s);  // "note", "warning", "error"
std::optional<Severity> parse_severity(std::string_view s);

struct Location {
  std::string file;  // display path; empty for the process environment
  std::uint32_t line = 0;  // 0: no line (whole file / process environment)
  std::uint32_t col = 0;
};

struct Related {
  Location loc;
  std::string message;
};

struct Finding {
  std::string rule;        // id, "AWS301"
  std::string name;        // "missing-region"
  Severity severity = Severity::Warning;
  std::string message;     // never contains a secret
  Location loc;
  std::vector<Related> related;
  std::string profile;     // the profile concerned, or empty
  bool has_profile = false;
  std::string variable;    // the environment variable concerned, or empty
  std::string key;         // the key concerned, or empty (for fingerprints)
  // When the finding is about the environment but is shown at a file line (SARIF needs one):
  // the location in a config/credentials file the finding affects.
  std::optional<Location> affects;
};

}  // namespace awslint
