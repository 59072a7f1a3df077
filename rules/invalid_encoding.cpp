// AWS005 invalid-encoding
#include <fmt/format.h>

#include "parse_issue.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS005",
    .name = "invalid-encoding",
    .severity = Severity::Error,
    .summary = "bytes that are not valid UTF-8: the CLI rejects the whole file",
    .doc = R"(## What it does
Reports the first byte of the file that is not valid UTF-8 (a Latin-1 `é` saved by an old editor,
a UTF-16 file, binary junk), wherever it is, comments included.

## Why is this bad?
The CLI decodes the whole file strictly before it parses it. One bad byte, even in a comment,
raises `UnicodeDecodeError`, which botocore reports as "Unable to parse config file": no command
works. Under a C/POSIX locale some CLI builds decode as ASCII, so even valid non-ASCII text is a
portability hazard.

## Example
A comment saved as Latin-1:
```ini
# caf\xe9 account
[default]
region = eu-west-3
```

## Use instead
Save the file as UTF-8 (or keep it ASCII):
```ini
# cafe account
[default]
region = eu-west-3
```
)",
};

class InvalidEncoding final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for_each_issue(ws, IssueKind::InvalidEncoding, [&](const SourceFile& f, const Issue& is) {
      out.report(at(f, is.line, is.col),
                 fmt::format("byte {} is not valid UTF-8: {}; save the file as UTF-8", is.detail, rejects(f)));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_encoding() { return std::make_unique<InvalidEncoding>(); }

}  // namespace awslint
