// AWS012 quoted-value
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS012",
    .name = "quoted-value",
    .severity = Severity::Warning,
    .summary = "value wrapped in quotes, which the CLI keeps",
    .doc = R"(## What it does
Reports a value wrapped in quotes (`"..."` or `'...'`, possibly followed by a stray `;` or `,`) for a
key the CLI reads: profile and sso-session keys, credentials and the sub-keys of nested blocks.
Keys whose values the CLI splits like a shell command (`credential_process`, `cli_pager`) are not
reported: quotes there group words and are removed. Keys of other tools are left alone.

## Why is this bad?
configparser keeps quotes as part of the value. `region = "us-east-1"` makes the region
`"us-east-1"` (with the quotes), so every request goes to an endpoint that does not exist; a quoted
access key id is rejected (`InvalidClientTokenId`) and a quoted secret makes every signature wrong
(`SignatureDoesNotMatch`). Shell and `.env` habits make this an easy mistake.

## Example
```ini
[profile dev]
region = "eu-west-1"
output = 'json'
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

// What a quoted value does, for the keys where it is worth saying.
std::string_view consequence(std::string_view key) {
  if (key == "region" || key == "sso_region") return ", so requests go to an endpoint that does not exist";
  if (is_key_id_key(key)) return ", which AWS rejects (InvalidClientTokenId)";
  if (key == "aws_session_token" || key == "aws_security_token")
    return ", which AWS rejects (\"The security token included in the request is invalid\")";
  if (is_secret_key(key)) return ", so every signature is wrong (SignatureDoesNotMatch)";
  return "";
}

}  // namespace

namespace {

class QuotedValue final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (!f->ok()) continue;
      const ParsedFile& pf = *f->parsed;
      if (!(entry_line_traits(pf) & trait::kQuote)) continue;  // no quote in any key or value
      for (const Section& s : pf.sections) {
        auto where = [&] { return printable_excerpt(pf.str(s.name)); };  // for messages only
        for (const Entry* e = pf.begin(s); e != pf.end(s); ++e) {
          // A value in quotes has a quote on its line (the lexer's traits): most lines have none.
          if (e->nested) {
            for (const SubEntry& sub : pf.subs_of(*e)) {
              if (!(pf.traits_of(sub.line) & trait::kQuote)) continue;  // the sub-value is a slice of its line
              const std::string_view key = pf.str(e->key);
              const std::string_view sub_key = pf.str(sub.key);
              check_value(out, *f, sub.line, sub_key, sub.value, pf, [&] {
                return fmt::format("'{}' of the nested block '{}' in section '[{}]'", printable_excerpt(sub_key),
                                   printable_excerpt(key), where());
              });
            }
          } else if (!e->has_continuation && is_cli_key(e->key_id) && e->key_id != Key::credential_process &&
                     e->key_id != Key::cli_pager && (pf.traits_of(*e) & trait::kQuote)) {
            const std::string_view key = pf.str(e->key);
            check_value(out, *f, e->line, key, e->value, pf,
                        [&] { return fmt::format("'{}' in section '[{}]'", key, where()); });  // a known key
          }
        }
      }
    }
  }

 private:
  template <typename What>
  static void check_value(Sink& out, const SourceFile& f, std::uint32_t line, std::string_view key, Str value,
                          const ParsedFile& pf, What what) {
    // The whole value in one kind of quotes, maybe followed by a stray ';' or ',' (shell and code habits).
    static const RE2 re(R"re(^(?:"([^"]*)"|'([^']*)')\s*([;,]?)$)re");
    const std::string_view v = pf.str(value);
    // The regex only matches a value that starts with a quote: most values are skipped here.
    if (v.size() < 2 || (v[0] != '"' && v[0] != '\'')) return;
    re2::StringPiece dq, sq, tail;
    if (!RE2::FullMatch(re2::StringPiece(v.data(), v.size()), re, &dq, &sq, &tail)) return;
    const std::string_view inner = dq.data() ? std::string_view(dq.data(), dq.size()) : std::string_view(sq.data(), sq.size());
    const std::string_view trailer(tail.data(), tail.size());
    const std::string_view l = pf.line_text(line);
    std::uint32_t col = 1;
    if (!(value.off & Str::kArena))
      col = column_of(l, value.off - pf.lines[line - 1].off);
    const std::string quoted = trailer.empty() ? std::string("wrapped in quotes")
                                               : fmt::format("wrapped in quotes and followed by '{}'", trailer);
    std::string msg;
    if (is_secret_key(key)) {
      msg = fmt::format("{} is {}, which the CLI keeps as part of the secret{}; remove the quotes", what(), quoted,
                        consequence(key));
    } else {
      const std::string shown = is_key_id_key(key) ? mask_key_id(inner) : printable_excerpt(inner);
      const std::string_view q = v.substr(0, 1);
      msg = fmt::format("{} is {}, which the CLI keeps: it reads '{}{}{}{}'{}; write '{} = {}'", what(), quoted, q, shown,
                        q, trailer, consequence(key), printable_excerpt(key), shown);
    }
    Finding& x = out.report(at(f, line, col), std::move(msg));
    x.key = std::string(key);
  }
};

}  // namespace

std::unique_ptr<Rule> make_quoted_value() { return std::make_unique<QuotedValue>(); }

}  // namespace awslint
