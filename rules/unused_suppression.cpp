// AWS008 unused-suppression
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS008",
    .name = "unused-suppression",
    .severity = Severity::Note,
    .summary = "suppression comment that matches no finding",
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

class UnusedSuppression final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_unused_suppression() { return std::make_unique<UnusedSuppression>(); }

}  // namespace awslint
