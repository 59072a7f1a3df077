// AWS104 no-credentials
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS104",
    .name = "no-credentials",
    .severity = Severity::Warning,
    .summary = "the profile the CLI would use has no credential source: 'Unable to locate credentials'",
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

class NoCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_no_credentials() { return std::make_unique<NoCredentials>(); }

}  // namespace awslint
