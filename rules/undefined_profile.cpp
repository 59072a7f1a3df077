// AWS102 undefined-profile
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS102",
    .name = "undefined-profile",
    .severity = Severity::Error,
    .summary = "selected profile is defined in neither file: 'The config profile (x) could not be found'",
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

class UndefinedProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_profile() { return std::make_unique<UndefinedProfile>(); }

}  // namespace awslint
