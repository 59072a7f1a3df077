// AWS201 expired-credentials
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS201",
    .name = "expired-credentials",
    .severity = Severity::Error,
    .summary = "expiry timestamp in the past: the CLI will fail with ExpiredToken",
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

class ExpiredCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_expired_credentials() { return std::make_unique<ExpiredCredentials>(); }

}  // namespace awslint
