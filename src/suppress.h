// Suppression comments: `# awslint: disable=AWS301` on its own line (the next line, or the whole
// section when it stands just after a section header) and `# awslint: disable-file=AWS101`.
#pragma once

#include <vector>

#include "diagnostic.h"
#include "rule.h"

namespace awslint {

// Removes suppressed findings; reports suppressions that matched nothing (AWS008).
void apply_suppressions(const Workspace& ws, const std::vector<const Rule*>& rules, std::vector<Finding>& findings);

}  // namespace awslint
