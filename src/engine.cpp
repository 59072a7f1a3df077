#include "engine.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "parallel.h"
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
  std::vector<Finding> findings;
  if (threads_for(ws.input_bytes()) <= 1) {
    Sink sink;
    for (const Rule* r : rules) {
      sink.set_rule(&r->info());
      r->check(ws, sink);
    }
    findings = std::move(sink.findings());
  } else {
    // Rules only read the workspace: each runs on whichever thread is free, into a sink of its
    // own; joined in rule order, the findings are exactly those of the serial loop above.
    std::vector<Sink> sinks(rules.size());
    // Heaviest first (a stable order among equals): the threads take the next rule as they come
    // free, so a heavy rule taken last would run alone at the end.
    std::vector<std::size_t> order(rules.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rules[a]->info().weight > rules[b]->info().weight; });
    parallel_for(rules.size(), jobs(), [&](std::size_t k) {
      const std::size_t i = order[k];
      sinks[i].set_rule(&rules[i]->info());
      rules[i]->check(ws, sinks[i]);
    });
    std::size_t total = 0;
    for (auto& s : sinks) total += s.findings().size();
    findings.reserve(total);
    for (auto& s : sinks)
      for (auto& f : s.findings()) findings.push_back(std::move(f));
  }
  apply_suppressions(ws, rules, findings);
  for (auto& f : findings) {
    // A safety net under the rules' own care: no secret-looking text leaves in a message.
    redact_in_place(f.message);
    for (auto& r : f.related) redact_in_place(r.message);
    auto it = sel.severity.find(f.rule);
    if (it != sel.severity.end()) f.severity = it->second;
  }
  return findings;
}

namespace {

// Ranks of the distinct values of one string field, in string order: comparing ranks is comparing
// the strings, without touching them (most findings share their file and their rule).
template <class Get>
std::vector<std::uint32_t> ranks(const std::vector<Finding>& v, Get get) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::string_view> distinct;
  std::vector<std::uint32_t> id(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto [it, added] = ids.try_emplace(get(v[i]), static_cast<std::uint32_t>(distinct.size()));
    if (added) distinct.push_back(it->first);
    id[i] = it->second;
  }
  std::vector<std::uint32_t> order(distinct.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return distinct[a] < distinct[b]; });
  std::vector<std::uint32_t> rank_of(distinct.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank_of[order[r]] = r;
  for (auto& x : id) x = rank_of[x];
  return id;
}

}  // namespace

// Sorts small keys (file and rule as ranks; the message, compared only on ties, last; the original
// index for stability), then moves each finding once into place: sorting the findings themselves
// moved every 300-byte Finding ~18 times and compared file names at each step.
void sort_findings(std::vector<Finding>& v) {
  const std::size_t n = v.size();
  if (n < 2) return;
  struct Key {
    std::uint32_t file, line, col, rule, index;
  };
  const std::vector<std::uint32_t> file = ranks(v, [](const Finding& f) { return std::string_view(f.loc.file); });
  const std::vector<std::uint32_t> rule = ranks(v, [](const Finding& f) { return std::string_view(f.rule); });
  std::vector<Key> keys(n);
  for (std::size_t i = 0; i < n; ++i)
    keys[i] = Key{file[i], v[i].loc.line, v[i].loc.col, rule[i], static_cast<std::uint32_t>(i)};
  auto same_place = [](const Key& a, const Key& b) {
    return a.file == b.file && a.line == b.line && a.col == b.col && a.rule == b.rule;
  };
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    if (a.col != b.col) return a.col < b.col;
    if (a.rule != b.rule) return a.rule < b.rule;
    const int m = v[a.index].message.compare(v[b.index].message);
    if (m != 0) return m < 0;
    return a.index < b.index;
  });
  // Exact repeats (same place, rule and message) after the first of each run are dropped.
  std::vector<std::uint32_t> src(n);  // src[k]: the original index of the k-th finding
  std::vector<bool> repeat(n);
  bool any_repeat = false;
  for (std::size_t k = 0; k < n; ++k) {
    src[k] = keys[k].index;
    if (k > 0 && same_place(keys[k], keys[k - 1]) && v[keys[k].index].message == v[keys[k - 1].index].message)
      repeat[k] = any_repeat = true;
  }
  keys = {};
  // Gathered into a new array: written in order, and read in a few ascending streams (each rule
  // reports in file order), which the cache follows. Following the permutation's cycles in place
  // jumped across the whole array at every step and cost more than the sort itself.
  std::size_t kept = n;
  if (any_repeat) kept -= static_cast<std::size_t>(std::count(repeat.begin(), repeat.end(), true));
  std::vector<Finding> out;
  out.reserve(kept);
  for (std::size_t k = 0; k < n; ++k)
    if (!repeat[k]) out.push_back(std::move(v[src[k]]));
  v = std::move(out);
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
