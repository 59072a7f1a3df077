// AWS013 ignored-section
#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS013",
    .name = "ignored-section",
    .severity = Severity::Warning,
    .summary = "section the CLI never reads as a profile",
    .doc = R"(## What it does
Reports a section the CLI never reads as a profile although it looks meant as one, and a profile
header spelled in a way only the CLI understands:

- in the config file: `[dev]` (profiles other than `default` need the prefix: `[profile dev]`),
  `[ profile dev ]` (the spaces are kept), `[Profile dev]`, `[Default]` (names are
  case-sensitive), `[profiledev]`, `[profile]`, `[profile a b]` (more than one word), an
  unbalanced quote; the same shapes of `[sso-session x]` and `[services x]`;
- in the credentials file: `[profile dev]` (that file uses plain names: it is a profile literally
  named `profile dev`), names with spaces around them and `[Default]`;
- headers the CLI reads but other SDKs do not: `[profile  dev]` (two spaces), `[profile<TAB>dev]`,
  `[profiles dev]`, `[profile_x dev]`, `[profile "dev"]`.

A plain `[name]` section of the config file is only reported when it holds keys a profile has
(region, credentials, role or SSO settings ...), when something refers to the name, or when the
credentials file has a profile of that name: `[plugins]`, `[preview]` and sections of other tools
(`[okta]` of aws-okta ...) are left alone. Empty sections are not reported unless referred to.
The finding is an error when something refers to the name (`source_profile`, `--profile`,
`AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, or the implicit `default`) and no correctly spelled section
gives that profile the keys.

## Why is this bad?
botocore builds the profiles of the config file from sections named `default` or starting with
`profile` that split (like a shell) into exactly two words; every other section is skipped
without a word. Region, role and SSO settings written under `[dev]` in the config file are
silently missing from profile `dev`, and keys under `[profile dev]` in the credentials file
belong to a profile nobody can select. A profile that only exists in such a section gives
`The config profile (dev) could not be found`.

The spellings the CLI tolerates (`[profile  dev]`, `[profiles dev]`) are an accident of its shell
splitting: the other AWS SDKs (the JS SDK v3 used by Node tools and the CDK, Java, Rust ...) do
not find those profiles, so the same file works in the CLI and fails in an application.

## Example
```ini
# ~/.aws/config
[dev]
region = eu-west-1

[Profile prod]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = dev

[profiles ci]
region = us-east-1
```

## Use instead
```ini
# ~/.aws/config
[profile dev]
region = eu-west-1

[profile prod]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = dev

[profile ci]
region = us-east-1
```
)",
    .security = false,
    .weight = 3,  // measured on the 100,000-profile benchmark config
};

// Sections of the config file that the CLI (or a well-known tool) reads on purpose.
bool known_non_profile(std::string_view name) { return name == "plugins" || name == "preview"; }

// Something that refers to a profile by name: a source_profile, or the profile selection.
struct Reference {
  std::string_view name;
  const Profile* from = nullptr;  // the profile whose source_profile it is (null: the selection)
  Selection::Source source = Selection::Source::Default;
  Location loc;  // no file: the process environment or the command line
};

// The first reference to each name.
using References = std::unordered_map<std::string_view, Reference>;

References references(const Workspace& ws) {
  References refs;
  for (const Profile& p : ws.profiles())
    if (auto v = p.get(Key::source_profile)) refs.try_emplace(v->text, Reference{v->text, &p, {}, at(*v)});
  const Selection sel = ws.selected();
  refs.try_emplace(sel.name, Reference{sel.name, nullptr, sel.source, sel.var ? at_var(ws, *sel.var) : Location{}});
  return refs;
}

// "'source_profile = dev' in profile 'prod' names profile 'dev'", "AWS_PROFILE selects profile 'dev'"
std::string clause(const Reference& r) {
  const std::string name = printable_excerpt(r.name);
  if (r.from)
    return fmt::format("'source_profile = {}' in profile '{}' names profile '{}'", name, printable_excerpt(r.from->name),
                       name);
  if (r.source == Selection::Source::Default)
    return fmt::format("the CLI uses profile '{}' when no profile is selected", name);
  return fmt::format("{} selects profile '{}'", source_name(r.source), name);
}

bool ascii_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// A name for the suggested header: words joined with '-' (a profile name without spaces).
std::string one_word(const std::vector<std::string>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) out += (out.empty() ? "" : "-") + words[i];
  return out;
}

// Why a config section is not what it looks like, what it was probably meant to be, and the header
// to write instead. `kind` is "profile", "sso-session" or "services".
struct Diagnosis {
  std::string why;
  std::string kind = "profile";
  std::string intended;  // the name meant (empty: unknown)
  std::string fix;       // the header to write, without brackets
};

// For a name that starts with `prefix` exactly (the CLI looked at it and shlex did not give two words).
std::optional<Diagnosis> bad_split(std::string_view name, std::string_view prefix) {
  Diagnosis d;
  d.kind = std::string(prefix);
  auto words = shlex_split(name);
  if (!words) {
    d.why = fmt::format("the CLI splits the name like a shell and this one has an unbalanced quote or a trailing "
                        "backslash, so it is no {}", prefix);
    d.fix = fmt::format("{} NAME", prefix);
    return d;
  }
  if (words->size() == 1) {
    if (name == prefix) {
      d.why = fmt::format("it has no {} name", prefix);
      d.fix = fmt::format("{} NAME", prefix);
    } else {
      d.intended = std::string(name.substr(prefix.size()));
      d.why = fmt::format("there is no space between '{}' and the name", prefix);
      d.fix = fmt::format("{} {}", prefix, d.intended);
    }
    return d;
  }
  // More than two words: a name with spaces.
  std::string rest;
  for (std::size_t i = 1; i < words->size(); ++i) rest += (i > 1 ? " " : "") + (*words)[i];
  d.intended = rest;
  d.why = fmt::format("the CLI splits the name like a shell and skips it unless that gives exactly two words, and "
                      "this one gives {}",
                      words->size());
  d.fix = fmt::format("{} {}", prefix, one_word(*words, 1));
  return d;
}

// `prefix name`, `prefix<TAB>name` or `prefix "name"`: what the JS SDK v3 reads as well.
bool portable(std::string_view header, std::string_view prefix, std::string_view name) {
  if (!header.starts_with(prefix) || header.size() <= prefix.size()) return false;
  const char sep = header[prefix.size()];
  std::string_view rest = header.substr(prefix.size() + 1);
  if (sep != ' ' && sep != '\t') return false;
  if (rest.size() == name.size() + 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front())
    rest = rest.substr(1, rest.size() - 2);
  return rest == name;
}

// The kind, name and header meant by a header spelled `<prefix> words...` in the wrong way.
void name_words(Diagnosis& d, std::string_view header, std::string_view prefix) {
  d.kind = std::string(prefix);
  auto words = shlex_split(header);
  if (words && words->size() >= 2) {
    d.intended = words->size() == 2 ? (*words)[1] : one_word(*words, 1);
    d.fix = fmt::format("{} {}", prefix, d.intended);
  } else {
    d.fix = fmt::format("{} NAME", prefix);
  }
}

const std::string_view kPrefixes[] = {"profile", "sso-session", "services"};

std::optional<Diagnosis> diagnose_config(std::string_view name) {
  const std::string_view t = trim(name);
  if (t != name) {
    Diagnosis d;
    if (t == "default") {
      d.why = "the CLI keeps the spaces inside the brackets, so the name is not 'default'";
      d.intended = "default";
      d.fix = "default";
      return d;
    }
    for (std::string_view p : kPrefixes) {
      if (!t.starts_with(p)) continue;
      d.why = fmt::format("the CLI keeps the spaces inside the brackets, so the name does not start with '{}'", p);
      name_words(d, t, p);
      return d;
    }
    return std::nullopt;  // `[ something ]`: not shaped like a profile header
  }
  if (iequals(name, "default")) {
    Diagnosis d;
    d.why = "section names are case-sensitive and only '[default]' is the default profile";
    d.intended = "default";
    d.fix = "default";
    return d;
  }
  for (std::string_view p : kPrefixes) {
    if (name.starts_with(p)) return bad_split(name, p);
    if (name.size() >= p.size() && iequals(name.substr(0, p.size()), p)) {
      Diagnosis d;
      d.why = fmt::format("section names are case-sensitive and the CLI only reads names that start with '{}' in "
                          "lower case",
                          p);
      name_words(d, name, p);
      return d;
    }
  }
  return std::nullopt;
}

class IgnoredSection final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    LazyReferences refs{ws};  // built only when a section needs it (most files: never)
    if (ws.config.ok()) check_config(ws, refs, out);
    if (ws.credentials.ok()) check_credentials(ws, refs, out);
  }

 private:
  struct LazyReferences {
    const Workspace& ws;
    std::optional<References> refs;
  };
  static const Reference* find_ref(LazyReferences& lazy, std::string_view name) {
    if (!lazy.refs) lazy.refs = references(lazy.ws);
    auto it = lazy.refs->find(name);
    return it == lazy.refs->end() ? nullptr : &it->second;
  }

  // Section names with invisible or control characters are AWS016's. A header line of printable
  // ASCII (the lexer's traits: no tab, control or non-ASCII byte) has nothing to escape, so only the
  // rare other lines are scanned.
  static bool visible(const ParsedFile& pf, const Section& s, std::string_view name) {
    constexpr std::uint8_t kEscaped = trait::kNonAscii | trait::kControl | trait::kTab;
    return !(pf.traits_of(s.line) & kEscaped) || !needs_escape(name);
  }

  // Whether a name holds whitespace (' ', '\t', '\r', '\n'). Eight bytes at a time look for any
  // byte <= ' ' (the usual "has a byte less than n" bit trick), and only a block holding one is
  // looked at byte by byte: every profile header comes here, and find_any compared each byte with
  // each of the four.
  static bool has_space(std::string_view name) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    std::size_t i = 0;
    for (; i + 8 <= name.size(); i += 8) {
      std::uint64_t x;
      std::memcpy(&x, name.data() + i, 8);
      if ((x - kOnes * 0x21) & ~x & kHigh) break;  // some byte < 0x21 in this block
    }
    for (; i < name.size(); ++i) {
      const char c = name[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return true;
    }
    return false;
  }

  static std::string keys_phrase(const Section& s) {
    return s.n_entries == 1 ? std::string("its key") : fmt::format("its {} keys", s.n_entries);
  }

  void check_config(const Workspace& ws, LazyReferences& refs, Sink& out) const {
    const SourceFile& f = ws.config;
    const ParsedFile& pf = *f.parsed;
    for (const ConfigSection& cs : ws.config_sections()) {
      // `[profile name]` spelt the plain way: check_spelling() would find nothing, and the header
      // (a cache miss in a big file) is not read again.
      if (cs.canonical) continue;
      const Section& s = pf.sections[cs.index];
      const std::string_view name = pf.str(s.name);
      if (s.duplicate || !visible(pf, s, name)) continue;
      if (cs.role == SectionRole::Profile || cs.role == SectionRole::SsoSession || cs.role == SectionRole::Services) {
        check_spelling(ws, cs, s, out);
        continue;
      }
      if (cs.role != SectionRole::Ignored) continue;
      std::optional<Diagnosis> d = diagnose_config(name);
      bool plain = false;
      if (!d) {
        if (known_non_profile(name) || trim(name) != name) continue;
        plain = true;
        d = Diagnosis{};
        d->why = "in the config file only 'default' is written without the 'profile' prefix";
        d->intended = std::string(name);
        d->fix = name.find_first_of(" \t\"'\\") == std::string_view::npos
                     ? fmt::format("profile {}", name)
                     : fmt::format("profile {}", one_word(shlex_split(name).value_or(std::vector<std::string>{std::string(name)}), 0));
      }
      const bool is_profile = d->kind == "profile";
      const Reference* ref = is_profile && !d->intended.empty() ? find_ref(refs, d->intended) : nullptr;
      const Profile* target = is_profile && !d->intended.empty() ? ws.profile(d->intended) : nullptr;
      if (plain) {
        bool profile_like = false;
        for (const Entry* e = pf.begin(s); e != pf.end(s); ++e)
          if (is_cli_key(e->key_id)) profile_like = true;
        if (!profile_like && !ref && !(target && target->credentials)) continue;
      } else if (s.n_entries == 0 && !ref) {
        continue;
      }
      const bool ignored_keys_needed = ref && !(target && target->config);
      const std::string shown = printable_excerpt(name), intended = printable_excerpt(d->intended);
      std::string msg = fmt::format("section '[{}]' is no {}: {}; the CLI ignores it", shown, d->kind, d->why);
      if (s.n_entries) msg += fmt::format(" and {}", keys_phrase(s));
      if (target && target->config) {
        msg += fmt::format(" and reads '[{}]' (line {}) for profile '{}' instead; move what is missing there and "
                           "remove this section",
                           printable_excerpt(pf.str(target->config->name)), target->config->line, intended);
      } else {
        if (ref) {
          msg += fmt::format(", yet {}", clause(*ref));
          if (target && target->credentials) msg += ", which then has only the keys of the credentials file";
          else if (!target) msg += ", which does not exist";
        } else if (target && target->credentials) {
          msg += fmt::format(", although the credentials file has a profile '{}'", intended);
        }
        msg += fmt::format("; write '[{}]'", printable_excerpt(d->fix));
      }
      Finding& x = out.report(at_section(f, s), std::move(msg),
                              ignored_keys_needed ? Severity::Error : Severity::Warning);
      if (ref && !ref->loc.file.empty()) x.related.push_back({ref->loc, "refers to it here"});
      if (is_profile && !d->intended.empty()) {
        x.profile = d->intended;
        x.has_profile = true;
      }
    }
  }

  // A header the CLI reads only thanks to its shell splitting. `[profile "dev"]` and `[profile<TAB>dev]`
  // are fine: the JS SDK v3 reads those too.
  void check_spelling(const Workspace& ws, const ConfigSection& cs, const Section& s, Sink& out) const {
    const std::string_view name = ws.config.parsed->str(s.name);
    if (cs.role == SectionRole::Profile && name == "default") return;
    const std::string_view prefix = cs.role == SectionRole::Profile      ? "profile"
                                    : cs.role == SectionRole::SsoSession ? "sso-session"
                                                                         : "services";
    // The common case first: the header is `<prefix> <name>`, the profile name a slice of it (no
    // quotes were removed), so there is nothing to compare.
    if (name.size() == prefix.size() + 1 + cs.name.size() && cs.name.data() == name.data() + prefix.size() + 1 &&
        name[prefix.size()] == ' ' && name.starts_with(prefix) && !has_space(cs.name))
      return;
    const bool spaced = has_space(cs.name);
    if (!spaced && portable(name, prefix, cs.name)) return;
    const std::string fix =
        spaced ? fmt::format("{} {}", prefix, one_word(shlex_split(cs.name).value_or(std::vector<std::string>{}), 0))
               : fmt::format("{} {}", prefix, cs.name);
    const bool exact_prefix = name.starts_with(std::string(prefix) + " ") || name.starts_with(std::string(prefix) + "\t");
    const std::string how = exact_prefix ? "it splits the name like a shell"
                                         : fmt::format("it only checks that the name starts with '{}'", prefix);
    Finding& x = out.report(
        at_section(ws.config, s),
        fmt::format("the CLI reads section '[{}]' as {} '{}' ({}), but other SDKs do not find {} there (the JS SDK "
                    "v3 of Node tools and the CDK does not); write '[{}]'",
                    printable_excerpt(name), prefix, printable_excerpt(cs.name), how,
                    spaced ? "a name with spaces" : "it", printable_excerpt(fix)));
    if (cs.role == SectionRole::Profile) {
      x.profile = std::string(cs.name);
      x.has_profile = true;
    }
  }

  void check_credentials(const Workspace& ws, LazyReferences& refs, Sink& out) const {
    const SourceFile& f = ws.credentials;
    const ParsedFile& pf = *f.parsed;
    for (const Section& s : pf.sections) {
      const std::string_view name = pf.str(s.name);
      if (s.is_defaults || s.duplicate || !visible(pf, s, name)) continue;
      std::string intended, why;
      if (trim(name) != name) {
        intended = std::string(trim(name));
        why = fmt::format("the CLI keeps the spaces inside the brackets: this is a profile named '{}'",
                          printable_excerpt(name));
      } else if (name.starts_with("profile ") || name.starts_with("profile\t")) {
        auto words = shlex_split(name);
        intended = words && words->size() == 2 ? (*words)[1] : std::string(trim(name.substr(7)));
        why = fmt::format("the credentials file uses plain profile names, so this is a profile literally named '{}', "
                          "not '{}'",
                          printable_excerpt(name), printable_excerpt(intended));
      } else if (iequals(name, "default") && name != "default") {
        intended = "default";
        why = fmt::format("profile names are case-sensitive: this is a profile named '{}', not the default profile",
                          printable_excerpt(name));
      } else {
        continue;
      }
      const Reference* ref = find_ref(refs, intended);
      const Profile* target = ws.profile(intended);
      if (s.n_entries == 0 && !ref) continue;
      // An error when the profile that is used does not get these keys.
      const bool needed = ref && !(target && target->credentials);
      const std::string shown = printable_excerpt(intended);
      std::string msg = fmt::format("section '[{}]' of the credentials file is never used as profile '{}': {}",
                                    printable_excerpt(name), shown, why);
      if (target && target->credentials)
        msg += fmt::format("; profile '{}' is '[{}]' (line {}); merge the two sections", shown,
                           printable_excerpt(pf.str(target->credentials->name)), target->credentials->line);
      else if (ref)
        msg += fmt::format(", yet {}, which {}; write '[{}]'", clause(*ref),
                           target ? "then has none of these keys" : "does not exist", shown);
      else
        msg += fmt::format("; write '[{}]'", shown);
      Finding& x = out.report(at_section(f, s), std::move(msg), needed ? Severity::Error : Severity::Warning);
      if (ref && !ref->loc.file.empty()) x.related.push_back({ref->loc, "refers to it here"});
      x.profile = intended;
      x.has_profile = true;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ignored_section() { return std::make_unique<IgnoredSection>(); }

}  // namespace awslint
