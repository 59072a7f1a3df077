// AWS101 missing-default-profile
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS101",
    .name = "missing-default-profile",
    .severity = Severity::Warning,
    .summary = "no default profile in either file, and the environment selects none",
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
    .security = false,
};

class MissingDefaultProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_default_profile() { return std::make_unique<MissingDefaultProfile>(); }

}  // namespace awslint
