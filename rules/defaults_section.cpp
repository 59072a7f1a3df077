// AWS017 defaults-section
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS017",
    .name = "defaults-section",
    .severity = Severity::Warning,
    .summary = "[DEFAULT] section whose keys the CLI copies into every section of the file",
    .doc = R"(## What it does
TODO

## Why is this bad?
TODO

## Example
```ini
```

## Use instead
```ini
```
)",
    .security = true,
};

class DefaultsSection final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_defaults_section() { return std::make_unique<DefaultsSection>(); }

}  // namespace awslint
