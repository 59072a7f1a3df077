// AWS004 invalid-line
#include <fmt/format.h>

#include "parse_issue.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS004",
    .name = "invalid-line",
    .severity = Severity::Error,
    .summary = "line that is no key/value, comment, blank or continuation: the CLI rejects the whole file",
    .doc = R"(## What it does
Reports a line inside a section that the CLI cannot read: `[]`, a line with neither `=` nor `:`, a
key/value line with an empty key (`= value`), or a line of a nested block (`s3 =` followed by
indented lines) that has no `=`.

## Why is this bad?
configparser collects such lines and raises `ParsingError` at the end of the file; botocore raises
`ConfigParseError` for a nested line without `=`. Either way the CLI refuses the whole file
("Unable to parse config file") and no command works.

## Example
```ini
[default]
region us-east-1
s3 =
  max_concurrent_requests 20
```

## Use instead
```ini
[default]
region = us-east-1
s3 =
  max_concurrent_requests = 20
```
)",
};

class InvalidLine final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for_each_issue(ws, IssueKind::InvalidLine, [&](const SourceFile& f, const Issue& is) {
      std::string what;
      if (is.detail == "empty-key") what = "this key/value line has an empty key";
      else if (is.detail == "empty-header") what = "'[]' is not a section header";
      else if (is.detail == "bad-header") what = "this line is not a section header (no closing ']' after a name) and has no '=' or ':'";
      else what = "this line has neither '=' nor ':', so it is no key/value line";
      out.report(at(f, is.line, is.col), fmt::format("{}: {}; write 'key = value' or make it a comment with '#'", what, rejects(f)));
    });
    for_each_issue(ws, IssueKind::InvalidNested, [&](const SourceFile& f, const Issue& is) {
      Finding& x = out.report(at(f, is.line, is.col),
                              fmt::format("this line of the nested block '{}' has no '=': {}; write 'key = value'",
                                          is.detail, rejects(f)));
      x.related.push_back({at(f, is.related_line, is.related_col), "the nested block starts here"});
      x.key = is.detail;
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_line() { return std::make_unique<InvalidLine>(); }

}  // namespace awslint
