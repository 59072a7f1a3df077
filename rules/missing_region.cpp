// AWS301 missing-region
#include <fmt/format.h>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS301",
    .name = "missing-region",
    .severity = Severity::Warning,
    .summary = "profile has no region and none comes from the environment",
    .doc = R"(## What it does
Reports, at its section header, every profile that has no `region` (or an empty one) in either
file, when the linted environment sets neither `AWS_REGION` nor `AWS_DEFAULT_REGION`. The region
is looked up as CLI v2 looks it up: `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's
`region`, where the credentials file's section wins over the config file's (an empty `region =`
in the credentials file hides the config file's region). The region is **not** inherited from
`source_profile`, from `[default]` when another profile is used, or from `sso_region` (the
region of the SSO portal, not of the API calls). Sections of the credentials file named
`[profile x]`, which nothing selects, are left to AWS013.

An `AWS_REGION` (or, without it, `AWS_DEFAULT_REGION`) that is set but empty is reported once, at
the variable: CLI v2 uses the empty value whatever the profiles say.

## Why is this bad?
Without a region most commands fail with `You must specify a region. You can also configure your
region by running "aws configure".`; with an empty one they fail with
`Invalid endpoint: https://sts..amazonaws.com`. A role profile does not get the region of its
`source_profile`: the usual surprise after adding `role_arn` to a new profile.

## Example
```ini
[default]
region = eu-west-1

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
```

## Use instead
```ini
[default]
region = eu-west-1

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
region = eu-west-1
```
)",
    .security = false,
};

std::string header_of(const SourceFile& f, const Section& s) {
  return fmt::format("[{}]", printable(f.parsed->str(s.name)));
}

class MissingRegion final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    // CLI v2's order: AWS_REGION, then AWS_DEFAULT_REGION; a variable that is set wins even empty.
    const EnvVar* env_region = ws.env.get("AWS_REGION");
    if (!env_region) env_region = ws.env.get("AWS_DEFAULT_REGION");
    if (env_region && !env_region->value.empty()) return;
    if (env_region) report_empty_variable(ws, *env_region, out);

    const Profile* def = ws.profile("default");
    std::optional<Value> default_region = def ? def->get(Key::region) : std::nullopt;
    if (default_region && default_region->text.empty()) default_region.reset();

    for (const Profile& p : ws.profiles()) {
      if (!p.config && p.name.starts_with("profile ")) continue;  // never selected: AWS013
      if (!key_text(p, Key::region).text.empty()) continue;  // the common case, without building a Value
      auto region = p.get(Key::region);
      if (region && !region->text.empty()) continue;
      const std::string name = printable(p.name);

      Location loc;
      const SourceFile* file = nullptr;
      const Section* section = nullptr;
      if (region) {
        file = region->file;
        section = region->section;
      } else if (p.config) {
        file = p.config_file;
        section = p.config;
      } else {
        file = p.credentials_file;
        section = p.credentials;
      }
      loc = at_section(*file, *section);

      const std::string env_part =
          env_region ? fmt::format("{} is set but empty, which CLI v2 uses anyway", env_region->name)
                     : std::string("neither AWS_REGION nor AWS_DEFAULT_REGION is set");
      std::string message;
      if (region) {
        auto config_region = p.get_config(Key::region);
        const bool hides = region->file->kind == FileKind::Credentials && config_region && !config_region->text.empty();
        message = fmt::format(
            "profile '{}' has an empty region (line {} of the {} file{}), and {}: commands with this profile fail "
            "with \"Invalid endpoint\"",
            name, region->line, region->file->kind == FileKind::Config ? "config" : "credentials",
            hides ? fmt::format(", which hides 'region = {}' of the config file", printable(config_region->text))
                  : std::string(region->from_defaults ? ", from [DEFAULT]" : ""),
            env_part);
        message += hides ? std::string("; remove the empty 'region =' from the credentials file")
                         : std::string("; write the region, e.g. 'region = us-east-1'");
      } else {
        message = fmt::format("profile '{}' has no region, and {}: commands with this profile fail with {}", name,
                              env_part, env_region ? "\"Invalid endpoint\"" : "\"You must specify a region\"");
        std::vector<std::string> notes;
        bool source_is_default = false;  // the source's note already explains why [default]'s region is not used
        if (auto sp = p.get(Key::source_profile); sp && p.has(Key::role_arn)) {
          if (const Profile* s = ws.profile(sp->text); s && s->get(Key::region) && !s->get(Key::region)->text.empty()) {
            notes.push_back(fmt::format("the region of source_profile '{}' is not inherited", printable(sp->text)));
            source_is_default = sp->text == "default";
          }
        }
        if (p.has(Key::sso_region)) notes.push_back("sso_region is the SSO portal's region, not a default region");
        if (default_region && p.name != "default" && !source_is_default)
          notes.push_back("the region of [default] does not apply to other profiles");
        if (!notes.empty()) message += fmt::format(" ({})", fmt::join(notes, "; "));
        if (p.config)
          message += fmt::format("; add 'region = us-east-1' (or your region) to '{}'", header_of(*p.config_file, *p.config));
        else
          message += fmt::format("; add 'region = us-east-1' (or your region) to '{}' in the credentials file, or a "
                                 "'[{}]' section with the region to the config file",
                                 header_of(*p.credentials_file, *p.credentials),
                                 p.name == "default" ? std::string("default") : "profile " + name);
      }
      if (env_region) message += fmt::format(", and unset {}", env_region->name);
      Finding& f = out.report(loc, std::move(message));
      f.profile = std::string(p.name);
      f.has_profile = true;
      f.key = "region";
      if (region) f.related.push_back({at(*region), "the empty region"});
    }
  }

 private:
  static void report_empty_variable(const Workspace& ws, const EnvVar& var, Sink& out) {
    Finding& f = out.report(
        at_var(ws, var),
        fmt::format("{} is set but empty: CLI v2 uses the empty region whatever the profiles say, and every command "
                    "fails with \"Invalid endpoint\"; unset {} or set it to a region such as us-east-1",
                    var.name, var.name));
    f.variable = var.name;
    f.key = "region";
    const Selection sel = ws.selected();
    if (const Profile* p = ws.profile(sel.name)) {
      f.profile = std::string(sel.name);
      f.has_profile = true;
      if (auto r = p->get(Key::region)) f.affects = at(*r);
      else if (p->config) f.affects = at_section(*p->config_file, *p->config);
      else if (p->credentials) f.affects = at_section(*p->credentials_file, *p->credentials);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_region() { return std::make_unique<MissingRegion>(); }

}  // namespace awslint
