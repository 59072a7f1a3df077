// AWS015 key-overridden-by-credentials
#include <fmt/format.h>

#include <unordered_map>

#include "rule.h"
#include "rule_text.h"
#include "text.h"

namespace awslint {

namespace {

constexpr RuleInfo kInfo{
    .id = "AWS015",
    .name = "key-overridden-by-credentials",
    .severity = Severity::Note,
    .summary = "key set for one profile in both files with different values: the credentials file wins",
    .doc = R"(## What it does
Reports a key that one profile sets in both files, the config file and the credentials file, to
different values. The finding is at the config file's line, which the CLI does not use, with the
credentials file's line as a related location. Secret values are never shown.

## Why is this bad?
botocore merges each section of the credentials file over the config profile of the same name,
so for every key set in both the credentials file wins, `region` and `output` included. Editing
the config file then seems to have no effect, and tools that read only one of the files (or merge
them the other way) see a different profile than the CLI does.

## Example
```ini
# ~/.aws/config
[profile dev]
region = us-east-1

# ~/.aws/credentials
[dev]
region = eu-west-1
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```

## Use instead
```ini
# ~/.aws/config
[profile dev]
region = eu-west-1

# ~/.aws/credentials
[dev]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
```
)",
    .security = false,
};

class KeyOverriddenByCredentials final : public Rule {
  static constexpr std::uint32_t kLinearKeys = 16;

 public:
  const RuleInfo& info() const override { return kInfo; }
  void check(const Workspace& ws, Sink& out) const override {
    if (!ws.config.ok() || !ws.credentials.ok()) return;
    const ParsedFile& pf = *ws.config.parsed;
    const ParsedFile& cf = *ws.credentials.parsed;
    std::unordered_map<std::string_view, const Entry*> theirs;  // the keys of a large credentials section
    for (const Profile& p : ws.profiles()) {
      if (!p.config || !p.credentials) continue;
      // A credentials section has a few keys: those are searched in place; a hash map only pays
      // off for a large one.
      const Entry* const cred_begin = cf.begin(*p.credentials);
      const Entry* const cred_end = cf.end(*p.credentials);
      const bool linear = p.credentials->n_entries <= kLinearKeys;
      if (!linear) {
        theirs.clear();
        for (const Entry* e = cred_begin; e != cred_end; ++e)
          if (!e->duplicate) theirs.emplace(cf.str(e->key), e);
      }
      for (const Entry* e = pf.begin(*p.config); e != pf.end(*p.config); ++e) {
        if (e->duplicate) continue;  // the first one is the value (and AWS002 reports the file)
        const Entry* t = nullptr;
        if (linear) {
          // The first entry with the key, as the map keeps it. Keys with an id are compared by id
          // (the id is a function of the lower-cased key).
          for (const Entry* c = cred_begin; c != cred_end && !t; ++c)
            if (!c->duplicate && c->key_id == e->key_id && (e->key_id != Key::Other || cf.str(c->key) == pf.str(e->key)))
              t = c;
        } else if (auto it = theirs.find(pf.str(e->key)); it != theirs.end()) {
          t = it->second;
        }
        if (!t && !cf.defaults_sections.empty())  // [DEFAULT] of the file
          t = e->key_id != Key::Other ? cf.find_default(e->key_id) : cf.find_default(pf.str(e->key));
        if (!t) continue;
        const std::string_view key = pf.str(e->key);
        const std::string_view mine = pf.str(e->value), used = cf.str(t->value);
        if (mine == used) continue;
        std::string values;
        if (is_secret_key(key)) {
          values = "to a different value";
        } else if (is_key_id_key(key) && mask_key_id(mine) == mask_key_id(used)) {
          values = "to a different access key id";
        } else {
          auto shown = [&](std::string_view v) { return is_key_id_key(key) ? mask_key_id(v) : printable_excerpt(v); };
          values = fmt::format("to '{}' (here: '{}')", shown(used), shown(mine));
        }
        Finding& x = out.report(
            at(ws.config, e->line, e->key_col),
            fmt::format("'{}' of profile '{}' is also set in the credentials file (line {}) {}, and the credentials "
                        "file wins: the CLI does not use this line; remove one of the two",
                        printable_excerpt(key), printable_excerpt(p.name), t->line, values));
        x.related.push_back({at(ws.credentials, t->line, t->key_col), "the value the CLI uses"});
        x.profile = std::string(p.name);
        x.has_profile = true;
        x.key = std::string(key);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_key_overridden_by_credentials() { return std::make_unique<KeyOverriddenByCredentials>(); }

}  // namespace awslint
