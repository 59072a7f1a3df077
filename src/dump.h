// `awslint dump`: the model as the CLI sees it, in the shape of botocore's own loader.
#pragma once

#include <string>

#include "model.h"

namespace awslint {

// {"config": {"profiles", "sso_sessions", "services"} | {"error"}, "credentials": {"profiles"} | {"error"}}
void dump_json(const Workspace& ws, bool show_secrets, std::string& out);

// Why the CLI rejects a file: "duplicate section 'dev' (first at line 3)" etc. Never quotes a value.
std::string describe_issue(const Issue& is);

}  // namespace awslint
