// The rule catalog, generated from the rules' metadata: `awslint rules`, `awslint explain`, the
// README rule table and the man page all come from here, so docs cannot drift from code.
#pragma once

#include <string>
#include <string_view>

#include "rule.h"

namespace awslint {

// format: text, markdown (the README table), json, man. False for an unknown format.
bool render_catalog(std::string_view format, std::string& out);
void render_explain(const Rule& r, std::string& out);

}  // namespace awslint
