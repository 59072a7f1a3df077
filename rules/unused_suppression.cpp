// AWS008 unused-suppression
#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS008",
    .name = "unused-suppression",
    .severity = Severity::Note,
    .summary = "suppression comment that matches no finding",
    .doc = R"(## What it does
Reports an awslint suppression comment that suppresses nothing: it names a rule that reports
nothing where the comment applies, names no rule at all, or does not parse. Suppressions are
whole-line comments:

- `# awslint: disable=ID,...` applies to the next line that is not a comment (a key with its
  continuation lines, or a section header); standing just after a section header it applies to
  the whole section;
- `# awslint: disable-file=ID,...` anywhere applies to the whole file, including findings without
  a line and findings about the environment that affect this file.

Rules are given by id or name, comma-separated; a reason may follow after ` -- `.

## Why is this bad?
A suppression that matches nothing is left over from a problem already fixed, or it is misspelt
and does not suppress what it was written for. Either way it hides the next real finding of that
rule at that place, or misleads the reader.

## Example
```ini
[profile dev]
region = eu-west-1
# awslint: disable=inline-comment
output = json
```

## Use instead
```ini
[profile dev]
region = eu-west-1
output = json
```
)",
    .security = false,
};

class UnusedSuppression final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  // Whether a suppression matched anything is known only after every rule has run: the engine
  // reports these findings when it applies the suppressions (src/suppress.cpp).
  void check(const Workspace& /*ws*/, Sink& /*out*/) const override {}
};

}  // namespace

std::unique_ptr<Rule> make_unused_suppression() { return std::make_unique<UnusedSuppression>(); }

}  // namespace awslint
