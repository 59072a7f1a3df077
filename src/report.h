// Reporters: one per output format, behind one interface. A reporter gets the findings already
// selected, suppressed and sorted (file, line, column, rule id) and writes the whole report.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "rule.h"

namespace awslint {

struct InputSummary {
  std::string path;     // display path
  std::string role;     // "config", "credentials", "env-file"
  bool read = false;    // false: missing / unreadable
  std::string status;   // "read", "missing", "not a regular file", ...
};

struct ReportContext {
  std::vector<const Rule*> rules;  // the rules that ran (SARIF tool.driver.rules lists every rule)
  std::vector<InputSummary> inputs;
  bool color = false;            // text: ANSI colours
  bool excerpts = true;          // text: source excerpts (secrets masked)
  std::string working_dir;       // absolute; SARIF paths under it are made relative
  bool execution_successful = true;  // false when an input could not be read (SARIF invocations)
  std::string automation_id = "awslint/";  // SARIF automationDetails.id
  // Source lines for excerpts: file display path -> the file (null when not read).
  const class Workspace* workspace = nullptr;  // the first workspace (kept for simple callers)
  // Every workspace linted (one per config/credentials pair); excerpts look the file up here.
  std::vector<const class Workspace*> workspaces;
  // When set, reporters hand the report over in pieces of about a megabyte as they write it (the
  // last piece stays in `out`), so that a report of 100,000s of findings is never held whole.
  std::function<void(std::string_view)> spill;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const std::vector<Finding>& findings, const ReportContext& ctx, std::string& out) = 0;
};

// "text", "json", "sarif", "github", "gitlab", "junit", "checkstyle".
std::unique_ptr<Reporter> make_reporter(std::string_view format);
const std::vector<std::string_view>& report_formats();

// Free text fit for output: on every line, secret-looking assignments (`aws_secret_access_key = x`,
// also misspelt keys), access key ids and long base64-looking runs (keys, tokens) are masked. The
// engine passes every finding's message through it, and dump every value it prints unmasked.
std::string redact_text(std::string_view s);
// redact_text(s) in place; leaves s untouched (no copy) when nothing in it looks like a secret.
void redact_in_place(std::string& s);

// The text of a source line fit for output: secret values replaced by '*', access key ids masked.
std::string safe_excerpt(const Workspace& ws, const std::string& file_display, std::uint32_t line);

}  // namespace awslint
