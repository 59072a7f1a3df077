// awslint's own settings file, .awslint.ini, read with inih (its dialect is right for this file).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace awslint {

struct Settings {
  std::string path;  // the file read, empty when none
  std::vector<std::string> enable, disable;
  std::optional<std::string> fail_level, format, expiry_window;
  std::map<std::string, Severity> severity;  // by rule id
};

// Reads `explicit_path`, or the first .awslint.ini in cwd or its parents. Returns false (with a
// message naming the file and line) when the file is bad. No file is fine.
bool load_settings(const std::optional<std::string>& explicit_path, const std::string& cwd, Settings& out,
                   std::string& error);

}  // namespace awslint
