// AWS007 invalid-env-line
#include <fmt/format.h>
#include <re2/re2.h>

#include "rule.h"
#include "source.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS007",
    .name = "invalid-env-line",
    .severity = Severity::Warning,
    .summary = "env-file line that is not KEY=VALUE",
    .doc = R"(## What it does
Reports a line of the `--env-file` (the `docker run --env-file` format: `KEY=VALUE` lines, `#`
comment lines and blank lines, no quoting, no `export`) that is not a `KEY=VALUE` assignment with a
variable name of letters, digits and underscores, at its line. The message says what is wrong and
whether docker itself refuses the file because of it.

## Why is this bad?
Such a line sets no variable the AWS CLI can read. Worse, docker refuses the **whole file** when a
variable name contains a space or a tab (`export AWS_PROFILE=dev`, `AWS_REGION = eu-west-1`) or a
line has no name (`=value`): `docker run` stops with "variable '…' contains whitespaces" or "no
variable name on line", and the container never starts. Names with other characters
(`AWS-REGION=…`) are passed to the container as they are, where no AWS SDK looks for them.
Shell syntax (`export`, quotes, spaces around `=`) is the usual cause: the file was written for
`source`, not for docker.

## Example
```sh
export AWS_PROFILE=dev
AWS_REGION = eu-west-1
```

## Use instead
```sh
AWS_PROFILE=dev
AWS_REGION=eu-west-1
```
)",
    .security = false,
};

// A name that is safe to quote in a message: an environment-variable-like word in capitals.
// Anything else might be part of a secret pasted on a line of its own, so it is never quoted.
bool quotable_name(std::string_view s) {
  static const RE2 name(R"([A-Z_][A-Z0-9_]{0,63})");
  static const RE2 key_id(R"((?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{8,})");
  return RE2::FullMatch(s, name) && !RE2::FullMatch(s, key_id);
}

// Why docker (and so awslint) does not take a line; `line` has its leading blanks removed.
std::string describe(std::string_view line, std::string& variable) {
  if (first_invalid_utf8(line) != std::string_view::npos) {
    return "line is not valid UTF-8: docker refuses the whole file ('invalid utf8 bytes'); save the file as "
           "UTF-8";
  }
  const std::size_t eq = line.find('=');
  const std::string_view name = line.substr(0, eq);
  if (eq == 0) {
    return "line has no variable name before '=': docker refuses the whole file ('no variable name on line'); "
           "write NAME=VALUE or remove the line";
  }
  const std::size_t blank = name.find_first_of(" \t");
  if (blank != std::string_view::npos) {
    const std::string_view first = name.substr(0, blank);
    std::string_view rest = name.substr(blank);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    const std::string_view refuses = "docker refuses the whole file ('variable contains whitespaces')";
    if (first == "export") {
      if (eq != std::string_view::npos && quotable_name(rest)) {
        variable = std::string(rest);
        return fmt::format("'export' is shell syntax: {}; write {}=... without 'export'", refuses, rest);
      }
      return fmt::format("'export' is shell syntax: {}; write NAME=VALUE without 'export'", refuses);
    }
    if (eq != std::string_view::npos && rest.empty()) {
      if (quotable_name(first)) {
        variable = std::string(first);
        return fmt::format("space before '=' after {}: {}; write {}=VALUE with no spaces around '='", first, refuses,
                           first);
      }
      return fmt::format("space before '=': {}; write NAME=VALUE with no spaces around '='", refuses);
    }
    if (eq == std::string_view::npos)
      return fmt::format("line is not NAME=VALUE (no '=', and a space in the name): {}; write NAME=VALUE or make "
                         "it a '#' comment",
                         refuses);
    return fmt::format("variable name contains a space: {}; write NAME=VALUE with a name of letters, digits and "
                       "underscores",
                       refuses);
  }
  if (const std::size_t lead = py_lspace_bytes(line); lead > 0) {
    return "line starts with a non-ASCII space character: docker skips it, but awslint, shells and most other "
           "env-file readers do not; delete it";
  }
  // No blank in the name: docker passes the variable on as it is (or, without '=', looks the name up
  // in its own environment), but no AWS SDK reads such a name.
  if (eq == std::string_view::npos)
    return "line is not NAME=VALUE and its name is not a variable name: docker passes it on from its own "
           "environment, and the AWS CLI never reads it; write NAME=VALUE or make it a '#' comment";
  const bool quoted = name.size() >= 2 && (name.front() == '"' || name.front() == '\'');
  if (quoted)
    return "variable name is quoted: docker keeps the quotes in the name, so the AWS CLI never reads it; remove "
           "the quotes";
  return "variable name has characters other than letters, digits and underscores: docker passes it to the "
         "container as it is, but the AWS CLI never reads it; use a name such as AWS_REGION";
}

class InvalidEnvLine final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    if (!ws.env.enabled || ws.env.file.empty() || ws.env.bad_lines.empty()) return;
    // The environment keeps the numbers of the lines it could not take, not their text: read the
    // file again to say what is wrong (a plain file: --env-file refuses anything else).
    RealFileSystem fs;
    const FileData d = fs.read(ws.env.file, kMaxFileSize);
    std::vector<std::string_view> lines;
    if (d.status == ReadStatus::Ok) {
      std::string_view content(d.bytes);
      if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
      std::size_t pos = 0;
      while (pos <= content.size()) {
        std::size_t nl = content.find('\n', pos);
        if (nl == std::string_view::npos) nl = content.size();
        std::string_view l = content.substr(pos, nl - pos);
        if (l.ends_with('\r')) l.remove_suffix(1);
        lines.push_back(l);
        pos = nl + 1;
      }
    }
    for (const std::uint32_t n : ws.env.bad_lines) {
      std::string message, variable;
      if (n >= 1 && n <= lines.size()) {
        std::string_view l = lines[n - 1];
        while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
        message = describe(l, variable);
      } else {
        message = "line is not NAME=VALUE with a name of letters, digits and underscores: no variable is set; "
                  "write NAME=VALUE or make it a '#' comment";
      }
      Finding& f = out.report(Location{ws.env.file, n, 1}, std::move(message));
      f.variable = std::move(variable);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_env_line() { return std::make_unique<InvalidEnvLine>(); }

}  // namespace awslint
