// AWS011 indented-continuation
#include <fmt/format.h>
#include <re2/re2.h>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS011",
    .name = "indented-continuation",
    .severity = Severity::Error,
    .summary = "indented line that the CLI appends to the previous value",
    .doc = R"(## What it does
Reports an indented line that the CLI does not read as a line of its own but appends to the value
of the key above it: a line indented deeper than the line of that key, after a key whose value is
not empty. It names the key that swallows the line and shows the value the CLI ends up with.

A real nested block is not reported: a key with an empty value (`s3 =`, `s3api =`) followed by
indented `key = value` lines is how the CLI's sub-keys are written.

## Why is this bad?
configparser treats any line indented deeper than the key above it as a continuation of that
value, whatever the line holds. `  output = json` under `region = us-east-1` does not set the
output: it makes the region `us-east-1\noutput = json`, so every call fails with an invalid
endpoint. An indented `[profile x]` is not a section header either: no profile `x` exists and
the keys after it belong to the section above. An indented secret makes the key above it
include a line break and the secret goes missing.

## Example
```ini
[default]
region = us-east-1
  output = json
```

## Use instead
```ini
[default]
region = us-east-1
output = json
```
)",
    .security = false,
};

class IndentedContinuation final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (!f->ok()) continue;
      const ParsedFile& pf = *f->parsed;
      for (const Section& s : pf.sections) {
        for (const Entry* e = pf.begin(s); e != pf.end(s); ++e)
          if (e->has_continuation && !e->nested) check_entry(out, *f, s, *e);
      }
    }
  }

 private:
  static void check_entry(Sink& out, const SourceFile& f, const Section& s, const Entry& e) {
    // `name = value` or `name: value` (not `arn:aws:...` or `https://...`, which wrapped values hold).
    static const RE2 key_like(R"(^([A-Za-z_][A-Za-z0-9_.\-]*)\s*(?:=|:\s|:$))");
    static const RE2 header_like(R"(^\[(.+)\])");
    const ParsedFile& pf = *f.parsed;
    const std::string_view key = pf.str(e.key);
    const bool hidden = is_secret_key(key) || is_key_id_key(key);
    const std::string section = printable_excerpt(pf.str(s.name));
    const std::string k = printable_excerpt(key);
    for (std::uint32_t line = e.line + 1; line <= e.end_line; ++line) {
      if (pf.kind_of(line) != LineKind::Continuation) continue;
      const std::string_view l = pf.line_text(line);
      const std::size_t lead = py_lspace_bytes(l);
      const std::string_view text = py_rstrip(l.substr(lead));
      re2::StringPiece name;
      std::string what;
      std::string_view fix = "remove the indentation";
      if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), header_like, &name)) {
        what = fmt::format("this indented line is no section header: the CLI appends it to the value of '{}' (line "
                           "{}) in section '[{}]', so no section '[{}]' starts here and the keys after it belong to "
                           "'[{}]'",
                           k, e.line, section, printable_excerpt(std::string_view(name.data(), name.size())), section);
      } else if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), key_like, &name)) {
        const std::string lost = py_lower(std::string_view(name.data(), name.size()));
        what = fmt::format("this indented line is no key of its own: the CLI appends it to the value of '{}' (line {}) "
                           "in section '[{}]', so '{}' is never set",
                           k, e.line, section, printable_excerpt(lost));
      } else if (key == "credential_process") {
        // The command is split like a shell, where a line break separates words: it still works.
        continue;
      } else {
        what = fmt::format("this indented line continues the value of '{}' (line {}) in section '[{}]'", k, e.line,
                           section);
        fix = "join it to the line above";
      }
      const std::string reads =
          hidden ? fmt::format("the {} then holds a line break and this text",
                               is_key_id_key(key) ? "access key id" : "secret")
                 : fmt::format("the CLI reads {} as '{}'", k, printable_excerpt(pf.str(e.value)));
      Finding& x = out.report(at(f, line, static_cast<std::uint32_t>(code_points(l.substr(0, lead)) + 1)),
                              fmt::format("{}; {}; {}", what, reads, fix));
      x.related.push_back({at(f, e.line, e.key_col), fmt::format("'{}' starts here", k)});
      x.key = std::string(key);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_indented_continuation() { return std::make_unique<IndentedContinuation>(); }

}  // namespace awslint
