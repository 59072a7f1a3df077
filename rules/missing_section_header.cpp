// AWS003 missing-section-header
#include <fmt/format.h>

#include "parse_issue.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS003",
    .name = "missing-section-header",
    .severity = Severity::Error,
    .summary = "content before the first section header (a BOM included): the CLI rejects the whole file",
    .doc = R"(## What it does
Reports the first line that is neither blank nor a comment and comes before any `[section]`
header. A UTF-8 byte order mark (BOM) at the start of the file counts: the CLI does not strip it,
so `\ufeff[default]` is not a section header.

## Why is this bad?
configparser raises `MissingSectionHeaderError` and the CLI refuses the whole file ("Unable to parse
config file"). Editors on Windows (Notepad, PowerShell's `Out-File -Encoding utf8`) add a BOM
without showing it, so the file looks right and still fails.

## Example
```ini
region = us-east-1
[default]
output = json
```

## Use instead
```ini
[default]
region = us-east-1
output = json
```
Save the file as UTF-8 *without* BOM.
)",
};

class MissingSectionHeader final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for_each_issue(ws, IssueKind::MissingSectionHeader, [&](const SourceFile& f, const Issue& is) {
      if (is.detail == "bom") {
        out.report(at(f, is.line, 1),
                   fmt::format("the file starts with a UTF-8 byte order mark (BOM), so its first section header is "
                               "not read as one: {}; save it as UTF-8 without BOM",
                               rejects(f)));
      } else {
        out.report(at(f, is.line, is.col),
                   fmt::format("content before the first section header: {}; put a header such as '[default]' "
                               "above it, or remove it",
                               rejects(f)));
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_section_header() { return std::make_unique<MissingSectionHeader>(); }

}  // namespace awslint
