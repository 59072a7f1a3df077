// AWS103 dangling-source-profile
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "chain.h"
#include "parallel.h"
#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {
namespace {

constexpr RuleInfo kInfo{
    .id = "AWS103",
    .name = "dangling-source-profile",
    .severity = Severity::Error,
    .summary = "source_profile that is undefined, has no credentials or leads into a cycle",
    .doc = R"(## What it does
Follows every profile's `source_profile` the way the CLI does when it assumes `role_arn`, and
reports, at the `source_profile` line, a name that
- neither file defines (also `source_profile = profile base`, which names a profile literally
  called `profile base`, and quoted names: the quotes are part of the value);
- names a profile that cannot produce credentials: no access keys, no role of its own, no SSO, no
  `credential_process`, no web identity (the environment's keys are never used for a source
  profile), or whose own configuration is broken (a key id without its secret, SSO settings
  missing, a role with neither `source_profile` nor `credential_source`);
- leads into a cycle (`a` → `b` → `a`), including a profile that names itself without holding
  access keys. A profile may name **itself** when it holds static keys: the CLI then uses its keys
  to assume its own role.

A problem further down a chain is reported once, at the line where it is; a cycle is reported at
every profile that leads into it. A `source_profile` without `role_arn` (or next to
`web_identity_token_file`, which assumes the role by itself) is ignored by the CLI: that is
reported as a note.

## Why is this bad?
The assume-role provider comes second in the credential chain and any error in it stops the chain:
the CLI fails with `The source_profile "base" referenced in the profile "admin" does not exist`,
`The source profile "base" must have credentials` or `Infinite loop in credential configuration
detected`, even if environment keys or another provider would have worked.

## Example
```ini
# ~/.aws/config
[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = base

[profile base]
region = eu-west-1
```

## Use instead
```ini
# ~/.aws/config
[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = base

[profile base]
region = eu-west-1

# ~/.aws/credentials
[base]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```
)",
    .security = true,
    .weight = 8,  // measured on the 100,000-profile benchmark config
};

// What AWS103 asks of every profile, read once: which of its keys are present (as Profile::has
// answers) and the profile its source_profile names. Each Profile::has walks two sections, and
// the walk below asks several keys of every profile, some of them more than once.
struct Facts {
  static constexpr std::uint32_t kNoSource = UINT32_MAX;  // no source_profile, or it names no profile
  std::uint32_t source = kNoSource;  // index of the profile source_profile names
  bool source_profile : 1 = false;
  bool role_arn : 1 = false;
  bool web_identity : 1 = false;
  bool credential_source : 1 = false;
  bool static_keys : 1 = false;  // has_static_keys()

  bool assume_role() const { return role_arn && !web_identity; }  // has_assume_role()
  // A profile through which botocore's assume-role walk goes on to its source_profile: a role with
  // source_profile, without credential_source and without static keys (a source with keys ends
  // the chain: its keys are used, its role is not).
  bool continues() const { return assume_role() && !static_keys && source_profile && !credential_source; }
};

std::vector<Facts> facts_of(const Workspace& ws) {
  const auto& ps = ws.profiles();
  const ProfileKeys keys(ws);
  std::vector<Facts> facts(ps.size());
  // Each thread its own stretch of profiles (the facts of a profile depend on it alone). The
  // engine runs the other rules meanwhile; this one is the longest on a 100,000-profile config.
  const unsigned parts = threads_for(ws.input_bytes());
  parallel_for(parts, parts, [&](std::size_t part) {
    const std::size_t from = ps.size() * part / parts, to = ps.size() * (part + 1) / parts;
    std::vector<std::uint32_t> with_source;  // profiles that have a source_profile
    std::vector<std::string_view> source_names;
    for (std::size_t i = from; i < to; ++i) {
      const KeySet k = keys.of(ps[i]);
      Facts& f = facts[i];
      f.source_profile = k.has(Key::source_profile);
      f.role_arn = k.has(Key::role_arn);
      f.web_identity = k.has(Key::web_identity_token_file);
      f.credential_source = k.has(Key::credential_source);
      f.static_keys = k.has(Key::aws_secret_access_key) || k.has(Key::aws_access_key_id);
      if (f.source_profile) {
        with_source.push_back(static_cast<std::uint32_t>(i));
        source_names.push_back(ps[i].get(Key::source_profile)->text);
      }
    }
    // Looked up all at once: one by one, each look-up waits on memory (20,000 of them in the
    // benchmark's 100,000-profile config).
    std::vector<const Profile*> sources(source_names.size());
    ws.profiles_named(source_names, sources);
    for (std::size_t j = 0; j < with_source.size(); ++j)
      if (sources[j]) facts[with_source[j]].source = static_cast<std::uint32_t>(sources[j] - ps.data());
  });
  return facts;
}

// Where the walk from a continuing profile ends.
struct Terminal {
  std::uint32_t end = UINT32_MAX;  // End: index of the first profile that does not continue (8 bytes a profile)
  enum Kind : std::uint8_t { Cycle, End, Undefined } kind = End;
};

// Terminal of every continuing profile, each profile visited once (chains can be 100,000 long).
std::vector<Terminal> terminals(const std::vector<Facts>& facts) {
  std::vector<Terminal> term(facts.size());
  std::vector<std::uint8_t> state(facts.size(), 0);  // 0 unseen, 1 on the current path, 2 done
  std::vector<std::size_t> path;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (state[i] || !facts[i].continues()) continue;
    path.clear();
    Terminal t;
    std::size_t cur = i;
    for (;;) {
      if (state[cur] == 2) {
        t = term[cur];
        break;
      }
      if (state[cur] == 1) {
        t.kind = Terminal::Cycle;
        break;
      }
      state[cur] = 1;
      path.push_back(cur);
      const std::uint32_t next = facts[cur].source;
      if (next == Facts::kNoSource) {
        t.kind = Terminal::Undefined;
        break;
      }
      if (!facts[next].continues()) {
        t.end = next;
        break;
      }
      cur = next;
    }
    for (std::size_t k : path) {
      term[k] = t;
      state[k] = 2;
    }
  }
  return term;
}

// "a → b → a", from `p` until a profile repeats; long walks are cut short.
std::string cycle_path(const Workspace& ws, const Profile& p) {
  constexpr int kMax = 8;
  std::vector<std::string_view> seen{p.name};
  std::string out = safe_name(p.name);
  const Profile* cur = &p;
  for (int step = 0; step < kMax; ++step) {
    auto sp = cur->get(Key::source_profile);
    if (!sp) break;
    out += " \xE2\x86\x92 " + safe_name(sp->text);
    if (std::find(seen.begin(), seen.end(), sp->text) != seen.end()) return out;
    seen.push_back(sp->text);
    cur = ws.profile(sp->text);
    if (!cur) return out;
  }
  return out + " \xE2\x86\x92 \xE2\x80\xA6";
}

class DanglingSourceProfile final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Workspace& ws, Sink& out) const override {
    const std::vector<Facts> facts = facts_of(ws);
    const std::vector<Terminal> term = terminals(facts);
    const auto& ps = ws.profiles();
    // What profile i's source_profile line gets, decided from the facts (the value is read only
    // for a finding): nothing, a finding, or a finding unless its source `ask` locates credentials.
    enum class Step : std::uint8_t { Skip, Report, Ask };
    struct Decision {
      Step step = Step::Skip;
      const Profile* s = nullptr;  // the source (null: undefined)
      bool loop = false;
      std::uint32_t ask = 0;
    };
    auto decide = [&](std::size_t i) {
      Decision d;
      const Facts& pf = facts[i];
      if (!pf.source_profile) return d;
      const Profile& p = ps[i];
      d.s = pf.source == Facts::kNoSource ? nullptr : &ps[pf.source];
      if (pf.role_arn && !pf.web_identity && !pf.credential_source) {
        // AssumeRoleProvider._validate_source_profile: a profile seen before is a loop, except a
        // profile naming itself while it holds static keys.
        if (d.s == &p) {
          d.loop = !pf.static_keys;
        } else if (d.s && facts[pf.source].continues()) {
          const Terminal& t = term[pf.source];
          d.loop = t.kind == Terminal::Cycle || (t.kind == Terminal::End && t.end == i);
        }
        if (d.s && !d.loop) {
          if (d.s != &p && facts[pf.source].continues()) return d;  // its own source_profile line reports further down
          d.step = Step::Ask;
          d.ask = pf.source;
          return d;
        }
      } else if (pf.role_arn && !pf.web_identity) {
        return d;  // credential_source too: InvalidConfigError, not a dangling source
      }
      d.step = Step::Report;
      return d;
    };
    // resolve_source_profile of a profile depends on that profile only, and many profiles share a
    // source: each source asked about is resolved once (0: not asked, 1: located, 2: not), on
    // several threads for a big input, before the findings are made in profile order.
    std::vector<std::uint8_t> located(ps.size(), 0);
    std::vector<std::uint32_t> ask;
    for (std::size_t i = 0; i < ps.size(); ++i) {
      const Decision d = decide(i);
      if (d.step == Step::Ask && !located[d.ask]) {
        located[d.ask] = 2;
        ask.push_back(d.ask);
      }
    }
    const unsigned parts = threads_for(ws.input_bytes());
    parallel_for(parts, parts, [&](std::size_t part) {
      for (std::size_t j = ask.size() * part / parts; j < ask.size() * (part + 1) / parts; ++j)
        if (resolve_source_profile(ws, ps[ask[j]]).located()) located[ask[j]] = 1;
    });
    Suggestions suggest(ws);  // built on the first undefined source_profile (one per check: threads)
    for (std::size_t i = 0; i < ps.size(); ++i) {
      const Decision d = decide(i);
      if (d.step == Step::Skip || (d.step == Step::Ask && located[d.ask] == 1)) continue;
      report(ws, suggest, ps[i], d.s, d.loop, out);
    }
  }

 private:
  // The finding for profile `p` whose source_profile resolves to `s` (null: undefined); `loop` as
  // check() found it. Only called when there is something to report.
  static void report(const Workspace& ws, Suggestions& suggest, const Profile& p, const Profile* s, bool loop,
                     Sink& out) {
    const auto sp = p.get(Key::source_profile);
    auto name = [&] { return printable(p.name); };  // for messages only
    auto note = [&](std::string message) {
      if (sp->from_defaults) return;  // once per profile at one [DEFAULT] line says nothing new
      finish(out.report(at(*sp), std::move(message), Severity::Note), p, *sp);
    };
    if (!p.has(Key::role_arn)) {
      note(fmt::format("profile '{}' has source_profile but no role_arn: the CLI ignores source_profile and looks "
                       "for credentials in '{}' itself; add the role_arn to assume, or remove source_profile",
                       name(), name()));
      return;
    }
    if (p.has(Key::web_identity_token_file)) {
      note(fmt::format("profile '{}' assumes its role with web_identity_token_file, so the CLI ignores "
                       "source_profile; remove it",
                       name()));
      return;
    }
    const std::string_view src = sp->text;
    auto shown = [&] { return safe_name(src); };  // for messages only
    std::string message;
    if (!s) {
      message = undefined(ws, suggest, p, *sp);
    } else if (loop && s == &p) {
      message = fmt::format("profile '{}' names itself as source_profile but holds no access keys: the CLI "
                            "fails with \"Infinite loop in credential configuration detected\"; put "
                            "aws_access_key_id and aws_secret_access_key in '[{}]' in the credentials file, "
                            "or name the profile that holds them",
                            name(), name());
    } else if (loop) {
      message = fmt::format("source_profile '{}' of profile '{}' leads into a cycle ({}): the CLI fails with "
                            "\"Infinite loop in credential configuration detected\"; let one profile of the "
                            "cycle hold the credentials (access keys, SSO or credential_process) instead of a "
                            "source_profile",
                            shown(), name(), cycle_path(ws, p));
    } else {
      // The source's own credentials (or its role with credential_source, or its broken role
      // settings): one step, never the whole chain.
      const CredentialSource r = resolve_source_profile(ws, src);
      if (!r.error || r.error->message.starts_with("The source profile ")) {
        message = fmt::format("source_profile '{}' of profile '{}' has no credentials (no access keys, role, SSO, "
                              "credential_process or web identity): the CLI fails with \"The source profile "
                              "\"{}\" must have credentials\"; add aws_access_key_id and aws_secret_access_key to "
                              "'[{}]' in the credentials file, or name the profile that holds them",
                              shown(), name(), shown(), shown());
      } else {
        message = fmt::format("source_profile '{}' of profile '{}' cannot provide credentials: the CLI fails with "
                              "\"{}\"; fix '{}' or name another profile",
                              shown(), name(), r.error->message, shown());
      }
    }
    Finding& f = out.report(at(*sp), std::move(message));
    finish(f, p, *sp);
    if (s && s != &p) {
      if (s->config) f.related.push_back({at_section(*s->config_file, *s->config), "the source profile"});
      else if (s->credentials)
        f.related.push_back({at_section(*s->credentials_file, *s->credentials), "the source profile"});
    }
  }

  static void finish(Finding& f, const Profile& p, const Value& sp) {
    f.profile = std::string(p.name);
    f.has_profile = true;
    f.key = std::string(sp.key);
  }

  static std::string undefined(const Workspace& ws, Suggestions& suggest, const Profile& p, const Value& sp) {
    const std::string_view src = sp.text;
    const std::string shown = safe_name(src);
    const std::string name = printable(p.name);
    const std::string cli = fmt::format(
        "the CLI fails with \"The source_profile \"{}\" referenced in the profile \"{}\" does not exist\"", shown, name);
    if (src.empty())
      return fmt::format("profile '{}' has an empty source_profile: {}; name the profile that holds the credentials",
                         name, cli);
    std::string fix;
    if (src.starts_with("profile ") && ws.defined(py_strip(src.substr(8)))) {
      fix = fmt::format("; source_profile takes the profile's name, not its section header: write 'source_profile = {}'",
                        printable(py_strip(src.substr(8))));
    } else if (src.size() >= 2 && (src.front() == '"' || src.front() == '\'') && src.back() == src.front() &&
               ws.defined(src.substr(1, src.size() - 2))) {
      fix = fmt::format("; the quotes are part of the value: write 'source_profile = {}'",
                        printable(src.substr(1, src.size() - 2)));
    } else {
      for (const NearMiss& m : suggest.near_miss_sections(src)) fix += "; " + m.advice;
      if (fix.empty())
        if (std::string_view c = suggest.closest_profile(src); !c.empty()) fix = fmt::format("; did you mean '{}'?", printable(c));
    }
    return fmt::format("source_profile '{}' of profile '{}' is defined in neither the config nor the credentials "
                       "file: {}{}",
                       shown, name, cli, fix);
  }
};

}  // namespace

std::unique_ptr<Rule> make_dangling_source_profile() { return std::make_unique<DanglingSourceProfile>(); }

}  // namespace awslint
