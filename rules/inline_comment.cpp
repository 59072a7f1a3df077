// AWS010 inline-comment
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS010",
    .name = "inline-comment",
    .severity = Severity::Warning,
    .summary = "value with ' #' or ' ;' text that the CLI keeps as part of the value",
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

class InlineComment final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {
    // TODO: not implemented yet.
  }
};

}  // namespace

std::unique_ptr<Rule> make_inline_comment() { return std::make_unique<InlineComment>(); }

}  // namespace awslint
