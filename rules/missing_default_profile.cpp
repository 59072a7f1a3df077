// AWS101 missing-default-profile
#include <fmt/format.h>

#include <string>

#include "chain.h"
#include "rule.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS101",
    .name = "missing-default-profile",
    .severity = Severity::Warning,
    .summary = "no default profile in either file, and the environment selects none",
    .doc = R"(## What it does
Reports when neither file defines the default profile: `[default]` in the credentials file, or
`[default]` / `[profile default]` in the config file. Sections that look like it but are not it
(`[Default]`, `[ default]`, `[profile default]` in the credentials file) are pointed out.

Nothing is reported when the linted environment selects a profile that exists (`--profile`,
`AWS_PROFILE`, `AWS_DEFAULT_PROFILE`), or when the environment alone supplies both credentials
(`AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, web identity or container variables) and a region,
as in CI: then the default profile is never needed. When neither file exists at all, the finding
says so, and names the errors the CLI gives that the environment does not answer (a region alone
still leaves "Unable to locate credentials"): `aws configure` creates both.

## Why is this bad?
Without `--profile` or `AWS_PROFILE`, the CLI uses the profile named `default`. When it does not
exist the CLI does not complain about it: it just finds no region (`You must specify a region`)
and no credentials (`Unable to locate credentials`), which does not point at the cause.

## Example
```ini
# ~/.aws/credentials
[work]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```

## Use instead
```ini
# ~/.aws/credentials
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```
or select the profile everywhere: `export AWS_PROFILE=work`.
)",
    .security = false,
};

// The region the environment gives (AWS_REGION, then AWS_DEFAULT_REGION), if any.
bool environment_region(const Workspace& ws) {
  const EnvVar* region = ws.env.get("AWS_REGION");
  if (!region) region = ws.env.get("AWS_DEFAULT_REGION");
  return region && !region->value.empty();
}

// The environment alone gives the CLI credentials (keys, web identity or container variables).
bool environment_credentials(const Workspace& ws, const Selection& sel) {
  if (sel.source != Selection::Source::Default) return false;
  const CredentialSource c = resolve_credentials(ws, sel);
  if (!c.ok()) return false;
  return (c.type == CredentialType::Env || c.type == CredentialType::ContainerRole ||
          c.type == CredentialType::AssumeRoleWithWebIdentity) &&
         c.origin.var != nullptr;
}

// The CLI's errors when no file exists, as far as the environment does not answer them.
std::string what_fails(bool region, bool credentials) {
  if (region) return "commands fail with \"Unable to locate credentials\" (the environment gives only a region)";
  if (credentials) return "commands fail with \"You must specify a region\" (the environment gives only credentials)";
  return "commands fail with \"Unable to locate credentials\" and \"You must specify a region\"";
}

class MissingDefaultProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    if (ws.defined("default")) return;
    const Selection sel = ws.selected();
    if (sel.source != Selection::Source::Default && ws.defined(sel.name)) return;
    const bool env_region = environment_region(ws);
    const bool env_credentials = environment_credentials(ws, sel);
    if (env_region && env_credentials) return;  // as in CI: no profile is needed

    const bool config_missing = ws.config.status == ReadStatus::Missing;
    const bool credentials_missing = ws.credentials.status == ReadStatus::Missing;
    if (!ws.config.ok() && !ws.credentials.ok()) {
      // Unreadable files are AWS006's; here only the plain absence of both.
      if (!config_missing || !credentials_missing) return;
      const std::string_view cfg = ws.config.display.empty() ? std::string_view("~/.aws/config") : ws.config.display;
      const std::string_view crd =
          ws.credentials.display.empty() ? std::string_view("~/.aws/credentials") : ws.credentials.display;
      Finding& f = out.report(
          ws.config.display.empty() ? Location{} : at(ws.config, 0, 0),
          fmt::format("neither a config file ('{}') nor a credentials file ('{}') exists, so the CLI has no default "
                      "profile and no profiles at all: {}; run 'aws configure' to create both with a [default] profile",
                      cfg, crd, what_fails(env_region, env_credentials)));
      f.profile = "default";
      f.has_profile = true;
      return;
    }

    std::string message = "no default profile: the config file has neither '[default]' nor '[profile default]' and "
                          "the credentials file has no '[default]'";
    if (!ws.config.ok()) message = "no default profile: the credentials file has no '[default]' and there is no config file";
    else if (!ws.credentials.ok())
      message = "no default profile: the config file has neither '[default]' nor '[profile default]' and there is no "
                "credentials file";
    message += ", so commands run without --profile or AWS_PROFILE get no region and no credentials from the files";
    const auto misses = Suggestions(ws).near_miss_sections("default");
    for (const NearMiss& m : misses) message += "; " + m.advice;
    if (sel.source != Selection::Source::Default)
      message += fmt::format(" ({} names '{}', which does not exist either)", source_name(sel.source), printable(sel.name));
    if (misses.empty()) {
      std::vector<std::string> names;
      for (const Profile& p : ws.profiles()) {
        if (p.credentials && !p.config && p.name.starts_with("profile ")) continue;
        names.push_back(fmt::format("'{}'", printable(p.name)));
      }
      if (names.size() == 1)
        message += fmt::format("; name the profile you use most '[default]', or select {} with AWS_PROFILE", names[0]);
      else if (!names.empty())
        message += fmt::format("; add a '[default]' section, or always select one of the {} profiles with --profile "
                               "or AWS_PROFILE",
                               names.size());
      else
        message += "; add a '[default]' section ('aws configure' writes one)";
    }
    const SourceFile& where = ws.config.ok() ? ws.config : ws.credentials;
    Finding& f = out.report(at(where, 0, 0), std::move(message));
    for (const NearMiss& m : misses) f.related.push_back({at_section(*m.file, *m.section), "not the default profile"});
    f.profile = "default";
    f.has_profile = true;
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_default_profile() { return std::make_unique<MissingDefaultProfile>(); }

}  // namespace awslint
