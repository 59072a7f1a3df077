// AWS001 duplicate-section
#include <fmt/format.h>

#include "parse_issue.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS001",
    .name = "duplicate-section",
    .severity = Severity::Error,
    .summary = "section header repeated in one file: the CLI rejects the whole file",
    .doc = R"(## What it does
Reports a section header that appears a second time in the same file, at the repeat, with the first
one as a related location. Names are compared exactly as the CLI compares them: `[profile dev]` and
`[profile  dev]` are different sections (see AWS013 for that one).

## Why is this bad?
The CLI reads the files with Python's configparser in strict mode, which raises
`DuplicateSectionError`. botocore turns that into "Unable to parse config file" and **every**
command fails, for every profile, not just the repeated one.

## Example
```ini
[profile dev]
region = eu-west-1

[profile dev]
output = json
```

## Use instead
```ini
[profile dev]
region = eu-west-1
output = json
```
)",
};

class DuplicateSection final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for_each_issue(ws, IssueKind::DuplicateSection, [&](const SourceFile& f, const Issue& is) {
      Finding& x = out.report(at(f, is.line, is.col),
                              fmt::format("section '[{}]' is already defined at line {}: {}; merge the two sections",
                                          is.detail, is.related_line, rejects(f)));
      x.related.push_back({at(f, is.related_line, is.related_col), "first defined here"});
      x.key = is.detail;
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_section() { return std::make_unique<DuplicateSection>(); }

}  // namespace awslint
