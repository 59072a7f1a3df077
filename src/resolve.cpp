#include "resolve.h"

namespace awslint {

// Placeholder until resolve lands (issue: prove awslint reads the files as the CLI does).
int run_resolve(const Workspace&, const std::vector<Finding>&, const std::string& format, std::string& out) {
  if (format != "text" && format != "json") return 2;
  out = "awslint resolve: not implemented yet\n";
  return 2;
}

}  // namespace awslint
