// AWS401 env-shadows-profile
#include <fmt/format.h>

#include "chain.h"
#include "rule.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS401",
    .name = "env-shadows-profile",
    .severity = Severity::Warning,
    .summary = "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY silently win over the profile's credentials",
    .doc = R"(## What it does
Reports `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` set in the environment while the profile the
CLI would use, chosen by `AWS_PROFILE`, `AWS_DEFAULT_PROFILE` or as `default`, has credentials of
its own: static keys, a role to assume, SSO, `credential_process` or web identity. The finding is
at the variable and points at the credentials it hides. Not reported with `--profile NAME`, which
takes the environment out of the chain.

## Why is this bad?
The environment is the first provider of botocore's credential chain, and the first provider that
answers wins. Setting `AWS_PROFILE=prod` does **not** change that: with keys in the environment the
CLI runs as whoever those keys belong to, and says nothing. The profile's region and output still
apply, so the command looks as if it used the profile. Typical results are commands that act on
the wrong account, or `AccessDenied` for a role that the profile would have assumed. Leftover
variables from an earlier `export` or from a CI job's secrets are the usual cause. Only an explicit
`--profile` takes the environment keys out of the chain.

## Example
```sh
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_PROFILE=prod   # ignored for credentials: the keys above win
aws s3 ls
```

## Use instead
```sh
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
export AWS_PROFILE=prod
aws s3 ls            # or: aws --profile prod s3 ls
```
)",
    .security = true,
};

class EnvShadowsProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    if (!ws.env.enabled || ws.ctx.profile_flag) return;  // --profile removes the environment provider
    const EnvVar* id = ws.env.get("AWS_ACCESS_KEY_ID");
    const EnvVar* secret = ws.env.get("AWS_SECRET_ACCESS_KEY");
    // Both must be non-empty for the environment provider to answer (else AWS402).
    if (!id || id->value.empty() || !secret || secret->value.empty()) return;
    const Selection sel = ws.selected();
    if (!ws.defined(sel.name)) return;  // AWS101/AWS102
    // What the CLI would use without the environment keys.
    const CredentialSource cs = resolve_credentials(ws, sel.name, /*env_provider_enabled=*/false);
    // The profile's own setting that would answer: its role_arn for a role (not the source's keys).
    std::optional<Value> own = cs.origin.value;
    if (cs.type == CredentialType::AssumeRole && !cs.hops.empty() && cs.hops.front().role_arn.value)
      own = cs.hops.front().role_arn.value;
    if (!cs.located() || !own) return;  // nothing of the profile's own (or broken: AWS103 ...)
    const Value& shadowed = *own;
    const std::string chosen =
        sel.source == Selection::Source::Default ? std::string("used when no profile is selected")
                                                 : fmt::format("selected by {}", source_name(sel.source));
    std::string what;
    switch (cs.type) {
      case CredentialType::SharedCredentialsFile:
      case CredentialType::ConfigFile:
        what = cs.key_id.empty() ? std::string("the access key") : fmt::format("the access key {}", cs.key_id);
        break;
      case CredentialType::AssumeRole: what = "the role"; break;
      case CredentialType::AssumeRoleWithWebIdentity: what = "the web-identity role"; break;
      case CredentialType::Sso: what = "the SSO credentials"; break;
      case CredentialType::CustomProcess: what = "the credential_process"; break;
      default: what = "the credentials"; break;
    }
    const std::string name = printable(sel.name);
    const char* file_kind = shadowed.file && shadowed.file->kind == FileKind::Credentials ? "credentials" : "config";
    Finding& f = out.report(
        at_var(ws, *id),
        fmt::format("AWS_ACCESS_KEY_ID ({}) and AWS_SECRET_ACCESS_KEY are set: the CLI silently uses them instead of "
                    "{} of profile '{}' ({}; {} file, line {}); unset them, or run with --profile {}",
                    mask_key_id(id->value), what, name, chosen, file_kind, shadowed.line, name));
    f.variable = "AWS_ACCESS_KEY_ID";
    f.profile = std::string(sel.name);
    f.has_profile = true;
    f.key = std::string(shadowed.key);
    f.affects = at(shadowed);
    f.related.push_back({at(shadowed), fmt::format("the credentials of profile '{}' that are not used", name)});
    if (secret->line) f.related.push_back({at_var(ws, *secret), "AWS_SECRET_ACCESS_KEY is set here"});
    if (sel.var && sel.var->line)
      f.related.push_back({at_var(ws, *sel.var), fmt::format("{} selects profile '{}' here", sel.var->name, name)});
  }
};

}  // namespace

std::unique_ptr<Rule> make_env_shadows_profile() { return std::make_unique<EnvShadowsProfile>(); }

}  // namespace awslint
