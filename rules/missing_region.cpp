// AWS301 missing-region
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS301",
    .name = "missing-region",
    .severity = Severity::Warning,
    .summary = "profile has no region and none comes from the environment",
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

class MissingRegion final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_region() { return std::make_unique<MissingRegion>(); }

}  // namespace awslint
