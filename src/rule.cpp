#include "rule.h"

#include "text.h"

namespace awslint {

Finding& Sink::report(Location loc, std::string message) {
  return report(std::move(loc), std::move(message), info_ ? info_->severity : Severity::Warning);
}

Finding& Sink::report(Location loc, std::string message, Severity severity) {
  Finding f;
  if (info_) {
    f.rule = std::string(info_->id);
    f.name = std::string(info_->name);
  }
  f.severity = severity;
  f.message = std::move(message);
  f.loc = std::move(loc);
  findings_.push_back(std::move(f));
  return findings_.back();
}

Location at(const SourceFile& f, std::uint32_t line, std::uint32_t col) { return Location{f.display, line, col}; }
Location at(const Value& v) { return Location{v.file ? v.file->display : "", v.line, v.col}; }
Location at_value(const Value& v) { return Location{v.file ? v.file->display : "", v.line, v.value_col}; }
Location at_section(const SourceFile& f, const Section& s) { return Location{f.display, s.line, s.col}; }
Location at_var(const Workspace& ws, const EnvVar& v) {
  if (v.line == 0) return Location{};
  return Location{ws.env.file, v.line, 1};
}

const Rule* find_rule(std::string_view id_or_name) {
  for (const auto& r : all_rules())
    if (iequals(r->info().id, id_or_name) || r->info().name == id_or_name) return r.get();
  return nullptr;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "note" || s == "info") return Severity::Note;
  if (s == "warning") return Severity::Warning;
  if (s == "error") return Severity::Error;
  return std::nullopt;
}

}  // namespace awslint
