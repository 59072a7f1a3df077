// AWS401 env-shadows-profile
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS401",
    .name = "env-shadows-profile",
    .severity = Severity::Warning,
    .summary = "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY silently win over the profile's credentials",
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

class EnvShadowsProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_env_shadows_profile() { return std::make_unique<EnvShadowsProfile>(); }

}  // namespace awslint
