// The rule interface. One rule lives in one file in rules/, metadata first; rules/all_rules.cpp
// lists them all explicitly, sorted by id.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "model.h"

namespace awslint {

struct RuleInfo {
  std::string_view id;        // "AWS301"
  std::string_view name;      // "missing-region"
  Severity severity;          // default severity
  std::string_view summary;   // one line, lower-case start, no period
  // Markdown with the fixed headings: "## What it does", "## Why is this bad?", "## Example",
  // "## Use instead". `awslint explain`, the man page and the README table come from it.
  std::string_view doc;
  bool security = false;      // concerns credentials (SARIF security-severity, tags)
  // Its run time on a big input, relative to a rule that reads each section or line once (1). On
  // several threads the rules start heaviest first, so that the longest one does not start last
  // and leave the other threads idle while it runs (run_rules). Output order does not depend on it.
  std::uint8_t weight = 1;
};

class Sink;

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void check(const Workspace& ws, Sink& out) const = 0;
};

// Collects findings. Rules call report(); the severity defaults to the rule's.
class Sink {
 public:
  explicit Sink(const RuleInfo* info = nullptr) : info_(info) {}
  void set_rule(const RuleInfo* info) { info_ = info; }

  // Starts a finding of the current rule at a location; fill in the rest through the reference.
  Finding& report(Location loc, std::string message);
  Finding& report(Location loc, std::string message, Severity severity);

  std::vector<Finding>& findings() { return findings_; }

 private:
  const RuleInfo* info_;
  std::vector<Finding> findings_;
};

// Location helpers for rules.
Location at(const SourceFile& f, std::uint32_t line, std::uint32_t col = 1);
Location at(const Value& v);          // the key of a value
Location at_value(const Value& v);    // the value itself
Location at_section(const SourceFile& f, const Section& s);
// An environment variable: its --env-file line, or (process environment) no file.
Location at_var(const Workspace& ws, const EnvVar& v);

// All rules, sorted by id (rules/all_rules.cpp).
const std::vector<std::unique_ptr<Rule>>& all_rules();
const Rule* find_rule(std::string_view id_or_name);

}  // namespace awslint
