// AWS104 no-credentials
#include <fmt/format.h>

#include "chain.h"
#include "rule.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS104",
    .name = "no-credentials",
    .severity = Severity::Warning,
    .summary = "the profile the CLI would use has no credential source: 'Unable to locate credentials'",
    .doc = R"(## What it does
Runs the CLI's credential provider chain, offline, for the profile the CLI would use (`--profile`,
then `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE`, then `default`): environment keys (not with an
explicit `--profile`), assume role, web identity, SSO, the credentials file, `credential_process`,
keys in the config file, container credentials. When none of them has anything, the finding is
reported at the profile's section header (or at the config file when there is no such section).

A chain that is configured but broken (a key id without its secret, an undefined
`source_profile`, a profile that does not exist) is left to the rules that explain the break:
AWS102, AWS103, AWS402.

## Why is this bad?
With nothing to find, the last thing the CLI tries is the EC2 instance metadata service. On a
laptop or in CI that means a wait for the metadata service to time out, then `Unable to locate
credentials. You can configure credentials by running "aws configure".` It only works where an
instance role or container credentials exist; with `AWS_EC2_METADATA_DISABLED=true` it never works.

## Example
```ini
# ~/.aws/config
[profile dev]
region = eu-west-1
```

## Use instead
```ini
# ~/.aws/config
[profile dev]
region = eu-west-1
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Developer

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
```
)",
    .security = true,
};

class NoCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    const Selection sel = ws.selected();
    const CredentialSource c = resolve_credentials(ws, sel);
    if (!c.ok() || c.located()) return;
    const Profile* p = ws.profile(sel.name);
    const std::string name = printable(sel.name);

    std::string who;
    switch (sel.source) {
      case Selection::Source::Flag: who = fmt::format("profile '{}' (selected by --profile)", name); break;
      case Selection::Source::AwsProfile:
      case Selection::Source::AwsDefaultProfile:
        who = fmt::format("profile '{}' (selected by {})", name, source_name(sel.source));
        break;
      case Selection::Source::Default: who = p ? fmt::format("profile '{}'", name) : std::string(); break;
    }
    std::string message =
        who.empty() ? std::string("no profile is selected and there is no default profile, and the environment has no "
                                  "AWS_ACCESS_KEY_ID")
                    : fmt::format("{} has no credentials: no access keys, role, SSO, credential_process or web "
                                  "identity in either file{}",
                                  who,
                                  sel.source == Selection::Source::Flag
                                      ? std::string()
                                      : std::string(", and the environment has no AWS_ACCESS_KEY_ID"));
    if (sel.source == Selection::Source::Flag && ws.env.get("AWS_ACCESS_KEY_ID"))
      message += " (--profile makes the CLI ignore the environment's AWS_ACCESS_KEY_ID)";
    if (c.instance_metadata_disabled)
      message += ": the CLI fails with \"Unable to locate credentials\" (AWS_EC2_METADATA_DISABLED=true rules out an "
                 "instance role)";
    else
      message += ": the CLI will say \"Unable to locate credentials\" unless it runs where instance or container "
                 "credentials exist";
    if (p || !who.empty())
      message += fmt::format("; add aws_access_key_id and aws_secret_access_key to '[{}]' in the credentials file "
                             "('aws configure --profile {}'), or configure SSO or a role",
                             name, name);
    else
      message += "; run 'aws configure' to create a default profile, or select a profile with --profile or AWS_PROFILE";

    Location loc;
    if (p && p->config) loc = at_section(*p->config_file, *p->config);
    else if (p && p->credentials) loc = at_section(*p->credentials_file, *p->credentials);
    else if (ws.config.ok()) loc = at(ws.config, 0, 0);
    else if (ws.credentials.ok()) loc = at(ws.credentials, 0, 0);
    Finding& f = out.report(loc, std::move(message));
    f.profile = std::string(sel.name);
    f.has_profile = p != nullptr || sel.source != Selection::Source::Default;
    if (sel.var) {
      f.variable = sel.var->name;
      if (sel.var->line) f.related.push_back({at_var(ws, *sel.var), "the profile is selected here"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_no_credentials() { return std::make_unique<NoCredentials>(); }

}  // namespace awslint
