#include "engine.h"

#include <algorithm>
#include <tuple>

#include "report.h"
#include "suppress.h"

namespace awslint {

std::vector<std::string> unknown_rules(const std::vector<std::string>& names) {
  std::vector<std::string> bad;
  for (const auto& n : names)
    if (!find_rule(n)) bad.push_back(n);
  return bad;
}

std::vector<const Rule*> selected_rules(const RuleSelection& sel) {
  std::set<const Rule*> on;
  if (sel.enable.empty()) {
    for (const auto& r : all_rules()) on.insert(r.get());
  } else {
    for (const auto& n : sel.enable)
      if (const Rule* r = find_rule(n)) on.insert(r);
  }
  for (const auto& n : sel.disable)
    if (const Rule* r = find_rule(n)) on.erase(r);
  std::vector<const Rule*> out;
  for (const auto& r : all_rules())
    if (on.count(r.get())) out.push_back(r.get());
  return out;
}

std::vector<Finding> run_rules(const Workspace& ws, const std::vector<const Rule*>& rules, const RuleSelection& sel) {
  Sink sink;
  for (const Rule* r : rules) {
    sink.set_rule(&r->info());
    r->check(ws, sink);
  }
  std::vector<Finding> findings = std::move(sink.findings());
  apply_suppressions(ws, rules, findings);
  for (auto& f : findings) {
    // A safety net under the rules' own care: no secret-looking text leaves in a message.
    f.message = redact_text(f.message);
    for (auto& r : f.related) r.message = redact_text(r.message);
    auto it = sel.severity.find(f.rule);
    if (it != sel.severity.end()) f.severity = it->second;
  }
  return findings;
}

void sort_findings(std::vector<Finding>& v) {
  auto key = [](const Finding& f) { return std::tie(f.loc.file, f.loc.line, f.loc.col, f.rule, f.message); };
  std::stable_sort(v.begin(), v.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  v.erase(std::unique(v.begin(), v.end(), [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
          v.end());
}

std::optional<FailLevel> parse_fail_level(std::string_view s) {
  if (s == "note") return FailLevel::Note;
  if (s == "warning") return FailLevel::Warning;
  if (s == "error") return FailLevel::Error;
  if (s == "never") return FailLevel::Never;
  return std::nullopt;
}

int exit_code(const std::vector<Finding>& findings, FailLevel level) {
  if (level == FailLevel::Never) return 0;
  const auto min = static_cast<int>(level);
  for (const auto& f : findings)
    if (static_cast<int>(f.severity) >= min) return 1;
  return 0;
}

}  // namespace awslint
