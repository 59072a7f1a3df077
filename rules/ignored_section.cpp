// AWS013 ignored-section
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS013",
    .name = "ignored-section",
    .severity = Severity::Warning,
    .summary = "section the CLI never reads as a profile",
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

class IgnoredSection final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_ignored_section() { return std::make_unique<IgnoredSection>(); }

}  // namespace awslint
