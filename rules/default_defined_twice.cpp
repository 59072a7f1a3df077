// AWS014 default-defined-twice
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS014",
    .name = "default-defined-twice",
    .severity = Severity::Warning,
    .summary = "both [default] and [profile default] in the config file: the later one wins",
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

class DefaultDefinedTwice final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_default_defined_twice() { return std::make_unique<DefaultDefinedTwice>(); }

}  // namespace awslint
