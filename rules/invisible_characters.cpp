// AWS016 invisible-characters
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS016",
    .name = "invisible-characters",
    .severity = Severity::Warning,
    .summary = "key, value or section name holding invisible or control characters that the CLI keeps",
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

class InvisibleCharacters final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_invisible_characters() { return std::make_unique<InvisibleCharacters>(); }

}  // namespace awslint
