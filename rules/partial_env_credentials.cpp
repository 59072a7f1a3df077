// AWS402 partial-env-credentials
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS402",
    .name = "partial-env-credentials",
    .severity = Severity::Error,
    .summary = "AWS_ACCESS_KEY_ID without AWS_SECRET_ACCESS_KEY (or the reverse)",
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

class PartialEnvCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_partial_env_credentials() { return std::make_unique<PartialEnvCredentials>(); }

}  // namespace awslint
