// AWS002 duplicate-key
#include <fmt/format.h>

#include "parse_issue.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS002",
    .name = "duplicate-key",
    .severity = Severity::Error,
    .summary = "key repeated within one section: the CLI rejects the whole file",
    .doc = R"(## What it does
Reports a key set twice in one section, at the repeat, with the first as a related location. Keys
are compared the way the CLI compares them: lower-cased, so `Region` and `region` are the same key.

## Why is this bad?
configparser in strict mode raises `DuplicateOptionError`; the CLI reports "Unable to parse config
file" and no command works. Other SDKs silently take the last value instead, so the same file
behaves differently in an application.

## Example
```ini
[default]
region = us-east-1
Region = eu-west-1
```

## Use instead
```ini
[default]
region = eu-west-1
```
)",
};

class DuplicateKey final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for_each_issue(ws, IssueKind::DuplicateKey, [&](const SourceFile& f, const Issue& is) {
      const std::string sect = section_at(f, is.line);
      Finding& x = out.report(at(f, is.line, is.col),
                              fmt::format("key '{}' is already set in section '[{}]' at line {} (keys are compared "
                                          "lower-cased): {}; keep one",
                                          is.detail, sect, is.related_line, rejects(f)));
      x.related.push_back({at(f, is.related_line, is.related_col), "first set here"});
      x.key = is.detail;
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_key() { return std::make_unique<DuplicateKey>(); }

}  // namespace awslint
