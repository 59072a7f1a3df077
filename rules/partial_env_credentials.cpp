// AWS402 partial-env-credentials
#include <fmt/format.h>

#include "chain.h"
#include "rule.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS402",
    .name = "partial-env-credentials",
    .severity = Severity::Error,
    .summary = "AWS_ACCESS_KEY_ID without AWS_SECRET_ACCESS_KEY (or the reverse)",
    .doc = R"(## What it does
Checks the pair of environment variables the CLI reads first for credentials. An error when
`AWS_ACCESS_KEY_ID` is set (not empty) and `AWS_SECRET_ACCESS_KEY` is missing or empty; a warning
when only `AWS_SECRET_ACCESS_KEY` is set, or `AWS_ACCESS_KEY_ID` is set but empty. Nothing is
reported when the CLI runs with `--profile`, which takes the environment provider out of the chain.

## Why is this bad?
botocore's environment provider starts as soon as `AWS_ACCESS_KEY_ID` is not empty, and then
requires the secret: without it every command fails with `PartialCredentialsError` ("Partial
credentials found in env, missing: AWS_SECRET_ACCESS_KEY"), even when a profile has perfectly good
credentials. The reverse is quieter and worse: a secret without a key id (or with an empty key id)
is ignored, the CLI goes on to the files and runs with **another identity** than the one the
environment was meant to give, usually the `default` profile's. A half-set pair is typically a CI
secret that did not resolve, or an `unset` that missed one of the two variables.

## Example
```sh
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
# AWS_SECRET_ACCESS_KEY was never exported
```

## Use instead
```sh
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```
or neither variable, and a profile (`AWS_PROFILE=dev`) with its keys in `~/.aws/credentials`.
)",
    .security = true,
};

// Where the files would take credentials from, for `affects` and the message.
struct Fallback {
  std::optional<Location> where;
  std::string what;  // "the credentials of profile 'dev' (shared-credentials-file)"
};

Fallback fallback(const Workspace& ws) {
  Fallback fb;
  const Selection sel = ws.selected();
  const CredentialSource cs = resolve_credentials(ws, sel.name, /*env_provider_enabled=*/false);
  std::optional<Value> own = cs.origin.value;  // a role: its role_arn, not the source's keys
  if (cs.type == CredentialType::AssumeRole && !cs.hops.empty() && cs.hops.front().role_arn.value)
    own = cs.hops.front().role_arn.value;
  if (cs.located() && own) {
    fb.where = at(*own);
    fb.what = fmt::format("the {} credentials of profile '{}'", credential_type_name(cs.type), printable(sel.name));
  } else if (cs.located() && cs.origin.var) {
    fb.what = fmt::format("the {} credentials from {}", credential_type_name(cs.type), cs.origin.var->name);
  } else if (!cs.ok()) {
    fb.what = fmt::format("profile '{}', which fails with {}", printable(sel.name), cs.error->exception);
    if (cs.error->where.value) fb.where = at(*cs.error->where.value);
  } else if (cs.instance_metadata_fallback) {
    fb.what = "the instance metadata service (only an EC2 instance answers)";
  } else {
    fb.what = "nothing (\"Unable to locate credentials\")";
  }
  return fb;
}

class PartialEnvCredentials final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    if (!ws.env.enabled || ws.ctx.profile_flag) return;  // --profile: the environment provider is not asked
    const EnvVar* id = ws.env.get("AWS_ACCESS_KEY_ID");
    const EnvVar* secret = ws.env.get("AWS_SECRET_ACCESS_KEY");
    const bool has_id = id && !id->value.empty();
    const bool has_secret = secret && !secret->value.empty();
    if (has_id && !has_secret) {
      const std::string why = secret ? "AWS_SECRET_ACCESS_KEY is empty" : "AWS_SECRET_ACCESS_KEY is not set";
      Finding& f = out.report(
          at_var(ws, *id),
          fmt::format("AWS_ACCESS_KEY_ID ({}) is set but {}: every CLI command fails with PartialCredentialsError "
                      "(\"Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\"); set "
                      "AWS_SECRET_ACCESS_KEY too, or unset AWS_ACCESS_KEY_ID to use the profile's credentials",
                      mask_key_id(id->value), why));
      f.variable = "AWS_ACCESS_KEY_ID";
      if (secret && secret->line) f.related.push_back({at_var(ws, *secret), "AWS_SECRET_ACCESS_KEY is empty here"});
      const Fallback fb = fallback(ws);
      if (fb.where) f.affects = fb.where;
      return;
    }
    // The key id is missing or empty: botocore's environment provider gives up silently, whatever
    // the secret says; a secret alone is a half-set pair.
    if (has_id || !has_secret) return;
    const Fallback fb = fallback(ws);
    Finding& f = out.report(
        at_var(ws, *secret),
        fmt::format("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is {}: the CLI ignores the environment "
                    "keys and uses {} instead; set AWS_ACCESS_KEY_ID too, or unset AWS_SECRET_ACCESS_KEY",
                    id ? "empty" : "not set", fb.what),
        Severity::Warning);
    f.variable = "AWS_SECRET_ACCESS_KEY";
    if (id && id->line) f.related.push_back({at_var(ws, *id), "AWS_ACCESS_KEY_ID is empty here"});
    if (fb.where) {
      f.affects = fb.where;
      f.related.push_back({*fb.where, "the credentials the CLI uses instead"});
    }
    const Selection sel = ws.selected();
    f.profile = std::string(sel.name);
    f.has_profile = true;
  }
};

}  // namespace

std::unique_ptr<Rule> make_partial_env_credentials() { return std::make_unique<PartialEnvCredentials>(); }

}  // namespace awslint
