// AWS201 expired-credentials
#include <fmt/format.h>
#include <re2/re2.h>

#include <set>
#include <utility>

#include "rule.h"
#include "text.h"
#include "timeutil.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS201",
    .name = "expired-credentials",
    .severity = Severity::Error,
    .summary = "expiry timestamp in the past: the CLI will fail with ExpiredToken",
    .doc = R"(## What it does
Reads the expiry timestamps that temporary-credential tools write next to the keys they store, and
compares them with the current time (or `--now`):

| key or variable | written by |
|---|---|
| `aws_expiration` | aws-azure-login |
| `x_security_token_expires` | saml2aws, gimme-aws-creds |
| `aws_session_expiration` | aws-google-auth, gsts |
| `aws_credential_expiration` | aws-export-credentials |
| `expiration` | aws-mfa, awsume |
| `AWS_CREDENTIAL_EXPIRATION` (environment) | the SDKs' standard variable, `aws configure export-credentials` |

An error when the time has passed, a warning when it comes within `--expiry-window` (default 15
minutes). Timestamps are ISO 8601 / RFC 3339: `2026-01-01T00:00:00Z`, `…+00:00`, `…+0000`,
fractions of a second, a space instead of `T`; a timestamp without a zone is read as UTC (awsume
writes local time). A value that cannot be read is a warning in a profile and an error in
`AWS_CREDENTIAL_EXPIRATION`, where the CLI itself parses it, with dateutil: awslint reads it the
same way (`2099-01-01 00:00:00 UTC` and `20990101T000000Z` are fine too) and leaves alone the forms
dateutil reads and awslint does not (month names). The environment variable is checked
only when the CLI would use the environment keys (`AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`
set, no `--profile`).

## Why is this bad?
The SDKs never read the keys in the files: they send the stored session token until AWS answers
`ExpiredToken` ("The security token included in the request is expired"), usually in the middle of
a script. The tool that wrote the keys has to be run again. `AWS_CREDENTIAL_EXPIRATION` is read by
the CLI: a time in the past makes every command fail before any request ("Credentials were
refreshed, but the refreshed credentials are still expired"), a value it cannot parse fails with
"Unknown string format", and a value **without a time zone** fails with "can't subtract
offset-naive and offset-aware datetimes".

## Example
```ini
[dev]
aws_access_key_id = ASIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws_session_token = IQoJb3JpZ2luX2VjEXAMPLETOKEN
aws_expiration = 2021-06-28T07:11:02.000Z
```

## Use instead
Get fresh credentials (`aws-azure-login --profile dev`, `saml2aws login`, …), or move the profile
to `credential_process` or SSO, which the CLI refreshes by itself:
```ini
[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
```
)",
    .security = true,
};

constexpr Key kKeys[] = {Key::aws_expiration, Key::x_security_token_expires, Key::aws_session_expiration,
                         Key::aws_credential_expiration, Key::expiration};

bool quoted(std::string_view v) {
  return v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front();
}

class ExpiredCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Workspace& ws, Sink& out) const override {
    check_env(ws, out);
    // Every profile, in both files: an expired session is worth knowing about before it is selected.
    auto any_key = [](const SourceFile& f) {
      if (!f.ok()) return false;
      for (const Key k : kKeys)
        if (f.parsed->has_key(k)) return true;
      return false;
    };
    if (!any_key(ws.config) && !any_key(ws.credentials)) return;  // most files: no expiration at all
    std::set<std::pair<const SourceFile*, std::uint32_t>> seen;  // [DEFAULT] values are shared
    for (const Profile& p : ws.profiles()) {
      for (const Key key : kKeys) {
        for (const auto& v : {p.get_credentials(key), p.get_config(key)}) {
          if (!v || !seen.emplace(v->file, v->line).second) continue;
          check_value(ws, p, *v, out);
        }
      }
    }
  }

 private:
  void check_value(const Workspace& ws, const Profile& p, const Value& v, Sink& out) const {
    const std::string name = printable(p.name);
    const std::string where = v.from_defaults ? " (and the file's other profiles, through [DEFAULT])" : "";
    const auto t = parse_timestamp(v.text);
    Finding* f = nullptr;
    if (!t) {
      f = &out.report(at_value(v),
                      fmt::format("{} of profile '{}'{} is not an ISO 8601 timestamp{}: awslint cannot tell whether "
                                  "its credentials have expired; write it as 2026-01-01T00:00:00Z",
                                  v.key, name, where, quoted(v.text) ? " (the quotes are part of the value)" : ""),
                      Severity::Warning);
    } else {
      const std::int64_t left = *t - static_cast<std::int64_t>(ws.ctx.now);
      if (left <= 0) {
        f = &out.report(at_value(v),
                        fmt::format("the credentials of profile '{}'{} expired {} ago ({} = {}): AWS rejects them "
                                    "with ExpiredToken; get new ones with the tool that wrote them, or remove the "
                                    "stale keys",
                                    name, where, format_span(left), v.key, format_timestamp(*t)));
      } else if (left <= ws.ctx.expiry_window_seconds) {
        f = &out.report(at_value(v),
                        fmt::format("the credentials of profile '{}'{} expire in {} ({} = {}): commands will start "
                                    "failing with ExpiredToken; refresh them now",
                                    name, where, format_span(left), v.key, format_timestamp(*t)),
                        Severity::Warning);
      }
    }
    if (!f) return;
    f->profile = std::string(p.name);
    f->has_profile = true;
    f->key = std::string(v.key);
    if (const auto id = p.get(Key::aws_access_key_id); id && id->file == v.file)
      f->related.push_back({at(*id), fmt::format("the access key {} these credentials belong to",
                                                 mask_key_id(id->text))});
  }

  void check_env(const Workspace& ws, Sink& out) const {
    if (!ws.env.enabled || ws.ctx.profile_flag) return;  // --profile: the environment is not asked
    const EnvVar* exp = ws.env.get("AWS_CREDENTIAL_EXPIRATION");
    const EnvVar* id = ws.env.get("AWS_ACCESS_KEY_ID");
    const EnvVar* secret = ws.env.get("AWS_SECRET_ACCESS_KEY");
    // botocore reads the variable only once the environment provider has both keys (else AWS402),
    // and an empty value counts as unset.
    if (!exp || exp->value.empty() || !id || id->value.empty() || !secret || secret->value.empty()) return;
    // As the CLI's dateutil reads it (read_expiry); what awslint cannot read it does not judge.
    const ExpiryReading rd = read_expiry(exp->value);
    if (rd.kind == ExpiryReading::Kind::Unknown) return;
    const std::optional<std::int64_t> t = rd.at;
    Finding* f = nullptr;
    if (rd.kind == ExpiryReading::Kind::Rejected) {
      f = &out.report(at_var(ws, *exp),
                      fmt::format("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 timestamp{}: every CLI command fails "
                                  "(\"{}\") before it sends a request; write it as 2026-01-01T00:00:00Z, or unset it",
                                  quoted(exp->value) ? " (docker --env-file keeps the quotes)" : "", rd.error));
    } else if (rd.kind == ExpiryReading::Kind::Naive) {
      f = &out.report(at_var(ws, *exp),
                      "AWS_CREDENTIAL_EXPIRATION has no time zone: every CLI command fails (\"can't subtract "
                      "offset-naive and offset-aware datetimes\"); add one, e.g. 2026-01-01T00:00:00Z");
    } else {
      const std::int64_t left = *t - static_cast<std::int64_t>(ws.ctx.now);
      if (left <= 0) {
        f = &out.report(at_var(ws, *exp),
                        fmt::format("the environment credentials (AWS_ACCESS_KEY_ID {}) expired {} ago "
                                    "(AWS_CREDENTIAL_EXPIRATION = {}): every CLI command fails (\"Credentials were "
                                    "refreshed, but the refreshed credentials are still expired\"); export fresh "
                                    "credentials, or unset the AWS_* keys to use a profile",
                                    mask_key_id(id->value), format_span(left), format_timestamp(*t)));
      } else if (left <= ws.ctx.expiry_window_seconds) {
        f = &out.report(at_var(ws, *exp),
                        fmt::format("the environment credentials (AWS_ACCESS_KEY_ID {}) expire in {} "
                                    "(AWS_CREDENTIAL_EXPIRATION = {}): commands will start failing then; export "
                                    "fresh credentials now",
                                    mask_key_id(id->value), format_span(left), format_timestamp(*t)),
                        Severity::Warning);
      }
    }
    if (!f) return;
    f->variable = "AWS_CREDENTIAL_EXPIRATION";
    if (id->line) f->related.push_back({at_var(ws, *id), "the access key these credentials belong to"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_expired_credentials() { return std::make_unique<ExpiredCredentials>(); }

}  // namespace awslint
