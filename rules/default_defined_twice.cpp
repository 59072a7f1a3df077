// AWS014 default-defined-twice
#include <fmt/format.h>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS014",
    .name = "default-defined-twice",
    .severity = Severity::Warning,
    .summary = "both [default] and [profile default] in the config file: the later one wins",
    .doc = R"(## What it does
Reports a config file that defines the default profile twice, as `[default]` and as
`[profile default]` (or a spelling the CLI reads the same way, such as `[profile  default]`), at
the section the CLI ignores, with the one it reads as a related location.

## Why is this bad?
botocore maps both headers to the profile `default`, and the one later in the file replaces the
other entirely: its keys are not merged, so everything set in the earlier section is silently
lost. Other SDKs pick differently (the cross-SDK profile specification prefers
`[profile default]` whatever the order), so the same file gives different default settings in
the CLI and in an application.

## Example
```ini
[default]
region = eu-west-1

[profile default]
output = json
```

## Use instead
```ini
[default]
region = eu-west-1
output = json
```
)",
    .security = false,
};

class DefaultDefinedTwice final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    const Profile* p = ws.profile("default");
    if (!ws.config.ok() || !p || !p->config) return;
    const ParsedFile& pf = *ws.config.parsed;
    const Section& winner = *p->config;
    for (const ConfigSection& cs : ws.config_sections()) {
      if (cs.role != SectionRole::Profile || cs.name != "default" || !cs.shadowed) continue;
      const Section& s = pf.sections[cs.index];
      const std::string lost = s.n_entries == 0   ? std::string("it is empty, so the CLI loses nothing")
                               : s.n_entries == 1 ? std::string("its key is lost")
                                                  : fmt::format("its {} keys are lost", s.n_entries);
      Finding& x = out.report(
          at_section(ws.config, s),
          fmt::format("section '[{}]' is ignored: '[{}]' (line {}) also defines the default profile and, being later "
                      "in the file, replaces it entirely (no merge): {}; other SDKs may pick '[profile default]' "
                      "whatever the order; keep one section, '[default]'",
                      printable_excerpt(pf.str(s.name)), printable_excerpt(pf.str(winner.name)), winner.line, lost));
      x.related.push_back({at_section(ws.config, winner), "the default profile the CLI reads"});
      x.profile = "default";
      x.has_profile = true;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_default_defined_twice() { return std::make_unique<DefaultDefinedTwice>(); }

}  // namespace awslint
