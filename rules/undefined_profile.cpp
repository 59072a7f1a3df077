// AWS102 undefined-profile
#include <fmt/format.h>

#include "chain.h"
#include "rule.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS102",
    .name = "undefined-profile",
    .severity = Severity::Error,
    .summary = "selected profile is defined in neither file: 'The config profile (x) could not be found'",
    .doc = R"(## What it does
Checks the profile names that select a profile: `--profile` (as given to awslint), `AWS_PROFILE` and
`AWS_DEFAULT_PROFILE`. A name that neither the config file nor the credentials file defines is
reported at the variable, with the closest defined name as a suggestion, and with the sections
that look like the profile but that the CLI does not read as it: `[dev]` in the config file (the
config file needs `[profile dev]`), `[profile dev]` in the credentials file (there it is a profile
literally named `profile dev`), and names that differ only in case.

A name that this run of the CLI does not use is still reported, as a warning: `AWS_DEFAULT_PROFILE`
when `AWS_PROFILE` is set (CLI v2 reads `AWS_PROFILE` first, but boto3 and CLI v1 read
`AWS_DEFAULT_PROFILE` first), and both variables when `--profile` is given.

## Why is this bad?
A profile asked for by name must exist, even when the name is `default`: every command fails with
`The config profile (dev) could not be found` before it does anything. `AWS_PROFILE=""` (set but
empty) asks for a profile named `""` and fails the same way.

## Example
```ini
# ~/.aws/config, with AWS_PROFILE=dev
[dev]
region = eu-west-1
```

## Use instead
```ini
[profile dev]
region = eu-west-1
```
)",
    .security = false,
};

std::string hint(const Workspace& ws, Suggestions& suggest, std::string_view name, Finding& f) {
  std::string out;
  for (const NearMiss& m : suggest.near_miss_sections(name)) {
    out += "; " + m.advice;
    f.related.push_back({at_section(*m.file, *m.section), "looks like the profile but is not read as it"});
    if (!f.affects) f.affects = at_section(*m.file, *m.section);
  }
  if (!out.empty()) return out;
  if (std::string_view c = suggest.closest_profile(name); !c.empty()) {
    const Profile* p = ws.profile(c);
    if (p->config) f.related.push_back({at_section(*p->config_file, *p->config), "a profile with a similar name"});
    else if (p->credentials)
      f.related.push_back({at_section(*p->credentials_file, *p->credentials), "a profile with a similar name"});
    return fmt::format("; did you mean '{}'?", printable(c));
  }
  if (ws.profiles().empty()) return "; neither file defines any profile";
  std::string names;
  std::size_t n = 0;
  for (const Profile& p : ws.profiles()) {
    if (p.credentials && !p.config && p.name.starts_with("profile ")) continue;
    if (n == 5) {
      names += ", ...";
      break;
    }
    names += (n++ ? ", '" : "'") + printable(p.name) + "'";
  }
  return n ? fmt::format("; the profiles are {}", names) : std::string();
}

class UndefinedProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    const Selection used = ws.selected();
    const EnvVar* aws_profile = ws.env.get("AWS_PROFILE");
    const EnvVar* aws_default_profile = ws.env.get("AWS_DEFAULT_PROFILE");

    struct Candidate {
      Selection::Source source;
      std::string_view name;
      const EnvVar* var;
    };
    std::vector<Candidate> candidates;
    if (ws.ctx.profile_flag) candidates.push_back({Selection::Source::Flag, *ws.ctx.profile_flag, nullptr});
    if (aws_profile) candidates.push_back({Selection::Source::AwsProfile, aws_profile->value, aws_profile});
    if (aws_default_profile)
      candidates.push_back({Selection::Source::AwsDefaultProfile, aws_default_profile->value, aws_default_profile});

    Suggestions suggest(ws);  // one per check: rules run on several threads
    for (const Candidate& c : candidates) {
      if (ws.defined(c.name)) continue;
      const std::string who = std::string(source_name(c.source));
      const std::string shown = safe_name(c.name);
      const std::string cli_error = fmt::format("\"The config profile ({}) could not be found\"", shown);
      std::string message;
      Severity severity = Severity::Error;
      if (c.source == used.source) {
        if (!c.name.empty())
          message = fmt::format("{} selects profile '{}', which neither the config nor the credentials file "
                                "defines: every command fails with {}",
                                who, shown, cli_error);
        else if (c.var)
          message = fmt::format("{} is set but empty: the CLI looks for a profile named '' and fails with {}; "
                                "unset {} or name a profile",
                                who, cli_error, who);
        else
          message = fmt::format("--profile names an empty profile: the CLI fails with {}; name a profile", cli_error);
      } else {
        severity = Severity::Warning;
        const bool v1 = c.source == Selection::Source::AwsDefaultProfile && aws_profile;
        const std::string why =
            v1 ? std::string("CLI v2 uses AWS_PROFILE instead, but boto3 and CLI v1 read AWS_DEFAULT_PROFILE first "
                             "and fail with ")
               : std::string("--profile overrides it in this run, but commands without --profile fail with ");
        message = c.name.empty() ? fmt::format("{} is set but empty, which names a profile '': {}{}; unset {}", who,
                                               why, cli_error, who)
                                 : fmt::format("{} names profile '{}', which neither the config nor the credentials "
                                               "file defines: {}{}",
                                               who, shown, why, cli_error);
      }
      Finding& f = out.report(c.var ? at_var(ws, *c.var) : Location{}, "", severity);
      if (!c.name.empty()) message += hint(ws, suggest, c.name, f);
      f.message = std::move(message);
      f.profile = std::string(c.name);
      f.has_profile = true;
      f.variable = c.var ? c.var->name : std::string();
      if (!c.var) f.key = "--profile";
      if (!f.affects) {
        // Where the profile would be defined.
        if (ws.config.ok()) f.affects = at(ws.config, 0, 0);
        else if (ws.credentials.ok()) f.affects = at(ws.credentials, 0, 0);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_profile() { return std::make_unique<UndefinedProfile>(); }

}  // namespace awslint
