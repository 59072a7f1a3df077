#include "cli.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "catalog.h"
#include "dump.h"
#include "engine.h"
#include "parallel.h"
#include "report.h"
#include "resolve.h"
#include "settings.h"
#include "source.h"
#include "text.h"
#include "timeutil.h"

namespace awslint {
namespace {

constexpr int kExitUsage = 2;

void err_line(std::string_view msg) {
  std::string s = fmt::format("awslint: {}\n", printable(msg));
  std::fwrite(s.data(), 1, s.size(), stderr);
}

int usage_error(std::string_view msg, std::string_view hint) {
  std::string s = fmt::format("awslint: error: {}\n", printable(msg));
  if (!hint.empty()) s += fmt::format("hint: {}\n", hint);
  std::fwrite(s.data(), 1, s.size(), stderr);
  return kExitUsage;
}

std::vector<std::string> split_list(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& s : in) {
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t c = s.find(',', start);
      if (c == std::string::npos) c = s.size();
      std::string part(py_strip(std::string_view(s).substr(start, c - start)));
      if (!part.empty()) out.push_back(part);
      start = c + 1;
    }
  }
  return out;
}

std::string getenv_str(char** envp, std::string_view name) {
  for (char** e = envp; e && *e; ++e) {
    std::string_view kv(*e);
    if (kv.size() > name.size() && kv.starts_with(name) && kv[name.size()] == '=')
      return std::string(kv.substr(name.size() + 1));
  }
  return {};
}

bool has_env(char** envp, std::string_view name) {
  for (char** e = envp; e && *e; ++e) {
    std::string_view kv(*e);
    if (kv.size() > name.size() && kv.starts_with(name) && kv[name.size()] == '=') return true;
  }
  return false;
}

// os.path.expanduser for "~" and "~/..." (what botocore does with AWS_CONFIG_FILE).
std::string expand_user(const std::string& p, const std::string& home) {
  if (p == "~") return home;
  if (p.starts_with("~/")) return home + p.substr(1);
  return p;
}

std::string base_name(const std::string& p) {
  const std::size_t s = p.find_last_of('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}
std::string dir_name(const std::string& p) {
  const std::size_t s = p.find_last_of('/');
  if (s == std::string::npos) return ".";
  if (s == 0) return "/";
  return p.substr(0, s);
}
std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  return dir.ends_with('/') ? dir + name : dir + "/" + name;
}

struct Group {
  std::optional<std::string> config, credentials;
  bool config_explicit = false, credentials_explicit = false;
  std::string label;  // what the user named (a directory, files)
};

// Config or credentials: by base name, else by content ([profile ...] / [sso-session ...] headers
// mean config; a credentials file has no such headers).
FileKind classify(const FileSystem& fs, const std::string& path) {
  const std::string b = base_name(path);
  if (b.starts_with("credentials")) return FileKind::Credentials;
  if (b.starts_with("config")) return FileKind::Config;
  if (b.ends_with(".aws-credentials")) return FileKind::Credentials;  // the pre-commit hook's names
  if (b.ends_with(".aws-config")) return FileKind::Config;
  FileData d = fs.read(path, kMaxFileSize);
  if (d.status != ReadStatus::Ok) return FileKind::Config;
  auto pf = lex(std::move(d.bytes));
  bool config_headers = false, key_ids = false;
  for (const Section& s : pf->sections) {
    std::string_view n = pf->str(s.name);
    if (n.starts_with("profile") || n.starts_with("sso-session") || n.starts_with("services")) config_headers = true;
  }
  for (const Entry& e : pf->entries)
    if (pf->str(e.key) == "aws_access_key_id" || pf->str(e.key) == "aws_secret_access_key") key_ids = true;
  if (config_headers) return FileKind::Config;
  return key_ids ? FileKind::Credentials : FileKind::Config;
}

struct Run {
  Options opt;
  Settings settings;
  RealFileSystem fs;
  std::string cwd;
  char** envp = nullptr;
  std::vector<std::unique_ptr<Workspace>> workspaces;
  std::vector<Finding> input_findings;  // explicit inputs that could not be read
  bool anything_read = false;
  bool io_error = false;
  std::vector<InputSummary> inputs;
  LintContext ctx;
  Environment env;

  std::vector<Group> plan() {
    std::vector<Group> groups;
    if (opt.config || opt.credentials) {
      Group g;
      g.config = opt.config;
      g.credentials = opt.credentials;
      g.config_explicit = g.credentials_explicit = true;
      groups.push_back(g);
    }
    // Files in one directory pair up: the config and the credentials file of one ~/.aws.
    for (const auto& p : opt.paths) {
      if (fs.is_directory(p)) {
        Group g;
        g.config = join(p, "config");
        g.credentials = join(p, "credentials");
        g.label = p;
        groups.push_back(g);
        continue;
      }
      const FileKind k = classify(fs, p);
      Group* target = nullptr;
      for (auto& g : groups) {
        if (!g.label.empty() || !g.config_explicit) continue;
        const auto& slot = k == FileKind::Config ? g.config : g.credentials;
        const auto& other = k == FileKind::Config ? g.credentials : g.config;
        if (!slot && other && dir_name(*other) == dir_name(p) && !(opt.config || opt.credentials)) target = &g;
      }
      if (!target) {
        groups.emplace_back();
        target = &groups.back();
        target->config_explicit = target->credentials_explicit = true;
      }
      (k == FileKind::Config ? target->config : target->credentials) = p;
    }
    if (groups.empty()) {
      // What the CLI would read.
      const bool use_env = !opt.no_env;
      std::string home = getenv_str(envp, "HOME");
      Group g;
      std::string cfg = use_env ? getenv_str(envp, "AWS_CONFIG_FILE") : "";
      std::string crd = use_env ? getenv_str(envp, "AWS_SHARED_CREDENTIALS_FILE") : "";
      g.config = cfg.empty() ? join(home, ".aws/config") : expand_user(cfg, home);
      g.credentials = crd.empty() ? join(home, ".aws/credentials") : expand_user(crd, home);
      groups.push_back(g);
    }
    return groups;
  }

  // Reads and lexes a group's config and credentials files. When the config file is big enough to
  // be lexed on several threads, the credentials file is read on a thread of its own meanwhile: it
  // fills the time the config's serial steps leave a core idle. What is reported (inputs, errors)
  // does not depend on it: that is done afterwards, config first.
  void load_files(Workspace& ws, const Group& g) {
    struct One {
      SourceFile& f;
      const std::optional<std::string>& path;
      bool is_explicit;
      FileKind kind;
    };
    One files[2] = {{ws.config, g.config, g.config_explicit, FileKind::Config},
                    {ws.credentials, g.credentials, g.credentials_explicit, FileKind::Credentials}};
    for (One& o : files) {
      o.f.kind = o.kind;
      o.f.explicit_path = o.is_explicit;
      if (!o.path) {
        o.f.status = ReadStatus::Missing;
        continue;
      }
      o.f.path = *o.path;
      o.f.display = display_path(*o.path, cwd);
    }
    const bool side_by_side =
        g.config && g.credentials && threads_for(fs.size_hint(*g.config)) > 1;
    parallel_for(2, side_by_side ? 2 : 1, [&](std::size_t k) {
      if (files[k].path) load_source(fs, files[k].f);
    });
    for (const One& o : files) {
      if (!o.path) continue;
      const SourceFile& f = o.f;
      const char* role = o.kind == FileKind::Config ? "config" : "credentials";
      InputSummary in{f.display, role, f.ok(), f.ok() ? "read" : f.error};
      if (f.status == ReadStatus::Missing) in.status = "missing";
      inputs.push_back(in);
      if (f.ok()) {
        anything_read = true;
      } else if (o.is_explicit) {
        io_error = true;
        err_line(fmt::format("error: cannot read {} file '{}': {}", role, f.display, f.error));
      }
    }
  }

  int load_inputs() {
    // The environment first: file discovery may depend on it.
    env.enabled = !opt.no_env;
    if (opt.env_file) {
      FileData d = fs.read(*opt.env_file, kMaxFileSize);
      env.file = display_path(*opt.env_file, cwd);
      InputSummary in{env.file, "env-file", d.status == ReadStatus::Ok, d.status == ReadStatus::Ok ? "read" : d.error};
      inputs.push_back(in);
      if (d.status != ReadStatus::Ok) {
        io_error = true;
        env.read_error = d.status == ReadStatus::Missing ? "does not exist" : d.error;
        err_line(fmt::format("error: cannot read env file '{}': {}", env.file, d.error));
      } else {
        anything_read = true;
        parse_env_file(d.bytes, env);
      }
    } else if (env.enabled) {
      load_process_env(env, envp);
    }
    for (const Group& g : plan()) {
      auto ws = std::make_unique<Workspace>();
      load_files(*ws, g);
      ws->env = env;
      ws->ctx = ctx;
      ws->build();
      workspaces.push_back(std::move(ws));
    }
    // Default locations and directories: missing files are normal (the CLI treats them as empty).
    const bool explicit_inputs = opt.config || opt.credentials || !opt.paths.empty() || opt.env_file;
    if (!anything_read && explicit_inputs) {
      bool any_dir = false;
      for (const auto& p : opt.paths) any_dir |= fs.is_directory(p);
      if (!any_dir) {
        err_line("error: none of the named inputs could be read");
        return kExitUsage;
      }
    }
    return 0;
  }

  int parse_context() {
    if (opt.now) {
      auto t = parse_timestamp(*opt.now);
      if (!t) return usage_error(fmt::format("--now: '{}' is not a timestamp", *opt.now),
                                 "use ISO 8601, e.g. --now 2026-01-01T00:00:00Z");
      ctx.now = static_cast<std::time_t>(*t);
    } else {
      ctx.now = std::time(nullptr);
    }
    std::optional<std::string> window = opt.expiry_window ? opt.expiry_window : settings.expiry_window;
    if (window) {
      auto d = parse_duration(*window);
      if (!d) return usage_error(fmt::format("--expiry-window: '{}' is not a duration", *window),
                                 "use a number with a unit, e.g. 15m, 1h, 90s");
      ctx.expiry_window_seconds = *d;
    }
    ctx.profile_flag = opt.profile;
    return 0;
  }
};

int write_output(const Options& opt, const std::string& text) {
  if (opt.output) {
    std::FILE* f = std::fopen(opt.output->c_str(), "wb");
    if (!f) return usage_error(fmt::format("-o: cannot write '{}': {}", *opt.output, std::strerror(errno)), "");
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !ok) return usage_error(fmt::format("-o: cannot write '{}'", *opt.output), "");
    return 0;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  return 0;
}

int cmd_rules(const Options& opt) {
  const std::string fmt_name = opt.format.empty() ? "text" : opt.format;
  std::string out;
  if (!render_catalog(fmt_name, out))
    return usage_error(fmt::format("rules: unknown format '{}'", fmt_name), "use text, markdown, json or man");
  return write_output(opt, out);
}

int cmd_explain(const Options& opt) {
  const Rule* r = find_rule(opt.explain_id);
  if (!r) {
    std::string best;
    std::size_t bestd = 99;
    for (const auto& x : all_rules()) {
      for (std::string_view cand : {x->info().id, x->info().name}) {
        const std::size_t d = edit_distance(ascii_lower(opt.explain_id), ascii_lower(cand));
        if (d < bestd) bestd = d, best = std::string(cand);
      }
    }
    return usage_error(fmt::format("explain: unknown rule '{}'", opt.explain_id),
                       bestd <= 3 ? fmt::format("did you mean '{}'? ('awslint rules' lists them)", best)
                                  : std::string("'awslint rules' lists the rules"));
  }
  std::string out;
  render_explain(*r, out);
  return write_output(opt, out);
}

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

int run_impl(Run& R, int argc, char** argv);

int run(int argc, char** argv, char** envp) {
  // The model of a 100,000-profile config is freed by the process exit, not by half a million
  // destructor calls (sanitizer builds free it, so leak checks still see everything).
  auto* R = new Run;
  R->envp = envp;
  const int rc = run_impl(*R, argc, argv);
  if (kSanitized) delete R;
  return rc;
}

int run_impl(Run& R, int argc, char** argv) {
  char** envp = R.envp;
  R.cwd = current_dir();
  Options& opt = R.opt;

  CLI::App app{"awslint: an offline linter for the AWS CLI/SDK shared configuration (~/.aws/config, "
               "~/.aws/credentials and the AWS_* environment). It reads the files exactly as AWS CLI v2 does, "
               "never calls AWS and never writes under ~/.aws.",
               "awslint"};
  app.footer(
      "Exit status: 0 nothing at or above --fail-level, 1 findings at or above it, 2 usage or I/O error.\n"
      "Examples:\n"
      "  awslint                         lint what the AWS CLI would read (and the environment)\n"
      "  awslint ~/.aws                  lint a folder's config and credentials\n"
      "  awslint --env-file image.env --format sarif -o awslint.sarif path/to/.aws\n"
      "  awslint explain AWS103          a rule's documentation");
  app.set_version_flag("--version", std::string("awslint ") + AWSLINT_VERSION);
  app.fallthrough();
  app.positionals_at_end(false);

  auto add_inputs = [&](CLI::App* a) {
    a->add_option("path", opt.paths, "a ~/.aws-style folder, or config/credentials files (default: what the CLI reads)");
  };
  add_inputs(&app);
  auto* g_in = "Inputs";
  app.add_option("--config", opt.config, "the config file to read")->group(g_in);
  app.add_option("--credentials", opt.credentials, "the credentials file to read")->group(g_in);
  app.add_flag("--no-env", opt.no_env, "ignore the environment (AWS_* variables)")->group(g_in);
  app.add_option("--env-file", opt.env_file, "read KEY=VALUE lines (docker --env-file format) instead of the process environment")
      ->group(g_in);
  app.add_option("--profile", opt.profile, "lint as if the CLI ran with --profile NAME")->group(g_in);
  app.add_option("--now", opt.now, "the time for expiry checks (ISO 8601; default: now)")->group(g_in);
  app.add_option("--expiry-window", opt.expiry_window, "warn about credentials expiring within this time (default 15m)")
      ->group(g_in);
  auto* g_out = "Output";
  app.add_option("--format", opt.format, "text (default), json, sarif, github, gitlab, junit, checkstyle")->group(g_out);
  app.add_option("-o,--output", opt.output, "write the report to FILE")->group(g_out);
  app.add_flag("--no-color", opt.no_color, "no colours (also: NO_COLOR set)")->group(g_out);
  auto* g_rules = "Rules";
  app.add_option("--enable", opt.enable, "run only these rules (ids or names, comma-separated)")
      ->group(g_rules)
      ->allow_extra_args(false);
  app.add_option("--disable", opt.disable, "do not run these rules (ids or names, comma-separated)")
      ->group(g_rules)
      ->allow_extra_args(false);
  app.add_option("--fail-level", opt.fail_level, "lowest severity that makes the exit status 1: error, warning (default), note, never")
      ->group(g_rules);
  app.add_option("--config-file", opt.settings_file, "awslint's own settings (default: .awslint.ini here or above)")
      ->group(g_rules);
  app.add_flag("--no-config", opt.no_settings, "ignore .awslint.ini")->group(g_rules);
  app.add_option("-j,--jobs", opt.jobs,
                 "threads for inputs of 1 MiB and more (default: the CPUs available, at most 8; 1: one thread)")
      ->check(CLI::Range(1u, 1024u))
      ->group(g_in);
  bool skip_missing = false;
  app.add_flag("--skip-missing", skip_missing,
               "exit 0 and print nothing when no config or credentials file is found")
      ->group(g_in);

  auto* c_check = app.add_subcommand("check", "lint (the default)");
  auto* c_dump = app.add_subcommand("dump", "print the files as the CLI reads them, as JSON (secrets masked)");
  c_dump->add_flag("--show-secrets", opt.show_secrets, "print secret values unmasked (a warning goes to stderr)");
  auto* c_resolve = app.add_subcommand("resolve", "which profile, region and credentials the CLI would use, offline");
  auto* c_rules = app.add_subcommand("rules", "list the rules (--format text, markdown, json, man)");
  auto* c_explain = app.add_subcommand("explain", "print one rule's documentation");
  c_explain->add_option("rule", opt.explain_id, "rule id or name")->required();
  for (auto* c : {c_check, c_dump, c_resolve, c_rules, c_explain}) {
    c->fallthrough();
  }
  for (auto* c : {c_check, c_dump, c_resolve}) add_inputs(c);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what(), "run 'awslint --help' for the options");
  }
  if (opt.jobs) set_jobs(*opt.jobs);
  if (c_dump->parsed()) opt.command = "dump";
  if (c_resolve->parsed()) opt.command = "resolve";
  if (c_rules->parsed()) opt.command = "rules";
  if (c_explain->parsed()) opt.command = "explain";

  if (opt.command == "rules") return cmd_rules(opt);
  if (opt.command == "explain") return cmd_explain(opt);

  // Settings (.awslint.ini), then the command line on top.
  if (!opt.no_settings) {
    std::string error;
    if (!load_settings(opt.settings_file, R.cwd, R.settings, error)) return usage_error(error, "fix or remove the settings file, or use --no-config");
  }
  RuleSelection sel;
  sel.enable = split_list(opt.enable.empty() ? R.settings.enable : opt.enable);
  sel.disable = split_list(opt.disable);
  if (opt.disable.empty() || true) {
    auto from_file = split_list(R.settings.disable);
    // Rules the command line enables are not disabled by the settings file.
    for (auto& d : from_file) {
      bool on = false;
      for (auto& e : split_list(opt.enable)) on |= find_rule(e) == find_rule(d);
      if (!on) sel.disable.push_back(d);
    }
  }
  for (const auto& [id, sev] : R.settings.severity) sel.severity[id] = sev;
  std::vector<std::string> named = sel.enable;
  named.insert(named.end(), sel.disable.begin(), sel.disable.end());
  if (auto bad = unknown_rules(named); !bad.empty())
    return usage_error(fmt::format("unknown rule '{}'", bad.front()), "'awslint rules' lists the rule ids and names");
  const std::string fail_str = opt.fail_level ? *opt.fail_level : R.settings.fail_level.value_or("warning");
  auto fail = parse_fail_level(fail_str);
  if (!fail) return usage_error(fmt::format("--fail-level: '{}' is not a level", fail_str), "use error, warning, note or never");
  std::string format = opt.format.empty() ? R.settings.format.value_or("") : opt.format;
  if (opt.command == "check") {
    if (format.empty()) format = "text";
    bool known = false;
    for (auto f : report_formats()) known |= f == format;
    if (!known)
      return usage_error(fmt::format("--format: unknown format '{}'", format),
                         "use text, json, sarif, github, gitlab, junit or checkstyle");
  }
  if (int rc = R.parse_context()) return rc;
  if (int rc = R.load_inputs()) return rc;
  if (skip_missing && !R.anything_read) return 0;

  if (opt.command == "dump") {
    if (R.workspaces.size() != 1)
      return usage_error("dump reads one config/credentials pair", "name one folder, or --config and --credentials");
    if (opt.show_secrets) err_line("warning: --show-secrets prints secret keys and tokens in clear");
    std::string out;
    dump_json(*R.workspaces.front(), opt.show_secrets, out);
    return write_output(opt, out);
  }
  if (opt.command == "resolve") {
    if (R.workspaces.size() != 1)
      return usage_error("resolve reads one config/credentials pair", "name one folder, or --config and --credentials");
    const std::vector<const Rule*> rules = selected_rules(sel);
    std::vector<Finding> findings = run_rules(*R.workspaces.front(), rules, sel);
    sort_findings(findings);
    std::string out;
    // The settings file's `format` is for lint reports; resolve takes only its own --format.
    const std::string rformat = opt.format.empty() ? "text" : opt.format;
    const int rc = run_resolve(*R.workspaces.front(), findings, rformat, out);
    if (rc == kExitUsage) return usage_error(fmt::format("resolve: unknown format '{}'", rformat), "use text or json");
    write_output(opt, out);
    return rc;
  }

  const std::vector<const Rule*> rules = selected_rules(sel);
  std::vector<Finding> findings;
  for (const auto& ws : R.workspaces) {
    auto f = run_rules(*ws, rules, sel);
    if (findings.empty()) {
      findings = std::move(f);  // the common case, one workspace: no second array of findings
      continue;
    }
    findings.insert(findings.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  }
  sort_findings(findings);

  ReportContext rc;
  rc.rules = rules;
  rc.inputs = R.inputs;
  rc.working_dir = R.cwd;
  rc.execution_successful = !R.io_error;
  rc.workspace = R.workspaces.empty() ? nullptr : R.workspaces.front().get();
  for (const auto& ws : R.workspaces) rc.workspaces.push_back(ws.get());
  rc.color = !opt.no_color && !opt.output && format == "text" && ::isatty(1) && !has_env(envp, "NO_COLOR");
  // The report goes out as it is written (ReportContext::spill), not built whole first.
  std::FILE* dest = stdout;
  if (opt.output) {
    dest = std::fopen(opt.output->c_str(), "wb");
    if (!dest) return usage_error(fmt::format("-o: cannot write '{}': {}", *opt.output, std::strerror(errno)), "");
  }
  bool written = true;
  rc.spill = [&](std::string_view piece) {
    written &= std::fwrite(piece.data(), 1, piece.size(), dest) == piece.size();
  };
  std::string out;
  out.reserve(std::size_t{2} << 20);
  auto reporter = make_reporter(format);
  reporter->write(findings, rc, out);
  rc.spill(out);
  if (opt.output) {
    if (std::fclose(dest) != 0 || !written) return usage_error(fmt::format("-o: cannot write '{}'", *opt.output), "");
  } else {
    std::fflush(stdout);
  }
  return exit_code(findings, *fail);
}

}  // namespace awslint
