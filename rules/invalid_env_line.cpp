// AWS007 invalid-env-line
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS007",
    .name = "invalid-env-line",
    .severity = Severity::Warning,
    .summary = "env-file line that is not KEY=VALUE",
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

class InvalidEnvLine final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_env_line() { return std::make_unique<InvalidEnvLine>(); }

}  // namespace awslint
