// `awslint resolve`: which profile, region and credentials the CLI would use, offline.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.h"
#include "model.h"

namespace awslint {

// format: "text" or "json". Returns the exit code (0, or 1 when the CLI would fail; 2: bad format).
int run_resolve(const Workspace& ws, const std::vector<Finding>& findings, const std::string& format, std::string& out);

}  // namespace awslint
