#include "settings.h"

#include <fmt/format.h>
#include <ini.h>
#include <sys/stat.h>

#include "rule.h"
#include "source.h"

namespace awslint {

// Placeholder until .awslint.ini lands (issue: awslint in the field): no settings are read.
bool load_settings(const std::optional<std::string>&, const std::string&, Settings&, std::string&) { return true; }

}  // namespace awslint
