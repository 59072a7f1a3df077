// AWS012 quoted-value
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS012",
    .name = "quoted-value",
    .severity = Severity::Warning,
    .summary = "value wrapped in quotes, which the CLI keeps",
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

class QuotedValue final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_quoted_value() { return std::make_unique<QuotedValue>(); }

}  // namespace awslint
