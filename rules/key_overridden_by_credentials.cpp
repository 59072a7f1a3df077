// AWS015 key-overridden-by-credentials
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS015",
    .name = "key-overridden-by-credentials",
    .severity = Severity::Note,
    .summary = "key set for one profile in both files with different values: the credentials file wins",
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

class KeyOverriddenByCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_key_overridden_by_credentials() { return std::make_unique<KeyOverriddenByCredentials>(); }

}  // namespace awslint
