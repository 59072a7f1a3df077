// `awslint resolve`. The credential chain itself is chain.cpp; this file adds what the CLI checks
// around it (rejected files, the environment's expiry), the region, the boto3 / CLI v1 view, and
// the two output formats. Nothing here prints a secret: key ids are masked, tokens and secret keys
// are named by where they are set, never shown, and credential_process commands and container URIs
// are not echoed.
#include "resolve.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "json.h"
#include "text.h"
#include "timeutil.h"

namespace awslint {

std::string_view region_source_name(RegionSource s) {
  switch (s) {
    case RegionSource::AwsRegion: return "AWS_REGION";
    case RegionSource::AwsDefaultRegion: return "AWS_DEFAULT_REGION";
    case RegionSource::ConfigFile: return "config-file";
    case RegionSource::CredentialsFile: return "shared-credentials-file";
    case RegionSource::None: return "none";
  }
  return "none";
}

namespace {

// Expiry keys that credential helpers write beside the keys (AWS-SEMANTICS §7); the SDKs never
// read them.
constexpr std::string_view kHelperExpiryKeys[] = {"aws_expiration", "x_security_token_expires",
                                                  "aws_session_expiration", "aws_credential_expiration",
                                                  "expiration"};

Origin of(std::optional<Value> v) { return Origin{std::move(v), nullptr}; }
Origin of(const EnvVar* v) { return Origin{std::nullopt, v}; }

RegionResult find_region(const Workspace& ws, const Profile* p, bool v1) {
  RegionResult r;
  // configprovider: ('region', ['AWS_REGION', 'AWS_DEFAULT_REGION']) in 2.9.19, 'AWS_DEFAULT_REGION'
  // alone in botocore 1.x. A variable set to "" still counts (the env provider checks `in environ`).
  std::vector<std::pair<const EnvVar*, RegionSource>> order;
  if (!v1) order.push_back({ws.env.get("AWS_REGION"), RegionSource::AwsRegion});
  order.push_back({ws.env.get("AWS_DEFAULT_REGION"), RegionSource::AwsDefaultRegion});
  for (const auto& [var, src] : order) {
    if (!var) continue;
    if (r.source == RegionSource::None) {
      r.source = src;
      r.var = var;
      r.value = var->value;
    } else {
      r.overridden.push_back(of(var));
    }
  }
  // The profile: the credentials file's section merged over the config profile.
  if (p) {
    for (auto v : {p->get_credentials("region"), p->get_config("region")}) {
      if (!v) continue;
      if (r.source == RegionSource::None) {
        r.source = v->file && v->file->kind == FileKind::Credentials ? RegionSource::CredentialsFile
                                                                      : RegionSource::ConfigFile;
        r.value = v->text;
        r.key = v;
      } else {
        r.overridden.push_back(of(v));
      }
    }
  }
  return r;
}

// The helper-tool expiry next to static keys in `file` for `profile`.
std::optional<Expiry> helper_expiry(const Workspace& ws, std::string_view profile, FileKind kind) {
  const Profile* p = ws.profile(profile);
  if (!p) return std::nullopt;
  for (std::string_view k : kHelperExpiryKeys) {
    auto v = kind == FileKind::Credentials ? p->get_credentials(k) : p->get_config(k);
    if (!v) continue;
    Expiry e;
    e.at = parse_timestamp(v->text);
    e.where = of(v);
    return e;
  }
  return std::nullopt;
}

}  // namespace

Resolution resolve(const Workspace& ws, bool v1) {
  Resolution r;
  r.v1 = v1;
  r.selection = v1 ? ws.selected_v1() : ws.selected();
  r.profile_defined = ws.defined(r.selection.name);
  if (r.selection.source != Selection::Source::Flag) {
    for (const char* n : {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"}) {
      const EnvVar* v = ws.env.get(n);
      if (v && v != r.selection.var) r.profile_overridden.push_back(v);
    }
  }
  const Profile* p = ws.profile(r.selection.name);
  r.region = find_region(ws, p, v1);

  // The session reads the config file, then the credentials file, before anything else.
  for (const SourceFile* f : {&ws.config, &ws.credentials}) {
    if (f->ok() && f->parsed->rejected) {
      ResolveError e;
      e.type = "ConfigParseError";
      e.message = fmt::format("Unable to parse config file: {}", printable(f->path));
      e.file = f;
      r.error = std::move(e);
      r.region = RegionResult{};  // nothing is read from a session that cannot start
      return r;
    }
  }

  r.credentials = resolve_credentials(ws, r.selection);
  CredentialSource& cs = r.credentials;
  if (cs.error) {
    r.error = ResolveError{cs.error->exception, cs.error->message, cs.error->profile, cs.error->where, nullptr};
    if (cs.error->exception == "ProfileNotFound") r.region = RegionResult{};
    return r;
  }

  // EnvProvider: AWS_CREDENTIAL_EXPIRATION is parsed by dateutil and compared with an aware "now".
  if (cs.source_type == CredentialType::Env && cs.expiration.var) {
    const EnvVar& v = *cs.expiration.var;
    Expiry e;
    e.where = cs.expiration;
    e.read_by_cli = true;
    const ExpiryReading rd = read_expiry(v.value);
    if (rd.kind == ExpiryReading::Kind::Aware || rd.kind == ExpiryReading::Kind::Naive) e.at = rd.at;
    if (rd.kind == ExpiryReading::Kind::Rejected) {
      r.error = ResolveError{"ParserError", fmt::format("{}: {}", rd.error, printable(v.value)), "", cs.expiration,
                             nullptr};
    } else if (rd.kind == ExpiryReading::Kind::Unknown) {
      // dateutil reads far more than awslint does (month names, other orders, named zones): no guess.
    } else if (rd.kind == ExpiryReading::Kind::Naive) {
      r.error = ResolveError{"TypeError", "can't subtract offset-naive and offset-aware datetimes", "",
                             cs.expiration, nullptr};
    } else if (*e.at - static_cast<std::int64_t>(ws.ctx.now) < 0) {
      // RefreshableCredentials: a mandatory refresh fetches the same values, still expired.
      r.error = ResolveError{"RuntimeError",
                             "Credentials were refreshed, but the refreshed credentials are still expired.", "",
                             cs.expiration, nullptr};
    }
    r.expiry = std::move(e);
  } else if (cs.source_type == CredentialType::SharedCredentialsFile ||
             cs.source_type == CredentialType::ConfigFile) {
    r.expiry = helper_expiry(ws, cs.source_profile,
                             cs.source_type == CredentialType::SharedCredentialsFile ? FileKind::Credentials
                                                                                      : FileKind::Config);
  }
  return r;
}

namespace {

struct LineRange {
  const SourceFile* file;
  std::uint32_t first, last;
};

// The lines of a section: its header down to the line before the next header (Section::end_line
// is not maintained by the lexer).
void add_section(const SourceFile* f, const Section* s, std::vector<LineRange>& out) {
  if (!f || !s || !f->ok()) return;
  const ParsedFile& pf = *f->parsed;
  const std::size_t i = static_cast<std::size_t>(s - pf.sections.data());
  if (i >= pf.sections.size()) return;
  const std::uint32_t last = i + 1 < pf.sections.size() ? pf.sections[i + 1].line - 1
                                                        : static_cast<std::uint32_t>(pf.lines.size());
  out.push_back({f, s->line, std::max(s->line, last)});
}

void add_profile_sections(const Workspace& ws, std::string_view name, std::vector<LineRange>& out) {
  const Profile* p = ws.profile(name);
  if (!p) return;
  add_section(p->config_file, p->config, out);
  add_section(p->credentials_file, p->credentials, out);
  if (auto s = p->get("sso_session")) {
    if (const SsoSession* ss = ws.sso_session(s->text)) add_section(ss->file, ss->section, out);
  }
}

std::string_view display_of(const Location& loc) { return loc.file; }

}  // namespace

std::vector<const Finding*> relevant_findings(const Workspace& ws, const Resolution& r,
                                              const std::vector<Finding>& findings) {
  std::set<std::string, std::less<>> profiles;
  profiles.insert(std::string(r.selection.name));
  for (const RoleHop& h : r.credentials.hops)
    if (!h.profile.empty()) profiles.insert(std::string(h.profile));
  if (!r.credentials.source_profile.empty()) profiles.insert(std::string(r.credentials.source_profile));
  if (r.error && !r.error->profile.empty()) profiles.insert(r.error->profile);

  std::vector<LineRange> ranges;
  for (const std::string& n : profiles) add_profile_sections(ws, n, ranges);

  auto file_of = [&](const Location& loc) -> const SourceFile* {
    for (const SourceFile* f : {&ws.config, &ws.credentials})
      if (!f->display.empty() && display_of(loc) == f->display) return f;
    return nullptr;
  };

  std::vector<const Finding*> out;
  for (const Finding& f : findings) {
    bool keep = false;
    if (f.has_profile) {
      // The CLI reads only credential settings from the other profiles of a role chain: their
      // region (and output and the like) never applies.
      keep = f.profile == r.selection.name || (profiles.count(f.profile) > 0 && f.key != "region" && f.key != "output");
    } else if (!f.variable.empty()) {
      keep = true;  // the environment applies to every profile
    } else if (!ws.env.file.empty() && f.loc.file == ws.env.file) {
      keep = true;
    } else if (const SourceFile* sf = file_of(f.loc)) {
      if (f.loc.line == 0) {
        keep = true;
      } else if (sf->ok() && sf->parsed->rejected && f.severity == Severity::Error) {
        keep = true;  // why the file is rejected: it concerns every profile
      } else {
        for (const LineRange& lr : ranges)
          if (lr.file == sf && f.loc.line >= lr.first && f.loc.line <= lr.last) keep = true;
      }
    }
    if (keep) out.push_back(&f);
  }
  return out;
}

namespace {

// ---- shared wording --------------------------------------------------------------------------

std::string env_where(const Workspace& ws, const EnvVar& v) {
  if (v.line == 0 || ws.env.file.empty()) return "environment";
  return fmt::format("{}:{}", ws.env.file, v.line);
}

// "region at config:4" / "AWS_REGION (environment)" / "AWS_PROFILE (image.env:3)".
std::string where_text(const Workspace& ws, const Origin& o) {
  if (o.value) {
    const Value& v = *o.value;
    return fmt::format("{} at {}:{}{}", printable(v.key), Workspace::display(v.file), v.line,
                       v.from_defaults ? " ([DEFAULT])" : "");
  }
  if (o.var)
    return o.var->line == 0 || ws.env.file.empty() ? fmt::format("{} in the environment", o.var->name)
                                                    : fmt::format("{} at {}:{}", o.var->name, ws.env.file, o.var->line);
  return "";
}

// The value of a setting when it is safe to show: never a secret, a credential_process command or
// a container URI.
std::optional<std::string> shown_value(const Origin& o) {
  if (o.value) {
    const std::string_view k = o.value->key;
    if (is_secret_key(k) || k == "credential_process") return std::nullopt;
    if (is_key_id_key(k)) return mask_key_id(o.value->text);
    return printable(o.value->text);
  }
  if (o.var) {
    const std::string_view n = o.var->name;
    if (is_secret_var(n) || n.starts_with("AWS_CONTAINER_")) return std::nullopt;
    if (n == "AWS_ACCESS_KEY_ID") return mask_key_id(o.var->value);
    return printable(o.var->value);
  }
  return std::nullopt;
}

std::string quoted(std::string_view s) { return fmt::format("'{}'", printable(s)); }

std::string selection_reason(const Workspace& ws, const Selection& s) {
  switch (s.source) {
    case Selection::Source::Flag: return "--profile";
    case Selection::Source::AwsProfile:
    case Selection::Source::AwsDefaultProfile: return where_text(ws, of(s.var));
    case Selection::Source::Default: return "no --profile, AWS_PROFILE or AWS_DEFAULT_PROFILE";
  }
  return "";
}

std::string region_text(const Workspace& ws, const RegionResult& r) {
  if (r.source == RegionSource::None) return "none";
  const std::string v = r.value.empty() ? std::string("'' (empty: every request fails)") : quoted(r.value);
  return fmt::format("{}  ({})", v, where_text(ws, r.var ? of(r.var) : of(r.key)));
}

std::string sections_text(const Workspace& ws, std::string_view name) {
  const Profile* p = ws.profile(name);
  if (!p) return "";
  std::vector<std::string> parts;
  if (p->config)
    parts.push_back(fmt::format("[{}] at {}:{}", printable(p->config_file->parsed->str(p->config->name)),
                                p->config_file->display, p->config->line));
  if (p->credentials)
    parts.push_back(fmt::format("[{}] at {}:{}", printable(p->credentials_file->parsed->str(p->credentials->name)),
                                p->credentials_file->display, p->credentials->line));
  return fmt::format("{}", fmt::join(parts, ", "));
}

// Where the credentials at the bottom of the chain come from, in words: "key AKIA…MPLE of profile
// 'dev' in the credentials file (aws_access_key_id at credentials:2)".
std::string source_text(const Workspace& ws, const CredentialSource& cs) {
  const std::string prof = cs.source_profile.empty() ? std::string() : fmt::format(" of profile {}", quoted(cs.source_profile));
  auto at_with = [&](std::string_view note) {
    std::string w = cs.origin.empty() ? std::string() : where_text(ws, cs.origin);
    if (!note.empty()) w = w.empty() ? std::string(note) : fmt::format("{}; {}", w, note);
    return w.empty() ? w : fmt::format(" ({})", w);
  };
  const std::string at = at_with("");
  switch (cs.source_type) {
    case CredentialType::Env: return fmt::format("key {} from the environment{}", cs.key_id, at);
    case CredentialType::SharedCredentialsFile:
      return fmt::format("key {}{} in the credentials file{}", cs.key_id, prof, at);
    case CredentialType::ConfigFile: return fmt::format("key {}{} in the config file{}", cs.key_id, prof, at);
    case CredentialType::CustomProcess:
      return fmt::format("the credential_process command{}{}", prof, at_with("the command is not shown"));
    case CredentialType::Sso: return fmt::format("SSO{}{}", prof, at_with("needs a token from 'aws sso login'"));
    case CredentialType::ContainerRole: return fmt::format("the container credentials endpoint{}", at);
    case CredentialType::IamRole:
      return fmt::format("the EC2 instance metadata service (an instance role){}", at);
    default: return fmt::format("{}{}{}", credential_type_name(cs.source_type), prof, at);
  }
}

std::string hop_text(const Workspace& ws, const CredentialSource& cs, std::size_t i) {
  const RoleHop& h = cs.hops[i];
  const bool web = cs.source_type == CredentialType::AssumeRoleWithWebIdentity && i + 1 == cs.hops.size();
  const std::string who = h.profile.empty() ? std::string("the environment") : fmt::format("profile {}", quoted(h.profile));
  const std::string role = shown_value(h.role_arn).value_or("?");
  const std::string role_at = h.role_arn.empty() ? std::string("no role_arn") : where_text(ws, h.role_arn);
  if (web)
    return fmt::format("{} assumes {} ({}) with the web identity token in {} ({})", who, role, role_at,
                       shown_value(h.source).value_or("?"), where_text(ws, h.source));
  if (h.via_credential_source)
    return fmt::format("{} assumes {} ({}) with credentials from credential_source = {} ({})", who, role, role_at,
                       shown_value(h.source).value_or("?"), where_text(ws, h.source));
  return fmt::format("{} assumes {} ({}) with credentials from source_profile {} ({})", who, role, role_at,
                     quoted(h.source.value ? h.source.value->text : std::string_view()), where_text(ws, h.source));
}

std::string expiry_text(const Workspace& ws, const Expiry& e) {
  const std::string at = where_text(ws, e.where);
  const std::string note = e.read_by_cli ? "" : "; written by a helper tool, the CLI does not read it";
  if (!e.at)
    return fmt::format("'{}' is not a timestamp awslint reads ({}{}){}", printable(e.where.var ? e.where.var->value : e.where.value ? e.where.value->text : ""), at, note,
                       e.read_by_cli ? ": the CLI fails unless dateutil can parse it" : "");
  const std::int64_t left = *e.at - static_cast<std::int64_t>(ws.ctx.now);
  return fmt::format("{}, {} ({}{})", format_timestamp(*e.at),
                     left < 0 ? fmt::format("expired {} ago", format_span(left)) : fmt::format("in {}", format_span(left)),
                     at, note);
}

// What boto3 / CLI v1 would do differently, as "field" names.
std::vector<std::string_view> differences(const Resolution& a, const Resolution& b) {
  std::vector<std::string_view> d;
  if (a.selection.name != b.selection.name || a.selection.source != b.selection.source) d.push_back("profile");
  if (a.region.source != b.region.source || a.region.value != b.region.value) d.push_back("region");
  const bool ae = a.error.has_value(), be = b.error.has_value();
  if (ae != be || (ae && a.error->type != b.error->type)) d.push_back("error");
  if (!ae && !be &&
      (a.credentials.type != b.credentials.type || a.credentials.source_type != b.credentials.source_type ||
       a.credentials.source_profile != b.credentials.source_profile || a.found() != b.found()))
    d.push_back("credentials");
  return d;
}

// ---- text ------------------------------------------------------------------------------------

constexpr std::string_view kIndent = "             ";

void text_report(const Workspace& ws, const Resolution& r, const Resolution& v1,
                 const std::vector<const Finding*>& fs, int exit_code, std::string& out) {
  auto line = [&](std::string_view label, const std::string& text) {
    out += fmt::format("{:<13}{}\n", label, text);
  };
  auto more = [&](const std::string& text) { out += fmt::format("{}{}\n", kIndent, text); };

  // profile
  std::string prof = fmt::format("{}  ({})", quoted(r.selection.name), selection_reason(ws, r.selection));
  line("profile", prof);
  for (const EnvVar* v : r.profile_overridden)
    more(fmt::format("{}={} ({}) is ignored: {} wins", v->name, quoted(v->value), env_where(ws, *v),
                     source_name(r.selection.source)));
  if (r.profile_defined) {
    more(sections_text(ws, r.selection.name));
  } else if (r.selection.source == Selection::Source::Default) {
    more("not defined in either file (only the environment or the machine can supply credentials)");
  }

  // region
  line("region", region_text(ws, r.region));
  for (const Origin& o : r.region.overridden)
    more(fmt::format("overrides {} = {}", where_text(ws, o), shown_value(o).value_or("")));

  // credentials
  const CredentialSource& cs = r.credentials;
  if (r.error) {
    line("error", fmt::format("{}: {}", r.error->type, r.error->message));
    if (!r.error->where.empty()) more(where_text(ws, r.error->where));
    if (r.error->file) more(fmt::format("the CLI refuses the whole file ({}): see the findings below", r.error->file->display));
    for (std::size_t i = 0; i < cs.hops.size(); ++i) more(fmt::format("{}. {}", i + 1, hop_text(ws, cs, i)));
  } else if (!cs.located()) {
    line("credentials", "none");
    if (cs.instance_metadata_fallback)
      more("nothing in the files or the environment: the CLI would ask the instance metadata service last, "
           "which answers only on EC2 (AWS_EC2_METADATA_DISABLED=true turns it off)");
    else
      more("nothing in the files or the environment, and AWS_EC2_METADATA_DISABLED=true: "
           "\"Unable to locate credentials\"");
  } else {
    line("credentials", std::string(credential_type_name(cs.type)));
    for (std::size_t i = 0; i < cs.hops.size(); ++i) more(fmt::format("{}. {}", i + 1, hop_text(ws, cs, i)));
    const bool web_top = cs.type == CredentialType::AssumeRoleWithWebIdentity;
    if (!web_top) {
      if (cs.hops.empty())
        more(source_text(ws, cs));
      else
        more(fmt::format("{}. {}: {}", cs.hops.size() + 1, credential_type_name(cs.source_type), source_text(ws, cs)));
    }
    if (!cs.session_token.empty()) more(fmt::format("session token: {}", where_text(ws, cs.session_token)));
  }
  if (r.expiry) line("expires", expiry_text(ws, *r.expiry));

  // boto3 / CLI v1
  const auto d = differences(r, v1);
  if (d.empty()) {
    line("boto3/cli v1", "the same profile, region and credentials");
  } else {
    line("boto3/cli v1", fmt::format("differs in {}:", fmt::join(d, ", ")));
    if (std::find(d.begin(), d.end(), "profile") != d.end())
      more(fmt::format("profile {}  ({}; they read AWS_DEFAULT_PROFILE before AWS_PROFILE)",
                       quoted(v1.selection.name), selection_reason(ws, v1.selection)));
    if (std::find(d.begin(), d.end(), "region") != d.end())
      more(fmt::format("region {}{}", region_text(ws, v1.region),
                       r.region.source == RegionSource::AwsRegion ? "  (boto3 and CLI v1 do not read AWS_REGION)" : ""));
    if (v1.error)
      more(fmt::format("error {}: {}", v1.error->type, v1.error->message));
    else if (std::find(d.begin(), d.end(), "credentials") != d.end() || std::find(d.begin(), d.end(), "error") != d.end())
      more(fmt::format("credentials {}", v1.credentials.located()
                                             ? fmt::format("{}: {}", credential_type_name(v1.credentials.type),
                                                           source_text(ws, v1.credentials))
                                             : std::string("none")));
  }

  // findings
  if (fs.empty()) {
    line("findings", "none for this profile");
  } else {
    line("findings", fmt::format("{} for this profile:", fs.size()));
    for (const Finding* f : fs) {
      std::string loc = f->loc.file.empty() ? std::string("<environment>") : f->loc.file;
      if (f->loc.line) loc += fmt::format(":{}", f->loc.line);
      more(fmt::format("{} {} {} {}: {}", loc, severity_name(f->severity), f->rule, f->name, f->message));
    }
  }
  line("result", exit_code == 0 ? std::string("the CLI would find credentials (exit 0)")
                                : std::string(r.error ? "the CLI would fail (exit 1)"
                                                      : "the CLI would find no credentials (exit 1)"));
}

// ---- json ------------------------------------------------------------------------------------

void json_where(JsonWriter& w, const Workspace& ws, const Origin& o) {
  if (o.value) {
    const Value& v = *o.value;
    w.begin_object();
    w.key("file").value(Workspace::display(v.file));
    w.key("line").value(v.line);
    w.key("column").value(v.col);
    w.key("key").value(v.key);
    if (v.section && v.file && v.file->parsed) w.key("section").value(v.file->parsed->str(v.section->name));
    w.key("from_defaults").value(v.from_defaults);
    w.end_object();
  } else if (o.var) {
    w.begin_object();
    w.key("variable").value(o.var->name);
    if (o.var->line && !ws.env.file.empty()) {
      w.key("file").value(ws.env.file);
      w.key("line").value(o.var->line);
    } else {
      w.key("file").null();
      w.key("line").null();
    }
    w.end_object();
  } else {
    w.null();
  }
}

void json_opt(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) w.value(*s);
  else w.null();
}

void json_profile(JsonWriter& w, const Workspace& ws, const Resolution& r) {
  w.begin_object();
  w.key("name").value(r.selection.name);
  w.key("source").value(source_name(r.selection.source));
  w.key("location");
  json_where(w, ws, r.selection.var ? of(r.selection.var) : Origin{});
  w.key("defined").value(r.profile_defined);
  w.key("overridden").begin_array();
  for (const EnvVar* v : r.profile_overridden) json_where(w, ws, of(v));
  w.end_array();
  w.end_object();
}

void json_region(JsonWriter& w, const Workspace& ws, const Resolution& r) {
  w.begin_object();
  w.key("value");
  if (r.region.source == RegionSource::None) w.null();
  else w.value(r.region.value);
  w.key("source").value(region_source_name(r.region.source));
  w.key("location");
  json_where(w, ws, r.region.var ? of(r.region.var) : of(r.region.key));
  w.key("overridden").begin_array();
  for (const Origin& o : r.region.overridden) json_where(w, ws, o);
  w.end_array();
  w.end_object();
}

void json_hops(JsonWriter& w, const Workspace& ws, const CredentialSource& cs) {
  w.begin_array();
  for (std::size_t i = 0; i < cs.hops.size(); ++i) {
    const RoleHop& h = cs.hops[i];
    const bool web = cs.source_type == CredentialType::AssumeRoleWithWebIdentity && i + 1 == cs.hops.size();
    w.begin_object();
    w.key("profile");
    if (h.profile.empty()) w.null();
    else w.value(h.profile);
    w.key("role_arn");
    json_opt(w, shown_value(h.role_arn));
    w.key("role_arn_location");
    json_where(w, ws, h.role_arn);
    w.key("via").value(web ? "web_identity_token_file" : h.via_credential_source ? "credential_source" : "source_profile");
    w.key("source");
    json_opt(w, shown_value(h.source));
    w.key("source_location");
    json_where(w, ws, h.source);
    w.end_object();
  }
  w.end_array();
}

void json_expiry(JsonWriter& w, const Workspace& ws, const std::optional<Expiry>& e) {
  if (!e) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("value");
  if (e->at) w.value(format_timestamp(*e->at));
  else w.null();
  w.key("location");
  json_where(w, ws, e->where);
  w.key("read_by_cli").value(e->read_by_cli);
  w.key("expired");
  if (e->at) w.value(*e->at - static_cast<std::int64_t>(ws.ctx.now) < 0);
  else w.null();
  w.end_object();
}

void json_credentials(JsonWriter& w, const Workspace& ws, const Resolution& r) {
  const CredentialSource& cs = r.credentials;
  if (r.error || !cs.located()) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("type").value(credential_type_name(cs.type));
  w.key("source_type").value(credential_type_name(cs.source_type));
  w.key("source_profile");
  if (cs.source_profile.empty()) w.null();
  else w.value(cs.source_profile);
  w.key("location");
  json_where(w, ws, cs.origin);
  w.key("key_id");
  if (cs.key_id.empty()) w.null();
  else w.value(cs.key_id);
  w.key("session_token");
  json_where(w, ws, cs.session_token);
  w.key("expiration");
  json_expiry(w, ws, r.expiry);
  w.key("chain");
  json_hops(w, ws, cs);
  w.end_object();
}

void json_error(JsonWriter& w, const Workspace& ws, const Resolution& r) {
  if (!r.error) {
    w.null();
    return;
  }
  const ResolveError& e = *r.error;
  w.begin_object();
  w.key("type").value(e.type);
  w.key("message").value(e.message);
  w.key("profile");
  if (e.profile.empty()) w.null();
  else w.value(e.profile);
  w.key("location");
  json_where(w, ws, e.where);
  w.key("file");
  if (e.file) w.value(e.file->display);
  else w.null();
  // Where in the chain it failed: the provider that raised, and the roles on the way.
  w.key("provider");
  if (r.credentials.error && r.credentials.source_type != CredentialType::None)
    w.value(credential_type_name(r.credentials.source_type));
  else if (e.type == "ParserError" || e.type == "TypeError" || e.type == "RuntimeError")
    w.value(credential_type_name(r.credentials.source_type));
  else
    w.null();
  w.key("chain");
  json_hops(w, ws, r.credentials);
  w.end_object();
}

std::string_view status_of(const Resolution& r) {
  if (r.error) return "error";
  return r.found() ? "ok" : "no-credentials";
}

void json_report(const Workspace& ws, const Resolution& r, const Resolution& v1, const std::vector<const Finding*>& fs,
                 int exit_code, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.key("profile");
  json_profile(w, ws, r);
  w.key("region");
  json_region(w, ws, r);
  w.key("credentials");
  json_credentials(w, ws, r);
  w.key("instance_metadata_fallback").value(!r.error && r.credentials.instance_metadata_fallback);
  w.key("error");
  json_error(w, ws, r);
  w.key("status").value(status_of(r));
  w.key("exit_code").value(exit_code);

  w.key("boto3").begin_object();
  w.key("applies_to").value("boto3 and AWS CLI v1 (AWS_DEFAULT_PROFILE before AWS_PROFILE; no AWS_REGION)");
  w.key("differs").begin_array();
  for (std::string_view d : differences(r, v1)) w.value(d);
  w.end_array();
  w.key("profile");
  json_profile(w, ws, v1);
  w.key("region");
  json_region(w, ws, v1);
  w.key("credentials");
  if (v1.error || !v1.credentials.located()) {
    w.null();
  } else {
    w.begin_object();
    w.key("type").value(credential_type_name(v1.credentials.type));
    w.key("source_type").value(credential_type_name(v1.credentials.source_type));
    w.key("source_profile");
    if (v1.credentials.source_profile.empty()) w.null();
    else w.value(v1.credentials.source_profile);
    w.end_object();
  }
  w.key("error");
  if (v1.error) {
    w.begin_object();
    w.key("type").value(v1.error->type);
    w.key("message").value(v1.error->message);
    w.end_object();
  } else {
    w.null();
  }
  w.key("status").value(status_of(v1));
  w.end_object();

  w.key("files").begin_object();
  for (const SourceFile* f : {&ws.config, &ws.credentials}) {
    w.key(f->kind == FileKind::Config ? "config" : "credentials");
    w.begin_object();
    w.key("path");
    if (f->display.empty()) w.null();
    else w.value(f->display);
    w.key("read").value(f->ok());
    w.key("rejected").value(f->ok() && f->parsed->rejected);
    w.end_object();
  }
  w.key("env_file");
  if (ws.env.file.empty()) w.null();
  else w.value(ws.env.file);
  w.end_object();

  w.key("findings").begin_array();
  for (const Finding* f : fs) {
    w.begin_object();
    w.key("rule").value(f->rule);
    w.key("name").value(f->name);
    w.key("severity").value(severity_name(f->severity));
    w.key("message").value(f->message);
    w.key("file");
    if (f->loc.file.empty()) w.null();
    else w.value(f->loc.file);
    w.key("line");
    if (f->loc.line) w.value(f->loc.line);
    else w.null();
    w.key("column");
    if (f->loc.col) w.value(f->loc.col);
    else w.null();
    w.key("profile");
    if (f->has_profile) w.value(f->profile);
    else w.null();
    w.key("variable");
    if (f->variable.empty()) w.null();
    else w.value(f->variable);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

int run_resolve(const Workspace& ws, const std::vector<Finding>& findings, const std::string& format, std::string& out) {
  if (format != "text" && format != "json") return 2;
  const Resolution r = resolve(ws, false);
  const Resolution v1 = resolve(ws, true);
  const std::vector<const Finding*> fs = relevant_findings(ws, r, findings);
  const int exit_code = r.found() ? 0 : 1;
  if (format == "json") json_report(ws, r, v1, fs, exit_code, out);
  else text_report(ws, r, v1, fs, exit_code, out);
  return exit_code;
}

}  // namespace awslint
