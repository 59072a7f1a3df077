// AWS011 indented-continuation
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS011",
    .name = "indented-continuation",
    .severity = Severity::Error,
    .summary = "indented line that the CLI appends to the previous value",
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

class IndentedContinuation final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_indented_continuation() { return std::make_unique<IndentedContinuation>(); }

}  // namespace awslint
