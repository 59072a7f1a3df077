// AWS103 dangling-source-profile
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS103",
    .name = "dangling-source-profile",
    .severity = Severity::Error,
    .summary = "source_profile that is undefined, has no credentials or leads into a cycle",
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

class DanglingSourceProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_dangling_source_profile() { return std::make_unique<DanglingSourceProfile>(); }

}  // namespace awslint
