// AWS010 inline-comment
#include <fmt/format.h>
#include <re2/re2.h>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS010",
    .name = "inline-comment",
    .severity = Severity::Warning,
    .summary = "value with ' #' or ' ;' text that the CLI keeps as part of the value",
    .doc = R"(## What it does
Reports a value that contains `#` or `;` after a space or tab (`region = us-east-1 # prod`), in
both files, sub-keys of nested blocks (`s3 =` followed by indented lines) included. The message
shows what the CLI reads and what was probably meant. A `#` with no space before it, as in
`sso_start_url = https://example.awsapps.com/start/#/`, is part of the value and is not reported;
neither is a `#` inside quotes in `credential_process`.

## Why is this bad?
The CLI reads the files with Python's configparser as botocore configures it: comments are whole
lines only (`#` or `;` first on the line). Text after a value is part of the value, so the region
above is `us-east-1 # prod`, which is no region at all, and a secret followed by a comment no
longer signs requests (`SignatureDoesNotMatch`). Other SDKs (Java, Rust, the JS SDK v3) do strip
such comments, so the same file can work in an application and fail in the CLI.

## Example
```ini
[profile dev]
region = eu-west-1  # Ireland
sso_start_url = https://example.awsapps.com/start ; the portal
```

## Use instead
```ini
[profile dev]
# Ireland
region = eu-west-1
# the portal
sso_start_url = https://example.awsapps.com/start
```
)",
    .security = false,
};

// Commands are split like a shell: a '#' inside quotes there is an argument, not a comment.
bool shell_command(std::string_view key) { return key == "credential_process" || key == "cli_pager"; }

// Whether byte `pos` of a shell command lies outside quotes (shlex's posix rules).
bool outside_quotes(std::string_view v, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = 0; i < pos && i < v.size(); ++i) {
    const char c = v[i];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
    } else if (c == '\\') {
      ++i;  // an escaped character (outside quotes or inside "...")
    } else if (quote == '"') {
      if (c == '"') quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    }
  }
  return quote == 0;
}

// Byte offset in `v` of the whitespace that starts an inline comment, or npos. A value that starts
// with the marker (`region = # todo`) had whitespace before it on the line: that counts too.
std::size_t comment_start(std::string_view v, bool command) {
  if (find_any(v, "#;") == std::string_view::npos) return std::string_view::npos;  // most values (sub-keys)
  static const RE2 re(R"((?:^|[ \t]+)[#;])");
  const re2::StringPiece input(v.data(), v.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < v.size() && re.Match(input, pos, v.size(), RE2::UNANCHORED, &m, 1)) {
    const auto start = static_cast<std::size_t>(m.data() - v.data());
    if (!command || outside_quotes(v, start)) return start;
    pos = start + m.size();
  }
  return std::string_view::npos;
}

// The key line's value, as a slice of the line (the first line of a value with continuations).
std::string_view value_on_line(const ParsedFile& pf, const Entry& e) {
  const std::string_view l = pf.line_text(e.line);
  std::string_view v = py_rstrip(l.substr(py_lspace_bytes(l)));
  v.remove_prefix(std::min(v.size(), find_delimiter(v) + 1));
  v.remove_prefix(py_lspace_bytes(v));
  return v;
}

class InlineComment final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (!f->ok()) continue;
      const ParsedFile& pf = *f->parsed;
      if (!(entry_line_traits(pf) & trait::kCommentMark)) continue;  // no '#' or ';' in any key or value
      for (const Section& s : pf.sections) {
        // Messages name the key and where it is; built only for a finding.
        auto where = [&] { return printable_excerpt(pf.str(s.name)); };
        for (const Entry* e = pf.begin(s); e != pf.end(s); ++e) {
          // A comment needs a '#' or ';' on the line (the lexer's traits): most entries have neither
          // that nor sub-keys, and are passed over without reading their key.
          const bool marked = !e->nested && (pf.traits_of(e->line) & trait::kCommentMark);
          if (!marked && !e->nested) continue;
          if (pf.kind_of(e->line) != LineKind::Key) continue;
          const std::string_view key = pf.str(e->key);
          if (marked)
            check_value(out, *f, e->line, key, value_on_line(pf, *e), shell_command(key),
                        [&] { return fmt::format("'{}' in section '[{}]'", printable_excerpt(key), where()); });
          for (const SubEntry& sub : pf.subs_of(*e)) {
            if (!(pf.traits_of(sub.line) & trait::kCommentMark)) continue;
            const std::string_view sub_key = pf.str(sub.key);
            check_value(out, *f, sub.line, sub_key, pf.str(sub.value), false, [&] {
              return fmt::format("'{}' of the nested block '{}' in section '[{}]'", printable_excerpt(sub_key),
                                 printable_excerpt(key), where());
            });
          }
        }
      }
    }
  }

 private:
  // `v` is a slice of line `line` of the file; `what()` names the key and where it is.
  template <typename What>
  static void check_value(Sink& out, const SourceFile& f, std::uint32_t line, std::string_view key,
                          std::string_view v, bool command, What what) {
    const std::size_t start = comment_start(v, command);
    if (start == std::string_view::npos) return;
    const std::string_view l = f.parsed->line_text(line);
    const std::size_t mark = find_any(v, "#;", start);
    const std::uint32_t col = column_of(l, static_cast<std::size_t>(v.data() - l.data()) + mark);
    const std::string_view meant = py_rstrip(v.substr(0, start));
    std::string msg;
    if (is_secret_key(key) || is_key_id_key(key)) {
      // Never the value: say where the comment starts.
      msg = fmt::format("{} has '{}' at column {}: the CLI has no inline comments and keeps it and the rest of the "
                        "line as part of the {} ({}); move the comment to a line of its own",
                        what(), v[mark], col, is_key_id_key(key) ? "access key id" : "secret",
                        is_key_id_key(key) ? "AWS rejects it: InvalidClientTokenId"
                                           : "requests fail with SignatureDoesNotMatch");
    } else {
      msg = fmt::format("{} is '{}': the CLI has no inline comments and reads all of it; write '{} ={}{}' and put "
                        "the comment on a line of its own",
                        what(), printable_excerpt(v), printable_excerpt(key), meant.empty() ? "" : " ",
                        printable_excerpt(meant));
    }
    Finding& x = out.report(at(f, line, col), std::move(msg));
    x.key = std::string(key);
  }
};

}  // namespace

std::unique_ptr<Rule> make_inline_comment() { return std::make_unique<InlineComment>(); }

}  // namespace awslint
