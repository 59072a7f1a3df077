// AWS006 unreadable-file
#include <fmt/format.h>

#include "rule.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS006",
    .name = "unreadable-file",
    .severity = Severity::Error,
    .summary = "file that exists but cannot be read: the CLI silently treats it as empty",
    .doc = R"(## What it does
Reports a config or credentials file that exists but could not be read: no permission, a directory
or a FIFO where a file belongs, a file over awslint's 64 MiB size cap. Also reports a file named on
the command line (a `--env-file` too) that does not exist or cannot be read.

## Why is this bad?
botocore treats a path that is not a readable regular file as an empty file, without a word. The
classic case is `sudo aws configure`, which leaves `~/.aws/credentials` owned by root: the CLI then
says "Unable to locate credentials" although the keys are right there.

## Example
```sh
$ ls -l ~/.aws/credentials
-rw------- 1 root root 116 Jan  1 12:00 /home/me/.aws/credentials
```

## Use instead
```sh
sudo chown "$USER": ~/.aws/credentials && chmod 600 ~/.aws/credentials
```
)",
    .security = true,
};

class UnreadableFile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (f->path.empty() || f->status == ReadStatus::Ok) continue;
      const char* role = f->kind == FileKind::Config ? "config" : "credentials";
      if (f->status == ReadStatus::Missing) {
        if (f->explicit_path)
          out.report(at(*f, 0, 0), fmt::format("the {} file '{}' does not exist", role, f->display));
        continue;
      }
      const char* consequence = f->status == ReadStatus::TooLarge
                                    ? "awslint did not read it"
                                    : "the CLI silently treats it as empty, so nothing in it is used";
      out.report(at(*f, 0, 0), fmt::format("the {} file '{}' cannot be read ({}): {}", role, f->display, f->error,
                                           consequence));
    }
    if (!ws.env.read_error.empty())
      out.report(Location{ws.env.file, 0, 0},
                 fmt::format("the env file '{}' cannot be read ({}): the environment was not linted", ws.env.file,
                             ws.env.read_error));
  }
};

}  // namespace

std::unique_ptr<Rule> make_unreadable_file() { return std::make_unique<UnreadableFile>(); }

}  // namespace awslint
