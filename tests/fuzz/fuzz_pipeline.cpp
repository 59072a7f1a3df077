// libFuzzer harness: the whole pipeline on one input split into three files.
//   input = CONFIG [SEP CREDENTIALS [SEP ENV-FILE]]   with SEP = "\n%%\n" (kSplit below)
// config and credentials are lexed into a Workspace, the env part is read as a docker --env-file,
// then every rule runs (suppressions and sorting included), every report format of
// report_formats() is rendered, and dump and resolve (text and json) too.
// Built with AWSLINT_FUZZ=ON (clang, -fsanitize=fuzzer,address,undefined); in ordinary builds the
// same function is linked with replay_main.cpp so that tests/fuzz/regressions/ runs under ctest.
#include <cstddef>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "dump.h"
#include "engine.h"
#include "lexer.h"
#include "model.h"
#include "report.h"
#include "resolve.h"
#include "rule.h"
#include "source.h"
#include "text.h"

namespace {

using namespace awslint;

constexpr std::string_view kSplit = "\n%%\n";

// One scratch env file per process (the only file the harness writes), removed at exit.
const std::string& env_path() {
  static const std::string path = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string p = std::string(tmp && *tmp ? tmp : "/tmp") + "/awslint-fuzz-" + std::to_string(::getpid()) + ".env";
    std::atexit([] { std::remove(env_path().c_str()); });
    return p;
  }();
  return path;
}

void load(SourceFile& f, FileKind kind, const char* name, std::string_view text, bool present) {
  f.kind = kind;
  f.path = name;
  f.display = name;
  f.explicit_path = true;
  if (!present) {
    f.status = ReadStatus::Missing;
    f.error = "No such file or directory";
    return;
  }
  f.status = ReadStatus::Ok;
  f.parsed = lex(std::string(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view part[3];
  int n = 0;
  while (n < 2) {
    const std::size_t p = in.find(kSplit);
    if (p == std::string_view::npos) break;
    part[n++] = in.substr(0, p);
    in.remove_prefix(p + kSplit.size());
  }
  part[n++] = in;
  // With no separator the input is the config file alone; with one, config and credentials; with
  // two, config, credentials and env file.
  const bool have_creds = n >= 2, have_env = n >= 3;

  Workspace ws;
  load(ws.config, FileKind::Config, ".aws/config", part[0], true);
  load(ws.credentials, FileKind::Credentials, ".aws/credentials", part[1], have_creds);
  ws.env.enabled = have_env;
  if (have_env) {
    // AWS007 reads the env file again by its path to quote the bad lines: give it a real file.
    ws.env.file = env_path();
    if (std::FILE* f = std::fopen(ws.env.file.c_str(), "wb")) {
      std::fwrite(part[2].data(), 1, part[2].size(), f);
      std::fclose(f);
    }
    parse_env_file(part[2], ws.env);
  }
  ws.ctx.now = 1767225600;  // 2026-01-01T00:00:00Z
  if (size > 0 && (data[0] & 1)) ws.ctx.profile_flag = "dev";
  ws.build();

  RuleSelection sel;
  const std::vector<const Rule*> rules = selected_rules(sel);
  std::vector<Finding> findings = run_rules(ws, rules, sel);
  sort_findings(findings);

  ReportContext rc;
  rc.rules = rules;
  rc.inputs.push_back(InputSummary{ws.config.display, "config", true, "read"});
  rc.inputs.push_back(InputSummary{ws.credentials.display, "credentials", have_creds, have_creds ? "read" : "missing"});
  if (have_env) rc.inputs.push_back(InputSummary{ws.env.file, "env-file", true, "read"});
  rc.working_dir = "/work";
  rc.workspace = &ws;
  rc.workspaces.push_back(&ws);
  for (std::string_view format : report_formats()) {
    // Text twice: with and without ANSI colours (the other formats ignore the flag).
    for (bool color : {false, true}) {
      if (color && format != "text") break;
      rc.color = color;
      auto reporter = make_reporter(format);
      if (!reporter) std::abort();
      std::string out;
      reporter->write(findings, rc, out);
      // The machine-readable formats promise valid UTF-8 whatever the input held.
      if (format != "text" && first_invalid_utf8(out) != std::string::npos) std::abort();
    }
  }
  for (const Finding& f : findings)
    if (f.loc.line != 0) (void)safe_excerpt(ws, f.loc.file, f.loc.line);

  std::string out;
  dump_json(ws, false, out);
  if (first_invalid_utf8(out) != std::string::npos) std::abort();
  for (const char* format : {"text", "json"}) {
    out.clear();
    (void)run_resolve(ws, findings, format, out);
  }
  return 0;
}
