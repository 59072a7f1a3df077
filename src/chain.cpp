// botocore's credential resolver (credentials.py), transcribed without the network. Comments name
// the botocore classes and methods each part follows.
#include "chain.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "text.h"

namespace awslint {

std::string_view credential_type_name(CredentialType t) {
  switch (t) {
    case CredentialType::None: return "none";
    case CredentialType::Env: return "env";
    case CredentialType::AssumeRole: return "assume-role";
    case CredentialType::AssumeRoleWithWebIdentity: return "assume-role-with-web-identity";
    case CredentialType::Sso: return "sso";
    case CredentialType::SharedCredentialsFile: return "shared-credentials-file";
    case CredentialType::CustomProcess: return "custom-process";
    case CredentialType::ConfigFile: return "config-file";
    case CredentialType::ContainerRole: return "container-role";
    case CredentialType::IamRole: return "iam-role";
  }
  return "none";
}

std::string safe_name(std::string_view name) {
  // AKIA (long-term) and ASIA (temporary) key ids: four letters and sixteen upper-case letters or digits.
  const bool key_id = name.size() == 20 && (name.starts_with("AKIA") || name.starts_with("ASIA")) &&
                      std::all_of(name.begin(), name.end(), [](char c) {
                        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                      });
  return key_id ? mask_key_id(name) : printable(name);
}

bool has_static_keys(const Profile& p) { return p.has(Key::aws_secret_access_key) || p.has(Key::aws_access_key_id); }

bool has_assume_role(const Profile& p) { return p.has(Key::role_arn) && !p.has(Key::web_identity_token_file); }

namespace {

// Python's repr() of a str, as InfiniteLoopConfigError prints the visited list.
std::string py_repr(std::string_view s) {
  const bool dq = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos;
  const char q = dq ? '"' : '\'';
  std::string out(1, q);
  for (char c : printable(s)) {
    if (c == q) out.push_back('\\');
    out.push_back(c);
  }
  out.push_back(q);
  return out;
}

Origin of(std::optional<Value> v) { return Origin{std::move(v), nullptr}; }
Origin of(const EnvVar* v) { return Origin{std::nullopt, v}; }

// Every key of a section as configparser's options() lists them: its own, then the [DEFAULT] ones
// it does not set itself.
std::vector<const Entry*> section_entries(const ParsedFile& pf, const Section& s) {
  std::vector<const Entry*> out;
  for (const Entry* e = pf.begin(s); e != pf.end(s); ++e)
    if (!e->duplicate) out.push_back(e);
  for (std::uint32_t di : pf.defaults_sections) {
    const Section& d = pf.sections[di];
    for (const Entry* e = pf.begin(d); e != pf.end(d); ++e) {
      if (e->duplicate) continue;
      const bool own = std::any_of(out.begin(), out.end(), [&](const Entry* o) { return pf.str(o->key) == pf.str(e->key); });
      if (!own) out.push_back(e);
    }
  }
  return out;
}

class Resolver {
 public:
  Resolver(const Workspace& ws, bool env_provider_enabled) : ws_(ws), env_enabled_(env_provider_enabled) {}

  // create_credential_resolver: env, assume-role, the profile providers, container, instance.
  CredentialSource top(std::string_view name, bool explicit_selection, const EnvVar* selected_by) {
    CredentialSource r;
    r.profile = std::string(name);
    const Profile* p = ws_.profile(name);
    r.profile_defined = p != nullptr;
    if (p) name = p->name;  // views into the workspace, not into the caller's string
    if (!p && (explicit_selection || name != "default")) {
      // Session.get_scoped_config: a profile that was asked for must exist, even "default".
      fail(r, "ProfileNotFound", fmt::format("The config profile ({}) could not be found", safe_name(name)), "",
           of(selected_by));
      return r;
    }
    if (env_enabled_ && env_provider(r, "")) return r;
    if (p && has_assume_role(*p)) {
      visit_first(name);
      assume_role(*p, r);
      return r;
    }
    if (profile_providers(p, name, env_enabled_, r)) return r;
    machine_providers(r);
    return r;
  }

  // AssumeRoleProvider._resolve_credentials_from_profile, for a source profile.
  void source(std::string_view name, CredentialSource& r) { source(name, ws_.profile(name), r); }
  // The same with the profile of that name looked up already (null: none).
  void source(std::string_view name, const Profile* p, CredentialSource& r) {
    r.profile = std::string(name);
    r.profile_defined = p != nullptr;
    if (p) name = p->name;
    if (!p) {
      fail(r, "InvalidConfigError", fmt::format("The source_profile \"{}\" does not exist.", safe_name(name)), "", {});
      return;
    }
    visit_first(name);
    if (!has_static_keys(*p) && has_assume_role(*p)) {
      assume_role(*p, r);
      return;
    }
    if (!profile_providers(p, name, false, r))
      fail(r, "InvalidConfigError", fmt::format("The source profile \"{}\" must have credentials.", printable(name)),
           std::string(name), {});
  }

 private:
  const EnvVar* env(std::string_view name) const { return ws_.env.get(name); }

  static bool fail(CredentialSource& r, std::string exception, std::string message, std::string profile, Origin where) {
    r.error = ChainError{std::move(exception), std::move(message), std::move(profile), std::move(where)};
    return true;
  }

  static void found(CredentialSource& r, CredentialType t, std::string_view profile, Origin origin) {
    if (r.type == CredentialType::None) r.type = t;
    r.source_type = t;
    r.source_profile = profile;
    r.origin = std::move(origin);
  }

  // EnvProvider.load. `referenced_by` is the profile whose credential_source = Environment asked
  // for it (CanonicalNameCredentialSourcer), or "".
  bool env_provider(CredentialSource& r, std::string_view referenced_by) {
    const EnvVar* kid = env("AWS_ACCESS_KEY_ID");
    if (!kid || kid->value.empty()) return false;  // an empty key id is no key id
    const EnvVar* secret = env("AWS_SECRET_ACCESS_KEY");
    found(r, CredentialType::Env, "", of(kid));
    r.key_id = mask_key_id(kid->value);
    if (!secret || secret->value.empty())
      return fail(r, "PartialCredentialsError",
                  "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY", std::string(referenced_by),
                  of(kid));
    for (const char* t : {"AWS_SECURITY_TOKEN", "AWS_SESSION_TOKEN"}) {
      if (const EnvVar* tok = env(t); tok && !tok->value.empty()) {
        r.session_token = of(tok);
        break;
      }
    }
    if (const EnvVar* exp = env("AWS_CREDENTIAL_EXPIRATION"); exp && !exp->value.empty()) r.expiration = of(exp);
    return true;
  }

  // ContainerProvider, then InstanceMetadataProvider (the end of the chain).
  void machine_providers(CredentialSource& r) {
    if (container(r)) return;
    if (metadata_disabled()) {
      r.instance_metadata_disabled = true;
      return;
    }
    found(r, CredentialType::IamRole, "", {});
    r.instance_metadata_fallback = true;
  }

  bool container(CredentialSource& r) {
    for (const char* v : {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"}) {
      if (const EnvVar* e = env(v)) {  // present, even empty: the provider tries (and fails) then
        found(r, CredentialType::ContainerRole, "", of(e));
        return true;
      }
    }
    return false;
  }

  // InstanceMetadataFetcher: AWS_EC2_METADATA_DISABLED, compared lower-cased with "true".
  bool metadata_disabled() const {
    const EnvVar* d = env("AWS_EC2_METADATA_DISABLED");
    return d && ascii_lower(d->value) == "true";
  }

  // ProfileProviderBuilder.providers: web identity, SSO, credentials file, process, config file.
  // True when one of them answered or raised.
  bool profile_providers(const Profile* p, std::string_view name, bool env_vars, CredentialSource& r) {
    if (web_identity(p, name, env_vars, r)) return true;
    if (!p) return false;
    if (sso(*p, name, r)) return true;
    if (shared_credentials(*p, name, r)) return true;
    if (auto proc = p->get(Key::credential_process)) {
      const bool empty = proc->text.empty() || !shlex_split(proc->text) || shlex_split(proc->text)->empty();
      found(r, CredentialType::CustomProcess, name, of(proc));
      // compat_shell_split("") is [], and Popen([]) raises IndexError.
      if (empty) return fail(r, "IndexError", "list index out of range", std::string(name), of(proc));
      return true;
    }
    return config_file(*p, name, r);
  }

  // AssumeRoleWithWebIdentityProvider: the variables (without --profile) win over the profile.
  bool web_identity(const Profile* p, std::string_view name, bool env_vars, CredentialSource& r) {
    Origin token;
    std::string_view token_path;
    if (const EnvVar* v = env_vars ? env("AWS_WEB_IDENTITY_TOKEN_FILE") : nullptr) {
      token = of(v);
      token_path = v->value;
    } else if (auto t = p ? p->get(Key::web_identity_token_file) : std::nullopt) {
      token_path = t->text;
      token = of(t);
    }
    if (token_path.empty()) return false;
    Origin role;
    std::string_view role_arn;
    if (const EnvVar* v = env_vars ? env("AWS_ROLE_ARN") : nullptr) {
      role = of(v);
      role_arn = v->value;
    } else if (auto a = p ? p->get(Key::role_arn) : std::nullopt) {
      role_arn = a->text;
      role = of(a);
    }
    found(r, CredentialType::AssumeRoleWithWebIdentity, p ? name : std::string_view(), token);
    r.hops.push_back(RoleHop{p ? name : std::string_view(), role, token, false});
    if (role_arn.empty())
      return fail(r, "InvalidConfigError",
                  "The provided profile or the current environment is configured to assume role with web identity "
                  "but has no role ARN configured. Ensure that the profile has the role_arnconfiguration set or "
                  "the AWS_ROLE_ARN env var is set.",
                  std::string(name), token);
    return true;
  }

  // SSOProvider._load_sso_config: sso_role_name or sso_account_id turn it on.
  bool sso(const Profile& p, std::string_view name, CredentialSource& r) {
    auto role = p.get(Key::sso_role_name);
    auto account = p.get(Key::sso_account_id);
    if (!role && !account) return false;
    auto session_key = p.get(Key::sso_session);
    found(r, CredentialType::Sso, name, of(session_key ? session_key : (account ? account : role)));
    std::vector<std::string_view> have;
    for (const char* k : {"sso_role_name", "sso_account_id", "sso_start_url", "sso_region", "sso_session"})
      if (p.has(k)) have.push_back(k);
    std::vector<std::string_view> required{"sso_role_name", "sso_account_id", "sso_start_url", "sso_region"};
    if (session_key) {
      const SsoSession* s = ws_.sso_session(session_key->text);
      if (!s)
        return fail(r, "InvalidConfigError",
                    fmt::format("The specified sso-session does not exist: \"{}\"", safe_name(session_key->text)),
                    std::string(name), of(session_key));
      const ParsedFile& pf = *s->file->parsed;
      for (const Entry* e : section_entries(pf, *s->section)) {
        const std::string_view k = pf.str(e->key);
        const std::string_view sv = pf.str(e->value);
        if (auto pv = p.get(k); pv && pv->text != sv) {
          const bool secret = is_secret_key(k);
          return fail(r, "InvalidConfigError",
                      fmt::format("The value for {} is inconsistent between profile ({}) and sso-session ({}).",
                                  printable(k), secret ? "..." : printable(pv->text), secret ? "..." : printable(sv)),
                      std::string(name), of(pv));
        }
        have.push_back(k);
      }
      required.push_back("sso_session");
    }
    std::vector<std::string_view> missing;
    for (std::string_view k : required)
      if (std::find(have.begin(), have.end(), k) == have.end()) missing.push_back(k);
    if (!missing.empty())
      return fail(r, "InvalidConfigError",
                  fmt::format("The profile \"{}\" is configured to use SSO but is missing required configuration: {}",
                              printable(name), fmt::join(missing, ", ")),
                  std::string(name), r.origin);
    return true;
  }

  // SharedCredentialProvider / ConfigProvider: the key id turns them on, the secret must follow.
  // By key id: the string forms look the id up again on every call.
  bool static_keys(std::optional<Value> (Profile::*get)(Key) const, const Profile& p,
                   std::string_view name, CredentialType type, std::string_view provider, CredentialSource& r) {
    auto kid = (p.*get)(Key::aws_access_key_id);
    if (!kid) return false;
    found(r, type, name, of(kid));
    r.key_id = mask_key_id(kid->text);
    if (!(p.*get)(Key::aws_secret_access_key))
      return fail(r, "PartialCredentialsError",
                  fmt::format("Partial credentials found in {}, missing: aws_secret_access_key", provider),
                  std::string(name), of(kid));
    for (const Key t : {Key::aws_security_token, Key::aws_session_token}) {
      if (auto tok = (p.*get)(t)) {
        r.session_token = of(tok);
        break;
      }
    }
    return true;
  }
  bool shared_credentials(const Profile& p, std::string_view name, CredentialSource& r) {
    return static_keys(&Profile::get_credentials, p, name, CredentialType::SharedCredentialsFile,
                       "shared-credentials-file", r);
  }
  bool config_file(const Profile& p, std::string_view name, CredentialSource& r) {
    return static_keys(&Profile::get_config, p, name, CredentialType::ConfigFile, "config-file", r);
  }

  // AssumeRoleProvider._load_creds_via_assume_role, hop by hop.
  void assume_role(const Profile& first, CredentialSource& r) {
    r.type = CredentialType::AssumeRole;
    const Profile* cur = &first;
    for (;;) {
      const std::string_view name = cur->name;
      auto role_arn = cur->get(Key::role_arn);
      auto sp = cur->get(Key::source_profile);
      auto cs = cur->get(Key::credential_source);
      // _get_role_config
      if (sp && cs) {
        fail(r, "InvalidConfigError",
             fmt::format("The profile \"{}\" contains both source_profile and credential_source.", printable(name)),
             std::string(name), of(cs));
        return;
      }
      if (!sp && !cs) {
        fail(r, "PartialCredentialsError",
             "Partial credentials found in assume-role, missing: source_profile or credential_source",
             std::string(name), of(role_arn));
        return;
      }
      r.hops.push_back(RoleHop{name, of(role_arn), of(cs ? cs : sp), cs.has_value()});
      if (cs) {
        credential_source(name, *cs, r);
        return;
      }
      // _validate_source_profile
      const std::string_view s = sp->text;
      const Profile* sprof = ws_.profile(s);
      if (!sprof) {
        fail(r, "InvalidConfigError",
             fmt::format("The source_profile \"{}\" referenced in the profile \"{}\" does not exist.", safe_name(s),
                         printable(name)),
             std::string(name), of(sp));
        return;
      }
      if (visited(s) && (s != name || !has_static_keys(*sprof))) {
        std::vector<std::string> reprs;
        for (std::string_view v : visited_) reprs.push_back(py_repr(v));
        fail(r, "InfiniteLoopConfigError",
             fmt::format("Infinite loop in credential configuration detected. Attempting to load from profile {} "
                         "which has already been visited. Visited profiles: [{}]",
                         safe_name(s), fmt::join(reprs, ", ")),
             std::string(name), of(sp));
        return;
      }
      visit(s);
      // _resolve_credentials_from_profile
      if (has_static_keys(*sprof) || !has_assume_role(*sprof)) {
        if (!profile_providers(sprof, s, false, r)) {
          r.source_profile = s;
          fail(r, "InvalidConfigError", fmt::format("The source profile \"{}\" must have credentials.", printable(s)),
               std::string(s), of(sp));
        }
        return;
      }
      cur = sprof;
    }
  }

  // CanonicalNameCredentialSourcer: the names are matched exactly by is_supported.
  void credential_source(std::string_view profile, const Value& cs, CredentialSource& r) {
    const std::string_view v = cs.text;
    auto nothing = [&](std::string_view provider) {
      fail(r, "CredentialRetrievalError",
           fmt::format("Error when retrieving credentials from {}: No credentials found in credential_source "
                       "referenced in profile {}",
                       provider, printable(profile)),
           std::string(profile), of(cs));
    };
    if (v == "Environment") {
      if (!env_provider(r, profile)) nothing("Environment");
    } else if (v == "EcsContainer") {
      if (!container(r)) nothing("EcsContainer");
    } else if (v == "Ec2InstanceMetadata") {
      if (metadata_disabled()) {
        r.instance_metadata_disabled = true;
        nothing("Ec2InstanceMetadata");
      } else {
        found(r, CredentialType::IamRole, "", of(cs));
      }
    } else {
      fail(r, "InvalidConfigError",
           fmt::format("The credential source \"{}\" referenced in profile \"{}\" is not valid.", printable(v),
                       printable(profile)),
           std::string(profile), of(cs));
    }
  }

  const Workspace& ws_;
  bool env_enabled_;
  void visit_first(std::string_view name) {
    visited_.assign(1, name);
    visited_set_.clear();
  }
  // Most walks are a hop or two (and a source profile's resolution is one step): the hash set is
  // only built once the walk is long enough for linear searches to cost more than it.
  static constexpr std::size_t kLinearVisits = 16;
  bool visited(std::string_view s) const {
    if (visited_.size() <= kLinearVisits) return std::find(visited_.begin(), visited_.end(), s) != visited_.end();
    return visited_set_.count(s) != 0;
  }
  void visit(std::string_view s) {
    visited_.push_back(s);
    if (visited_.size() == kLinearVisits + 1) visited_set_.insert(visited_.begin(), visited_.end());
    else if (visited_.size() > kLinearVisits + 1) visited_set_.insert(s);
  }

  std::vector<std::string_view> visited_;            // in order, for InfiniteLoopConfigError's message
  std::unordered_set<std::string_view> visited_set_;  // the same once there are many (chains can be long)
};

}  // namespace

CredentialSource resolve_credentials(const Workspace& ws, std::string_view profile, bool env_provider_enabled) {
  return Resolver(ws, env_provider_enabled).top(profile, false, nullptr);
}

CredentialSource resolve_credentials(const Workspace& ws, const Selection& sel) {
  return Resolver(ws, sel.source != Selection::Source::Flag)
      .top(sel.name, sel.source != Selection::Source::Default, sel.var);
}

CredentialSource resolve_source_profile(const Workspace& ws, std::string_view profile) {
  CredentialSource r;
  Resolver(ws, false).source(profile, r);
  return r;
}

CredentialSource resolve_source_profile(const Workspace& ws, const Profile& profile) {
  CredentialSource r;
  Resolver(ws, false).source(profile.name, &profile, r);
  return r;
}

bool can_produce_credentials(const Workspace& ws, std::string_view profile) {
  return resolve_source_profile(ws, profile).located();
}

namespace {
// "profile x" / "Profile  x" / "profile \"x\"" -> "x"; nullopt when the name does not start so.
std::optional<std::string_view> after_profile_word(std::string_view n) {
  n = py_strip(n);
  if (n.size() < 8 || !iequals(n.substr(0, 7), "profile")) return std::nullopt;
  std::string_view rest = py_strip(n.substr(7));
  if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front())
    rest = rest.substr(1, rest.size() - 2);
  return rest;
}
std::string header(const ParsedFile& pf, const Section& s) { return fmt::format("[{}]", printable(pf.str(s.name))); }

std::string wanted_header(std::string_view name) {
  return name == "default" ? "[default]" : fmt::format("[profile {}]", printable(name));
}

// The tests of near_miss_sections, one section at a time: a config section (an element of
// config_sections()) and a credentials section. `want` is wanted_header(name).
void near_miss_config(const Workspace& ws, const ConfigSection& cs, std::string_view name, std::string_view want,
                      std::vector<NearMiss>& out) {
  const ParsedFile& pf = *ws.config.parsed;
  const Section& s = pf.sections[cs.index];
  if (cs.role == SectionRole::Profile && cs.name != name && iequals(cs.name, name)) {
    out.push_back({&ws.config, &s,
                   fmt::format("'{}' at line {} of the config file defines '{}': profile names are case-sensitive",
                               header(pf, s), s.line, printable(cs.name))});
    return;
  }
  if (cs.role != SectionRole::Ignored || s.duplicate) return;
  const std::string_view n = pf.str(s.name);
  auto rest = after_profile_word(n);
  if (iequals(py_strip(n), name) || (rest && iequals(*rest, name)))
    out.push_back({&ws.config, &s,
                   fmt::format("'{}' at line {} of the config file is not a profile to the CLI: write '{}'",
                               header(pf, s), s.line, want)});
}

void near_miss_credentials(const Workspace& ws, const Section& s, std::string_view name, std::vector<NearMiss>& out) {
  const ParsedFile& pf = *ws.credentials.parsed;
  if (s.is_defaults || s.duplicate) return;
  const std::string_view n = pf.str(s.name);
  if (n == name) return;
  auto rest = after_profile_word(n);
  if (rest && iequals(*rest, name))
    out.push_back({&ws.credentials, &s,
                   fmt::format("'{}' at line {} of the credentials file is a profile named '{}': write '[{}]' "
                               "there",
                               header(pf, s), s.line, printable(n), printable(name))});
  else if (iequals(py_strip(n), name))
    out.push_back({&ws.credentials, &s,
                   fmt::format("'{}' at line {} of the credentials file defines '{}': profile names are "
                               "case-sensitive and keep their spaces",
                               header(pf, s), s.line, printable(n))});
}

// closest_profile's bound: a distance above it is no suggestion.
std::size_t suggestion_limit(std::string_view name) {
  return std::max<std::size_t>(1, std::min<std::size_t>(3, (name.size() + 2) / 3));
}

// Which of 64 classes of bytes occur in s: digits and (lower-case) letters one class each, the
// other bytes 28 classes. Each class that occurs in one string and not in the other costs an edit
// (a deletion or substitution of one of its bytes), so the larger of the two counts is a lower
// bound of the edit distance.
std::uint64_t char_classes(std::string_view s) {
  std::uint64_t m = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const unsigned k = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? 10u + (c - 'a') : 36u + c % 28u;
    m |= std::uint64_t{1} << k;
  }
  return m;
}
// Whether x has more than k bits set (k small: without -mpopcnt, std::popcount is a library call).
bool more_bits_than(std::uint64_t x, std::size_t k) {
  for (std::size_t i = 0; i <= k && x; ++i) x &= x - 1;
  return x != 0;
}
// Whether the byte classes alone put the two names more than k edits apart.
bool classes_differ_by_more_than(std::uint64_t a, std::uint64_t b, std::size_t k) {
  return more_bits_than(a & ~b, k) || more_bits_than(b & ~a, k);
}

// FNV-1a of the ASCII-lower-cased bytes: equal for two strings that iequals() calls equal.
std::uint64_t ihash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c += 32;
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  }
  return h;
}
}  // namespace

std::vector<NearMiss> near_miss_sections(const Workspace& ws, std::string_view name) {
  std::vector<NearMiss> out;
  const std::string want = wanted_header(name);
  if (ws.config.ok())
    for (const ConfigSection& cs : ws.config_sections()) near_miss_config(ws, cs, name, want, out);
  if (ws.credentials.ok())
    for (const Section& s : ws.credentials.parsed->sections) near_miss_credentials(ws, s, name, out);
  return out;
}

std::string_view closest_profile(const Workspace& ws, std::string_view name) {
  std::string_view best;
  std::size_t best_d = SIZE_MAX;
  const std::string lname = ascii_lower(name);
  for (const Profile& p : ws.profiles()) {
    if (p.name == name) continue;
    const std::size_t d = ascii_lower(p.name) == lname ? 0 : edit_distance(lname, ascii_lower(p.name));
    if (d < best_d) {
      best_d = d;
      best = p.name;
    }
  }
  return best_d <= suggestion_limit(name) ? best : std::string_view();
}

struct Suggestions::Index {
  // near_miss_sections: (ihash of a string a section matches case-insensitively, the section's
  // position), sorted. Positions: config_sections() first, then the credentials file's sections
  // (config_count + index), which is the order of near_miss_sections' answer.
  bool sections_built = false;
  std::uint32_t section_queries = 0;
  std::uint32_t config_count = 0;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;

  // closest_profile: profile i's name lower-cased is lower[ends[i - 1], ends[i]) (from 0 for i = 0).
  bool profiles_built = false;
  std::string lower;
  std::vector<std::size_t> ends;
  std::vector<std::uint64_t> masks;  // char_classes of each lowered name
  std::unordered_map<std::string, std::string_view> closest;  // answers by name (names repeat)

  void build_sections(const Workspace& ws) {
    sections_built = true;
    // Every string the tests of near_miss_config / near_miss_credentials compare `name` with:
    // a profile's name, a header stripped, the header after its 'profile' word.
    auto add_header = [&](std::string_view n, std::uint32_t pos) {
      keys.emplace_back(ihash(py_strip(n)), pos);
      if (auto rest = after_profile_word(n)) keys.emplace_back(ihash(*rest), pos);
    };
    if (ws.config.ok()) {
      const ParsedFile& pf = *ws.config.parsed;
      const auto& css = ws.config_sections();
      config_count = static_cast<std::uint32_t>(css.size());
      for (std::uint32_t i = 0; i < css.size(); ++i) {
        const ConfigSection& cs = css[i];
        const Section& s = pf.sections[cs.index];
        if (cs.role == SectionRole::Profile) keys.emplace_back(ihash(cs.name), i);
        else if (cs.role == SectionRole::Ignored && !s.duplicate) add_header(pf.str(s.name), i);
      }
    }
    if (ws.credentials.ok()) {
      const ParsedFile& pf = *ws.credentials.parsed;
      for (std::uint32_t i = 0; i < pf.sections.size(); ++i) {
        const Section& s = pf.sections[i];
        if (!s.is_defaults && !s.duplicate) add_header(pf.str(s.name), config_count + i);
      }
    }
    std::sort(keys.begin(), keys.end());
  }

  void build_profiles(const Workspace& ws) {
    profiles_built = true;
    ends.reserve(ws.profiles().size());
    masks.reserve(ws.profiles().size());
    for (const Profile& p : ws.profiles()) {
      const std::size_t from = lower.size();
      for (char c : p.name) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      ends.push_back(lower.size());
      masks.push_back(char_classes(std::string_view(lower).substr(from)));
    }
  }
  std::string_view lowered(std::size_t i) const {
    const std::size_t from = i ? ends[i - 1] : 0;
    return std::string_view(lower).substr(from, ends[i] - from);
  }
};

Suggestions::Suggestions(const Workspace& ws) : ws_(ws) {}
Suggestions::~Suggestions() = default;

std::vector<NearMiss> Suggestions::near_miss_sections(std::string_view name) {
  if (!index_) index_ = std::make_unique<Index>();
  Index& ix = *index_;
  // The first name is a scan, which costs less than building the index: a rule that asks once
  // (AWS101 for "default", AWS102 for AWS_PROFILE) never builds it.
  if (!ix.sections_built && ix.section_queries++ == 0) return awslint::near_miss_sections(ws_, name);
  if (!ix.sections_built) ix.build_sections(ws_);
  std::vector<NearMiss> out;
  const std::uint64_t h = ihash(name);
  auto it = std::lower_bound(ix.keys.begin(), ix.keys.end(), std::pair<std::uint64_t, std::uint32_t>(h, 0));
  if (it == ix.keys.end() || it->first != h) return out;
  // The candidates, in position order (a section indexed under two strings comes once); each is
  // tested as near_miss_sections tests it, so a hash collision adds nothing.
  const std::string want = wanted_header(name);
  std::uint32_t last = UINT32_MAX;
  for (; it != ix.keys.end() && it->first == h; ++it) {
    const std::uint32_t pos = it->second;
    if (pos == last) continue;
    last = pos;
    if (pos < ix.config_count) near_miss_config(ws_, ws_.config_sections()[pos], name, want, out);
    else near_miss_credentials(ws_, ws_.credentials.parsed->sections[pos - ix.config_count], name, out);
  }
  return out;
}

std::string_view Suggestions::closest_profile(std::string_view name) {
  if (!index_) index_ = std::make_unique<Index>();
  Index& ix = *index_;
  if (auto it = ix.closest.find(std::string(name)); it != ix.closest.end()) return it->second;
  if (!ix.profiles_built) ix.build_profiles(ws_);
  // closest_profile keeps the first profile with the smallest distance, and only when that distance
  // is within the limit: so only distances below the best so far and within the limit matter, and
  // edit_distance_within is exact there. A distance of 0 (the same name in another case) cannot be
  // beaten.
  const std::string lname = ascii_lower(name);
  const std::uint64_t lmask = char_classes(lname);
  const std::size_t limit = suggestion_limit(name);
  std::size_t best_d = limit + 1;
  std::string_view best;
  const auto& profiles = ws_.profiles();
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    const std::size_t bound = best_d - 1;  // what this one must reach to count
    const std::string_view lp = ix.lowered(i);
    const std::size_t diff = lp.size() > lname.size() ? lp.size() - lname.size() : lname.size() - lp.size();
    if (diff > bound || classes_differ_by_more_than(lmask, ix.masks[i], bound)) continue;  // lower bounds first
    const Profile& p = profiles[i];
    std::size_t d;
    if (lp == lname) {
      if (p.name == name) continue;  // the name itself (only asked about names not defined, but still)
      d = 0;
    } else {
      d = bound == 0 ? 1 : edit_distance_within(lname, lp, bound);
    }
    if (d < best_d) {
      best_d = d;
      best = p.name;
      if (d == 0) break;
    }
  }
  ix.closest.emplace(std::string(name), best);
  return best;
}

}  // namespace awslint
