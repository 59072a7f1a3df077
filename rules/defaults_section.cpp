// AWS017 defaults-section
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS017",
    .name = "defaults-section",
    .severity = Severity::Warning,
    .summary = "[DEFAULT] section whose keys the CLI copies into every section of the file",
    .doc = R"(## What it does
Reports a `[DEFAULT]` section (upper case) that holds keys, in either file. It is an error when
those keys include credentials (`aws_access_key_id`, `aws_secret_access_key`, a session token),
a warning otherwise. The message lists the keys and the sections that inherit them.

## Why is this bad?
`[DEFAULT]` is not the AWS default profile (`[default]`, lower case): it is Python configparser's
defaults section, and configparser copies its keys into **every other section of the same
file** that does not set them itself: profiles, sso-sessions, `[plugins]` alike. A region put
there silently applies to every profile. Credentials put there make every profile of the file
authenticate as the same identity unless it sets its own keys, including profiles meant to
assume a role or use SSO. If the file has no other section the keys are never used at all, and
there is still no default profile.

## Example
```ini
# ~/.aws/credentials
[DEFAULT]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
```

## Use instead
```ini
# ~/.aws/credentials
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
```
)",
    .security = true,
};

bool credential_key(std::string_view k) {
  return is_key_id_key(k) || k == "aws_secret_access_key" || k == "aws_session_token" || k == "aws_security_token";
}

// "a, b and c" (at most `max` items, then "and N more").
std::string list(const std::vector<std::string>& items, std::size_t max = 5) {
  std::string out;
  const std::size_t n = std::min(items.size(), max);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += (i + 1 == n && items.size() <= max) ? " and " : ", ";
    out += items[i];
  }
  if (items.size() > max) out += fmt::format(" and {} more", items.size() - max);
  return out;
}

class DefaultsSection final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    for (const SourceFile* f : {&ws.config, &ws.credentials}) {
      if (!f->ok()) continue;
      const ParsedFile& pf = *f->parsed;
      for (std::uint32_t di : pf.defaults_sections) check_section(*f, pf.sections[di], out);
    }
  }

 private:
  static void check_section(const SourceFile& f, const Section& d, Sink& out) {
    const ParsedFile& pf = *f.parsed;
    if (d.n_entries == 0) return;
    std::vector<std::string> keys, creds;
    for (const Entry* e = pf.begin(d); e != pf.end(d); ++e) {
      if (e->duplicate) continue;
      const std::string_view k = pf.str(e->key);
      keys.push_back(printable_excerpt(k));
      if (credential_key(k)) creds.push_back(printable_excerpt(k));
    }
    // The sections that inherit at least one key.
    std::vector<std::string> heirs;
    for (const Section& s : pf.sections) {
      if (s.is_defaults || s.duplicate) continue;
      if (s.n_entries < keys.size()) {  // it cannot set every key itself
        heirs.push_back(fmt::format("'[{}]'", printable_excerpt(pf.str(s.name))));
        continue;
      }
      for (const Entry* e = pf.begin(d); e != pf.end(d); ++e) {
        if (e->duplicate) continue;
        const Entry* own = pf.find(s, pf.str(e->key));
        if (own == e) {
          heirs.push_back(fmt::format("'[{}]'", printable_excerpt(pf.str(s.name))));
          break;
        }
      }
    }
    const std::string inherit =
        heirs.empty() ? std::string("no other section of the file inherits them, so they are never used")
                      : fmt::format("configparser copies them into every other section of this file that does not "
                                    "set them itself ({})",
                                    list(heirs));
    std::string msg;
    if (!creds.empty() && !heirs.empty()) {
      msg = fmt::format("section '[DEFAULT]' is not the default profile and holds {}: {}, so each of these profiles "
                        "uses these credentials unless it sets its own; write '[default]' for the default profile",
                        list(creds), inherit);
    } else {
      msg = fmt::format("section '[DEFAULT]' is not the default profile ('[default]', lower case) but configparser's "
                        "defaults, holding {}: {}; write '[default]' for the default profile{}",
                        list(keys), inherit,
                        heirs.empty() ? "" : ", or set the keys in the profiles that need them");
    }
    const Severity sev = !creds.empty() && !heirs.empty() ? Severity::Error : Severity::Warning;
    out.report(at_section(f, d), std::move(msg), sev);
  }
};

}  // namespace

std::unique_ptr<Rule> make_defaults_section() { return std::make_unique<DefaultsSection>(); }

}  // namespace awslint
