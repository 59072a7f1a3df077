// The engine: select rules, run them over a workspace, apply suppressions and severity
// overrides, sort, and decide the exit code.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "rule.h"

namespace awslint {

struct RuleSelection {
  std::vector<std::string> enable;   // empty: every rule; else only these (ids or names)
  std::vector<std::string> disable;  // removed from the set
  std::map<std::string, Severity> severity;  // overrides by rule id
};

// Resolves ids and names; returns the unknown ones (a usage error).
std::vector<std::string> unknown_rules(const std::vector<std::string>& names);

std::vector<const Rule*> selected_rules(const RuleSelection& sel);

// Runs the rules over one workspace. Suppression comments in its files are applied here.
std::vector<Finding> run_rules(const Workspace& ws, const std::vector<const Rule*>& rules, const RuleSelection& sel);

// Sorts by file, line, column, rule id, and removes exact repeats (the same environment finding
// from several workspaces).
void sort_findings(std::vector<Finding>& findings);

enum class FailLevel { Note, Warning, Error, Never };
std::optional<FailLevel> parse_fail_level(std::string_view s);
int exit_code(const std::vector<Finding>& findings, FailLevel level);

}  // namespace awslint
